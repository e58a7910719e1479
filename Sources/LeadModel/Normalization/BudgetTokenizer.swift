/// A number as written in a budget phrase.
struct Amount: Equatable {
    var value: Double
    /// 1,000 for `k`/`thousand`/`grand`, 1,000,000 for `M`/`mm`/`mil`/`million`.
    var multiplier: Double?
    var hasDollar = false
    /// Written with thousands separators (`650,000`).
    var hasSeparator = false
    /// Followed by `+` (`$750K+`).
    var isPlus = false
    /// Written as a decade (`600s`).
    var isDecade = false

    var isExplicit: Bool { hasDollar || multiplier != nil || hasSeparator }
}

enum BudgetToken: Equatable {
    case amount(Amount)
    case word(String)
    case dash
    case other
}

/// Splits text into amounts, lowercase words and dashes for ``BudgetParser``.
enum BudgetTokenizer {
    static let multipliers: [String: Double] = [
        "k": 1_000, "K": 1_000, "thousand": 1_000, "grand": 1_000, "m": 1_000_000, "M": 1_000_000, "mm": 1_000_000,
        "MM": 1_000_000, "mil": 1_000_000, "mill": 1_000_000, "million": 1_000_000, "millions": 1_000_000,
    ]

    static func tokens(_ text: String) -> [BudgetToken] {
        // ASCII without "\r" (the common case): a Character per byte, so the bytes give the
        // same tokens without making a Character each.
        if let bytes = text.utf8.withContiguousStorageIfAvailable({ bytes -> [UInt8]? in
            bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) ? nil : Array(bytes)
        }), let bytes {
            return tokens(bytes)
        }
        return tokens(Array(text))
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
                var amount = Amount(value: Double(digits) ?? 0, hasDollar: pendingDollar, hasSeparator: separator)
                pendingDollar = false
                // Glued or spaced unit: 650k, 1.2M, 1.5 million, 600s.
                var unitEnd = cursor
                while unitEnd < characters.count, characters[unitEnd].is(" "), unitEnd - cursor < 1 { unitEnd += 1 }
                var word = ""
                var wordEnd = unitEnd
                while wordEnd < characters.count, characters[wordEnd].isBudgetLetter { characters[wordEnd].append(to: &word); wordEnd += 1 }
                if let multiplier = multipliers[word] ?? multipliers[word.lowercased()] {
                    amount.multiplier = multiplier
                    cursor = wordEnd
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

    /// `,` followed by exactly three digits.
    private static func isThousandsGroup<C: BudgetCharacter>(_ characters: [C], after comma: Int) -> Bool {
        guard comma + 3 < characters.count else { return false }
        guard (1...3).allSatisfy({ characters[comma + $0].isASCIIDigit }) else { return false }
        return comma + 4 >= characters.count || !characters[comma + 4].isASCIIDigit
    }

    /// Three or more numbers in a row with nothing but dashes between (`512 555 0162`,
    /// `512-555-0162`) are a phone number or a reference, never money: they become `.other`.
    static func withoutNumberRuns(_ tokens: [BudgetToken]) -> [BudgetToken] {
        var result = tokens
        var index = 0
        while index < tokens.count {
            guard case .amount = tokens[index] else { index += 1; continue }
            var members = [index]
            var cursor = index + 1
            while cursor < tokens.count {
                if case .dash = tokens[cursor], cursor + 1 < tokens.count, case .amount = tokens[cursor + 1] {
                    members.append(cursor + 1)
                    cursor += 2
                } else if case .amount = tokens[cursor] {
                    members.append(cursor)
                    cursor += 1
                } else {
                    break
                }
            }
            if members.count >= 3 {
                for member in members { result[member] = .other }
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
    @inline(__always) func append(to text: inout String) { text.append(self) }
}

extension UInt8: BudgetCharacter {
    @inline(__always) func `is`(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && self == UInt8(scalar.value) }
    @inline(__always) var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    @inline(__always) var isBudgetLetter: Bool {
        let lower = self | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }
    @inline(__always) var isBudgetWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
    @inline(__always) func append(to text: inout String) { text.unicodeScalars.append(Unicode.Scalar(self)) }
}
