import Foundation

/// A regular expression from a spec, compiled once when the spec is loaded.
///
/// Patterns use ICU syntax (`(?i)` for case-insensitive, `(?<value>...)` for the captured
/// value). They only ever see bounded input: at most ``maximumInputBytes`` of a message's
/// text, so a huge hostile message cannot make a scan slow; spec authors should still
/// avoid nested quantifiers such as `(a+)+`.
///
/// Results are NSRegularExpression's (ICU's). Where the searched text (or window part) is
/// ASCII and the pattern uses the syntax ``SpecRegex`` takes, that matcher finds them on
/// the UTF-8 bytes instead, without ICU's UTF-16 copy and per-call objects.
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
    /// The pattern compiled to run on ASCII text's bytes with ICU's results (see
    /// ``SpecRegex``); nil when it uses syntax that matcher does not take.
    let asciiRegex: SpecRegex?
    /// The number of the `value` group in ``asciiRegex``.
    private let asciiValueGroup: Int?

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
        let windowSyntax = syntax?.isWindowReadable == true ? syntax : nil
        window = windowSyntax.flatMap(PatternWindow.init)
        isLiteralAlternation = literals != nil && windowSyntax?.literalAlternatives == literals?.alternatives
        if let names = windowSyntax?.groupNames, names.count == regex.numberOfCaptureGroups,
           names.filter({ $0 == "value" }).count == 1, let index = names.firstIndex(of: "value") {
            valueGroupNumber = index + 1
        } else {
            valueGroupNumber = nil
        }
        // Groups counted as ICU counts them, or the reading is wrong: NSRegularExpression.
        let ascii = syntax.flatMap(SpecRegex.init(syntax:))
        asciiRegex = ascii?.groupCount == regex.numberOfCaptureGroups ? ascii : nil
        asciiValueGroup = asciiRegex?.groupNames.firstIndex(of: "value").map { $0 + 1 }
    }

    /// Whether the pattern matches somewhere in `text`; false without running when
    /// `presence` (from ``DetectionLiterals``, for this `text`) says none of the pattern's
    /// literals occurs in it, and run on the window of `text` it needs (see
    /// ``PatternWindow``). nil `presence`: nothing known.
    /// `isASCII`: whether `text` is all ASCII when the caller knows (see
    /// ``InquiryView/textIsASCII``), so it is not worked out again for every pattern; asked
    /// only when the pattern runs.
    func matches(_ text: String, presence: [Bool]?, isASCII: @autoclosure () -> Bool? = nil) -> Bool {
        if let presence, let literalIndices {
            let found = literalIndices.contains { presence[$0] }
            if !found || isLiteralAlternation { return found }
        }
        return firstMatch(in: text, windowed: true, presence: presence, knownASCII: isASCII()) != nil
    }

    /// ``firstValue(in:)``, skipped (nil) when `presence` (from ``DetectionLiterals``, for
    /// this `text`) says none of the pattern's literals occurs in it, and run on the window
    /// of `text` the pattern needs (see ``PatternWindow``). nil `presence`: nothing known.
    /// `isASCII`: as for ``matches(_:presence:isASCII:)``.
    func firstValue(in text: String, presence: [Bool]?, isASCII: @autoclosure () -> Bool? = nil) -> (value: String, utf8Offset: Int)? {
        if cannotMatch(presence) { return nil }
        let isASCII = isASCII() ?? Self.isASCII(text)
        // No closure (`flatMap`): one capturing `self` copied the pattern.
        guard let match = firstMatch(in: text, windowed: true, presence: presence, knownASCII: isASCII, windowsASCII: true) else {
            return nil
        }
        return value(of: match, in: text, isASCII: isASCII)
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
        firstMatch(in: text, windowed: false, presence: nil, knownASCII: nil) != nil
    }

    /// The first match's `value` group (or whole match), trimmed, with the UTF-8 offset
    /// where it starts in `text`.
    func firstValue(in text: String) -> (value: String, utf8Offset: Int)? {
        let isASCII = Self.isASCII(text)
        guard let match = firstMatch(in: text, windowed: false, presence: nil, knownASCII: isASCII) else { return nil }
        return value(of: match, in: text, isASCII: isASCII)
    }

    /// Whether `text` is all ASCII. The UTF-16 count of a native ASCII string is its byte
    /// count, known without a scan; of any other string it is smaller.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.count == text.utf16.count
    }

    /// A first match: NSRegularExpression's, or ``asciiRegex``'s with offsets in the whole
    /// text's UTF-8.
    private enum FirstMatch {
        case icu(NSTextCheckingResult)
        case bytes(SpecRegex.Match)
    }

    /// The first match in `text`, searched in the pattern's window when `windowed` and it
    /// has one; by ``asciiRegex`` where the searched text is ASCII.
    /// `knownASCII`: ``isASCII(_:)`` of `text` when the caller has it.
    /// `windowsASCII`: search the window of an ASCII text too (field rules: see below).
    private func firstMatch(in text: String, windowed: Bool, presence: [Bool]?, knownASCII: Bool?,
                            windowsASCII: Bool = false) -> FirstMatch? {
        let isASCII = knownASCII ?? Self.isASCII(text)
        // On ASCII text ``asciiRegex`` searches the whole text for fewer instructions than
        // finding the window costs; but a field rule's pattern runs once per message, cold,
        // where trying it at every candidate start of a whole text costs more than finding
        // its literal with `memchr` and trying only the lines that hold it.
        if windowed, windowsASCII || !isASCII || asciiRegex == nil, let window {
            // A presence of this pattern's case-insensitive literals was only given when
            // the text has no case-folding hazard (see ``DetectionLiterals/presence(in:)``);
            // ASCII text has none.
            let checked = isASCII || (presence != nil && literalIndices != nil && literals?.isCaseInsensitive == true)
            // The closure captures the two matchers, not `self` (which would copy the pattern,
            // retaining each of its references).
            let asciiRegex = asciiRegex
            let regex = regex
            let outcome = window.firstMatch(in: text, caseFoldingChecked: checked) { bytes, part, mustStartBefore in
                Self.search(text, bytes, part, asciiRegex, regex, knownASCII: isASCII, mustStartBefore: mustStartBefore)
            }
            if case .searched(let match) = outcome { return match }
        }
        if isASCII, let asciiRegex {
            switch text.utf8.withContiguousStorageIfAvailable({ asciiRegex.firstMatch(in: $0) }) {
            case .match(let match): return .bytes(match)
            case .noMatch: return nil
            case .tooDeep, nil: break
            }
        }
        return regex.firstMatch(in: text, options: [], range: Self.wholeRange(of: text)).map(FirstMatch.icu)
    }

    /// The first match in `part` of `text` (`bytes`), searched as if it were the whole
    /// input: by ``asciiRegex`` when the part is ASCII, else by NSRegularExpression on its
    /// UTF-16 range; nil too when it starts at or after `mustStartBefore`.
    private static func search(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>,
                               _ asciiRegex: SpecRegex?, _ regex: NSRegularExpression, knownASCII: Bool,
                               mustStartBefore: Int?) -> FirstMatch? {
        if let asciiRegex, knownASCII || Self.isASCII(bytes, part) {
            switch asciiRegex.firstMatch(in: UnsafeBufferPointer(rebasing: bytes[part]), offset: part.lowerBound) {
            case .match(let match):
                if let mustStartBefore, match.start >= mustStartBefore { return nil }
                return .bytes(match)
            case .noMatch:
                return nil
            case .tooDeep:
                break  // ICU decides
            }
        }
        let start16 = PatternWindow.utf16Offset(part.lowerBound, in: text)
        let end16 = PatternWindow.utf16Offset(part.upperBound, in: text)
        guard let match = regex.firstMatch(in: text, options: [], range: NSRange(location: start16, length: end16 - start16)) else {
            return nil
        }
        if let mustStartBefore, match.range.location >= PatternWindow.utf16Offset(mustStartBefore, in: text) { return nil }
        return .icu(match)
    }

    /// Whether `bytes[part]` are all ASCII (eight at a time).
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = part.lowerBound
        while offset + 8 <= part.upperBound {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        while offset < part.upperBound {
            if bytes[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }

    /// `match`'s `value` group (or whole match) in `text`, trimmed, with its UTF-8 offset.
    private func value(of match: FirstMatch, in text: String, isASCII: Bool) -> (value: String, utf8Offset: Int)? {
        switch match {
        case .icu(let match):
            return value(of: match, in: text)
        case .bytes(let match):
            var range = match.start..<match.end
            if let group = asciiValueGroup.flatMap(match.group) { range = group }
            return Self.value(utf8Range: range, in: text, isASCII: isASCII)
        }
    }

    /// The text in UTF-8 `range` of `text`, trimmed, with its offset: what
    /// ``value(of:in:)-(NSTextCheckingResult,_)`` makes of the same range (nil when an end is
    /// not a Character boundary, as `Range(_:in:)` gives then).
    private static func value(utf8Range range: Range<Int>, in text: String, isASCII: Bool) -> (value: String, utf8Offset: Int)? {
        if isASCII, let ascii = text.utf8.withContiguousStorageIfAvailable({ asciiValue(range, $0) }) { return ascii }
        let utf8 = text.utf8
        guard let lower = String.Index(utf8.index(utf8.startIndex, offsetBy: range.lowerBound), within: text),
              let upper = String.Index(utf8.index(utf8.startIndex, offsetBy: range.upperBound), within: text) else { return nil }
        let value = ValueNormalizer.trimmingWhitespace(String(text[lower..<upper]))
        guard !value.isEmpty else { return nil }
        return (value, range.lowerBound)
    }

    /// The text in `range` of ASCII `bytes`, trimmed as
    /// ``ValueNormalizer/trimmingWhitespace(_:)`` trims (in ASCII: tab, LF, VT, FF, CR,
    /// space), with its offset.
    private static func asciiValue(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> (value: String, utf8Offset: Int)? {
        // `Range(_:in:)` gives nil for a range that starts or ends inside a Character: in
        // ASCII, only between the CR and LF of CR LF.
        func splitsCRLF(_ offset: Int) -> Bool {
            offset > 0 && offset < bytes.count && bytes[offset - 1] == 0x0D && bytes[offset] == 0x0A
        }
        if splitsCRLF(range.lowerBound) || splitsCRLF(range.upperBound) { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        guard lower < upper else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self), range.lowerBound)
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
