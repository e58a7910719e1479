import Foundation

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
    static func match(_ subject: String) -> String? {
        // Most subjects end in a letter or digit, hold no "until" and are longer than any
        // whole subject: answered from the bytes without a lowercased copy.
        guard mayMatch(subject.utf8) else { return nil }
        var lowered = subject.lowercased().trimmingCharacters(in: .whitespaces)
        while let last = lowered.last, last == "." || last == "!" { lowered.removeLast() }
        if wholeSubjects.contains(lowered) { return lowered }
        if let tag = endingTags.first(where: { lowered.hasSuffix(" " + $0) || lowered == $0 }) { return tag }
        var rest = Substring(lowered)
        if let opener = openers.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(opener.count) }
        for phrase in untilPhrases where rest.hasPrefix(phrase + " until ") { return phrase + " until" }
        return nil
    }

    /// False when no reading can match: longer than any whole subject, ending in neither a
    /// tag's `]` or `)` (nor a space or stop after one), and without "until" in any case.
    private static func mayMatch(_ bytes: String.UTF8View) -> Bool {
        if bytes.count <= 40 { return true }
        switch bytes.last {
        case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "!"): return true
        default: break
        }
        var matched = 0
        for byte in bytes {
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            matched = folded == untilBytes[matched] ? matched + 1 : (folded == untilBytes[0] ? 1 : 0)
            if matched == untilBytes.count { return true }
        }
        return false
    }

    private static let untilBytes: [UInt8] = Array("until".utf8)
}
