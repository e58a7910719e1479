import Foundation

/// What ``LabelIndex`` gives for the labels one spec asks for, and nothing else: the text's
/// `Label: value` lines indexed by slot of the spec's ``LabelKeyTable``.
///
/// The lines are read exactly as ``LabelIndex`` reads them (the same splitting, trimming,
/// colon and bare-label shapes, first line wins), but a plain ASCII line's label is matched
/// on its bytes: no key String, no dictionary, and a value String only for an entry a rule
/// reads.
struct TextLabelValues {
    /// A found value: its 1-based line, the text, and where that line ends (the byte offset
    /// of its line break, or the text's length) for a multi-line value.
    struct Entry {
        var line: Int
        var value: String
        var lineEnd: Int
    }

    /// A value as stored: a byte range of ``text`` for a plain ASCII line, else (`start`
    /// negative) the String `texts[-1 - start]`. Plain integers, so the per-slot arrays are
    /// made and dropped without touching each element. (Not private: the table holds the
    /// empty entries each message starts from, ``LabelKeyTable/noTextEntries``.)
    struct Stored {
        /// 1-based; 0 for no entry.
        var line = 0
        var start = 0
        var end = 0
        var lineEnd = 0

        var isEmpty: Bool { line == 0 }
    }

    private struct Line {
        /// 0-based.
        var index: Int
        /// The offset of its first byte (untrimmed).
        var start: Int
        /// The offset of the line break ending it, or the text's length.
        var end: Int
        var trimmed: LabelIndex.TrimmedLine
    }

    private enum Split {
        case plain(label: Range<Int>, value: Range<Int>)
        case text(label: String, value: String)
    }

    /// The indexed text (native UTF-8, so byte offsets index it).
    private let text: String
    private let table: LabelKeyTable
    /// By slot: the first `Label: value` (or `Label:` then value) entry, the first bare one.
    /// Colon entries by slot, then bare entries by slot (one allocation).
    private var entries: [Stored]
    /// The values of entries on lines that are not plain ASCII.
    private var texts: [String] = []

    init(text: String, table: LabelKeyTable) {
        self.text = text
        self.table = table
        entries = table.noTextEntries
        guard table.count > 0 else { return }
        // UTF-8 offsets into a native copy are offsets into `text` too.
        var text = text
        text.withUTF8 { bytes in indexLines(bytes) }
    }

    /// One pass over the lines with a look-ahead of two (``LabelIndex`` looks at most two
    /// lines on for a value): each line is read and trimmed once.
    private mutating func indexLines(_ bytes: UnsafeBufferPointer<UInt8>) {
        var reader = LineReader(bytes: bytes)
        var current = reader.next()
        var next = reader.next()
        var afterNext = reader.next()
        var unfilledColonSlots = table.count
        while let line = current {
            // Once every slot has a colon entry, bare entries are never read and later
            // colon entries never win.
            if unfilledColonSlots == 0 { break }
            if !line.trimmed.isEmpty, indexLine(line, next, afterNext, bytes) { unfilledColonSlots -= 1 }
            current = next
            next = afterNext
            afterNext = reader.next()
        }
    }

    /// Indexes one line; true when it filled a colon slot.
    /// (Inlined into ``indexLines(_:)``, its one caller: it runs for every line.)
    @inline(__always)
    private mutating func indexLine(_ line: Line, _ next: Line?, _ afterNext: Line?, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The next non-blank line within two, as ``LabelIndex`` takes a value from.
        var valueLine: Line? {
            if let next, !next.trimmed.isEmpty { return next }
            if let afterNext, !afterNext.trimmed.isEmpty { return afterNext }
            return nil
        }
        // A plain line's two possible keys, found in one short pass: when the table has
        // neither, the line cannot give an entry, whatever its shape.
        var plainSlots: (colon: Int?, line: Int?) = (nil, nil)
        switch line.trimmed {
        case .plain(let start, let end):
            plainSlots = table.slots(ofLine: bytes, from: start, to: end)
            if plainSlots.colon == nil, plainSlots.line == nil { return false }
        case .text:
            // Most lines that are not plain ASCII (a curly quote, a dash in a sentence) are
            // turned away by their first bytes, before any Character-level reading.
            if !table.mayBeLabelLine(UnsafeBufferPointer(rebasing: bytes[line.start..<line.end])) { return false }
        }
        if let split = Self.colonSplit(line.trimmed, bytes) {
            let slot: Int?
            switch split {
            case .plain: slot = plainSlots.colon
            case .text(let label, _): slot = table.slot(ofKey: LabelIndex.key(label))
            }
            guard let slot, entries[slot].isEmpty else { return false }
            let stored: Stored
            switch split {
            case .plain(_, let value) where !value.isEmpty:
                stored = Stored(line: line.index + 1, start: value.lowerBound, end: value.upperBound, lineEnd: line.end)
            case .text(_, let value) where !value.isEmpty:
                stored = storedText(value, line: line)
            default:
                guard let valueLine, Self.colonSplit(valueLine.trimmed, bytes) == nil else { return false }
                stored = self.stored(valueLine)
            }
            entries[slot] = stored
            return true
        }
        let slot: Int?
        switch line.trimmed {
        case .plain(let start, let end):
            let label = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard label.count <= LabelIndex.maximumLabelLength,
                  LabelIndex.spaceSeparatedWords(label) <= LabelIndex.maximumLabelWords else { return false }
            slot = plainSlots.line
        case .text(let text):
            guard LabelIndex.isShortLabel(text) else { return false }
            slot = table.slot(ofKey: LabelIndex.key(text))
        }
        guard let slot, entries[table.count + slot].isEmpty, let valueLine else { return false }
        entries[table.count + slot] = stored(valueLine)
        return false
    }

    /// A whole (trimmed) line as a value.
    private mutating func stored(_ line: Line) -> Stored {
        switch line.trimmed {
        case .plain(let start, let end): Stored(line: line.index + 1, start: start, end: end, lineEnd: line.end)
        case .text(let value): storedText(value, line: line)
        }
    }

    private mutating func storedText(_ value: String, line: Line) -> Stored {
        texts.append(value)
        return Stored(line: line.index + 1, start: -texts.count, end: 0, lineEnd: line.end)
    }

    /// ``LabelIndex/colonSplit(_:)`` of a trimmed line.
    private static func colonSplit(_ line: LabelIndex.TrimmedLine, _ bytes: UnsafeBufferPointer<UInt8>) -> Split? {
        switch line {
        case .plain(let start, let end):
            LabelIndex.asciiColonSplitRanges(bytes, start, end).map { .plain(label: $0.label, value: $0.value) }
        case .text(let text):
            LabelIndex.colonSplit(text).map { .text(label: $0.label, value: $0.value) }
        }
    }

    private func entry(_ stored: Stored) -> Entry {
        guard stored.start >= 0 else { return Entry(line: stored.line, value: texts[-1 - stored.start], lineEnd: stored.lineEnd) }
        var text = text
        let value = text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[stored.start..<stored.end]), as: UTF8.self) }
        return Entry(line: stored.line, value: value, lineEnd: stored.lineEnd)
    }

    /// The value for the first of `labels` present (colon forms before bare labels), with
    /// the index of the label that matched: ``LabelIndex/value(for:)``. `labels` must have
    /// slots in this table.
    func value(for labels: SpecLabels) -> (labelIndex: Int, entry: Entry)? {
        value(forSlots: labels.slots)
    }

    /// ``value(for:)`` of labels with these slots in this table (-1 for none).
    func value(forSlots slots: [Int]) -> (labelIndex: Int, entry: Entry)? {
        for index in slots.indices where slots[index] >= 0 && !entries[slots[index]].isEmpty {
            return (index, entry(entries[slots[index]]))
        }
        for index in slots.indices where slots[index] >= 0 && !entries[table.count + slots[index]].isEmpty {
            return (index, entry(entries[table.count + slots[index]]))
        }
        return nil
    }

    /// ``LabelIndex/multilineValue(from:knownLabels:)`` with the table's keys as the known
    /// labels: the value continued over following lines until a blank line or a line that
    /// starts with one of them.
    func multilineValue(from entry: Entry) -> String {
        var parts = [entry.value]
        var text = text
        text.withUTF8 { bytes in
            var reader = LineReader(bytes: bytes, from: entry.lineEnd)
            while parts.count < 500, let line = reader.next() {
                switch line.trimmed {
                case .plain(let start, let end):
                    if start == end { return }
                    if let (label, _) = LabelIndex.asciiColonSplitRanges(bytes, start, end),
                       table.containsKey(ofASCIILabel: UnsafeBufferPointer(rebasing: bytes[label])) { return }
                    if table.containsKey(ofASCIILabel: UnsafeBufferPointer(rebasing: bytes[start..<end])) { return }
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                case .text(let line):
                    if line.isEmpty { return }
                    if let (label, _) = LabelIndex.colonSplit(line), table.contains(key: LabelIndex.key(label)) { return }
                    if table.contains(key: LabelIndex.key(line)) { return }
                    parts.append(line)
                }
            }
        }
        return parts.joined(separator: "\n")
    }

    /// The lines of a text as ``LabelIndex`` splits them (a line break is an LF not after
    /// CR), trimmed, one at a time.
    private struct LineReader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where the next line starts; past the end when there is none.
        private var start: Int
        private var index: Int

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            start = 0
            index = 0
        }

        /// The lines after the line ending at `lineEnd` (none when that line ends the text).
        init(bytes: UnsafeBufferPointer<UInt8>, from lineEnd: Int) {
            self.bytes = bytes
            start = lineEnd + 1
            index = 0
        }

        mutating func next() -> Line? {
            let count = bytes.count
            guard start <= count else { return nil }
            let lineStart = start
            guard let base = bytes.baseAddress else {
                // The empty text is one empty line.
                start = count + 1
                return Line(index: 0, start: 0, end: 0, trimmed: .plain(start: 0, end: 0))
            }
            var searchStart = lineStart
            var plain = true
            var end = count
            while true {
                // The next LF (libc's memchr looks at many bytes at a time).
                end = searchStart < count
                    ? memchr(base + searchStart, 0x0A, count - searchStart)
                        .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                    : count
                if plain, LabelIndex.hasHighOrCR(base, from: searchStart, to: end) { plain = false }
                if end < count, end > 0, bytes[end - 1] == 0x0D {
                    // CR LF is one Character, not "\n": the line goes on (and holds a CR).
                    searchStart = end + 1
                    continue
                }
                break
            }
            let trimmed: LabelIndex.TrimmedLine
            if plain {
                let (trimmedStart, trimmedEnd) = LabelIndex.asciiTrimmedRange(bytes, lineStart, end)
                trimmed = .plain(start: trimmedStart, end: trimmedEnd)
            } else {
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self)
                trimmed = .text(LabelIndex.trimmed(line))
            }
            let line = Line(index: index, start: lineStart, end: end, trimmed: trimmed)
            index += 1
            start = end + 1
            return line
        }
    }
}
