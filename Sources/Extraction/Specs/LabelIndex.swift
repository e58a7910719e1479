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

    /// The lines of the indexed text.
    let lines: [Substring]
    private var colonEntries: [String: Entry] = [:]
    private var bareEntries: [String: Entry] = [:]

    private static let maximumLabelLength = 60
    private static let maximumLabelWords = 6

    init(text: String) {
        lines = LineSplitter.lines(text)
        // Each line trimmed and split once (a value line is also looked at from the label
        // line before it).
        let trimmedLines = lines.map { Self.trimmed($0) }
        var splits: [(label: String, value: String)??] = Array(repeating: nil, count: lines.count)
        func colonSplit(_ index: Int) -> (label: String, value: String)? {
            if let known = splits[index] { return known }
            let split = Self.colonSplit(trimmedLines[index])
            splits[index] = .some(split)
            return split
        }
        func nextValueLine(after index: Int) -> Int? {
            var next = index + 1
            while next < trimmedLines.count, next <= index + 2 {
                if !trimmedLines[next].isEmpty { return next }
                next += 1
            }
            return nil
        }
        for index in lines.indices {
            let line = trimmedLines[index]
            guard !line.isEmpty else { continue }
            if let (label, inline) = colonSplit(index) {
                let key = Self.key(label)
                guard !key.isEmpty, colonEntries[key] == nil else { continue }
                if !inline.isEmpty {
                    colonEntries[key] = Entry(line: index + 1, value: inline)
                } else if let next = nextValueLine(after: index), colonSplit(next) == nil {
                    colonEntries[key] = Entry(line: next + 1, value: trimmedLines[next])
                }
            } else if Self.isShortLabel(line) {
                let key = Self.key(line)
                guard !key.isEmpty, bareEntries[key] == nil, let next = nextValueLine(after: index) else { continue }
                bareEntries[key] = Entry(line: next + 1, value: trimmedLines[next])
            }
        }
    }

    /// At most ``maximumLabelLength`` characters in at most ``maximumLabelWords`` words.
    private static func isShortLabel(_ line: String) -> Bool {
        if let ascii = line.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            guard isPlainASCII(bytes) else { return nil }
            return bytes.count <= maximumLabelLength && spaceSeparatedWords(bytes) <= maximumLabelWords
        }), let ascii {
            return ascii
        }
        return line.count <= maximumLabelLength && line.split(separator: " ").count <= maximumLabelWords
    }

    /// The value for the first of `labels` present (colon forms before bare labels).
    func value(for labels: [String]) -> (label: String, entry: Entry)? {
        let keys = labels.map { Self.key($0) }
        for (label, key) in zip(labels, keys) {
            if let entry = colonEntries[key] { return (label, entry) }
        }
        for (label, key) in zip(labels, keys) {
            if let entry = bareEntries[key] { return (label, entry) }
        }
        return nil
    }

    /// The value from `entry` on, continued over following lines until a blank line or a
    /// line that starts with one of `knownLabels` (keys as made by ``key(_:)``).
    func multilineValue(from entry: Entry, knownLabels: Set<String>) -> String {
        var parts = [entry.value]
        var index = entry.line  // the line after the value's first line (0-based)
        while index < lines.count, parts.count < 500 {
            let line = Self.trimmed(lines[index])
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
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = String(line[..<colon])
        guard !label.isEmpty, label.count <= maximumLabelLength,
              label.split(separator: " ").count <= maximumLabelWords,
              !label.contains("http") else { return nil }
        var rest = line[line.index(after: colon)...]
        while rest.first == ":" { rest = rest.dropFirst() }
        var value = ValueNormalizer.trimmingWhitespace(String(rest))
        if value.first == "*" || value.last == "*" {
            value = ValueNormalizer.trimmingWhitespace(String(value.drop { $0 == "*" }.reversed().drop { $0 == "*" }.reversed()))
        }
        return (label, value)
    }

    /// A label compared loosely: lowercased, single-spaced, without decoration.
    static func key(_ label: some StringProtocol) -> String {
        if let ascii = label.utf8.withContiguousStorageIfAvailable({ asciiKey($0) }), let ascii { return ascii }
        let decoration: Set<Character> = ["*", "-", "=", "_", "#", ":", "•", "|", "[", "]"]
        let words = label.lowercased().split { $0.isWhitespace || decoration.contains($0) }
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

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// ASCII without "\r": one Character per byte.
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0x80 || $0 == 0x0D }
    }

    /// How many pieces `split(separator: " ")` gives.
    private static func spaceSeparatedWords(_ bytes: some Collection<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// ``colonSplit(_:)`` of ASCII bytes without "\r" (a Character per byte); the outer
    /// nil when the fast path does not apply.
    private static func asciiColonSplit(_ bytes: UnsafeBufferPointer<UInt8>) -> (label: String, value: String)?? {
        guard isPlainASCII(bytes) else { return nil }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return .some(nil) }
        let label = bytes[..<colon]
        guard !label.isEmpty, label.count <= maximumLabelLength, spaceSeparatedWords(label) <= maximumLabelWords,
              !containsHTTP(label) else { return .some(nil) }
        var start = colon + 1
        while start < bytes.count, bytes[start] == UInt8(ascii: ":") { start += 1 }
        var end = bytes.count
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
        let labelText = String(decoding: UnsafeBufferPointer(rebasing: label), as: UTF8.self)
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return .some((labelText, value))
    }

    private static func containsHTTP(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
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
            switch byte {
            case 0x09...0x0D, 0x20, UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"),
                 UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: "["), UInt8(ascii: "]"):
                pendingSpace = !out.isEmpty
            default:
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
        var start = 0
        var end = bytes.count
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
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
