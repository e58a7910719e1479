/// Accumulates rendered text and owns every whitespace and line-break decision.
///
/// Line breaks are *requested* and only written when visible text follows, which gives,
/// without look-ahead: no leading or trailing blank lines, at most one blank line between
/// blocks, no trailing spaces, and browser-like collapsing of whitespace runs.
struct TextSink: ~Copyable {
    /// The UTF-8 output so far (a buffer rather than an array: the renderer appends a
    /// piece for every word run and every break).
    private var bytes: GrowableBuffer<UInt8>
    /// Set once the byte limit was reached; callers stop walking.
    private(set) var isFull = false
    /// Counts visible characters written; lets a table cell tell whether it produced any.
    private(set) var visibleCount = 0

    private let limit: Int
    /// Newlines to write before the next visible character (0, 1 or 2).
    private var pendingNewlines = 0
    /// A collapsed space is owed before the next visible character on this line.
    private var pendingSpace = false
    /// The last line in `bytes` holds visible text.
    private var lineHasText = false
    /// The last line in `bytes` exists for layout even if it is empty (it held `&nbsp;`).
    private var lineIsUsed = false
    /// How many `\n` end `bytes`; caps blank lines at one.
    private var trailingNewlines = 0
    /// Inside a table cell that has shown nothing yet: block edges must not break the row.
    var suppressesBlockBreaks = false

    init(limit: Int) {
        self.limit = max(0, limit)
        // Most renderings are a table cell's few words; a document grows it a few times.
        bytes = GrowableBuffer(capacity: min(self.limit, 256))
    }

    /// Ends the current line before the next text; `lines == 2` asks for a blank line.
    mutating func requestBreak(_ lines: Int) {
        if suppressesBlockBreaks { return }
        guard !bytes.isEmpty || lineIsUsed else { return }
        pendingNewlines = max(pendingNewlines, min(lines, 2))
        pendingSpace = false
    }

    /// A `<br>`: ends the current line, or adds an empty line when already at a line start.
    mutating func lineBreak() {
        // A `<br>` before anything in a table cell would only push the row down a line.
        if suppressesBlockBreaks { return }
        guard !bytes.isEmpty || lineIsUsed else { return }
        // After text this ends the line (0 -> 1); after a block edge or another <br> it
        // leaves an empty line (1 -> 2), as browsers do. Two is the cap: one blank line.
        pendingNewlines = min(pendingNewlines + 1, 2)
        pendingSpace = false
    }

    /// Owes a separating space (between table cells, around collapsed whitespace).
    mutating func requestSpace() {
        if pendingNewlines == 0 && lineHasText { pendingSpace = true }
    }

    /// Drops the line breaks requested since the last visible text, keeping one space:
    /// a table cell's trailing block edges must not split its row.
    mutating func cancelPendingBreaks() {
        guard pendingNewlines > 0 else { return }
        pendingNewlines = 0
        pendingSpace = lineHasText
    }

    /// A whitespace-only but non-collapsible character (`&nbsp;`): the line counts as used, so
    /// an `&nbsp;`-only paragraph still renders as an empty line, as in a browser.
    mutating func markLineUsed() {
        if lineIsUsed && pendingNewlines == 0 { return }
        flushBreaks()
        lineIsUsed = true
    }

    /// Writes visible text, placing owed breaks and spaces first: one character (1-4 UTF-8
    /// bytes) or a run of printable ASCII.
    mutating func writeVisible(_ text: UnsafeBufferPointer<UInt8>) {
        if isFull { return }
        flushBreaks()
        if pendingSpace {
            pendingSpace = false
            append(UInt8(ascii: " "))
        }
        append(text)
        lineHasText = true
        lineIsUsed = true
        visibleCount += 1
        suppressesBlockBreaks = false
    }

    /// Writes preformatted text exactly (spaces included): one character or an ASCII run.
    mutating func writeLiteral(_ text: UnsafeBufferPointer<UInt8>) {
        if isFull { return }
        flushBreaks()
        pendingSpace = false
        append(text)
        lineHasText = true
        lineIsUsed = true
        visibleCount += 1
        suppressesBlockBreaks = false
    }

    /// A newline inside preformatted text: kept as written, blank lines included.
    mutating func writeLiteralNewline() {
        if isFull { return }
        flushBreaks()
        pendingSpace = false
        appendNewline()
    }

    /// The finished text: no leading empty lines, no trailing whitespace.
    func finish() -> String {
        var end = bytes.count
        while end > 0, Self.isTrimmable(bytes[end - 1]) { end -= 1 }
        var start = 0
        var index = 0
        // Drop leading lines that hold only spaces (a <pre> may start the document).
        while index < end, Self.isTrimmable(bytes[index]) {
            if bytes[index] == UInt8(ascii: "\n") { start = index + 1 }
            index += 1
        }
        return String(decoding: bytes.buffer(start..<end), as: UTF8.self)
    }

    private static func isTrimmable(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }

    private mutating func flushBreaks() {
        guard pendingNewlines > 0 else { return }
        let wanted = bytes.isEmpty ? 0 : max(0, min(pendingNewlines, 2 - trailingNewlines))
        pendingNewlines = 0
        pendingSpace = false
        for _ in 0..<wanted { appendNewline() }
        lineHasText = false
        lineIsUsed = false
    }

    private mutating func appendNewline() {
        // Trailing spaces only ever come from preformatted text; trim them per line.
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            bytes.removeLast()
        }
        append(UInt8(ascii: "\n"))
        lineHasText = false
        lineIsUsed = false
    }

    private mutating func append(_ byte: UInt8) {
        guard bytes.count < limit else {
            isFull = true
            return
        }
        bytes.append(byte)
        trailingNewlines = byte == UInt8(ascii: "\n") ? trailingNewlines + 1 : 0
    }

    /// Appends one character or an ASCII run; at the limit a run is cut (any cut of ASCII is
    /// a character boundary) and a multi-byte character is left out whole.
    private mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        let room = limit - bytes.count
        guard text.count <= room else {
            if text.count > 1, text[0] < 0x80, room > 0 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[0..<room]))
                trailingNewlines = 0
            }
            isFull = true
            return
        }
        bytes.append(contentsOf: text)
        trailingNewlines = 0
    }
}
