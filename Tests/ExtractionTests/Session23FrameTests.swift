@testable import Extraction
@testable import LeadModel
import Testing

/// Session 23's shortcuts in the extraction frame against the general steps they stand in for.
@Suite("Session 23: frame shortcuts agree with the general paths")
struct Session23FrameTests {
    /// `normalize` returns an address that needs no change as the text itself: the same
    /// value the byte path and the String path make.
    @Test func emailNormalizeAgreesWithTheStringPath() {
        let values = [
            "jane@example.com", "Jane.Doe@Example.COM", " jane@example.com ", "<jane@example.com>", "mailto:jane@example.com",
            "jane@example.com.", "jane@example.com?subject=Hi", "jane@@example.com", "jane@example", "j@x.io",
            "a.b+tag@sub.example.org", "JANE@EXAMPLE.COM", "jane@exAmple.com", "jane@example.c", "\"jane\"@example.com",
            "verylongname.with.dots@a-b.example.co.uk", "", "@", "jane", "jane@xn--bcher-kva.example",
        ]
        for value in values {
            #expect(EmailNormalizer.normalize(value) == EmailNormalizer.generalNormalize(value), "\(value.debugDescription)")
        }
    }

    /// ``SpecPattern/isASCII(_:)`` (counts for a short text, bytes for a longer one) against
    /// the count comparison, with a non-ASCII character at every position of texts around
    /// the length where it changes method.
    @Test func isASCIIAgreesWithTheCountComparison() {
        for length in [0, 1, 7, 8, 31, 32, 33, 40, 64, 65, 100] {
            let plain = String(repeating: "a", count: length)
            #expect(SpecPattern.isASCII(plain))
            for position in 0..<length {
                for odd in ["é", "’", "\u{1F600}", "\r\n"] {
                    var characters = Array(plain)
                    characters[position] = Character(odd)
                    let text = String(characters)
                    #expect(SpecPattern.isASCII(text) == (text.utf8.count == text.utf16.count), "\(text.debugDescription)")
                }
            }
        }
    }

    /// The accounting-domain check through ``DomainName`` against `domain(_:isWithin:)`.
    @Test func accountingDomainsAsDomainWithin() {
        let names = [
            "intuit.com", "notification.intuit.com", "quickbooks.com", "myintuit.com", "intuit.com.evil.example", "bill.com",
            "billing.com", "mail.bill.com", "paypal.com", "paypal.co", "stripe.com", "e.stripe.com", "xero.com", "", "com",
            "ïntuit.com", "squareup.com", "messaging.squareup.com", "invoice2go.com", "waveapps.com", "freshbooks.com",
        ]
        for name in names {
            let expected = NotASalesInquiryRule.accountingDomains.contains { domain(name, isWithin: $0) }
            #expect(NotASalesInquiryRule.isAccountingDomain(name) == expected, "\(name.debugDescription)")
        }
    }

    /// The count of slots set in either of two presence arrays, read eight at a time and
    /// stopped at a limit, against a count of each slot.
    @Test func countSetAgreesWithASlotBySlotCount() {
        var generator = SplitMix64(seed: 23)
        for _ in 0..<500 {
            let count = generator.below(40)
            let first = (0..<count).map { _ in generator.below(9) == 0 }
            let second = (0..<count).map { _ in generator.below(9) == 0 }
            let lower = generator.below(count + 1)
            let upper = lower + generator.below(count - lower + 1)
            let limit = generator.below(5)
            let all = (lower..<upper).filter { first[$0] || second[$0] }.count
            #expect(DetectionLiterals.countSet(in: first, or: second, slots: lower..<upper, upTo: limit) == min(all, limit))
        }
    }

    /// Case-sensitive literals are confirmed on the bytes only where found folded, the flags
    /// read eight at a time: each must be what a plain search of the text says.
    @Test func exactLiteralsAreConfirmedOneByOne() throws {
        let exact = (0..<27).map { "Lit\($0)X" }
        let literals = DetectionLiterals(folded: ["new lead", "phone"], exact: exact)
        let texts = [
            "", "nothing here", "Lit3X and lit4x and LIT5X", "Lit26X", "lit0x Lit1X Lit9X Lit10X Lit17X Lit25X",
            exact.joined(separator: " "), exact.map { $0.lowercased() }.joined(separator: " "), "New Lead: Phone Lit8X",
        ]
        for text in texts {
            let found = try #require(literals.presence(in: text), "\(text.debugDescription)")
            for (offset, literal) in exact.enumerated() {
                #expect(found[2 + offset] == text.contains(literal), "\(literal) in \(text.debugDescription)")
            }
            #expect(found[0] == text.lowercased().contains("new lead"))
            #expect(found[1] == text.lowercased().contains("phone"))
        }
    }
}
