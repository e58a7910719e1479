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
        // One pass over the bytes tells that and whether the text is ASCII (then its bytes
        // are its scalars); the scans below do not ask again.
        var copy = text
        return copy.withUTF8 { bytes -> PhoneMatch? in
            let (digits, hasPlus, isASCII) = Self.survey(bytes)
            if digits >= 10, let match = Self.withScalarBytes(text, bytes, isASCII: isASCII, { phones($0, limit: 1).first }) {
                return match
            }
            if digits >= 7, let match = labeledPhone(in: text) { return match }
            guard hasPlus, digits > 0 else { return nil }
            return Self.withScalarBytes(text, bytes, isASCII: isASCII) { internationalPhones($0, limit: 1).first }
        }
    }

    /// ASCII digits in `bytes` (counting stops at 10), whether they hold a `+`, and whether
    /// they are all ASCII.
    static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> (digits: Int, hasPlus: Bool, isASCII: Bool) {
        var digits = 0
        var hasPlus = false
        // (An OR over all bytes: no branch per byte for it.)
        var bits: UInt8 = 0
        var index = 0
        // Eight bytes at a time (SWAR), each byte a lane: a lane's top bit says what it is.
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let tops: UInt64 = 0x8080_8080_8080_8080
            var high: UInt64 = 0
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                high |= word
                // Below 0x80, a lane plus 0x50 carries into its top bit when at least 0x30,
                // plus 0x46 when at least 0x3A (no lane overflows into the next).
                let low = word & ~tops
                let digitLanes = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ~word & tops
                // (At most eight lanes: their sum fits the top byte of the product.)
                digits &+= Int(truncatingIfNeeded: ((digitLanes >> 7) &* ones) >> 56)
                // A lane of `word ^ "+"` is zero exactly where a `+` is: some lane is zero
                // exactly when this is nonzero.
                let plus = word ^ (0x2B &* ones)
                if (plus &- ones) & ~plus & tops != 0 { hasPlus = true }
                index += 8
            }
            if high & tops != 0 { bits = 0x80 }
        }
        while index < bytes.count {
            let byte = bytes[index]
            bits |= byte
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if byte == 0x2B {
                hasPlus = true
            }
            index += 1
        }
        return (min(digits, 10), hasPlus, bits < 0x80)
    }

    /// `text` (whose UTF-8 is `bytes`) as one byte per scalar, for `body`: an ASCII text's
    /// own bytes; otherwise a scratch copy in which each non-ASCII scalar stands as a Latin-1
    /// scalar the scanner treats exactly as it treats that scalar. One byte-reading scanner
    /// then serves all text, instead of a second one over an array of scalars (four bytes
    /// each, and a second copy of the scanner's code run).
    ///
    /// The scanner looks at a non-ASCII scalar only as a separator (U+00A0, U+2013, U+2011:
    /// written as U+00A0), as a symbol no number follows (U+00A3, U+20AC: as U+00A3), or as
    /// a letter or not (as U+00E9 or U+0080); digits and every other mark it reads are ASCII.
    /// Whether a scalar is a letter is asked only next to a number or an extension keyword:
    /// before an ASCII digit, "+" or "(", or after an ASCII digit or the last letter of
    /// "extension", "ext" or "x". Only there is it looked up (a Unicode property lookup per
    /// scalar would cost more than the scan); elsewhere U+0080 stands.
    private static func withScalarBytes<R>(
        _ text: String, _ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, _ body: (ASCIIScalars) -> R
    ) -> R {
        if isASCII { return body(ASCIIScalars(bytes: bytes)) }
        @inline(__always) func letterByte(_ scalar: Unicode.Scalar) -> UInt8 { scalar.properties.isAlphabetic ? 0xE9 : 0x80 }
        // (A text has at most as many scalars as bytes.)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            var count = 0
            var previous: UInt8 = 0
            // The last scalar written as U+0080 without its lookup, while the next is unread.
            var pending: Unicode.Scalar?
            for scalar in text.unicodeScalars {
                let byte: UInt8
                if scalar.isASCII {
                    byte = UInt8(truncatingIfNeeded: scalar.value)
                    if let unread = pending, (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x28 {
                        buffer[count - 1] = letterByte(unread)
                    }
                    pending = nil
                } else {
                    pending = nil
                    switch scalar {
                    case "\u{A0}", "\u{2013}", "\u{2011}": byte = 0xA0
                    case "\u{A3}", "\u{20AC}": byte = 0xA3
                    default:
                        switch previous {
                        case 0x30...0x39, UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
                             UInt8(ascii: "x"), UInt8(ascii: "X"):
                            byte = letterByte(scalar)
                        default:
                            byte = 0x80
                            pending = scalar
                        }
                    }
                }
                buffer[count] = byte
                count += 1
                previous = byte
            }
            return body(ASCIIScalars(bytes: UnsafeBufferPointer(rebasing: buffer[0..<count])))
        }
    }

    /// ASCII digits in `text` (counting stops at 10) and whether it has a `+`.
    private static func digitCount(_ text: String) -> (Int, Bool) {
        var copy = text
        return copy.withUTF8 { bytes in
            let (digits, hasPlus, _) = survey(bytes)
            return (digits, hasPlus)
        }
    }

    /// Up to `limit` non-NANP numbers written with a `+` and a country code, normalised to
    /// E.164 by ``PhoneNormalizer`` (8 to 15 digits).
    public func internationalPhones(in text: String, limit: Int = 20) -> [PhoneMatch] {
        var copy = text
        return copy.withUTF8 { bytes in
            Self.withScalarBytes(text, bytes, isASCII: Self.survey(bytes).isASCII) { internationalPhones($0, limit: limit) }
        }
    }

    /// ``phones(in:limit:)`` and ``internationalPhones(in:limit:)`` read from the text's
    /// scalars themselves, as the scanner once did for text that is not ASCII: for tests.
    func scalarPhones(in text: String, limit: Int = 20) -> (nanp: [PhoneMatch], international: [PhoneMatch]) {
        let scalars = Array(text.unicodeScalars)
        return (Self.digitCount(text).0 >= 10 ? phones(scalars, limit: limit) : [], internationalPhones(scalars, limit: limit))
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
            let written = scalars.string(index..<end)
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
        var copy = text
        return copy.withUTF8 { bytes in
            let (digits, _, isASCII) = Self.survey(bytes)
            guard digits >= 10 else { return [] }
            return Self.withScalarBytes(text, bytes, isASCII: isASCII) { phones($0, limit: limit) }
        }
    }

    private func phones<S: ScalarText>(_ scalars: S, limit: Int) -> [PhoneMatch] {
        var matches: [PhoneMatch] = []
        var line = 1
        var index = 0
        // Where the text before the next number starts: its line's start, or the end of
        // the number before it on that line.
        var leadInStart = 0
        while index < scalars.count, matches.count < limit {
            // (Any other scalar changes nothing here: passed over at once.)
            index = scalars.nextCandidate(from: index)
            guard index < scalars.count else { break }
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
                leadInStart = index + 1
            } else if isDigit(scalar) || scalar == "+" || scalar == "(",
                      startsAtBoundary(scalars, index),
                      var (match, end) = nanpNumber(scalars, at: index, line: line) {
                match.leadIn = scalars.string(max(leadInStart, index - PhoneMatch.maximumLeadIn)..<index)
                matches.append(match)
                // (A number wrapped over two lines: its end is on the next.)
                for wrapped in index..<end where scalars[wrapped] == "\n" { line += 1 }
                index = end
                leadInStart = end
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
            skipWrap(s, &index, bareAreaCode: false)
        } else {
            guard let areaStart = readDigits(s, &index, count: 3) else { return nil }
            area = areaStart
            // "512/555-0191": a slash after the area code only (dates have two-digit groups).
            if index < s.count, s[index] == "/" { index += 1 } else { skipSeparators(s, &index) }
            // "512-" at a line's end is written as an area code; "512" alone may be an
            // apartment, a lot or a tax id unless a country code or a phone cue says not.
            let bare = start == area && !(index > area + 3 && s[area + 3] == "-")
            skipWrap(s, &index, bareAreaCode: bare, areaStart: area)
        }
        guard let exchange = readDigits(s, &index, count: 3) else { return nil }
        skipSeparators(s, &index)
        skipSubscriberWrap(s, &index)
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

    /// Past a line break right after an area code that ends its line (`call me at (512)` /
    /// `555-0193?`, `512-` / `555-0193`), when the next line starts with the rest of a
    /// number (three digits, a separator, four digits): a number wrapped by the writer's
    /// mail program. Nothing else is read across lines.
    ///
    /// A `bareAreaCode` (three digits from `areaStart`, no parentheses, dash or country
    /// code) ends many lines that hold no phone ("Apt 214", "unit 512", "Block 512", "tax id
    /// 737"): it is read across the break only when it is all its line holds or a phone cue
    /// comes right before it (``wrapCueWords``: "call me at 512").
    private func skipWrap<S: ScalarText>(_ s: S, _ index: inout Int, bareAreaCode: Bool, areaStart: Int = 0) {
        guard let probe = nextLineStart(s, after: index) else { return }
        // The next line's head: NXX, one separator, XXXX.
        guard probe + 8 <= s.count, (0..<3).allSatisfy({ isDigit(s[probe + $0]) }),
              s[probe + 3] == "-" || s[probe + 3] == "." || s[probe + 3] == " ",
              (4..<8).allSatisfy({ isDigit(s[probe + $0]) }) else { return }
        if bareAreaCode, !followsWrapCue(s, areaStart) { return }
        index = probe
    }

    /// Past a line break right after the exchange and its dash (`call me at 512-555-` /
    /// `0144 after 5`), when the next line starts with the four subscriber digits and no
    /// fifth: a number wrapped by the writer's mail program. A dash must end the line (the
    /// number is plainly unfinished there); nothing else is read across the break.
    private func skipSubscriberWrap<S: ScalarText>(_ s: S, _ index: inout Int) {
        // (The separators read before may include spaces after the dash.)
        var dash = index
        while dash > 0, index - dash < 3, s[dash - 1] == " " || s[dash - 1] == "\t" { dash -= 1 }
        guard dash > 0, index < s.count, s[dash - 1] == "-", let probe = nextLineStart(s, after: index) else { return }
        guard probe + 4 <= s.count, (0..<4).allSatisfy({ isDigit(s[probe + $0]) }),
              probe + 4 == s.count || !isDigit(s[probe + 4]) else { return }
        index = probe
    }

    /// Where the next line's text starts when only up to three spaces, tabs or CRs follow
    /// `index` before its line break (and up to three spaces or tabs indent the next line);
    /// nil when the line goes on: a wrapped number is read across nothing else.
    private func nextLineStart<S: ScalarText>(_ s: S, after index: Int) -> Int? {
        var probe = index
        while probe < s.count, probe - index < 3, s[probe] == " " || s[probe] == "\t" || s[probe] == "\r" { probe += 1 }
        guard probe < s.count, s[probe] == "\n" else { return nil }
        probe += 1
        var indent = 0
        while probe < s.count, indent < 3, s[probe] == " " || s[probe] == "\t" {
            probe += 1
            indent += 1
        }
        return probe
    }

    /// Words after which a bare area code ending a line starts a phone number.
    private static let wrapCueWords: Set<String> = [
        "at", "is", "call", "me", "cell", "phone", "mobile", "tel", "ph", "number", "text", "reach", "or",
    ]

    /// Whether the word before `start` on its line (past spaces, tabs and a colon) is one of
    /// ``wrapCueWords``, or nothing comes before it on the line.
    private func followsWrapCue<S: ScalarText>(_ s: S, _ start: Int) -> Bool {
        var cursor = start
        while cursor > 0, s[cursor - 1] == " " || s[cursor - 1] == "\t" || s[cursor - 1] == ":" { cursor -= 1 }
        if cursor == 0 || s[cursor - 1] == "\n" || s[cursor - 1] == "\r" { return true }
        let end = cursor
        while cursor > 0, end - cursor < 8, isLetter(s[cursor - 1]) { cursor -= 1 }
        guard cursor < end, cursor == 0 || !isLetter(s[cursor - 1]) else { return false }
        var word = String.UnicodeScalarView()
        for offset in cursor..<end { word.append(lowercased(s[offset])) }
        return Self.wrapCueWords.contains(String(word))
    }

    /// Whether the three digits from `start` are NXX (``NANPNumber/isValid(area:exchange:)``):
    /// first digit 2-9, and not an N11 service code.
    private func isNXX<S: ScalarText>(_ s: S, _ start: Int) -> Bool {
        s[start] >= "2" && s[start] <= "9" && !(s[start + 1] == "1" && s[start + 2] == "1")
    }

    private func readExtension<S: ScalarText>(_ s: S, _ index: inout Int) -> String? {
        var probe = index
        var skipped = 0
        // ("(ext 22)": an opening parenthesis may come before the keyword.)
        while probe < s.count, skipped < 3, s[probe] == " " || s[probe] == "," || s[probe] == "\t" || s[probe] == "(" {
            probe += 1
            skipped += 1
        }
        var keywordEnd: Int?
        // "#204" right after the number: the hash is the keyword.
        if probe < s.count, s[probe] == "#", probe + 1 < s.count, isDigit(s[probe + 1]) { keywordEnd = probe + 1 }
        for keyword in Self.extensionKeywords where keywordEnd == nil {
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

}

/// What the scanner reads: a text's scalars by position.
private protocol ScalarText {
    var count: Int { get }
    subscript(_ index: Int) -> Unicode.Scalar { get }
    /// The scalars `self[range]` as a String.
    func string(_ range: Range<Int>) -> String
    /// The first index from `index` whose scalar is LF or may start a number (an ASCII
    /// digit, `+` or `(`); `count` when none is.
    func nextCandidate(from index: Int) -> Int
}

extension ScalarText {
    func nextCandidate(from index: Int) -> Int {
        var index = index
        while index < count {
            let scalar = self[index]
            if scalar == "\n" || scalar == "+" || scalar == "(" || (scalar >= "0" && scalar <= "9") { return index }
            index += 1
        }
        return count
    }

    func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for index in range { view.append(self[index]) }
        return String(view)
    }
}

extension Array: ScalarText where Element == Unicode.Scalar {}

/// ASCII text's bytes, read as its scalars (one per byte) without an array of them.
/// (Internal, not private: its tests read it.)
struct ASCIIScalars: ScalarText {
    let bytes: UnsafeBufferPointer<UInt8>
    var count: Int { bytes.count }
    subscript(_ index: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[index]) }

    /// ASCII bytes are their scalars' UTF-8: the String is made from them at once (a
    /// scalar appended at a time costs a call each, for every number's lead-in). A stand-in
    /// byte of a text that is not ASCII (0x80 and up) is a Latin-1 scalar, made as one.
    func string(_ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.allSatisfy({ $0 < 0x80 }) else {
            var view = String.UnicodeScalarView()
            for byte in slice { view.append(Unicode.Scalar(byte)) }
            return String(view)
        }
        return String(decoding: slice, as: UTF8.self)
    }

    /// ``ScalarText/nextCandidate(from:)`` eight bytes at a time (SWAR, a byte a lane): most
    /// bytes of a text are none of those.
    func nextCandidate(from index: Int) -> Int {
        var index = index
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let tops: UInt64 = 0x8080_8080_8080_8080
            // Whether a lane of `word` is `byte` (a lane of the XOR is then zero).
            @inline(__always) func holds(_ word: UInt64, _ byte: UInt64) -> Bool {
                let other = word ^ (byte &* ones)
                return (other &- ones) & ~other & tops != 0
            }
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // Below 0x80, a lane plus 0x50 carries into its top bit when at least 0x30,
                // plus 0x46 when at least 0x3A (no lane overflows into the next).
                let low = word & ~tops
                let digits = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ~word & tops
                if digits != 0 || holds(word, 0x0A) || holds(word, 0x2B) || holds(word, 0x28) { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x2B || byte == 0x28 || byte &- 0x30 < 10 { return index }
            index += 1
        }
        return bytes.count
    }
}
