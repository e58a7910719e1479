import Foundation

/// A regular expression from a spec, compiled once when the spec is loaded.
///
/// Patterns use ICU syntax (`(?i)` for case-insensitive, `(?<value>...)` for the captured
/// value). They only ever see bounded input: at most ``maximumInputBytes`` of a message's
/// text (ICU at most ``maximumICUBytes``), and ``SpecRegex`` gives up past a step budget
/// (the search then counts as no match; a field rule flags the lead), so a huge hostile
/// message cannot make a scan slow; spec authors should still avoid nested quantifiers
/// such as `(a+)+`.
///
/// Results are NSRegularExpression's (ICU's). Where the searched text (or window part) is
/// ASCII and the pattern uses the syntax ``SpecRegex`` takes, that matcher finds them on
/// the UTF-8 bytes instead, without ICU's UTF-16 copy and per-call objects; on other text
/// too, for a pattern that cannot tell most non-ASCII scalars apart
/// (``readsNonASCIIAsOne(_:)``), each read as one placeholder byte.
struct SpecPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once created and documented as safe to use from
    // several threads at once.

    /// Text, subjects and HTML are cut to this many UTF-8 bytes before any spec pattern
    /// runs on them (256 KiB; a lead notification is a few KiB).
    static let maximumInputBytes = 256 * 1024

    /// NSRegularExpression searches at most this many UTF-8 bytes of a text (or window
    /// part), from its start, ASCII or not. ICU backtracks quadratically where a loop has
    /// many openers and no closer (houzz's `\nMessage:\s*\n(?<value>.+?)\n\s*\n` on lines
    /// of `Message:`; angi's budget question repeated on one line: 13 s for 256 KiB) and has
    /// no step budget; the byte matcher, which has (see ``SpecRegex``), cannot always stand
    /// in: on a text that is not ASCII a pattern with `\d \w \b \p`, or a case-insensitive
    /// one on a text holding a character whose case folding has ASCII letters (`ſ`, the
    /// Kelvin sign, `ß`, ligatures); on any text a pattern with syntax it does not take
    /// (look-behind, back-references, `\p`, ...), or a search it hands back (``SpecRegex/Outcome/tooDeep``).
    /// 32 KiB bounds such a search to a few hundred milliseconds; a lead notification's text
    /// is a few KiB.
    static let maximumICUBytes = 32 * 1024

    /// What compiling the pattern made, behind one reference: a copy of the pattern (a
    /// pattern read out of an optional, or through a method call whose arguments are still
    /// to work out) then retains one object, not each regex, literal list and window.
    private let compiled: Compiled
    /// Where ``literals`` are in the spec set's ``DetectionLiterals`` (set by ``SpecSet``).
    var literalIndices: [Int]?

    /// The pattern as written in the spec.
    var source: String { compiled.source }
    private var regex: NSRegularExpression { compiled.regex }
    private var hasValueGroup: Bool { compiled.hasValueGroup }
    /// The number of the `value` group, read from the source when that reading counts the
    /// groups ICU counts (a match's range by number is a lookup, by name an ICU call).
    private var valueGroupNumber: Int? { compiled.valueGroupNumber }
    /// What every match contains (see ``SpecPatternLiterals``); nil when unknown.
    var literals: SpecPatternLiterals? { compiled.literals }
    /// The part of a text the pattern needs to run on; nil: the whole text.
    var window: PatternWindow? { compiled.window }
    /// The pattern is nothing but its ``literals`` (`(?i)new lead|sent you a message`):
    /// whether one occurs is whether it matches.
    private var isLiteralAlternation: Bool { compiled.isLiteralAlternation }
    /// The pattern compiled to run on ASCII text's bytes with ICU's results (see
    /// ``SpecRegex``); nil when it uses syntax that matcher does not take.
    var asciiRegex: SpecRegex? { compiled.asciiRegex }
    /// The number of the `value` group in ``asciiRegex``.
    private var asciiValueGroup: Int? { compiled.asciiValueGroup }
    /// ``asciiRegex`` when it may also search a text that is not ASCII, each non-ASCII scalar
    /// read as one placeholder byte (see ``placeholderSearch(_:_:_:readsSpaces:foldsCase:budget:)``); nil otherwise.
    private var placeholderRegex: SpecRegex? { compiled.placeholderRegex }
    /// Whether ``placeholderRegex`` may also search a text with non-ASCII White_Space
    /// (``readsNonASCIISpacesAsTabAndVT(_:)``).
    private var placeholderReadsSpaces: Bool { compiled.placeholderReadsSpaces }
    /// Whether a flag group of the pattern turns `i` on: only then can a non-ASCII scalar
    /// whose case folding has ASCII letters match like one (a hazard for the placeholder).
    private var foldsCase: Bool { compiled.foldsCase }

    /// The compiled pattern's parts (see the properties of the same names), immutable.
    private final class Compiled: @unchecked Sendable {
        let source: String
        let regex: NSRegularExpression
        let hasValueGroup: Bool
        let valueGroupNumber: Int?
        let literals: SpecPatternLiterals?
        let window: PatternWindow?
        let isLiteralAlternation: Bool
        let asciiRegex: SpecRegex?
        let asciiValueGroup: Int?
        let placeholderRegex: SpecRegex?
        let placeholderReadsSpaces: Bool
        let foldsCase: Bool

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
            placeholderRegex = SpecPattern.readsNonASCIIAsOne(source) ? asciiRegex : nil
            placeholderReadsSpaces = placeholderRegex != nil && SpecPattern.readsNonASCIISpacesAsTabAndVT(source)
            foldsCase = SpecPattern.hasCaseInsensitiveFlag(source)
        }
    }

    /// Compiles `source`; throws the compiler's reason.
    init(_ source: String) throws {
        compiled = try Compiled(source)
    }

    /// Whether the pattern matches somewhere in `text`; false without running when
    /// `presence` (from ``DetectionLiterals``, for this `text`) says none of the pattern's
    /// literals occurs in it, and run on the window of `text` it needs (see
    /// ``PatternWindow``). nil `presence`: nothing known.
    /// `isASCII`: whether `text` is all ASCII when the caller knows (see
    /// ``InquiryView/textIsASCII``), so it is not worked out again for every pattern; asked
    /// only when the pattern runs.
    /// `budget`: the message's (``PatternBudget``), when the search is one of a message's.
    func matches(_ text: String, presence: [Bool]?, isASCII: @autoclosure () -> Bool? = nil, budget: PatternBudget? = nil) -> Bool {
        if let presence, let literalIndices {
            let found = literalIndices.contains { presence[$0] }
            if !found || isLiteralAlternation { return found }
        }
        return firstMatch(in: text, windowed: true, presence: presence, knownASCII: isASCII(), budget: budget)?.isMatch == true
    }

    /// ``firstValue(in:)``, skipped (nil) when `presence` (from ``DetectionLiterals``, for
    /// this `text`) says none of the pattern's literals occurs in it, and run on the window
    /// of `text` the pattern needs (see ``PatternWindow``). nil `presence`: nothing known.
    /// `isASCII`: as for ``matches(_:presence:isASCII:)``.
    func firstValue(in text: String, presence: [Bool]?, isASCII: @autoclosure () -> Bool? = nil) -> (value: String, utf8Offset: Int)? {
        valueSearch(in: text, presence: presence, isASCII: isASCII()).value
    }

    /// What a search for a value found: a value, none, or that the search gave up (its
    /// step budget ran out, see ``SpecRegex/Outcome/gaveUp``): no value either, but a field
    /// rule flags the lead for review.
    enum ValueSearch {
        case found(value: String, utf8Offset: Int)
        case notFound
        case gaveUp

        var value: (value: String, utf8Offset: Int)? {
            if case .found(let value, let offset) = self { return (value, offset) }
            return nil
        }
    }

    /// ``firstValue(in:presence:isASCII:)``, telling a search that gave up from one that found
    /// nothing.
    /// `budget`: the message's (``PatternBudget``), when the search is one of a message's.
    func valueSearch(in text: String, presence: [Bool]?, isASCII: Bool?, budget: PatternBudget? = nil) -> ValueSearch {
        if cannotMatch(presence) { return .notFound }
        let isASCII = isASCII ?? Self.isASCII(text)
        // No closure (`flatMap`): one capturing `self` copied the pattern.
        guard let match = firstMatch(in: text, windowed: true, presence: presence, knownASCII: isASCII, windowsASCII: true,
                                     budget: budget) else {
            return .notFound
        }
        return valueSearch(of: match, in: text, isASCII: isASCII)
    }

    /// `match`'s value, or `.gaveUp` / `.notFound`.
    private func valueSearch(of match: FirstMatch, in text: String, isASCII: Bool) -> ValueSearch {
        if case .gaveUp = match { return .gaveUp }
        guard let (value, offset) = value(of: match, in: text, isASCII: isASCII) else { return .notFound }
        return .found(value: value, utf8Offset: offset)
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
        firstMatch(in: text, windowed: false, presence: nil, knownASCII: nil)?.isMatch == true
    }

    /// The first match's `value` group (or whole match), trimmed, with the UTF-8 offset
    /// where it starts in `text`.
    func firstValue(in text: String) -> (value: String, utf8Offset: Int)? {
        valueSearch(in: text).value
    }

    /// ``firstValue(in:)``, telling a search that gave up from one that found nothing.
    func valueSearch(in text: String, budget: PatternBudget? = nil) -> ValueSearch {
        let isASCII = Self.isASCII(text)
        guard let match = firstMatch(in: text, windowed: false, presence: nil, knownASCII: isASCII, budget: budget) else {
            return .notFound
        }
        return valueSearch(of: match, in: text, isASCII: isASCII)
    }

    /// Whether `text` is all ASCII. A short text's UTF-16 count, compared with its byte
    /// count, tells at once (a native ASCII string knows it without a scan). A longer one is
    /// read on its bytes (32 at a time) up to the first that is not ASCII: for one that has
    /// such a byte, the UTF-16 count walked the whole text and built its UTF-16 index.
    static func isASCII(_ text: String) -> Bool {
        guard text.utf8.count > 32 else { return text.utf8.count == text.utf16.count }
        var copy = text
        return copy.withUTF8 { isASCII($0, 0..<$0.count) }
    }

    /// A first match: NSRegularExpression's, or ``asciiRegex``'s with offsets in the whole
    /// text's UTF-8.
    private enum FirstMatch {
        case icu(NSTextCheckingResult)
        case bytes(SpecRegex.Match)
        /// ``SpecRegex`` gave up (its step budget ran out): no match, and no ICU search.
        case gaveUp

        var isMatch: Bool {
            if case .gaveUp = self { return false }
            return true
        }
    }

    /// The first match in `text`, searched in the pattern's window when `windowed` and it
    /// has one; by ``asciiRegex`` where the searched text is ASCII.
    /// `knownASCII`: ``isASCII(_:)`` of `text` when the caller has it.
    /// `windowsASCII`: search the window of an ASCII text too (field rules: see below).
    /// `messageBudget`: the message's, cutting this search's own (see ``PatternBudget``).
    private func firstMatch(in text: String, windowed: Bool, presence: [Bool]?, knownASCII: Bool?,
                            windowsASCII: Bool = false, budget messageBudget: PatternBudget? = nil) -> FirstMatch? {
        let isASCII = knownASCII ?? Self.isASCII(text)
        // One step budget for the search, all its window parts together: the text's, cut to
        // what the message has left.
        let searchBudget = messageBudget?.budget(forSearchOf: text.utf8.count) ?? SpecRegex.stepBudget(forBytes: text.utf8.count)
        var budget = searchBudget
        defer { messageBudget?.spend(searchBudget - budget) }
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
            let placeholderRegex = placeholderRegex
            let readsSpaces = placeholderReadsSpaces
            let foldsCase = foldsCase
            let regex = regex
            let outcome = window.firstMatch(in: text, caseFoldingChecked: checked) { bytes, part, mustStartBefore in
                Self.search(text, bytes, part, asciiRegex, placeholderRegex, readsSpaces: readsSpaces, foldsCase: foldsCase, regex,
                            knownASCII: isASCII, mustStartBefore: mustStartBefore, budget: &budget)
            }
            if case .searched(let match) = outcome { return match }
        }
        if isASCII, let asciiRegex {
            let searched = text.utf8.withContiguousStorageIfAvailable { asciiRegex.firstMatch(in: $0, budget: budget) }
            budget -= searched?.steps ?? 0
            if let decided = Self.decided(searched?.outcome) { return decided }
        } else if let placeholderRegex {
            let readsSpaces = placeholderReadsSpaces, foldsCase = foldsCase
            let outcome = text.utf8.withContiguousStorageIfAvailable {
                Self.placeholderSearch(placeholderRegex, $0, 0..<$0.count, readsSpaces: readsSpaces, foldsCase: foldsCase,
                                       budget: &budget)
            }
            if let decided = Self.decided(outcome ?? nil) { return decided }
        }
        let range = text.utf8.withContiguousStorageIfAvailable { Self.icuRange(text, $0, 0..<$0.count, textIsASCII: isASCII) }
            ?? Self.wholeRange(of: text)
        return regex.firstMatch(in: text, options: [], range: range).map(FirstMatch.icu)
    }

    /// What a byte-matcher search decided: its match (none when it starts at or after
    /// `mustStartBefore`), no match, or that it gave up; nil when ICU must decide (the search
    /// went too deep, or, nil `outcome`, it could not run).
    private static func decided(_ outcome: SpecRegex.Outcome?, mustStartBefore: Int? = nil) -> FirstMatch?? {
        switch outcome {
        case .match(let match):
            if let mustStartBefore, match.start >= mustStartBefore { return .some(nil) }
            return .bytes(match)
        case .noMatch: return .some(nil)
        case .gaveUp: return .gaveUp
        case .tooDeep, nil: return nil
        }
    }

    /// The UTF-16 range NSRegularExpression searches for `bytes[part]` of `text` (`textIsASCII`:
    /// whether the whole text is): cut to ``maximumICUBytes`` (back to a scalar boundary).
    private static func icuRange(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>, textIsASCII: Bool) -> NSRange {
        var end = part.upperBound
        if part.count > maximumICUBytes {
            end = part.lowerBound + maximumICUBytes
            while end > part.lowerBound, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        }
        // In ASCII text UTF-16 offsets are UTF-8 offsets.
        if textIsASCII { return NSRange(location: part.lowerBound, length: end - part.lowerBound) }
        let start16 = PatternWindow.utf16Offset(part.lowerBound, in: text)
        return NSRange(location: start16, length: PatternWindow.utf16Offset(end, in: text) - start16)
    }

    /// The first match in `part` of `text` (`bytes`), searched as if it were the whole
    /// input: by ``asciiRegex`` when the part is ASCII, else by NSRegularExpression on its
    /// UTF-16 range; nil too when it starts at or after `mustStartBefore`.
    private static func search(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>,
                               _ asciiRegex: SpecRegex?, _ placeholderRegex: SpecRegex?, readsSpaces: Bool, foldsCase: Bool,
                               _ regex: NSRegularExpression, knownASCII: Bool, mustStartBefore: Int?, budget: inout Int) -> FirstMatch? {
        if let asciiRegex, knownASCII || Self.isASCII(bytes, part) {
            let (outcome, steps) = asciiRegex.firstMatch(in: UnsafeBufferPointer(rebasing: bytes[part]), offset: part.lowerBound, budget: budget)
            budget -= steps
            if let decided = decided(outcome, mustStartBefore: mustStartBefore) { return decided }
        } else if let placeholderRegex,
                  let decided = decided(placeholderSearch(placeholderRegex, bytes, part, readsSpaces: readsSpaces, foldsCase: foldsCase,
                                                          budget: &budget),
                                        mustStartBefore: mustStartBefore) {
            return decided
        }
        let range = icuRange(text, bytes, part, textIsASCII: knownASCII)
        guard let match = regex.firstMatch(in: text, options: [], range: range) else { return nil }
        if let mustStartBefore, match.range.location >= PatternWindow.utf16Offset(mustStartBefore, in: text) { return nil }
        return .icu(match)
    }

    /// Whether ``SpecRegex`` finds ICU's first match in a text that is not ASCII when each
    /// non-ASCII scalar is read as one byte 0x01 (see ``placeholderSearch(_:_:_:readsSpaces:foldsCase:budget:)``): the
    /// pattern is printable ASCII, and each escape is `\s \S \n \r \t \f \e \a \A \z \Z`
    /// or punctuation (no `\w \d \b \p`, code points or POSIX classes, which tell scalars
    /// apart).
    ///
    /// Such a pattern treats every scalar that is neither White_Space nor a line terminator
    /// alike, and as it treats 0x01: no literal is either; a bracket set holds them iff it
    /// is negated (its members are ASCII, or `\s`, which holds neither, or `\S`, which
    /// holds both); `.` holds them with or without `(?s)`; `\s` does not, `\S` does; none
    /// is a line terminator for `^ $` or a word character. ICU counts and steps over a
    /// scalar as one character, as the matcher does a byte.
    static func readsNonASCIIAsOne(_ source: String) -> Bool {
        var escaped = false
        var previous: Unicode.Scalar = " "
        for scalar in source.unicodeScalars {
            guard scalar.value >= 0x20, scalar.value < 0x7F else { return false }
            if escaped {
                let letterOrDigit = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                if letterOrDigit, !"sSnrtfeaAzZ".unicodeScalars.contains(scalar) { return false }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if previous == "[", scalar == ":" {
                return false
            }
            previous = escaped ? " " : scalar
        }
        return true
    }

    /// Whether, beyond ``readsNonASCIIAsOne(_:)``, the pattern treats non-ASCII White_Space
    /// that ends no line (U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000) as it treats
    /// a tab, and the White_Space that does (U+0085, U+2028, U+2029) as a VT: both are in
    /// `\s` and in negated sets, neither is a literal; a VT ends a line for `.`, `^` and `$`
    /// as those do, a tab does not, nor do they. That holds where the pattern never names a
    /// tab or VT: no `\t` (a VT has no escape it takes), and no bracket range with an escape
    /// at an end (`[\a-\r]` holds both), nor a nested bracket.
    static func readsNonASCIISpacesAsTabAndVT(_ source: String) -> Bool {
        guard readsNonASCIIAsOne(source), !source.contains("\\t") else { return false }
        let scalars = Array(source.unicodeScalars)
        var inBracket = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                // An escape at a range's start.
                if inBracket, index + 2 < scalars.count, scalars[index + 2] == "-" { return false }
                index += 2
                continue
            }
            if inBracket {
                if scalar == "[" { return false }
                if scalar == "]" { inBracket = false }
                // An escape at a range's end.
                if scalar == "-", index + 1 < scalars.count, scalars[index + 1] == "\\" { return false }
            } else if scalar == "[" {
                inBracket = true
                // (A `]` first in a bracket is a member.)
                if index + 1 < scalars.count, scalars[index + 1] == "]" { index += 1 }
                if index + 2 < scalars.count, scalars[index + 1] == "^", scalars[index + 2] == "]" { index += 2 }
            }
            index += 1
        }
        return true
    }

    /// ``readsNonASCIIAsOne(_:)``'s search of `bytes[part]` (UTF-8, not all ASCII): each
    /// non-ASCII scalar becomes the byte 0x01 (White_Space a tab or a VT when `readsSpaces`,
    /// see ``readsNonASCIISpacesAsTabAndVT(_:)``) and `regex` runs on that; its offsets are
    /// moved back to `bytes`. nil (ICU decides) when the part holds a non-ASCII scalar no
    /// byte stands for: White_Space (U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000) unless `readsSpaces`, or, when `foldsCase`, one whose case
    /// folding has ASCII letters (``DetectionLiterals/hasCaseFoldingHazard(_:)``).
    ///
    /// Why: ICU's own search of such a text can be quadratic where the matcher is not (a
    /// lazy loop's failures, see ``SpecRegex``): houzz's `(?s)\nMessage:\s*\n(?<value>.+?)\n\s*\n`
    /// took 12 s on 128 KiB of `Message:` lines with one `é`.
    /// `budget`: the steps the search may take (see ``SpecRegex/stepBudget(forBytes:)``), less
    /// those it took when it returns.
    static func placeholderSearch(_ regex: SpecRegex, _ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>,
                                  readsSpaces: Bool, foldsCase: Bool, budget: inout Int) -> SpecRegex.Outcome? {
        let slice = UnsafeBufferPointer(rebasing: bytes[part])
        if foldsCase, DetectionLiterals.hasCaseFoldingHazard(slice) { return nil }
        var shadow: [UInt8] = []
        shadow.reserveCapacity(slice.count)
        // `offsets[i]`: the offset in `bytes` of the shadow's byte `i` (and of its end).
        var offsets: [Int] = []
        offsets.reserveCapacity(slice.count + 1)
        var index = 0
        while index < slice.count {
            let byte = slice[index]
            offsets.append(part.lowerBound + index)
            if byte < 0x80 {
                shadow.append(byte)
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= slice.count else { return nil }
            switch whiteSpace(slice, index) {
            case .none: shadow.append(0x01)
            case .endsNoLine where readsSpaces: shadow.append(0x09)
            case .endsLine where readsSpaces: shadow.append(0x0B)
            default: return nil
            }
            index += length
        }
        offsets.append(part.lowerBound + slice.count)
        let (outcome, steps) = shadow.withUnsafeBufferPointer { regex.firstMatch(in: $0, budget: budget) }
        budget -= steps
        guard case .match(let match) = outcome else { return outcome }
        return .match(SpecRegex.Match(start: offsets[match.start], end: offsets[match.end],
                                      groups: match.groups.map { $0 < 0 ? $0 : offsets[$0] }))
    }

    /// Whether a flag group (`(?i)`, `(?si)`, `(?i:`, ...) of `source` holds `i` (some may
    /// turn it off again: still true, the safe side).
    static func hasCaseInsensitiveFlag(_ source: String) -> Bool {
        let scalars = Array(source.unicodeScalars)
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == "\\" {
                index += 2
                continue
            }
            if scalars[index] == "(", scalars[index + 1] == "?" {
                var flag = index + 2
                while flag < scalars.count, scalars[flag].properties.isAlphabetic || scalars[flag] == "-" {
                    if scalars[flag] == "i" { return true }
                    flag += 1
                }
            }
            index += 1
        }
        return false
    }

    /// Non-ASCII White_Space, by whether ICU ends a line at it.
    private enum WhiteSpace { case endsNoLine, endsLine }

    /// Whether the scalar at `index` of `bytes` (a lead byte) is non-ASCII White_Space:
    /// U+0085, U+2028, U+2029 (line terminators), U+00A0, U+1680, U+2000-U+200A, U+202F,
    /// U+205F, U+3000.
    private static func whiteSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> WhiteSpace? {
        switch bytes[index] {
        case 0xC2:
            return bytes[index + 1] == 0x85 ? .endsLine : bytes[index + 1] == 0xA0 ? .endsNoLine : nil
        case 0xE1:
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? .endsNoLine : nil
        case 0xE2:
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80, third == 0xA8 || third == 0xA9 { return .endsLine }
            return (second == 0x80 && (third <= 0x8A || third == 0xAF)) || (second == 0x81 && third == 0x9F) ? .endsNoLine : nil
        case 0xE3:
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? .endsNoLine : nil
        default:
            return nil
        }
    }

    /// Whether `bytes[part]` are all ASCII (32, then eight at a time).
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = part.lowerBound
        while offset + 32 <= part.upperBound {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 32
        }
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
        case .gaveUp:
            return nil
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
