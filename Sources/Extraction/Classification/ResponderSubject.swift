/// Vacation-responder subjects that carry no prefix with a colon and come without any
/// auto-reply header (small providers' and hosting panels' responders send none):
/// - the whole subject is a responder's phrase: `Out of Office`, `Automatic reply`;
/// - a responder's tag ends the subject: `Re: Lot 22 walkthrough [Out of Office]`,
///   `Thank you for your email (auto-response)`;
/// - a responder's phrase, maybe after `I'm` or `currently`, says until when:
///   `On vacation until Dec 1`, `I'm away until Monday`, `Away from the office until Nov 30`,
///   `Currently out of office until ...`.
///
/// A person's subject may hold these words ("Home office addition", "Out of state buyer",
/// "Away from the city: a cabin build"), but not as the whole subject, a bracketed tag, or
/// a phrase with "until" after it.
enum ResponderSubject {
    /// Lowercased whole subjects (trimmed, a final `.` or `!` dropped).
    static let wholeSubjects: Set<String> = [
        "out of office", "out of the office", "out-of-office", "ooo", "automatic reply", "auto reply", "auto-reply",
        "autoreply", "auto response", "auto-response", "automatic response", "away from the office", "away from office",
        "on vacation", "vacation reply", "i'm out of the office", "i am out of the office", "i'm out of office",
        "i am out of office", "out of office reply", "out of office autoreply",
    ]
    /// Lowercased tags ending a subject (after a space).
    static let endingTags: [String] = [
        "[out of office]", "(out of office)", "[auto-reply]", "(auto-reply)", "[auto reply]", "(auto reply)",
        "[autoreply]", "(autoreply)", "[auto-response]", "(auto-response)", "[auto response]", "(auto response)",
        "[automatic reply]", "(automatic reply)", "(away)", "[away]", "[ooo]", "(ooo)",
    ]
    /// Lowercased phrases a responder's subject opens with before ` until `.
    static let untilPhrases: [String] = [
        "out of office", "out of the office", "away", "away from the office", "away from office", "on vacation",
        "on leave", "on holiday", "traveling", "travelling", "unavailable",
    ]
    /// Lowercased openers before an `untilPhrases` phrase; each ends with a space.
    static let openers: [String] = ["i'm ", "i\u{2019}m ", "i am ", "we're ", "we\u{2019}re ", "we are ", "currently ", "i'll be ", "i will be "]

    /// The responder's phrase or tag `subject` is read by, or nil.
    ///
    /// On the subject's bytes, ASCII letters folded (the phrases are ASCII but for the
    /// openers' ’, compared as bytes). Most subjects are answered from their first and last
    /// bytes: a whole subject starts with one of ``wholeFirstBytes`` and is short, a tag ends
    /// in `]` or `)`, and otherwise only a subject holding "until" is read on.
    static func match(_ subject: String) -> String? {
        var copy = subject
        return copy.withUTF8 { bytes -> String? in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == UInt8(ascii: ".")
                || bytes[end - 1] == UInt8(ascii: "!") { end -= 1 }
            guard end > start else { return nil }
            let last = bytes[end - 1]
            let mayBeWhole = end - start <= wholeMaximumBytes && wholeFirstBytes.contains(fold(bytes[start]))
            let mayBeTag = last == UInt8(ascii: "]") || last == UInt8(ascii: ")")
            guard mayBeWhole || mayBeTag || FoldedSearch.contains(UnsafeBufferPointer(rebasing: bytes[start..<end]), "until") else { return nil }
            let folded = (start..<end).map { fold(bytes[$0]) }
            if mayBeWhole, let whole = wholeSubjectBytes.first(where: { $0 == folded }) {
                return String(decoding: whole, as: UTF8.self)
            }
            if mayBeTag, let tag = endingTagBytes.first(where: { tag in
                folded.count == tag.count || (folded.count > tag.count && folded[folded.count - tag.count - 1] == 0x20)
                    ? folded.suffix(tag.count).elementsEqual(tag) : false
            }) {
                return String(decoding: tag, as: UTF8.self)
            }
            var rest = folded[...]
            if let opener = openerBytes.first(where: { rest.starts(with: $0) }) { rest = rest.dropFirst(opener.count) }
            for phrase in untilPhraseBytes where rest.starts(with: phrase) {
                return String(decoding: phrase.dropLast(1), as: UTF8.self)
            }
            return nil
        }
    }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static let wholeSubjectBytes: [[UInt8]] = wholeSubjects.map { Array($0.utf8) }
    private static let wholeMaximumBytes = wholeSubjectBytes.map(\.count).max() ?? 0
    private static let wholeFirstBytes = FirstByteSet(firstBytesOf: wholeSubjectBytes)
    private static let endingTagBytes: [[UInt8]] = endingTags.map { Array($0.utf8) }
    private static let openerBytes: [[UInt8]] = openers.map { Array($0.utf8) }
    /// Each phrase with " until " after it.
    private static let untilPhraseBytes: [[UInt8]] = untilPhrases.map { Array(($0 + " until ").utf8) }
}
