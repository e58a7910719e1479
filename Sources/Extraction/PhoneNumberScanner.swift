import LeadModel

/// Finds US (NANP) phone numbers in free text with a hand-written scanner.
///
/// Accepts `(512) 555-0143`, `512-555-0143`, `512.555.0143`, `5125550143`,
/// `+1 512 555 0143`, `1-512-555-0143`, optionally followed by `x123`, `ext. 123` or
/// `extension 123`. Rejects numbers glued to other digits, letters, `$` or `#` (ZIP codes,
/// dates, prices, order numbers) and numbers whose area code or exchange starts with 0 or 1.
/// Each candidate start examines a bounded window, so the scan is linear in the text.
/// NANP validation and E.164 formatting are LeadModel's (``NANPNumber``,
/// ``PhoneNormalizer``), shared with the field normaliser.
public struct PhoneNumberScanner: Sendable {
    /// Creates a scanner.
    public init() {}

    /// The first NANP number in `text`; failing that, the first number on a line labelled
    /// `Phone:` / `Tel:` / `Cell:` / `Mobile:` (digits as written, for non-NANP numbers).
    /// Failing both, the first number written with a `+` country code (`+44 20 7946 0958`).
    public func firstPhone(in text: String) -> PhoneMatch? {
        // A NANP number has 10 ASCII digits, a labelled one at least 7, an international
        // one a `+`: text without them has no phone, and most lines of most texts do not.
        let (digits, hasPlus) = Self.digitCount(text)
        if digits >= 10, let match = phones(in: text, limit: 1).first { return match }
        if digits >= 7, let match = labeledPhone(in: text) { return match }
        guard hasPlus, digits > 0 else { return nil }
        return internationalPhones(in: text, limit: 1).first
    }

    /// ASCII digits in `text` (counting stops at 10) and whether it has a `+`.
    private static func digitCount(_ text: String) -> (Int, Bool) {
        var digits = 0
        var hasPlus = false
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                if digits < 10 { digits += 1 }
            } else if byte == 0x2B {
                hasPlus = true
            }
        }
        return (digits, hasPlus)
    }

    /// Up to `limit` non-NANP numbers written with a `+` and a country code, normalised to
    /// E.164 by ``PhoneNormalizer`` (8 to 15 digits).
    public func internationalPhones(in text: String, limit: Int = 20) -> [PhoneMatch] {
        let scalars = Array(text.unicodeScalars)
        var matches: [PhoneMatch] = []
        var line = 1
        var index = 0
        while index < scalars.count, matches.count < limit {
            let scalar = scalars[index]
            if scalar == "\n" { line += 1 }
            guard scalar == "+", startsAtBoundary(scalars, index), index + 1 < scalars.count,
                  isDigit(scalars[index + 1]), scalars[index + 1] != "1" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, end - index < 24,
                  isDigit(scalars[end]) || ((scalars[end] == " " || scalars[end] == "-" || scalars[end] == "." ||
                                             scalars[end] == "(" || scalars[end] == ")") && end + 1 < scalars.count &&
                                            (isDigit(scalars[end + 1]) || scalars[end + 1] == "(")) {
                end += 1
            }
            if end < scalars.count, isDigit(scalars[end]) || isLetter(scalars[end]) {
                index = end
                continue
            }
            let written = String(String.UnicodeScalarView(scalars[index..<end]))
            var extensionEnd = end
            let phoneExtension = readExtension(scalars, &extensionEnd)
            if let phone = PhoneNormalizer.normalize(written), !phone.isNANP {
                matches.append(PhoneMatch(number: phone.e164, phoneExtension: phoneExtension, line: line, isNANP: false))
                index = phoneExtension == nil ? end : extensionEnd
                continue
            }
            index = end
        }
        return matches
    }

    /// Up to `limit` NANP numbers in `text`, in order.
    public func phones(in text: String, limit: Int = 20) -> [PhoneMatch] {
        guard Self.digitCount(text).0 >= 10 else { return [] }
        let scalars = Array(text.unicodeScalars)
        var matches: [PhoneMatch] = []
        var line = 1
        var index = 0
        while index < scalars.count, matches.count < limit {
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
            } else if isDigit(scalar) || scalar == "+" || scalar == "(",
                      startsAtBoundary(scalars, index),
                      let (match, end) = nanpNumber(scalars, at: index, line: line) {
                matches.append(match)
                index = end
                continue
            }
            index += 1
        }
        return matches
    }

    // MARK: - NANP

    private func nanpNumber(_ s: [Unicode.Scalar], at start: Int, line: Int) -> (PhoneMatch, Int)? {
        var index = start
        if s[index] == "+" {
            guard index + 1 < s.count, s[index + 1] == "1" else { return nil }
            index += 2
            skipSeparators(s, &index)
        } else if s[index] == "1", index + 1 < s.count, isSeparator(s[index + 1]) || s[index + 1] == "(" {
            index += 1
            skipSeparators(s, &index)
        } else if s[index] == "1", let digits = contiguousDigits(s, from: index), digits == 11 {
            index += 1  // 15125550143
        }
        var area: [Unicode.Scalar]
        if index < s.count, s[index] == "(" {
            index += 1
            guard let digits = readDigits(s, &index, count: 3), index < s.count, s[index] == ")" else { return nil }
            area = digits
            index += 1
            skipSeparators(s, &index)
        } else {
            guard let digits = readDigits(s, &index, count: 3) else { return nil }
            area = digits
            skipSeparators(s, &index)
        }
        guard let exchange = readDigits(s, &index, count: 3) else { return nil }
        skipSeparators(s, &index)
        guard let subscriber = readDigits(s, &index, count: 4) else { return nil }
        if index < s.count {
            let next = s[index]
            if isDigit(next) { return nil }
            if (next == "-" || next == "." || next == "/") && index + 1 < s.count && isDigit(s[index + 1]) { return nil }
        }
        guard isValidNANP(area: area, exchange: exchange) else { return nil }
        var end = index
        let phoneExtension = readExtension(s, &end)
        if phoneExtension == nil, index < s.count, isLetter(s[index]) { return nil }
        let number = "+1" + String(String.UnicodeScalarView(area + exchange + subscriber))
        return (PhoneMatch(number: number, phoneExtension: phoneExtension, line: line, isNANP: true),
                phoneExtension == nil ? index : end)
    }

    /// Area code and exchange are NXX: first digit 2-9, and not an N11 service code.
    private func isValidNANP(area: [Unicode.Scalar], exchange: [Unicode.Scalar]) -> Bool {
        NANPNumber.isValid(area: area.map(Character.init), exchange: exchange.map(Character.init))
    }

    private func readExtension(_ s: [Unicode.Scalar], _ index: inout Int) -> String? {
        var probe = index
        var skipped = 0
        while probe < s.count, skipped < 3, s[probe] == " " || s[probe] == "," || s[probe] == "\t" {
            probe += 1
            skipped += 1
        }
        var keywordEnd: Int?
        for keyword in ["extension", "ext", "x"] {
            if matchesWord(s, at: probe, keyword) {
                keywordEnd = probe + keyword.unicodeScalars.count
                break
            }
        }
        guard var cursor = keywordEnd else { return nil }
        var gap = 0
        while cursor < s.count, gap < 3, s[cursor] == " " || s[cursor] == "." || s[cursor] == ":" || s[cursor] == "#" {
            cursor += 1
            gap += 1
        }
        var digits = String.UnicodeScalarView()
        while cursor < s.count, isDigit(s[cursor]), digits.count < 7 {
            digits.append(s[cursor])
            cursor += 1
        }
        guard !digits.isEmpty, digits.count <= 6, cursor >= s.count || !isDigit(s[cursor]) else { return nil }
        index = cursor
        return String(digits)
    }

    private func matchesWord(_ s: [Unicode.Scalar], at start: Int, _ word: String) -> Bool {
        var index = start
        for scalar in word.unicodeScalars {
            guard index < s.count, lowercased(s[index]) == scalar else { return false }
            index += 1
        }
        // The keyword must end here: "x123" and "ext. 5" yes, "xylophone" no.
        return index >= s.count || !isLetter(s[index])
    }

    // MARK: - Labelled fallback

    private static let labels = ["phone", "telephone", "tel", "cell", "mobile", "ph"]

    private func labeledPhone(in text: String) -> PhoneMatch? {
        var lineNumber = 0
        for line in LineSplitter.lines(text) {
            lineNumber += 1
            let scalars = Array(line.unicodeScalars.prefix(200))
            var index = 0
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "*" {
                index += 1
            }
            var wordEnd = index
            while wordEnd < scalars.count, isLetter(scalars[wordEnd]) { wordEnd += 1 }
            let word = String(String.UnicodeScalarView(scalars[index..<wordEnd].map(lowercased)))
            guard Self.labels.contains(word) else { continue }
            index = wordEnd
            // Allow "Cell phone: ..." and "Tel. (mobile): ..." but not a sentence.
            let labelEnd = index
            while index < scalars.count, index - labelEnd < 30, !isDigit(scalars[index]), scalars[index] != "+" {
                index += 1
            }
            var digits = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "+" {
                digits.append("+")
                index += 1
            }
            while index < scalars.count, isDigit(scalars[index]) || " -.()".unicodeScalars.contains(scalars[index]) {
                if isDigit(scalars[index]) { digits.append(scalars[index]) }
                index += 1
            }
            let count = digits.filter { $0 != "+" }.count
            if count >= 7 && count <= 15 {
                var end = index
                let phoneExtension = readExtension(scalars, &end)
                // E.164 when the number carries its country code; else the digits as written.
                if let phone = PhoneNormalizer.normalize(String(digits)) {
                    return PhoneMatch(number: phone.e164, phoneExtension: phoneExtension, line: lineNumber, isNANP: phone.isNANP)
                }
                return PhoneMatch(number: String(digits), phoneExtension: phoneExtension, line: lineNumber, isNANP: false)
            }
        }
        return nil
    }

    // MARK: - Scalars

    /// A number must not continue a word, a longer number, a price or a reference.
    private func startsAtBoundary(_ s: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = s[index - 1]
        if isDigit(previous) || isLetter(previous) { return false }
        return !"$#-./,_@+\u{20AC}\u{A3}=".unicodeScalars.contains(previous)
    }

    private func skipSeparators(_ s: [Unicode.Scalar], _ index: inout Int) {
        var count = 0
        while index < s.count, count < 3, isSeparator(s[index]) {
            index += 1
            count += 1
        }
    }

    private func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "." || scalar == "\u{A0}" || scalar == "\u{2013}" || scalar == "\u{2011}"
    }

    private func readDigits(_ s: [Unicode.Scalar], _ index: inout Int, count: Int) -> [Unicode.Scalar]? {
        guard index + count <= s.count else { return nil }
        let digits = Array(s[index..<(index + count)])
        guard digits.allSatisfy(isDigit) else { return nil }
        index += count
        return digits
    }

    private func contiguousDigits(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < s.count, isDigit(s[index]), index - start < 12 { index += 1 }
        return index - start
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

    private func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar >= "A" && scalar <= "Z" { return Unicode.Scalar(scalar.value + 32) ?? scalar }
        return scalar
    }
}
