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
    /// The number of the `value` group, read from the source when that reading counts the
    /// groups ICU counts (a match's range by number is a lookup, by name an ICU call).
    private let valueGroupNumber: Int?
    /// What every match contains (see ``SpecPatternLiterals``); nil when unknown.
    let literals: SpecPatternLiterals?
    /// Where ``literals`` are in the spec set's ``DetectionLiterals`` (set by ``SpecSet``).
    var literalIndices: [Int]?
    /// The part of a text the pattern needs to run on; nil: the whole text.
    let window: PatternWindow?
    /// The pattern is nothing but its ``literals`` (`(?i)new lead|sent you a message`):
    /// whether one occurs is whether it matches.
    private let isLiteralAlternation: Bool

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
        let syntax = SpecPatternSyntax(source: source)
        window = syntax.flatMap(PatternWindow.init)
        isLiteralAlternation = literals != nil && syntax?.literalAlternatives == literals?.alternatives
        if let names = syntax?.captureGroupNames, names.count == regex.numberOfCaptureGroups,
           names.filter({ $0 == "value" }).count == 1, let index = names.firstIndex(of: "value") {
            valueGroupNumber = index + 1
        } else {
            valueGroupNumber = nil
        }
    }

    /// Whether the pattern matches somewhere in `text`; false without running when
    /// `presence` (from ``DetectionLiterals``, for this `text`) says none of the pattern's
    /// literals occurs in it, and run on the window of `text` it needs (see
    /// ``PatternWindow``). nil `presence`: nothing known.
    func matches(_ text: String, presence: [Bool]?) -> Bool {
        if let presence, let literalIndices {
            let found = literalIndices.contains { presence[$0] }
            if !found || isLiteralAlternation { return found }
        }
        return windowedFirstMatch(in: text, presence: presence) != nil
    }

    /// ``firstValue(in:)``, skipped (nil) when `presence` (from ``DetectionLiterals``, for
    /// this `text`) says none of the pattern's literals occurs in it, and run on the window
    /// of `text` the pattern needs (see ``PatternWindow``). nil `presence`: nothing known.
    func firstValue(in text: String, presence: [Bool]?) -> (value: String, utf8Offset: Int)? {
        if cannotMatch(presence) { return nil }
        guard let match = windowedFirstMatch(in: text, presence: presence) else { return nil }
        return value(of: match, in: text)
    }

    /// The first match in `text`, searched in the pattern's window when it has one.
    private func windowedFirstMatch(in text: String, presence: [Bool]?) -> NSTextCheckingResult? {
        if let window {
            // A presence of this pattern's case-insensitive literals was only given when
            // the text has no case-folding hazard (see ``DetectionLiterals/presence(in:)``).
            let checked = presence != nil && literalIndices != nil && literals?.isCaseInsensitive == true
            let outcome = window.firstMatch(in: text, caseFoldingChecked: checked) { range in
                regex.firstMatch(in: text, options: [], range: range)
            }
            if case .searched(let match) = outcome { return match }
        }
        return regex.firstMatch(in: text, options: [], range: Self.wholeRange(of: text))
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
        return value(of: match, in: text)
    }

    /// `match`'s `value` group (or whole match) in `text`, trimmed, with its UTF-8 offset.
    private func value(of match: NSTextCheckingResult, in text: String) -> (value: String, utf8Offset: Int)? {
        var range = match.range
        if hasValueGroup {
            let group = valueGroupNumber.map { match.range(at: $0) } ?? match.range(withName: "value")
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
