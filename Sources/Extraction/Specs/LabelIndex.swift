import Foundation

/// The `Label: value` lines of a text, indexed once per message so every label rule of a
/// spec is a dictionary lookup.
///
/// Recognised shapes (labels compared ignoring case, spacing, decoration like `*`/`-`
/// and a trailing colon):
/// - `Name: Jane Doe` and `Name:: Jane Doe` (the value on the label's line);
/// - `Name:` alone, the value on the next non-blank line;
/// - `Name` alone on a short line, the value on the next non-blank line (Gravity Forms,
///   Jotform plain text).
struct LabelIndex {
    struct Entry {
        /// 1-based line of the value's first line.
        var line: Int
        /// The value on that line.
        var value: String
    }

    /// An entry as stored: most are never asked for, so a value from a plain ASCII line
    /// stays a byte range of ``text`` until it is.
    private enum StoredEntry {
        case bytes(line: Int, start: Int, end: Int)
        case text(line: Int, value: String)
    }

    /// A line trimmed (see ``trimmed(_:)``): a byte range of ``text`` when the line is plain
    /// ASCII (no byte over 0x7F, no CR: one Character per byte), else the trimmed String.
    /// ``TextLabelValues`` trims its lines the same way.
    enum TrimmedLine {
        case plain(start: Int, end: Int)
        case text(String)

        var isEmpty: Bool {
            switch self {
            case .plain(let start, let end): start == end
            case .text(let text): text.isEmpty
            }
        }
    }

    /// The indexed text (native UTF-8, so byte offsets index it).
    private let text: String
    /// Each line's byte range in ``text``.
    private let lineStarts: [Int]
    private let lineEnds: [Int]
    private var colonEntries: [String: StoredEntry] = [:]
    private var bareEntries: [String: StoredEntry] = [:]

    static let maximumLabelLength = 60
    static let maximumLabelWords = 6

    /// The lines of the indexed text (split as `text.split(separator: "\n",
    /// omittingEmptySubsequences: false)` splits).
    var lines: [Substring] {
        lineStarts.indices.map { line($0) }
    }

    /// How many lines the text has.
    var lineCount: Int { lineStarts.count }

    /// Line `index` (0-based).
    func line(_ index: Int) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: lineStarts[index])..<utf8.index(utf8.startIndex, offsetBy: lineEnds[index])]
    }

    init(text original: String) {
        var text = original
        let (starts, ends, trimmedLines) = text.withUTF8 { Self.splitLines($0) }
        self.text = text
        lineStarts = starts
        lineEnds = ends
        // Room for a typical notification's labels without regrowing.
        colonEntries.reserveCapacity(min(trimmedLines.count, 32))
        bareEntries.reserveCapacity(min(trimmedLines.count, 32))

        text.withUTF8 { bytes in
            func colonSplit(_ index: Int) -> Split? {
                switch trimmedLines[index] {
                case .plain(let start, let end):
                    return Self.asciiColonSplitRanges(bytes, start, end).map { .plain(label: $0.label, value: $0.value) }
                case .text(let line):
                    return Self.colonSplit(line).map { .text(label: $0.label, value: $0.value) }
                }
            }
            func storedValue(line index: Int) -> StoredEntry {
                switch trimmedLines[index] {
                case .plain(let start, let end): .bytes(line: index + 1, start: start, end: end)
                case .text(let value): .text(line: index + 1, value: value)
                }
            }
            func nextValueLine(after index: Int) -> Int? {
                var next = index + 1
                while next < trimmedLines.count, next <= index + 2 {
                    if !trimmedLines[next].isEmpty { return next }
                    next += 1
                }
                return nil
            }
            for index in trimmedLines.indices {
                let line = trimmedLines[index]
                guard !line.isEmpty else { continue }
                if let split = colonSplit(index) {
                    let key: String
                    switch split {
                    case .plain(let label, _): key = Self.asciiKey(bytes, label.lowerBound, label.upperBound)
                    case .text(let label, _): key = Self.key(label)
                    }
                    guard !key.isEmpty else { continue }
                    let stored: StoredEntry?
                    switch split {
                    case .plain(_, let value) where !value.isEmpty:
                        stored = .bytes(line: index + 1, start: value.lowerBound, end: value.upperBound)
                    case .text(_, let value) where !value.isEmpty:
                        stored = .text(line: index + 1, value: value)
                    default:
                        if let next = nextValueLine(after: index), colonSplit(next) == nil {
                            stored = storedValue(line: next)
                        } else {
                            stored = nil
                        }
                    }
                    // The first line with a label wins.
                    if let stored { Self.keepFirst(stored, in: &colonEntries[key]) }
                } else {
                    let key: String
                    switch line {
                    case .plain(let start, let end):
                        guard end - start <= Self.maximumLabelLength,
                              Self.spaceSeparatedWords(UnsafeBufferPointer(rebasing: bytes[start..<end])) <= Self.maximumLabelWords else { continue }
                        key = Self.asciiKey(bytes, start, end)
                    case .text(let text):
                        guard Self.isShortLabel(text) else { continue }
                        key = Self.key(text)
                    }
                    guard !key.isEmpty, let next = nextValueLine(after: index) else { continue }
                    Self.keepFirst(storedValue(line: next), in: &bareEntries[key])
                }
            }
        }
    }

    /// Stores `entry` in an empty slot: through a dictionary's `[key]` accessor, one hash
    /// lookup where `dictionary[key] == nil` and then `dictionary[key] = entry` take two.
    private static func keepFirst(_ entry: StoredEntry, in slot: inout StoredEntry?) {
        if slot == nil { slot = entry }
    }

    /// Splits `bytes` into lines (a line break is an LF byte not after CR, as LineSplitter
    /// has it) in one pass, and trims each: plain ASCII lines in place, others as Strings.
    private static func splitLines(_ bytes: UnsafeBufferPointer<UInt8>) -> (starts: [Int], ends: [Int], trimmed: [TrimmedLine]) {
        var starts: [Int] = []
        var ends: [Int] = []
        var trimmedLines: [TrimmedLine] = []
        guard let base = bytes.baseAddress else { return ([0], [0], [.plain(start: 0, end: 0)]) }
        let count = bytes.count
        // Room for lines of a typical length, so the arrays rarely regrow.
        starts.reserveCapacity(count / 32 + 4)
        ends.reserveCapacity(count / 32 + 4)
        trimmedLines.reserveCapacity(count / 32 + 4)
        var lineStart = 0
        var searchStart = 0
        var plain = true
        while true {
            // The next LF (libc's memchr looks at many bytes at a time).
            let end = memchr(base + searchStart, 0x0A, count - searchStart)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
            if plain, hasHighOrCR(base, from: searchStart, to: end) { plain = false }
            if end < count, end > 0, bytes[end - 1] == 0x0D {
                // CR LF is one Character, not "\n": the line goes on (and holds a CR).
                searchStart = end + 1
                continue
            }
            starts.append(lineStart)
            ends.append(end)
            if plain {
                let (start, trimmedEnd) = asciiTrimmedRange(bytes, lineStart, end)
                trimmedLines.append(.plain(start: start, end: trimmedEnd))
            } else {
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self)
                trimmedLines.append(.text(trimmed(line)))
            }
            if end == count { break }
            lineStart = end + 1
            searchStart = lineStart
            plain = true
        }
        return (starts, ends, trimmedLines)
    }

    /// Whether `bytes[start..<end]` holds a byte over 0x7F or a CR, eight bytes at a time.
    static func hasHighOrCR(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let raw = UnsafeRawPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            // A high bit, or a zero byte in `word ^ CRs` (the classic "has zero byte" test).
            let carriageReturns = word ^ (ones &* 0x0D)
            if word & highs != 0 || (carriageReturns &- ones) & ~carriageReturns & highs != 0 { return true }
            index += 8
        }
        while index < end {
            if bytes[index] >= 0x80 || bytes[index] == 0x0D { return true }
            index += 1
        }
        return false
    }

    /// A `Label: value` split of a trimmed line: byte ranges of a plain line, or Strings.
    private enum Split {
        case plain(label: Range<Int>, value: Range<Int>)
        case text(label: String, value: String)
    }

    private func entry(_ stored: StoredEntry) -> Entry {
        switch stored {
        case .bytes(let line, let start, let end):
            let utf8 = text.utf8
            let value = text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
            return Entry(line: line, value: String(value))
        case .text(let line, let value):
            return Entry(line: line, value: value)
        }
    }

    /// At most ``maximumLabelLength`` characters in at most ``maximumLabelWords`` words.
    static func isShortLabel(_ line: String) -> Bool {
        if let ascii = line.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            guard isPlainASCII(bytes) else { return nil }
            return bytes.count <= maximumLabelLength && spaceSeparatedWords(bytes) <= maximumLabelWords
        }), let ascii {
            return ascii
        }
        return hasAtMost(maximumLabelLength, charactersIn: line) && hasAtMostWords(maximumLabelWords, line)
    }

    /// `text.split(separator: " ").count <= limit`, without making the pieces, counting only
    /// pieces that hold more than decoration (``isKeyDecoration(_:)``) and whitespace.
    static func hasAtMostWords(_ limit: Int, _ text: some StringProtocol) -> Bool {
        var words = 0
        var counted = false
        for character in text {
            if character == " " {
                counted = false
            } else if !counted, !character.isWhitespace, !isKeyDecoration(character) {
                counted = true
                words += 1
                if words > limit { return false }
            }
        }
        return true
    }

    /// `text.count <= limit`, counting at most `limit` Characters of a long text.
    static func hasAtMost(_ limit: Int, charactersIn text: some StringProtocol) -> Bool {
        guard let index = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex) else { return true }
        return index == text.endIndex
    }

    /// The value for the first of `labels` present (colon forms before bare labels), with
    /// the index of the label that matched.
    func value(for labels: SpecLabels) -> (labelIndex: Int, entry: Entry)? {
        for (index, key) in labels.keys.enumerated() {
            if let stored = colonEntries[key] { return (index, entry(stored)) }
        }
        for (index, key) in labels.keys.enumerated() {
            if let stored = bareEntries[key] { return (index, entry(stored)) }
        }
        return nil
    }

    /// The value from `entry` on, continued over following lines until a blank line or a
    /// line that starts with one of `knownLabels` (keys as made by ``key(_:)``).
    func multilineValue(from entry: Entry, knownLabels: Set<String>) -> String {
        var parts = [entry.value]
        var index = entry.line  // the line after the value's first line (0-based)
        while index < lineCount, parts.count < 500 {
            let line = Self.trimmed(line(index))
            if line.isEmpty { break }
            if let (label, _) = Self.colonSplit(line), knownLabels.contains(Self.key(label)) { break }
            if knownLabels.contains(Self.key(line)) { break }
            parts.append(line)
            index += 1
        }
        return parts.joined(separator: "\n")
    }

    /// `Label: value` split at the first colon, when the part before it reads like a label.
    static func colonSplit(_ line: String) -> (label: String, value: String)? {
        if let ascii = line.utf8.withContiguousStorageIfAvailable({ asciiColonSplit($0) }), let ascii { return ascii }
        // A label is at most `maximumLabelLength` Characters: its colon is among the first
        // that many plus one, so a long line is not searched (nor a line without a 0x3A
        // byte, which holds no ":" Character).
        guard line.utf8.contains(UInt8(ascii: ":")),
              let colon = line.prefix(maximumLabelLength + 1).firstIndex(of: ":") else { return nil }
        let label = String(line[..<colon])
        guard !label.isEmpty, label.count <= maximumLabelLength,
              hasAtMostWords(maximumLabelWords, label),
              !label.contains("http") else { return nil }
        var rest = line[line.index(after: colon)...]
        while rest.first == ":" { rest = rest.dropFirst() }
        var value = ValueNormalizer.trimmingWhitespace(String(rest))
        if value.first == "*" || value.last == "*" {
            value = ValueNormalizer.trimmingWhitespace(String(value.drop { $0 == "*" }.reversed().drop { $0 == "*" }.reversed()))
        }
        return (label, value)
    }

    /// Whether `character` is decoration ``key(_:)`` drops besides whitespace: `*`, `-`,
    /// `=`, `_`, `#`, `:`, `?`, `•`, `|`, `[`, `]` (a form's question is its label with or
    /// without its question mark).
    ///
    /// Compared as one scalar rather than looked up in a `Set<Character>` (whose hashing
    /// normalises every Character): none of these has a decomposition or is the
    /// decomposition of another scalar, so a Character is canonically equivalent to one of
    /// them exactly when it is that one scalar alone.
    static func isKeyDecoration(_ character: Character) -> Bool {
        var scalars = character.unicodeScalars.makeIterator()
        guard let scalar = scalars.next(), scalars.next() == nil else { return false }
        switch scalar.value {
        case 0x2A, 0x2D, 0x3D, 0x5F, 0x23, 0x3A, 0x3F, 0x2022, 0x7C, 0x5B, 0x5D: return true
        default: return false
        }
    }

    /// A label compared loosely: lowercased, single-spaced, without decoration.
    static func key(_ label: some StringProtocol) -> String {
        if let ascii = label.utf8.withContiguousStorageIfAvailable({ asciiKey($0) }), let ascii { return ascii }
        let words = label.lowercased().split { $0.isWhitespace || isKeyDecoration($0) }
        return words.joined(separator: " ")
    }

    static func trimmed(_ line: some StringProtocol) -> String {
        if let ascii = line.utf8.withContiguousStorageIfAvailable({ asciiTrimmed($0) }), let ascii { return ascii }
        var text = ValueNormalizer.trimmingWhitespace(String(line))
        // Markdown-ish bullets and emphasis around a label.
        while let first = text.first, first == "*" || first == "•" || first == "-" && text.dropFirst().first == " " {
            text = ValueNormalizer.trimmingWhitespace(String(text.dropFirst()))
        }
        return text
    }

    // MARK: - ASCII fast paths
    //
    // Nearly every label line is ASCII. There a Character is one byte (or "\r\n", which is
    // whitespace like its two bytes), lowercasing maps A-Z only, and the whitespace is
    // 0x09-0x0D and space, so these give exactly what the Character-level code above gives.

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// ASCII without "\r": one Character per byte.
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0x80 || $0 == 0x0D }
    }

    /// How many pieces `split(separator: " ")` gives that hold more than decoration (``LabelKeyTable/isSeparator(_:)``).
    static func spaceSeparatedWords(_ bytes: some Collection<UInt8>) -> Int {
        var count = 0
        var counted = false
        for byte in bytes {
            if byte == 0x20 {
                counted = false
            } else if !counted, !LabelKeyTable.isSeparator(byte) {
                // (A piece of decoration alone, "---" around a WPForms label, is no word.)
                counted = true
                count += 1
            }
        }
        return count
    }

    /// ``colonSplit(_:)`` of ASCII bytes without "\r" (a Character per byte); the outer
    /// nil when the fast path does not apply.
    private static func asciiColonSplit(_ bytes: UnsafeBufferPointer<UInt8>) -> (label: String, value: String)?? {
        guard isPlainASCII(bytes) else { return nil }
        guard let ranges = asciiColonSplitRanges(bytes, 0, bytes.count) else { return .some(nil) }
        return .some((String(decoding: UnsafeBufferPointer(rebasing: bytes[ranges.label]), as: UTF8.self),
                      String(decoding: UnsafeBufferPointer(rebasing: bytes[ranges.value]), as: UTF8.self)))
    }

    static func containsHTTP(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let target: [UInt8] = [0x68, 0x74, 0x74, 0x70]
        guard bytes.count >= 4 else { return false }
        var index = bytes.startIndex
        while index + 4 <= bytes.endIndex {
            if bytes[index] == target[0], bytes[index + 1] == target[1], bytes[index + 2] == target[2], bytes[index + 3] == target[3] {
                return true
            }
            index += 1
        }
        return false
    }

    /// ``key(_:)`` of ASCII bytes; nil when a byte is not ASCII.
    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if LabelKeyTable.isSeparator(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``trimmed(_:)`` of ASCII bytes; nil when a byte is not ASCII.
    private static func asciiTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for byte in bytes where byte >= 0x80 { return nil }
        let (start, end) = asciiTrimmedRange(bytes, 0, bytes.count)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    // MARK: - Plain ASCII lines in place
    //
    // The same results as the String fast paths above, as byte offsets into the indexed
    // text, so index building makes no String but the keys and the values asked for.

    /// ``asciiTrimmed(_:)`` of `bytes[start..<end]` as a byte range.
    static func asciiTrimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var start = start
        var end = end
        func trimWhitespace() {
            while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
            while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        }
        trimWhitespace()
        // Markdown-ish bullets and emphasis around a label.
        while start < end, bytes[start] == UInt8(ascii: "*") || (bytes[start] == UInt8(ascii: "-") && start + 1 < end && bytes[start + 1] == 0x20) {
            start += 1
            trimWhitespace()
        }
        return (start, end)
    }

    /// ``colonSplit(_:)`` of the plain ASCII line `bytes[start..<end]` (no "\r", a Character per
    /// byte), as label and value ranges; nil when it has no label.
    static func asciiColonSplitRanges(
        _ bytes: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ lineEnd: Int
    ) -> (label: Range<Int>, value: Range<Int>)? {
        var colon = lineStart
        while colon < lineEnd, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < lineEnd else { return nil }
        let label = UnsafeBufferPointer(rebasing: bytes[lineStart..<colon])
        guard !label.isEmpty, label.count <= maximumLabelLength, spaceSeparatedWords(label) <= maximumLabelWords,
              !containsHTTP(label[...]) else { return nil }
        var start = colon + 1
        while start < lineEnd, bytes[start] == UInt8(ascii: ":") { start += 1 }
        var end = lineEnd
        func trimWhitespace() {
            while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
            while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        }
        trimWhitespace()
        if start < end, bytes[start] == UInt8(ascii: "*") || bytes[end - 1] == UInt8(ascii: "*") {
            while start < end, bytes[start] == UInt8(ascii: "*") { start += 1 }
            while end > start, bytes[end - 1] == UInt8(ascii: "*") { end -= 1 }
            trimWhitespace()
        }
        return (lineStart..<colon, start..<end)
    }

    /// ``asciiKey(_:)`` of the ASCII bytes `bytes[start..<end]`.
    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        // Keys are at most a label's length: written straight into the String's storage
        // (in place for a small string, one allocation otherwise).
        String(unsafeUninitializedCapacity: end - start) { out in
            var count = 0
            var pendingSpace = false
            for index in start..<end {
                let byte = bytes[index]
                if LabelKeyTable.isSeparator(byte) {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    out[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    count += 1
                }
            }
            return count
        }
    }
}
