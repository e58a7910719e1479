import LeadModel

/// A sign-off run into the same line as the writer's phone, closing a one-line inquiry:
/// `Do you build in Kyle? - Dana 512-555-0144`, `Do you build in Kyle? Thanks, Dana
/// 512-555-0144`, `Thanks, Dana Whitfield - (512) 555-0144`, `- Dana, cell 512-555-0144`.
///
/// Read only on the text's last line (above a device's footer) that ends in a number of 10
/// or 11 digits: the number, then what joins it to the name (`-`, `,`, `:`, `|`, `cell`,
/// `phone`, `at`), are cut from the end; what is left must end in a sign-off, a dash (` - `,
/// `--`, `—`) or a closing and a comma (``closings``), either opening the line or after a
/// sentence's end (`?`, `.`, `!`), and then one to three capitalised words that read as a
/// name (``signatureName(_:)``), none a company's, a place's or a greeting's word
/// (``unsignedStopWords``): `Do you build in Kyle - Hays County 512-555-0144` (no sentence
/// ends before the dash) and `Any lots left? - Call 512-555-0144` give no name.
extension SignatureNameFinder {
    /// The name signed on a line that ends in a phone number, and its rule; nil for any
    /// other line. (A byte test first: the line ends in a digit and holds `-`, `—`, `–` or `,`.)
    static func nameBesidePhone(_ text: String) -> (PersonName, String)? {
        var copy = text
        guard let head = copy.withUTF8({ headBeforePhone($0) }) else { return nil }
        return signedName(endingIn: head).map { ($0.0, $0.1 + " beside the phone") }
    }

    /// The name signed after the last sentence of a line without a digit (the text's last
    /// line, or the one above its phone): `Do you build in Kyle? Thanks, Dana`, `Any lots
    /// left? - Dana Ellis`, by the rules of ``nameBesidePhone(_:)``. (A byte test first: at
    /// most 160 bytes, with `-`, `,` or an em or en dash's first byte.)
    static func nameAfterLastSentence(_ text: String) -> (PersonName, String)? {
        var copy = text
        let mayHold = copy.withUTF8 { bytes in
            bytes.count <= 160 && bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "-") || $0 == 0xE2 }
        }
        guard mayHold else { return nil }
        return signedName(endingIn: text).map { ($0.0, $0.1 + " after the last sentence") }
    }

    /// The name after the sign-off `head` ends with (``nameAfterSignOff(_:)``), if it is one
    /// to three capitalised words, none possessive nor a stop word, that read as a name.
    private static func signedName(endingIn head: String) -> (PersonName, String)? {
        nameAfterSignOff(head).flatMap { signedName($0, wordCount: 1...3) }
    }

    /// `name` read as a name (``signatureName(_:)``) if it has `wordCount` words, each
    /// capitalised, none possessive nor a stop word (``unsignedStopWords``).
    static func signedName(_ name: Substring, wordCount: ClosedRange<Int>) -> (PersonName, String)? {
        let words = name.split(separator: " ")
        guard wordCount.contains(words.count),
              words.allSatisfy({ $0.first?.isUppercase == true && !$0.hasSuffix("'s") && !$0.hasSuffix("\u{2019}s")
                  && !unsignedStopWords.contains($0.lowercased().filter { $0 != "." }) }) else { return nil }
        return signatureName(String(name))
    }

    /// Words that may join a name to its number (`Dana cell 512-555-0144`).
    private static let phoneJoiners: Set<String> = ["cell", "phone", "mobile", "tel", "ph", "c", "m", "p", "at", "or", "call", "text"]

    /// The text of an ASCII line before the number it ends with and the joiners before
    /// that; nil when the line does not end in a number of 10 or 11 digits, or holds no
    /// sign-off mark (`-`, `,`, or an em or en dash's bytes).
    private static func headBeforePhone(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D || bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard end > 0, bytes[end - 1] &- 0x30 < 10, bytes.count <= 160 else { return nil }
        var digits = 0
        while end > 0 {
            let byte = bytes[end - 1]
            if byte &- 0x30 < 10 {
                digits += 1
            } else if !(byte == 0x20 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "(")
                        || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "+")) {
                break
            }
            end -= 1
        }
        guard digits == 10 || digits == 11 else { return nil }
        // Joiners: punctuation, and words such as `cell` or `at`.
        while end > 0 {
            let byte = bytes[end - 1]
            if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "|")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "@") || byte >= 0x80 && end >= 3 && isDash(bytes, end - 3) {
                end -= byte >= 0x80 ? 3 : 1
                continue
            }
            var start = end
            while start > 0, (bytes[start - 1] | 0x20) >= 0x61 && (bytes[start - 1] | 0x20) <= 0x7A { start -= 1 }
            guard start < end, end - start <= 6,
                  phoneJoiners.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]).map { $0 | 0x20 }, as: UTF8.self)),
                  start == 0 || bytes[start - 1] == 0x20 || bytes[start - 1] == UInt8(ascii: ",") else { break }
            end = start
        }
        let head = UnsafeBufferPointer(rebasing: bytes[..<end])
        guard head.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ",") || $0 == 0xE2 }) else { return nil }
        return String(decoding: head, as: UTF8.self)
    }

    /// Whether the three bytes at `start` are an em or en dash (U+2014, U+2013).
    private static func isDash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        start >= 0 && start + 2 < bytes.count && bytes[start] == 0xE2 && bytes[start + 1] == 0x80 && (bytes[start + 2] == 0x94 || bytes[start + 2] == 0x93)
    }

    /// The words after the sign-off ending `head` (a dash, or a closing and a comma, opening
    /// the text or after a sentence's end), trimmed; nil when there is none.
    private static func nameAfterSignOff(_ written: String) -> Substring? {
        // (Without the stop or the spaces that end it: `Best, Dana.`)
        var head = written[...]
        while let last = head.last, last == "." || last == "!" || last == " " || last == "\t" || last == "\r" { head = head.dropLast() }
        // The sentence the sign-off opens: after the last `?`, `.` or `!` followed by a space.
        var sentenceStart = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            let character = head[index]
            let next = head.index(after: index)
            if character == "?" || character == "!" || character == ".", next == head.endIndex || head[next] == " " {
                sentenceStart = next
            }
            index = next
        }
        let sentence = head[sentenceStart...].drop { $0 == " " || $0 == "\t" }
        // A dash: `- Dana`, `-- Dana`, `— Dana`.
        if let first = sentence.first, first == "-" || first == "\u{2014}" || first == "\u{2013}" || first == "~" {
            let name = sentence.drop { $0 == "-" || $0 == "\u{2014}" || $0 == "\u{2013}" || $0 == "~" || $0 == " " }
            guard name.startIndex > sentence.index(after: sentence.startIndex) || sentence.dropFirst().first == " " else { return nil }
            return trimmed(name)
        }
        // A closing and a comma: `Thanks, Dana`.
        guard let comma = sentence.firstIndex(of: ","), isClosing(String(sentence[..<comma])) else { return nil }
        return trimmed(sentence[sentence.index(after: comma)...])
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var text = text.drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" || last == "," || last == "." || last == "!" || last == "\r" { text = text.dropLast() }
        return text
    }

    /// The index of the text's last line with text, above a device's footer (`Sent from my
    /// iPhone`); nil for a text without one.
    static func lastTextLine(of lines: InquiryLines) -> Int? {
        let all = lines.lines
        guard var last = all.lastIndex(where: { !$0.text.isEmpty }) else { return nil }
        if isDeviceFooter(all[last].text), let above = all[..<last].lastIndex(where: { !$0.text.isEmpty }) { last = above }
        return last
    }
}
