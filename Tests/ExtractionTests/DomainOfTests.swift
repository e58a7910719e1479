@testable import Extraction
import Testing

/// ``domainOf(_:)`` reads an ASCII address on its bytes: it must give what the Character
/// reading gives (the text after the last "@", lowercased; nil without one or when empty).
@Suite("domainOf on bytes")
struct DomainOfTests {
    static func reference(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        return domain.isEmpty ? nil : domain
    }

    @Test("hand-picked addresses", arguments: [
        "jane@example.com", "JANE@EXAMPLE.COM", "a@b@Sub.Example.ORG", "no-at-sign", "trailing@", "@", "", "@Example.com",
        "x@exämple.com", "Ünïcode@EXAMPLE.com", "x@[192.168.0.1]", "Mixed.Case+Tag@Mail.Example.Co.UK", "x@a\u{301}.com",
        "quote\"@Example.com", "x@EXAMPLE.COM ", " x@example.com",
    ])
    func sameAsCharacters(_ address: String) {
        #expect(domainOf(address) == Self.reference(address))
    }

    @Test("generated addresses")
    func generated() {
        let pieces = ["a", "Z", "@", ".", "-", "é", "K", "\u{212A}", "x9", " ", "ß", "İ"]
        var state: UInt64 = 0xD0_4A1F
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5000 {
            var address = ""
            for _ in 0..<next(10) { address += pieces[next(pieces.count)] }
            #expect(domainOf(address) == Self.reference(address), "\(address.debugDescription)")
        }
    }
}

/// ``domain(_:isWithin:)`` compares ASCII domains on their bytes: it must give what the
/// Character comparison gives.
@Suite("domain(_:isWithin:) on bytes")
struct DomainWithinTests {
    @Test func sameAsTheCharacterComparison() {
        let pieces = ["a", "b", ".", "com", "gov", "x.", "é", "e\u{301}", "-", ""]
        var generator = SplitMix64(seed: 31)
        var within = 0
        for _ in 0..<6000 {
            let suffix = (0..<generator.below(3)).map { _ in generator.pick(pieces) }.joined()
            let name = (0..<generator.below(4)).map { _ in generator.pick(pieces) }.joined() + suffix
            let expected = name == suffix || name.hasSuffix("." + suffix)
            #expect(domain(name, isWithin: suffix) == expected, "\(name.debugDescription) within \(suffix.debugDescription)")
            if expected { within += 1 }
        }
        #expect(within > 1000, "\(within)")
    }
}
