// The text renderer and sink as they were before the word-run fast path (commit db588d5),
// renamed, kept as the reference the differential tests compare the current ones with.
@testable import HTMLText

/// Walks a parsed tree (libxml2's or ``LightHTMLTree``) and writes its text into a ``ReferenceTextSink``.
///
/// The walk is iterative (first child, next sibling, back up through `parent`), so no
/// document shape can exhaust the stack; the only per-depth state is the heap-allocated
/// `frames` array. libxml2 itself stops building the tree 256 elements deep.
struct ReferenceTextRenderer {
    var sink: ReferenceTextSink
    /// One frame per element currently entered, innermost last.
    private var frames: [Frame] = []
    /// Open `ul`/`ol` lists, innermost last, with their next item number.
    private var lists: [(ordered: Bool, next: Int)] = []
    var preformattedDepth = 0
    private var paragraphDepth = 0
    /// The next preformatted character is the first of a `<pre>`: a newline there is dropped.
    var atPreformattedStart = false

    private struct Frame {
        var kind: ElementKind
        /// For cells: `sink.visibleCount` on entry, to tell whether the cell showed anything.
        var visibleCountAtEntry = 0
        /// The element had a paragraph margin (so its end asks for a blank line too).
        var blankLine = false
    }

    init(limit: Int) {
        sink = ReferenceTextSink(limit: limit)
    }

    /// Renders the whole document.
    mutating func render<Tree: HTMLTree>(document tree: Tree) {
        var child = tree.firstDocumentChild
        while let current = child, !sink.isFull {
            render(subtree: current, in: tree, showingRoot: false)
            child = tree.nextSibling(of: current)
        }
    }

    /// Renders `root` and everything below it.
    ///
    /// - Parameter showingRoot: show `root`'s content even when its own kind would drop it
    ///   (an XPath that selects `//title` wants the title).
    mutating func render<Tree: HTMLTree>(subtree root: Tree.Node, in tree: Tree, showingRoot: Bool) {
        var node: Tree.Node? = root
        while let current = node {
            if sink.isFull { return }
            if enter(current, in: tree, forceVisible: showingRoot && current == root) {
                if let child = tree.firstChild(of: current) {
                    node = child
                    continue
                }
                leave()
            }
            node = advance(from: current, root: root, in: tree)
        }
    }

    /// Moves to the next node in document order, closing every element it climbs out of.
    private mutating func advance<Tree: HTMLTree>(from start: Tree.Node, root: Tree.Node, in tree: Tree) -> Tree.Node? {
        var current = start
        while current != root {
            if let next = tree.nextSibling(of: current) { return next }
            // Every element we climb into was entered on the way down (that is how we got
            // below it), so it has a frame to close.
            guard let parent = tree.parent(of: current) else { return nil }
            current = parent
            leave()
        }
        return nil
    }

    /// Handles a node on the way down. Returns true when it opened a frame (an element
    /// whose content is shown); its children are then walked and ``leave()`` closes it.
    private mutating func enter<Tree: HTMLTree>(_ node: Tree.Node, in tree: Tree, forceVisible: Bool) -> Bool {
        switch tree.type(of: node) {
        case .text:
            if let content = tree.text(of: node) { writeText(content) }
            return false
        case .element:
            guard var kind = tree.elementKind(of: node) else { return false }
            if forceVisible {
                if kind == .dropped { kind = .inline }
            } else if kind == .dropped || tree.isHidden(node) {
                return false
            }
            open(node, in: tree, kind: kind)
            return true
        case .other:
            // Comments, processing instructions, DTD nodes, entity declarations: never text.
            return false
        }
    }

    private mutating func open<Tree: HTMLTree>(_ node: Tree.Node, in tree: Tree, kind: ElementKind) {
        var frame = Frame(kind: kind)
        switch kind {
        case .inline, .dropped:
            break
        case .lineBreak:
            sink.lineBreak()
        case .block(let blankLine):
            frame.blankLine = blankLine
            sink.requestBreak(blankLine ? 2 : 1)
        case .paragraph:
            if paragraphDepth > 0 {
                // Real markup cannot put a `p` inside a `p` (libxml2 closes the open one), so
                // this is Outlook's `<o:p>` with its prefix stripped. It only ever holds
                // `&nbsp;` or nothing: keep it inline.
                frame.kind = .inline
            } else {
                frame.blankLine = !tree.hasOutlookClass(node)
                sink.requestBreak(frame.blankLine ? 2 : 1)
                paragraphDepth += 1
            }
        case .preformatted:
            sink.requestBreak(2)
            preformattedDepth += 1
            atPreformattedStart = true
        case .list(let ordered):
            // Nested lists sit inside an item: no margin around them.
            frame.blankLine = lists.isEmpty
            sink.requestBreak(lists.isEmpty ? 2 : 1)
            lists.append((ordered, Self.startNumber(of: node, in: tree, ordered: ordered)))
        case .listItem:
            sink.requestBreak(1)
            writeListMarker()
        case .row:
            sink.requestBreak(1)
        case .cell:
            sink.requestSpace()
            frame.visibleCountAtEntry = sink.visibleCount
            sink.suppressesBlockBreaks = true
        }
        frames.append(frame)
    }

    private mutating func leave() {
        guard let frame = frames.popLast() else { return }
        switch frame.kind {
        case .inline, .dropped, .lineBreak:
            break
        case .block:
            sink.requestBreak(frame.blankLine ? 2 : 1)
        case .paragraph:
            paragraphDepth -= 1
            sink.requestBreak(frame.blankLine ? 2 : 1)
        case .preformatted:
            preformattedDepth -= 1
            atPreformattedStart = false
            sink.requestBreak(2)
        case .list:
            lists.removeLast()
            sink.requestBreak(frame.blankLine ? 2 : 1)
        case .listItem, .row:
            sink.requestBreak(1)
        case .cell:
            // The cell's own trailing block edges must not split its row; line breaks
            // between its contents stay.
            if sink.visibleCount > frame.visibleCountAtEntry { sink.cancelPendingBreaks() }
            sink.suppressesBlockBreaks = false
        }
    }

    private mutating func writeListMarker() {
        guard let index = lists.indices.last, lists[index].ordered else {
            writeMarker("-")
            return
        }
        let number = lists[index].next
        lists[index].next += 1
        writeMarker("\(number).")
    }

    /// Writes a list marker as visible text followed by a collapsible space, so an empty
    /// item leaves no trailing blank.
    private mutating func writeMarker(_ marker: String) {
        var marker = marker
        marker.withUTF8 { utf8 in
            for index in utf8.indices {
                sink.writeVisible(UnsafeBufferPointer(rebasing: utf8[index..<index + 1]))
            }
        }
        sink.requestSpace()
    }

    /// The `start` attribute of an `ol`, when it is a plain small number.
    private static func startNumber<Tree: HTMLTree>(of node: Tree.Node, in tree: Tree, ordered: Bool) -> Int {
        guard ordered, let value = tree.attribute("start", of: node) else { return 1 }
        var number = 0
        var sawDigit = false
        for byte in value where byte != UInt8(ascii: " ") {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), number < 100_000_000 else { return 1 }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
            sawDigit = true
        }
        return sawDigit ? number : 1
    }
}

/// Text nodes: whitespace collapsing, `&nbsp;`, invisible characters, `<pre>`.
extension ReferenceTextRenderer {
    /// Writes the NUL-terminated UTF-8 content of a text node.
    ///
    /// One forward pass; every look-ahead is bounded, so the cost is linear in the text.
    mutating func writeText(_ text: UnsafePointer<UInt8>) {
        var index = 0
        while text[index] != 0 {
            if sink.isFull { return }
            let byte = text[index]
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") {
                // Fast path: a run of printable ASCII goes to the sink in one piece.
                var end = index + 1
                while text[end] > 0x20 && text[end] < 0x7F && text[end] != UInt8(ascii: "<") { end += 1 }
                let run = UnsafeBufferPointer(start: text + index, count: end - index)
                atPreformattedStart = false
                if preformattedDepth > 0 { sink.writeLiteral(run) } else { sink.writeVisible(run) }
                index = end
                continue
            }
            if byte < 0x80 {
                index += writeASCII(text, at: index)
                continue
            }
            let (length, isValid) = Self.sequence(text, at: index)
            atPreformattedStart = false
            guard isValid else {
                // Written as U+FFFD here, not repaired later, so the byte limit holds exactly.
                Self.replacementCharacter.withUnsafeBufferPointer {
                    if preformattedDepth > 0 { sink.writeLiteral($0) } else { sink.writeVisible($0) }
                }
                index += length
                continue
            }
            let scalar = UnsafeBufferPointer(start: text + index, count: length)
            switch Self.classify(scalar) {
            case .invisible:
                break
            case .noBreakSpace:
                if preformattedDepth > 0 {
                    writeLiteral(UInt8(ascii: " "))
                } else {
                    sink.markLineUsed()
                    sink.requestSpace()
                }
            case .whitespace:
                if preformattedDepth > 0 { writeLiteral(UInt8(ascii: " ")) } else { sink.requestSpace() }
            case .visible:
                if preformattedDepth > 0 { sink.writeLiteral(scalar) } else { sink.writeVisible(scalar) }
            }
            index += length
        }
    }

    /// Writes the ASCII character at `index`; returns how many bytes it consumed.
    private mutating func writeASCII(_ text: UnsafePointer<UInt8>, at index: Int) -> Int {
        let byte = text[index]
        let isPreformatted = preformattedDepth > 0
        if isPreformatted, atPreformattedStart {
            atPreformattedStart = false
            // Browsers drop one newline right after `<pre>`.
            if byte == UInt8(ascii: "\n") { return 1 }
            if byte == UInt8(ascii: "\r") { return text[index + 1] == UInt8(ascii: "\n") ? 2 : 1 }
        }
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            guard isPreformatted else {
                sink.requestSpace()
                return 1
            }
            sink.writeLiteralNewline()
            return byte == UInt8(ascii: "\r") && text[index + 1] == UInt8(ascii: "\n") ? 2 : 1
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            if isPreformatted { writeLiteral(byte) } else { sink.requestSpace() }
            return 1
        case 0x0C:
            if !isPreformatted { sink.requestSpace() }
            return 1
        case 0x01...0x1F, 0x7F:
            // Other control characters have no place in text.
            return 1
        case UInt8(ascii: "<"):
            // libxml2 2.9 keeps Outlook's downlevel-revealed conditionals (`<![if !supportLists]>`,
            // `<![endif]>`) as text; browsers treat them as comments.
            if let skip = Self.conditionalMarkerLength(text, at: index) { return skip }
            fallthrough
        default:
            withUnsafePointer(to: byte) { pointer in
                let one = UnsafeBufferPointer(start: pointer, count: 1)
                if isPreformatted { sink.writeLiteral(one) } else { sink.writeVisible(one) }
            }
            return 1
        }
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    private mutating func writeLiteral(_ byte: UInt8) {
        withUnsafePointer(to: byte) { sink.writeLiteral(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// The length of `<![if ...]>` or `<![endif]>` at `index` (at most 80 bytes), or nil.
    private static func conditionalMarkerLength(_ text: UnsafePointer<UInt8>, at index: Int) -> Int? {
        guard text[index + 1] == UInt8(ascii: "!"), text[index + 2] == UInt8(ascii: "[") else { return nil }
        let keywordStart = index + 3
        let isIf = text[keywordStart] | 0x20 == UInt8(ascii: "i") && text[keywordStart + 1] | 0x20 == UInt8(ascii: "f")
        let isEndif = !isIf && text[keywordStart] | 0x20 == UInt8(ascii: "e")
            && text[keywordStart + 1] | 0x20 == UInt8(ascii: "n") && text[keywordStart + 2] | 0x20 == UInt8(ascii: "d")
        guard isIf || isEndif else { return nil }
        var end = keywordStart
        while end < index + 80, text[end] != 0 {
            if text[end] == UInt8(ascii: "]"), text[end + 1] == UInt8(ascii: ">") { return end + 2 - index }
            end += 1
        }
        return nil
    }

    /// Measures the UTF-8 sequence at `index`: its length, and whether it is well-formed
    /// (no stray or overlong bytes, no surrogates, not cut short). Reading stops at the
    /// first byte that does not fit, so the terminating NUL is never passed.
    private static func sequence(_ text: UnsafePointer<UInt8>, at index: Int) -> (length: Int, isValid: Bool) {
        guard let (expected, secondRange) = UTF8LeadByte.shape(of: text[index]) else { return (1, false) }
        guard secondRange.contains(text[index + 1]) else { return (1, false) }
        var length = 2
        while length < expected, text[index + length] & 0xC0 == 0x80 { length += 1 }
        return (length, length == expected)
    }

    private enum CharacterClass { case visible, whitespace, noBreakSpace, invisible }

    /// Sorts out the few non-ASCII characters that need care.
    private static func classify(_ scalar: UnsafeBufferPointer<UInt8>) -> CharacterClass {
        switch scalar.count {
        case 2:
            if scalar[0] == 0xC2 && scalar[1] == 0xA0 { return .noBreakSpace }
            // Soft hyphen and the combining grapheme joiner (pre-header padding) never show.
            if scalar[0] == 0xC2 && scalar[1] == 0xAD { return .invisible }
            if scalar[0] == 0xCD && scalar[1] == 0x8F { return .invisible }
            if scalar[0] == 0xC2 && scalar[1] == 0x85 { return .whitespace }
        case 3:
            if scalar[0] == 0xE2 && scalar[1] == 0x80 {
                switch scalar[2] {
                case 0x8B: return .invisible  // zero width space
                case 0xA8, 0xA9: return .whitespace  // line and paragraph separators
                case 0xAF: return .noBreakSpace  // narrow no-break space
                default: break
                }
            }
            if scalar[0] == 0xEF && scalar[1] == 0xBB && scalar[2] == 0xBF { return .invisible }  // BOM
        default:
            break
        }
        return .visible
    }
}

/// Accumulates rendered text and owns every whitespace and line-break decision.
///
/// Line breaks are *requested* and only written when visible text follows, which gives,
/// without look-ahead: no leading or trailing blank lines, at most one blank line between
/// blocks, no trailing spaces, and browser-like collapsing of whitespace runs.
struct ReferenceTextSink {
    /// The UTF-8 output so far.
    private(set) var bytes: [UInt8] = []
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
        return String(decoding: bytes[start..<end], as: UTF8.self)
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

