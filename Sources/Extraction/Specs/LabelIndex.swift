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
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices {
            let line = Self.trimmed(lines[index])
            guard !line.isEmpty else { continue }
            if let (label, inline) = Self.colonSplit(line) {
                let key = Self.key(label)
                guard !key.isEmpty, colonEntries[key] == nil else { continue }
                if !inline.isEmpty {
                    colonEntries[key] = Entry(line: index + 1, value: inline)
                } else if let next = nextValueLine(after: index), Self.colonSplit(Self.trimmed(lines[next])) == nil {
                    colonEntries[key] = Entry(line: next + 1, value: Self.trimmed(lines[next]))
                }
            } else if line.count <= Self.maximumLabelLength,
                      line.split(separator: " ").count <= Self.maximumLabelWords {
                let key = Self.key(line)
                guard !key.isEmpty, bareEntries[key] == nil, let next = nextValueLine(after: index) else { continue }
                bareEntries[key] = Entry(line: next + 1, value: Self.trimmed(lines[next]))
            }
        }
    }

    /// The value for the first of `labels` present (colon forms before bare labels).
    func value(for labels: [String]) -> (label: String, entry: Entry)? {
        for label in labels {
            if let entry = colonEntries[Self.key(label)] { return (label, entry) }
        }
        for label in labels {
            if let entry = bareEntries[Self.key(label)] { return (label, entry) }
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

    private func nextValueLine(after index: Int) -> Int? {
        var next = index + 1
        while next < lines.count, next <= index + 2 {
            if !Self.trimmed(lines[next]).isEmpty { return next }
            next += 1
        }
        return nil
    }

    /// `Label: value` split at the first colon, when the part before it reads like a label.
    static func colonSplit(_ line: String) -> (label: String, value: String)? {
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
        let decoration: Set<Character> = ["*", "-", "=", "_", "#", ":", "•", "|", "[", "]"]
        let words = label.lowercased().split { $0.isWhitespace || decoration.contains($0) }
        return words.joined(separator: " ")
    }

    static func trimmed(_ line: some StringProtocol) -> String {
        var text = ValueNormalizer.trimmingWhitespace(String(line))
        // Markdown-ish bullets and emphasis around a label.
        while let first = text.first, first == "*" || first == "•" || first == "-" && text.dropFirst().first == " " {
            text = ValueNormalizer.trimmingWhitespace(String(text.dropFirst()))
        }
        return text
    }
}
