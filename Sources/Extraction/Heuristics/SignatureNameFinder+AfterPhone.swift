import LeadModel

/// A name closing the text's last line right after the sentence that gives the writer's
/// phone: `... Text is best: 830-555-0117. Jennifer Wallace`. The number's last digit and
/// a full stop end the sentence before; two or three capitalised words follow, none a stop
/// word (``unsignedStopWords``: `... 512-555-0117. Thank You` gives none), that read as a
/// name (``signatureName(_:)``), and nothing after them.
extension SignatureNameFinder {
    static func nameAfterPhoneSentence(_ text: String) -> (PersonName, String)? {
        var copy = text
        let tail: Substring? = copy.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D || bytes[end - 1] == UInt8(ascii: ".") {
                end -= 1
            }
            // The last ". " before the end, at most 60 bytes back.
            var space = end - 1
            while space > max(1, end - 61), !(bytes[space] == 0x20 && bytes[space - 1] == UInt8(ascii: ".")) { space -= 1 }
            guard space >= 2, space > end - 61, bytes[space] == 0x20, bytes[space - 1] == UInt8(ascii: "."),
                  bytes[space - 2] &- 0x30 < 10 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(space + 1)..<end]), as: UTF8.self)[...]
        }
        return tail.flatMap { signedName($0, wordCount: 2...3) }.map { ($0.0, $0.1 + " after the phone") }
    }
}
