@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// Binary bytes sent as a text part are noise, not an inquiry: the heuristics read no
/// fields from them and the lead is flagged for review. Real text in any script is read.
@Suite struct TextLegibilityTests {
    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    @Test(arguments: 0..<8)
    func randomBytesAreUnreadable(seed: UInt64) {
        let bytes = Self.randomBytes(4_096, seed: seed)
        // As UTF-8 with replacement characters, and as Latin-1 (C1 controls for 0x80-0x9F).
        #expect(TextLegibility.isUnreadable(String(decoding: bytes, as: UTF8.self)))
        #expect(TextLegibility.isUnreadable(String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))))
    }

    @Test(arguments: [
        "Bonjour, je souhaite un devis pour une maison plain-pied de 110 m² à Nantes. Merci de me rappeler au 06 98 76 54 32.",
        "Wir möchten ein Einfamilienhaus mit 140 m² bauen. Bitte rufen Sie mich an: 0171 2345678. Viele Grüße, Jürgen Müller",
        "您好，我们想在奥斯汀建一栋定制住宅，预算大约八十万美元，明年春天开工。请给我回电话，谢谢！我的电话是 512-555-0143。",
        "Здравствуйте! Мы хотим построить дом на нашем участке в Остине весной 2027 года. Бюджет около 650 тысяч долларов.",
        "Hi, I\u{2019}m looking to build a custom home \u{2014} budget around $650k \u{2022} lot in Cedar Park \u{2022} ASAP. Thanks!",
        // Mojibake is letters, not noise.
        "Je souhaite un devis pour une maison Ã  Nantes, merci de me rappeler. Ã©tÃ© prochain, budget 300 000 â‚¬ environ.",
        // One stray control or replacement character in a long text.
        "We want to build a four bedroom home on our lot \u{1} in Round Rock next spring, budget about $700k \u{FFFD} thanks!",
        // Too short to judge.
        "\u{1}\u{2}\u{3}\u{FFFD}\u{FFFD} é",
    ])
    func realTextIsReadable(_ text: String) {
        #expect(!TextLegibility.isUnreadable(text))
    }

    /// A person's message whose text part is random bytes: still a lead (the sender can be
    /// reached), with no field read from the noise, flagged for review. Seeds 6 and up keep
    /// the bytes 7-bit: noise with no line that is not ASCII is judged too.
    @Test(arguments: 0..<12 as Range<UInt64>)
    func noiseGivesAFlaggedLeadWithoutHeuristicFields(seed: UInt64) throws {
        let head = "From: Jane Doe <jane@example.com>\r\nTo: leads@builder.test\r\nSubject: inquiry\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        // (No CR or LF in the noise: one long line, as the heuristics would read it.)
        let noise = Self.randomBytes(8_192, seed: seed).map { random -> UInt8 in
            let byte = seed >= 6 ? random & 0x7F : random
            return byte == 0x0A || byte == 0x0D ? 0x20 : byte
        }
        let message = MIMEMessage.parse(Array(head.utf8) + noise)
        let lead = try #require(LeadExtractor(specs: .empty).extract(from: message).lead)
        #expect(lead.needsReview)
        #expect(lead.reviewReasons.contains { $0.hasPrefix("the message text is unreadable") })
        #expect(lead.email == "jane@example.com")
        #expect(lead.timeline == nil && lead.projectType == nil && lead.budgetLow == nil && lead.budgetHigh == nil
                && lead.lotStatus == nil && lead.financing == nil && lead.address == nil)
        #expect(!lead.fields.keys.contains { $0.hasPrefix("budget") || $0 == "timeline" || $0 == "project_type" })
    }
}
