/// A number as written in a budget phrase.
struct Amount: Equatable {
    var value: Double
    /// 1,000 for `k`/`thousand`/`grand`, 100,000 for `hundred thousand`, 1,000,000 for
    /// `M`/`mm`/`million`; `mil` is either (``BudgetTokenizer/milMultiplier(after:)``).
    var multiplier: Double?
    var hasDollar = false
    /// Written with thousands separators (`650,000`).
    var hasSeparator = false
    /// Two digits after the point (`52.18`): with a `$` and no unit, dollars and cents.
    var hasCents = false
    /// Followed by `+` (`$750K+`).
    var isPlus = false
    /// Written as a decade (`600s`).
    var isDecade = false
    /// The unit is the one letter `m`/`M` (`3M`, `2 m`): millions, but also a brand,
    /// metres or minutes.
    var hasLetterMUnit = false

    var isExplicit: Bool { hasDollar || multiplier != nil || hasSeparator }
    /// Money by a mark other than a one-letter M unit: `$`, separators, another unit.
    var hasOtherMoneyMark: Bool { hasDollar || hasSeparator || (multiplier != nil && !hasLetterMUnit) }
}

enum BudgetToken: Equatable {
    case amount(Amount)
    case word(String)
    /// A word too far from every amount for ``BudgetParser`` to read it (more than
    /// ``BudgetTokenizer/wordsReadBefore`` tokens before or ``BudgetTokenizer/wordsReadAfter``
    /// after each): a word all the same, but its text is not made.
    case distantWord
    case dash
    case other
}

/// Splits text into amounts, lowercase words and dashes for ``BudgetParser``.
enum BudgetTokenizer {
    static let multipliers: [String: Double] = [
        "k": 1_000, "K": 1_000, "thousand": 1_000, "grand": 1_000, "m": 1_000_000, "M": 1_000_000, "mm": 1_000_000,
        "MM": 1_000_000, "mil": 1_000_000, "mill": 1_000_000, "million": 1_000_000, "millions": 1_000_000,
    ]

    /// ``BudgetParser`` reads the words at most this many tokens before an amount (its three
    /// words before) ...
    static let wordsReadBefore = 3
    /// ... and at most this many after it (a range joiner, a second amount, three words).
    static let wordsReadAfter = 5

    /// The tokens of `text`; the ASCII reading may give ``BudgetToken/distantWord`` for a
    /// word no amount is near (``wordsReadBefore``, ``wordsReadAfter``).
    static func tokens(_ text: String) -> [BudgetToken] {
        // ASCII without "\r" (the common case): a Character per byte, so the bytes give the
        // same tokens without making a Character each.
        var copy = text
        if let tokens = copy.withUTF8({ bytes in
            bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) ? nil : asciiTokens(bytes)
        }) {
            return tokens
        }
        // Text of simple scalars (each its own Character): the scalars read as Characters.
        let scalars = Array(text.unicodeScalars)
        if scalars.allSatisfy({ $0.isASCII ? $0 != "\r" : SimpleScalars.table.entry($0) != nil }) {
            return tokens(scalars)
        }
        return tokens(Array(text))
    }

    /// Multipliers by lowercase unit: `multipliers[word] ?? multipliers[word.lowercased()]`
    /// is this entry of the lowercased word (every key's lowercase is a key, same value).
    private static func multiplier(lowercase word: UnsafeBufferPointer<UInt8>) -> Double? {
        func equals(_ target: StaticString) -> Bool {
            word.count == target.utf8CodeUnitCount && word.elementsEqual(UnsafeBufferPointer(start: target.utf8Start, count: target.utf8CodeUnitCount))
        }
        switch word.count {
        case 1: return word[0] == 0x6B ? 1_000 : word[0] == 0x6D ? 1_000_000 : nil
        case 2: return equals("mm") ? 1_000_000 : nil
        case 3: return equals("mil") ? 1_000_000 : nil
        case 4: return equals("mill") ? 1_000_000 : nil
        case 5: return equals("grand") ? 1_000 : nil
        case 7: return equals("million") ? 1_000_000 : nil
        case 8: return equals("thousand") ? 1_000 : equals("millions") ? 1_000_000 : nil
        default: return nil
        }
    }

    /// The general reading (a Character at a time, every word made): what ``tokens(_:)``
    /// gives but with no ``BudgetToken/distantWord``. For tests.
    static func characterTokens(_ text: String) -> [BudgetToken] {
        tokens(Array(text))
    }

    /// The last few words ``asciiTokens(_:)`` left unmade (``BudgetToken/distantWord``): their
    /// token index and bytes, so an amount right after them can still make them.
    private struct RecentWords {
        // (Three slots, the most words an amount reads before it: a fixed ring, no array.)
        private var ring: (Slot, Slot, Slot) = (Slot(), Slot(), Slot())
        private var next = 0

        struct Slot {
            var token = Int.min  // (none: below every index asked for)
            var start = 0
            var end = 0
        }

        static let count = 3

        /// Slot `index` (0 to 2), in no particular order.
        subscript(index: Int) -> Slot {
            index == 0 ? ring.0 : index == 1 ? ring.1 : ring.2
        }

        mutating func record(token: Int, start: Int, end: Int) {
            let slot = Slot(token: token, start: start, end: end)
            switch next {
            case 0: ring.0 = slot
            case 1: ring.1 = slot
            default: ring.2 = slot
            }
            next = (next + 1) % Self.count
        }
    }

    /// The word `bytes[range]`, lowercased (made in `scratch`, which holds at least
    /// `range.count` bytes).
    private static func makeWord(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ scratch: UnsafeMutableBufferPointer<UInt8>
    ) -> BudgetToken {
        for offset in range {
            let byte = bytes[offset]
            scratch[offset - range.lowerBound] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        return .word(String(decoding: UnsafeBufferPointer(rebasing: scratch[0..<range.count]), as: UTF8.self))
    }

    /// ``tokens(_:)`` over ASCII bytes without CR, step for step as the generic reading
    /// below, with numbers made once from their bytes and words made only near an amount
    /// (the rest are ``BudgetToken/distantWord``).
    private static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [BudgetToken] {
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let count = bytes.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 1) { scratch in
            // (A token takes at least one byte: sized once for a line, grown past that.)
            var tokens: [BudgetToken] = []
            tokens.reserveCapacity(min(count, 128))
            var index = 0
            var pendingDollar = false
            // The token index of the last amount (none yet: far enough back).
            var lastAmount = -wordsReadAfter - 1
            var recent = RecentWords()
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "$") {
                    pendingDollar = true
                    index += 1
                    continue
                }
                if isDigit(byte), index > 0, bytes[index - 1] == UInt8(ascii: ":") || bytes[index - 1] == UInt8(ascii: "/") {
                    // The second half of a time or a date ("10:30", "5/12").
                    while index < count, isDigit(bytes[index]) { index += 1 }
                    tokens.append(.other)
                    continue
                }
                if isDigit(byte) {
                    // A number: digits with `,` groups and one `.` decimal part.
                    var length = 0
                    var hasPoint = false
                    var decimals = 0
                    var separator = false
                    var cursor = index
                    while cursor < count {
                        let c = bytes[cursor]
                        if isDigit(c) {
                            scratch[length] = c
                            length += 1
                            if hasPoint { decimals += 1 }
                        } else if c == UInt8(ascii: ","), length > 0, isThousandsGroup(bytes, after: cursor) {
                            separator = true
                        } else if c == UInt8(ascii: "."), !hasPoint, cursor + 1 < count, isDigit(bytes[cursor + 1]) {
                            scratch[length] = c
                            length += 1
                            hasPoint = true
                        } else {
                            break
                        }
                        cursor += 1
                    }
                    // Up to 15 digits without a point: the integer, exactly a Double.
                    var value = 0.0
                    if !hasPoint, length <= 15 {
                        var integer = 0
                        for index in 0..<length { integer = integer * 10 + Int(scratch[index] - 0x30) }
                        value = Double(integer)
                    } else {
                        value = Double(String(decoding: UnsafeBufferPointer(rebasing: scratch[0..<length]), as: UTF8.self)) ?? 0
                    }
                    if !hasPoint, !separator, isLeadingPoint(before: index, { bytes[$0] }) { value = fraction(value, digits: length) }
                    var amount = Amount(value: value, hasDollar: pendingDollar, hasSeparator: separator)
                    amount.hasCents = decimals == 2
                    pendingDollar = false
                    // Glued or spaced unit: 650k, 1.2M, 1.5 million, 600s.
                    var unitEnd = cursor
                    if unitEnd < count, bytes[unitEnd] == 0x20 { unitEnd += 1 }
                    var wordEnd = unitEnd
                    while wordEnd < count, isLetter(bytes[wordEnd]) {
                        scratch[wordEnd - unitEnd] = lower(bytes[wordEnd])
                        wordEnd += 1
                    }
                    let word = UnsafeBufferPointer(rebasing: scratch[0..<(wordEnd - unitEnd)])
                    if let multiplier = multiplier(lowercase: word) {
                        // (The one unit of three letters is "mil".)
                        amount.multiplier = word.count == 3 ? milMultiplier(after: amount.value) : multiplier
                        amount.hasLetterMUnit = word.count == 1 && word[0] == 0x6D
                        cursor = wordEnd
                    } else if isHundred(word), let end = thousandAfter(bytes, wordEnd) {
                        // "7 hundred thousand": one unit of 100,000.
                        amount.multiplier = 100_000
                        cursor = end
                    } else if word.count == 1, bytes[unitEnd] == UInt8(ascii: "s"), unitEnd == cursor, amount.value >= 100, amount.value < 1_000,
                              amount.value.truncatingRemainder(dividingBy: 10) == 0 {
                        amount.isDecade = true
                        cursor = wordEnd
                    } else if !word.isEmpty, unitEnd == cursor {
                        // Glued to other letters ("3br", "2nd"): not an amount.
                        tokens.append(.other)
                        index = wordEnd
                        continue
                    }
                    if cursor < count, bytes[cursor] == UInt8(ascii: "+") {
                        amount.isPlus = true
                        cursor += 1
                    }
                    // A number glued to more digits via "/" or ":" (dates, times, fractions) is not money.
                    if cursor < count, bytes[cursor] == UInt8(ascii: "/") || bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: "%") {
                        tokens.append(.other)
                        index = cursor + 1
                        continue
                    }
                    // The unmade words right before the amount are made now.
                    let firstRead = tokens.count - wordsReadBefore
                    for ringIndex in 0..<RecentWords.count where recent[ringIndex].token >= firstRead {
                        let slot = recent[ringIndex]
                        if case .distantWord = tokens[slot.token] {
                            tokens[slot.token] = makeWord(bytes, slot.start..<slot.end, scratch)
                        }
                    }
                    lastAmount = tokens.count
                    tokens.append(.amount(amount))
                    index = cursor
                    continue
                }
                if isLetter(byte) {
                    let start = index
                    while index < count, isLetter(bytes[index]) || bytes[index] == UInt8(ascii: "'") { index += 1 }
                    if tokens.count - lastAmount <= wordsReadAfter {
                        tokens.append(makeWord(bytes, start..<index, scratch))
                    } else {
                        recent.record(token: tokens.count, start: start, end: index)
                        tokens.append(.distantWord)
                    }
                    pendingDollar = false
                    continue
                }
                if byte == UInt8(ascii: "-") {
                    tokens.append(.dash)
                } else if byte == UInt8(ascii: "~") {
                    // "~650k": a point estimate; nothing to record.
                } else if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) && byte != UInt8(ascii: ",") && byte != UInt8(ascii: ".") {
                    tokens.append(.other)
                    pendingDollar = false
                }
                index += 1
            }
            return tokens
        }
    }

    /// `mil` after 10 or more is the Spanish thousand ("40 mil dólares", "450 mil"): no home's
    /// budget is tens of millions. Under 10 it is the English million ("1.5 mil").
    static func milMultiplier(after value: Double) -> Double {
        value >= 10 ? 1_000 : 1_000_000
    }

    /// Whether the number starting at `start` follows a point of its own (`.75M`, `$.9M`,
    /// `.8 to 1 million`): a `.` at the text's start or after a space, `$`, `~` or `(` (not
    /// the end of a sentence or of `No.`). `byte(i)` is the ASCII byte at `i`, or nil.
    private static func isLeadingPoint(before start: Int, _ byte: (Int) -> UInt8?) -> Bool {
        guard start >= 1, byte(start - 1) == UInt8(ascii: ".") else { return false }
        guard start >= 2, let before = byte(start - 2) else { return start == 1 }
        return before == 0x20 || before == 0x09 || before == 0x0A || before == UInt8(ascii: "$") || before == UInt8(ascii: "~")
            || before == UInt8(ascii: "(")
    }

    /// `value`, written with `digits` digits after a leading point: `.75` is 0.75.
    private static func fraction(_ value: Double, digits: Int) -> Double {
        var value = value
        for _ in 0..<digits { value /= 10 }
        return value
    }

    /// Whether lowercase ASCII `word` is `hundred`.
    private static func isHundred(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let hundred: StaticString = "hundred"
        return word.count == 7 && word.elementsEqual(UnsafeBufferPointer(start: hundred.utf8Start, count: 7))
    }

    /// The end of ` thousand` (one space, any case, then no more letters) at `start`, or nil.
    private static func thousandAfter(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let thousand: StaticString = "thousand"
        guard start + 9 <= bytes.count, bytes[start] == 0x20 else { return nil }
        for offset in 0..<8 {
            let byte = bytes[start + 1 + offset]
            guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == thousand.utf8Start[offset] else { return nil }
        }
        let end = start + 9
        if end < bytes.count, (bytes[end] | 0x20) >= 0x61, (bytes[end] | 0x20) <= 0x7A { return nil }
        return end
    }

    /// `,` followed by exactly three digits.
    private static func isThousandsGroup(_ bytes: UnsafeBufferPointer<UInt8>, after comma: Int) -> Bool {
        guard comma + 3 < bytes.count else { return false }
        for offset in 1...3 where !(bytes[comma + offset] >= 0x30 && bytes[comma + offset] <= 0x39) { return false }
        return comma + 4 >= bytes.count || !(bytes[comma + 4] >= 0x30 && bytes[comma + 4] <= 0x39)
    }

    private static func tokens<C: BudgetCharacter>(_ characters: [C]) -> [BudgetToken] {
        var tokens: [BudgetToken] = []
        var index = 0
        var pendingDollar = false
        while index < characters.count {
            let character = characters[index]
            if character.is("$") {
                pendingDollar = true
                index += 1
                continue
            }
            if character.isASCIIDigit, index > 0, characters[index - 1].is(":") || characters[index - 1].is("/") {
                // The second half of a time or a date ("10:30", "5/12").
                while index < characters.count, characters[index].isASCIIDigit { index += 1 }
                tokens.append(.other)
                continue
            }
            if character.isASCIIDigit {
                // A number: digits with `,` groups and one `.` decimal part.
                var digits = ""
                var separator = false
                var cursor = index
                while cursor < characters.count {
                    let c = characters[cursor]
                    if c.isASCIIDigit {
                        c.append(to: &digits)
                    } else if c.is(","), !digits.isEmpty, isThousandsGroup(characters, after: cursor) {
                        separator = true
                    } else if c.is("."), !digits.contains("."), cursor + 1 < characters.count, characters[cursor + 1].isASCIIDigit {
                        c.append(to: &digits)
                    } else {
                        break
                    }
                    cursor += 1
                }
                var value = Double(digits) ?? 0
                if !digits.contains("."), !separator, isLeadingPoint(before: index, { characters[$0].asciiByte }) {
                    value = fraction(value, digits: digits.utf8.count)
                }
                var amount = Amount(value: value, hasDollar: pendingDollar, hasSeparator: separator)
                amount.hasCents = digits.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count == 2
                pendingDollar = false
                // Glued or spaced unit: 650k, 1.2M, 1.5 million, 600s.
                var unitEnd = cursor
                while unitEnd < characters.count, characters[unitEnd].is(" "), unitEnd - cursor < 1 { unitEnd += 1 }
                var word = ""
                var wordEnd = unitEnd
                while wordEnd < characters.count, characters[wordEnd].isBudgetLetter { characters[wordEnd].append(to: &word); wordEnd += 1 }
                if let multiplier = multipliers[word] ?? multipliers[word.lowercased()] {
                    amount.multiplier = word.lowercased() == "mil" ? milMultiplier(after: amount.value) : multiplier
                    amount.hasLetterMUnit = word == "m" || word == "M"
                    cursor = wordEnd
                } else if word.lowercased() == "hundred", let end = thousandAfter(characters, wordEnd) {
                    // "7 hundred thousand": one unit of 100,000.
                    amount.multiplier = 100_000
                    cursor = end
                } else if word == "s", unitEnd == cursor, amount.value >= 100, amount.value < 1_000, amount.value.truncatingRemainder(dividingBy: 10) == 0 {
                    amount.isDecade = true
                    cursor = wordEnd
                } else if !word.isEmpty, unitEnd == cursor {
                    // Glued to other letters ("3br", "2nd"): not an amount.
                    tokens.append(.other)
                    index = wordEnd
                    continue
                }
                if cursor < characters.count, characters[cursor].is("+") {
                    amount.isPlus = true
                    cursor += 1
                }
                // A number glued to more digits via "/" or ":" (dates, times, fractions) is not money.
                if cursor < characters.count, characters[cursor].is("/") || characters[cursor].is(":") ||
                    (characters[cursor].is("%")) {
                    tokens.append(.other)
                    index = cursor + 1
                    continue
                }
                tokens.append(.amount(amount))
                index = cursor
                continue
            }
            if character.isBudgetLetter {
                var word = ""
                while index < characters.count, characters[index].isBudgetLetter || characters[index].is("'") {
                    characters[index].append(to: &word)
                    index += 1
                }
                tokens.append(.word(word.lowercased()))
                pendingDollar = false
                continue
            }
            if character.is("-") || character.is("\u{2013}") || character.is("\u{2014}") {
                tokens.append(.dash)
            } else if character.is("~") {
                // "~650k": a point estimate; nothing to record.
            } else if !character.isBudgetWhitespace && !character.is(",") && !character.is(".") {
                tokens.append(.other)
                pendingDollar = false
            }
            index += 1
        }
        return tokens
    }

    /// The end of ` thousand` (one space, any case, then no more letters) at `start`, or nil.
    private static func thousandAfter<C: BudgetCharacter>(_ characters: [C], _ start: Int) -> Int? {
        guard start < characters.count, characters[start].is(" ") else { return nil }
        var word = ""
        var end = start + 1
        while end < characters.count, characters[end].isBudgetLetter { characters[end].append(to: &word); end += 1 }
        return word.lowercased() == "thousand" ? end : nil
    }

    /// `,` followed by exactly three digits.
    private static func isThousandsGroup<C: BudgetCharacter>(_ characters: [C], after comma: Int) -> Bool {
        guard comma + 3 < characters.count else { return false }
        guard (1...3).allSatisfy({ characters[comma + $0].isASCIIDigit }) else { return false }
        return comma + 4 >= characters.count || !characters[comma + 4].isASCIIDigit
    }

    /// Three or more numbers in a row with nothing but dashes between (`512 555 0162`,
    /// `512-555-0162`) are a phone number or a reference, never money: they become `.other`.
    /// A run is of plain numbers or of money written as such (`$`, a unit, a thousands
    /// separator), not both: in "Budget $150k. 512-555-0177" the sentence's full stop is no
    /// token, and the phone number after it must not take the budget with it.
    static func withoutNumberRuns(_ tokens: [BudgetToken]) -> [BudgetToken] {
        var result = tokens
        var index = 0
        while index < tokens.count {
            guard case .amount(let head) = tokens[index] else { index += 1; continue }
            // The run's amounts are counted, not collected (no array per amount).
            var members = 1
            var cursor = index + 1
            while cursor < tokens.count {
                if case .dash = tokens[cursor], cursor + 1 < tokens.count, case .amount(let next) = tokens[cursor + 1],
                   next.isExplicit == head.isExplicit {
                    members += 1
                    cursor += 2
                } else if case .amount(let next) = tokens[cursor], next.isExplicit == head.isExplicit {
                    members += 1
                    cursor += 1
                } else {
                    break
                }
            }
            if members >= 3 {
                // The same walk again: a dash is followed by its amount, anything else is one.
                result[index] = .other
                var member = index + 1
                while member < cursor {
                    if case .dash = tokens[member] {
                        result[member + 1] = .other
                        member += 2
                    } else {
                        result[member] = .other
                        member += 1
                    }
                }
            }
            index = cursor
        }
        return result
    }
}

/// What ``BudgetTokenizer`` reads: a `Character`, or a byte of ASCII text without "\r"
/// (where each byte is one Character and reads the same).
private protocol BudgetCharacter {
    /// Whether this is the character `scalar`.
    func `is`(_ scalar: Unicode.Scalar) -> Bool
    var isASCIIDigit: Bool { get }
    /// `Character.isLetter`.
    var isBudgetLetter: Bool { get }
    /// `Character.isWhitespace`.
    var isBudgetWhitespace: Bool { get }
    /// The ASCII byte, or nil.
    var asciiByte: UInt8? { get }
    func append(to text: inout String)
}

extension Character: BudgetCharacter {
    @inline(__always) func `is`(_ scalar: Unicode.Scalar) -> Bool { self == Character(scalar) }
    @inline(__always) var isASCIIDigit: Bool { TextScanning.isASCIIDigit(self) }
    /// Without a property lookup for ASCII.
    @inline(__always) var isBudgetLetter: Bool {
        guard let ascii = asciiValue else { return isLetter }
        let lower = ascii | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }
    /// Without a property lookup for ASCII ("\r\n" reads as "\n").
    @inline(__always) var isBudgetWhitespace: Bool {
        guard let ascii = asciiValue else { return isWhitespace }
        return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D)
    }
    @inline(__always) var asciiByte: UInt8? { asciiValue }
    @inline(__always) func append(to text: inout String) { text.append(self) }
}

/// A scalar that is a Character of its own (``SimpleScalars``, ASCII but CR) reads as that
/// Character: its properties are those of its first (only) scalar.
extension Unicode.Scalar: BudgetCharacter {
    @inline(__always) func `is`(_ scalar: Unicode.Scalar) -> Bool { self == scalar }
    @inline(__always) var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    @inline(__always) var isBudgetLetter: Bool {
        guard isASCII else { return properties.isAlphabetic }
        let lower = value | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }
    @inline(__always) var isBudgetWhitespace: Bool {
        guard isASCII else { return properties.isWhitespace }
        return value == 0x20 || (value >= 0x09 && value <= 0x0D)
    }
    @inline(__always) var asciiByte: UInt8? { isASCII ? UInt8(value) : nil }
    @inline(__always) func append(to text: inout String) { text.unicodeScalars.append(self) }
}

extension UInt8: BudgetCharacter {
    @inline(__always) func `is`(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && self == UInt8(scalar.value) }
    @inline(__always) var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    @inline(__always) var isBudgetLetter: Bool {
        let lower = self | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }
    @inline(__always) var isBudgetWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
    @inline(__always) var asciiByte: UInt8? { self }
    @inline(__always) func append(to text: inout String) { text.unicodeScalars.append(Unicode.Scalar(self)) }
}
