import LeadModel

/// A name after thanks closing the text's last line, with or without a comma, whatever the
/// line held before: `... Whenever you can come look. Thanks Javier`, `... 60-90k? Thank you
/// Ana Ruiz`. The thanks opens the line's last sentence (after `. `, `? ` or `! `, or the
/// line's start), one or two capitalised words follow that read as a name, none a stop
/// word (``unsignedStopWords``: `Thanks Again` gives none), and nothing after them. ASCII
/// lines only. Without a comma the name may be the reader's ("Hi Mike, ... Thanks Mike"):
/// a name the text's first line also holds is none.
extension SignatureNameFinder {
    /// Thanks that open a sign-off, lowercase, longest first.
    static let thanksForms = ["thank you so much", "thanks so much", "many thanks", "thanks again", "thank you", "thanks", "thx"]

    static func nameAfterThanks(_ text: String, firstLine: String) -> (PersonName, String)? {
        var copy = text
        let sentence: String? = copy.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D
                || bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "!") {
                end -= 1
            }
            // The last sentence, at most 40 bytes: after the last ". ", "? " or "! ".
            var start = end
            while start > 0, end - start <= 40 {
                if bytes[start - 1] == 0x20, start >= 2,
                   bytes[start - 2] == UInt8(ascii: ".") || bytes[start - 2] == UInt8(ascii: "?") || bytes[start - 2] == UInt8(ascii: "!") {
                    break
                }
                start -= 1
            }
            guard end - start <= 40, end - start >= 5, bytes[start] | 0x20 == UInt8(ascii: "t"),
                  !bytes[start..<end].contains(where: { $0 >= 0x80 }) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        guard let sentence else { return nil }
        let lower = sentence.lowercased()
        for form in thanksForms where lower.hasPrefix(form) {
            var name = sentence.dropFirst(form.count)
            guard name.first == " " || name.first == "," else { continue }
            name = name.drop { $0 == " " || $0 == "," }
            guard let (person, rule) = signedName(name, wordCount: 1...2) else { return nil }
            if let first = name.split(separator: " ").first, firstLine != text,
               firstLine.lowercased().split(whereSeparator: { !$0.isLetter }).contains(Substring(first.lowercased())) {
                return nil
            }
            return (person, rule + " after thanks")
        }
        return nil
    }
}
