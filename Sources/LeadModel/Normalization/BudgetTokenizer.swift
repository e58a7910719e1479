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
        let characters = Array(text)
        var tokens: [BudgetToken] = []
        var index = 0
        var pendingDollar = false
        while index < characters.count {
            let character = characters[index]
            if character == "$" {
                pendingDollar = true
                index += 1
                continue
            }
            if TextScanning.isASCIIDigit(character), index > 0, characters[index - 1] == ":" || characters[index - 1] == "/" {
                // The second half of a time or a date ("10:30", "5/12").
                while index < characters.count, TextScanning.isASCIIDigit(characters[index]) { index += 1 }
                tokens.append(.other)
                continue
            }
            if TextScanning.isASCIIDigit(character) {
                // A number: digits with `,` groups and one `.` decimal part.
                var digits = ""
                var separator = false
                var cursor = index
                while cursor < characters.count {
                    let c = characters[cursor]
                    if TextScanning.isASCIIDigit(c) {
                        digits.append(c)
                    } else if c == ",", !digits.isEmpty, isThousandsGroup(characters, after: cursor) {
                        separator = true
                    } else if c == ".", !digits.contains("."), cursor + 1 < characters.count, TextScanning.isASCIIDigit(characters[cursor + 1]) {
                        digits.append(c)
                    } else {
                        break
                    }
                    cursor += 1
                }
                var amount = Amount(value: Double(digits) ?? 0, hasDollar: pendingDollar, hasSeparator: separator)
                pendingDollar = false
                // Glued or spaced unit: 650k, 1.2M, 1.5 million, 600s.
                var unitEnd = cursor
                while unitEnd < characters.count, characters[unitEnd] == " ", unitEnd - cursor < 1 { unitEnd += 1 }
                var word = ""
                var wordEnd = unitEnd
                while wordEnd < characters.count, isLetter(characters[wordEnd]) { word.append(characters[wordEnd]); wordEnd += 1 }
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
                if cursor < characters.count, characters[cursor] == "+" {
                    amount.isPlus = true
                    cursor += 1
                }
                // A number glued to more digits via "/" or ":" (dates, times, fractions) is not money.
                if cursor < characters.count, characters[cursor] == "/" || characters[cursor] == ":" ||
                    (characters[cursor] == "%") {
                    tokens.append(.other)
                    index = cursor + 1
                    continue
                }
                tokens.append(.amount(amount))
                index = cursor
                continue
            }
            if isLetter(character) {
                var word = ""
                while index < characters.count, isLetter(characters[index]) || characters[index] == "'" {
                    word.append(characters[index])
                    index += 1
                }
                tokens.append(.word(word.lowercased()))
                pendingDollar = false
                continue
            }
            if character == "-" || character == "\u{2013}" || character == "\u{2014}" {
                tokens.append(.dash)
            } else if character == "~" {
                // "~650k": a point estimate; nothing to record.
            } else if !isWhitespace(character) && character != "," && character != "." {
                tokens.append(.other)
                pendingDollar = false
            }
            index += 1
        }
        return tokens
    }

    /// `Character.isLetter`, without a property lookup for ASCII.
    @inline(__always)
    private static func isLetter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isLetter }
        let lower = ascii | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }

    /// `Character.isWhitespace`, without a property lookup for ASCII ("\r\n" reads as "\n").
    @inline(__always)
    private static func isWhitespace(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isWhitespace }
        return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D)
    }

    /// `,` followed by exactly three digits.
    private static func isThousandsGroup(_ characters: [Character], after comma: Int) -> Bool {
        guard comma + 3 < characters.count else { return false }
        guard (1...3).allSatisfy({ TextScanning.isASCIIDigit(characters[comma + $0]) }) else { return false }
        return comma + 4 >= characters.count || !TextScanning.isASCIIDigit(characters[comma + 4])
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
