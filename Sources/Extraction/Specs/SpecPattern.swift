import Foundation

/// A regular expression from a spec, compiled once when the spec is loaded.
///
/// Patterns use ICU syntax (`(?i)` for case-insensitive, `(?<value>...)` for the captured
/// value). They only ever see bounded input: at most ``maximumInputBytes`` of a message's
/// text, so a huge hostile message cannot make a scan slow; spec authors should still
/// avoid nested quantifiers such as `(a+)+`.
struct SpecPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once created and documented as safe to use from
    // several threads at once.

    /// Text, subjects and HTML are cut to this many UTF-8 bytes before any spec pattern
    /// runs on them (256 KiB; a lead notification is a few KiB).
    static let maximumInputBytes = 256 * 1024

    /// The pattern as written in the spec.
    let source: String
    private let regex: NSRegularExpression
    private let hasValueGroup: Bool
    /// What every match contains (see ``SpecPatternLiterals``); nil when unknown.
    let literals: SpecPatternLiterals?
    /// Where ``literals`` are in the spec set's ``DetectionLiterals`` (set by ``SpecSet``).
    var literalIndices: [Int]?

    /// Compiles `source`; throws the compiler's reason.
    init(_ source: String) throws {
        self.source = source
        do {
            regex = try NSRegularExpression(pattern: source, options: [])
        } catch {
            throw PatternError(reason: "does not compile")
        }
        hasValueGroup = source.contains("(?<value>")
        literals = SpecPatternLiterals(source: source)
    }

    /// ``matches(_:)``, skipped (false) when `presence` (from ``DetectionLiterals``, for
    /// this `text`) says none of the pattern's literals occurs in it.
    func matches(_ text: String, presence: [Bool]?) -> Bool {
        if cannotMatch(presence) { return false }
        return matches(text)
    }

    /// ``firstValue(in:)``, skipped (nil) when `presence` (from ``DetectionLiterals``, for
    /// this `text`) says none of the pattern's literals occurs in it.
    func firstValue(in text: String, presence: [Bool]?) -> (value: String, utf8Offset: Int)? {
        if cannotMatch(presence) { return nil }
        return firstValue(in: text)
    }

    /// Whether `presence` shows that no literal of the pattern occurs in the text: then
    /// no match can, and the regular expression need not run.
    private func cannotMatch(_ presence: [Bool]?) -> Bool {
        guard let presence, let literalIndices else { return false }
        return !literalIndices.contains { presence[$0] }
    }

    struct PatternError: Error {
        var reason: String
    }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: Self.wholeRange(of: text)) != nil
    }

    /// The first match's `value` group (or whole match), trimmed, with the UTF-8 offset
    /// where it starts in `text`.
    func firstValue(in text: String) -> (value: String, utf8Offset: Int)? {
        guard let match = regex.firstMatch(in: text, options: [], range: Self.wholeRange(of: text)) else {
            return nil
        }
        var range = match.range
        if hasValueGroup {
            let group = match.range(withName: "value")
            if group.location != NSNotFound { range = group }
        }
        guard let swiftRange = Range(range, in: text) else { return nil }
        let value = ValueNormalizer.trimmingWhitespace(String(text[swiftRange]))
        guard !value.isEmpty else { return nil }
        return (value, text.utf8.distance(from: text.startIndex, to: swiftRange.lowerBound))
    }

    /// `NSRange(text.startIndex..., in: text)`, without the generic index conversion.
    private static func wholeRange(of text: String) -> NSRange {
        NSRange(location: 0, length: text.utf16.count)
    }

    /// `text` cut to `maxBytes` (default ``maximumInputBytes``), at a scalar boundary.
    static func bounded(_ text: String, maxBytes: Int = maximumInputBytes) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: maxBytes)
        while end > text.utf8.startIndex, end.samePosition(in: text.unicodeScalars) == nil {
            end = text.utf8.index(before: end)
        }
        return String(text[..<end])
    }
}
