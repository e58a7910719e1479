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
        var copy = text
        return copy.withUTF8 { bytes in
            var digits = 0
            var hasPlus = false
            for byte in bytes {
                if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                } else if byte == 0x2B {
                    hasPlus = true
                }
            }
            return (min(digits, 10), hasPlus)
        }
    }

    /// `text`'s bytes as its scalars when it is ASCII, for `body`; nil for other text.
    private static func withASCIIScalars<R>(_ text: String, _ body: (ASCIIScalars) -> R) -> R? {
        var copy = text
        return copy.withUTF8 { bytes in bytes.contains(where: { $0 >= 0x80 }) ? nil : body(ASCIIScalars(bytes: bytes)) }
    }

    /// Up to `limit` non-NANP numbers written with a `+` and a country code, normalised to
    /// E.164 by ``PhoneNormalizer`` (8 to 15 digits).
    public func internationalPhones(in text: String, limit: Int = 20) -> [PhoneMatch] {
        Self.withASCIIScalars(text) { internationalPhones($0, limit: limit) } ?? internationalPhones(Array(text.unicodeScalars), limit: limit)
    }

    private func internationalPhones<S: ScalarText>(_ scalars: S, limit: Int) -> [PhoneMatch] {
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
            let written = Self.string(scalars, index..<end)
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
        return Self.withASCIIScalars(text) { phones($0, limit: limit) } ?? phones(Array(text.unicodeScalars), limit: limit)
    }

    private func phones<S: ScalarText>(_ scalars: S, limit: Int) -> [PhoneMatch] {
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

    private func nanpNumber<S: ScalarText>(_ s: S, at start: Int, line: Int) -> (PhoneMatch, Int)? {
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
        // The three groups are read in place: each is `count` digits from its start.
        let area: Int
        if index < s.count, s[index] == "(" {
            index += 1
            guard let start = readDigits(s, &index, count: 3), index < s.count, s[index] == ")" else { return nil }
            area = start
            index += 1
            skipSeparators(s, &index)
        } else {
            guard let start = readDigits(s, &index, count: 3) else { return nil }
            area = start
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
        guard isNXX(s, area), isNXX(s, exchange) else { return nil }
        var end = index
        let phoneExtension = readExtension(s, &end)
        if phoneExtension == nil, index < s.count, isLetter(s[index]) { return nil }
        // "+1" and the ten ASCII digits.
        let number = String(unsafeUninitializedCapacity: 12) { output in
            output[0] = UInt8(ascii: "+")
            output[1] = UInt8(ascii: "1")
            for offset in 0..<3 {
                output[2 + offset] = UInt8(truncatingIfNeeded: s[area + offset].value)
                output[5 + offset] = UInt8(truncatingIfNeeded: s[exchange + offset].value)
            }
            for offset in 0..<4 { output[8 + offset] = UInt8(truncatingIfNeeded: s[subscriber + offset].value) }
            return 12
        }
        return (PhoneMatch(number: number, phoneExtension: phoneExtension, line: line, isNANP: true),
                phoneExtension == nil ? index : end)
    }

    /// Whether the three digits from `start` are NXX (``NANPNumber/isValid(area:exchange:)``):
    /// first digit 2-9, and not an N11 service code.
    private func isNXX<S: ScalarText>(_ s: S, _ start: Int) -> Bool {
        s[start] >= "2" && s[start] <= "9" && !(s[start + 1] == "1" && s[start + 2] == "1")
    }

    private func readExtension<S: ScalarText>(_ s: S, _ index: inout Int) -> String? {
        var probe = index
        var skipped = 0
        while probe < s.count, skipped < 3, s[probe] == " " || s[probe] == "," || s[probe] == "\t" {
            probe += 1
            skipped += 1
        }
        var keywordEnd: Int?
        for keyword in Self.extensionKeywords {
            if matchesWord(s, at: probe, keyword) {
                keywordEnd = probe + keyword.count
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

    private static let extensionKeywords: [[Unicode.Scalar]] = ["extension", "ext", "x"].map { Array($0.unicodeScalars) }

    private func matchesWord<S: ScalarText>(_ s: S, at start: Int, _ word: [Unicode.Scalar]) -> Bool {
        var index = start
        for scalar in word {
            guard index < s.count, lowercased(s[index]) == scalar else { return false }
            index += 1
        }
        // The keyword must end here: "x123" and "ext. 5" yes, "xylophone" no.
        return index >= s.count || !isLetter(s[index])
    }

    // MARK: - Labelled fallback

    private static let labels = ["phone", "telephone", "tel", "cell", "mobile", "ph"]

    private func labeledPhone(in text: String) -> PhoneMatch? {
        // Only lines that may start with a label are read (found from the bytes, split as
        // LineSplitter splits: at an LF not after a CR).
        var candidates: [(number: Int, start: Int, end: Int)] = []
        var copy = text
        copy.withUTF8 { bytes in
            var number = 1
            var lineStart = 0
            var searchFrom = 0
            while true {
                let lf = LineSplitter.firstLF(in: bytes, from: searchFrom)
                let isBreak = lf < bytes.count && !(lf > 0 && bytes[lf - 1] == 0x0D)
                if lf == bytes.count || isBreak {
                    if Self.mayBeLabelled(UnsafeBufferPointer(rebasing: bytes[lineStart..<lf])) { candidates.append((number, lineStart, lf)) }
                    if lf == bytes.count { break }
                    number += 1
                    lineStart = lf + 1
                }
                searchFrom = lf + 1
            }
        }
        let utf8 = text.utf8
        for (lineNumber, start, end) in candidates {
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let line = text[lower..<utf8.index(lower, offsetBy: end - start)]
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
            while index < scalars.count, isDigit(scalars[index]) || [" ", "-", ".", "(", ")"].contains(scalars[index]) {
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

    /// Whether `line` may start with a label (``labels``): after spaces, tabs and `*`, its
    /// first run of letters within 200 scalars, with A-Z lowercased, must be one. A run of
    /// ASCII letters followed by an ASCII byte is read from the bytes (a label is ASCII, and
    /// a run holding another letter is none); anything else is left to the full reading.
    private static func mayBeLabelled(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let limit = min(bytes.count, 200)
        var index = 0
        while index < limit, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == UInt8(ascii: "*") { index += 1 }
        let start = index
        while index < limit, (bytes[index] | 0x20) >= 0x61, (bytes[index] | 0x20) <= 0x7A, bytes[index] < 0x80 { index += 1 }
        // A non-ASCII scalar next (within the limit) may continue the run: read fully.
        if index < limit, bytes[index] >= 0x80 { return true }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
        return labelBytes.contains { label in label.count == word.count && zip(label, word).allSatisfy { $0 == $1 | 0x20 } }
    }

    private static let labelBytes: [[UInt8]] = labels.map { Array($0.utf8) }

    // MARK: - Scalars

    /// A number must not continue a word, a longer number, a price or a reference.
    private func startsAtBoundary<S: ScalarText>(_ s: S, _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = s[index - 1]
        if isDigit(previous) || isLetter(previous) { return false }
        switch previous {
        case "$", "#", "-", ".", "/", ",", "_", "@", "+", "\u{20AC}", "\u{A3}", "=": return false
        default: return true
        }
    }

    private func skipSeparators<S: ScalarText>(_ s: S, _ index: inout Int) {
        var count = 0
        while index < s.count, count < 3, isSeparator(s[index]) {
            index += 1
            count += 1
        }
    }

    private func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "." || scalar == "\u{A0}" || scalar == "\u{2013}" || scalar == "\u{2011}"
    }

    /// Where `count` digits start at `index` (then past them), or nil.
    private func readDigits<S: ScalarText>(_ s: S, _ index: inout Int, count: Int) -> Int? {
        guard index + count <= s.count else { return nil }
        for offset in index..<(index + count) where !isDigit(s[offset]) { return nil }
        let start = index
        index += count
        return start
    }

    private func contiguousDigits<S: ScalarText>(_ s: S, from start: Int) -> Int? {
        var index = start
        while index < s.count, isDigit(s[index]), index - start < 12 { index += 1 }
        return index - start
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        // (An ASCII scalar is alphabetic exactly when it is a letter.)
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
    }

    private func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar >= "A" && scalar <= "Z" { return Unicode.Scalar(scalar.value + 32) ?? scalar }
        return scalar
    }

    /// The scalars `s[range]` as a String.
    private static func string<S: ScalarText>(_ s: S, _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for index in range { view.append(s[index]) }
        return String(view)
    }
}

/// What the scanner reads: a text's scalars by position.
private protocol ScalarText {
    var count: Int { get }
    subscript(_ index: Int) -> Unicode.Scalar { get }
}

extension Array: ScalarText where Element == Unicode.Scalar {}

/// ASCII text's bytes, read as its scalars (one per byte) without an array of them.
private struct ASCIIScalars: ScalarText {
    let bytes: UnsafeBufferPointer<UInt8>
    var count: Int { bytes.count }
    subscript(_ index: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[index]) }
}
