@testable import Extraction
import Foundation
import Testing

/// The frame's lookup tables (the sender literals by first byte, the client cues by their two
/// first bytes) against the plain searches they replace.
@Suite struct FrameIndexTests {
    /// Whether `literals` may occur in `address` as the prefilter was first written: every
    /// literal searched for in the whole address (A-Z folded for a case-insensitive pattern);
    /// true for an address that is not ASCII.
    static func referenceMayOccur(_ literals: SpecPatternLiterals, _ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
        let searched = literals.isCaseInsensitive ? bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } : bytes
        return literals.alternatives.contains { literal in
            let wanted = Array(literal.utf8)
            guard !wanted.isEmpty else { return true }
            guard wanted.count <= searched.count else { return false }
            return (0...(searched.count - wanted.count)).contains { searched[$0..<($0 + wanted.count)].elementsEqual(wanted) }
        }
    }

    @Test func senderLiteralsByFirstByteEqualTheWholeSearch() throws {
        let specs = try SpecTestSupport.repositorySpecs()
        var sources = specs.detectors.flatMap(\.senderPatterns).map(\.source)
        sources += ["(?i)abc|x-y|no-?reply", "Foo|bar@|@Baz", "(?i)^(?:info|web)@", "INFO|Sales", "(?i)é+|ab"]
        let pieces = ["no", "reply", "-", ".", "_", "+", "info", "INFO", "Info", "web", "Sales", "sales", "foo", "Foo", "bar", "@",
                      "baz", "Baz", "abc", "ABC", "x-y", "X-Y", "é", "mailer", "forms", "notification", "a", "z"]
        var generator = SplitMix64(seed: 21)
        var addresses = (0..<3000).map { _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        addresses += ["", "jane@example.com", "noreply@example.com", "kpatel.home@example.com", "web@x", "b"]
        var checked = 0
        for source in sources {
            guard let literals = SpecPatternLiterals(source: source) else { continue }
            let prefilter = SenderLiterals(literals)
            for address in addresses {
                #expect(prefilter.mayOccur(in: address) == Self.referenceMayOccur(literals, address), "\(source) on \(address.debugDescription)")
            }
            checked += 1
        }
        #expect(checked >= 4)
    }

    @Test func clientCueByPairEqualsTheFirstCueOfTheList() {
        var generator = SplitMix64(seed: 22)
        let pieces = ["my client", "My Clients", "our buyer", "i have a client", "I represent", "on behalf of", "the owners (",
                      "The Owner (", "owner contact:", "client:", "Client Name:", "two clients", "couple of clients", "mis clientes",
                      "de parte de", "en nombre de", "my parents", "MY DAD", "my mom", "i ", "th", "o", "m", "y", " ", "\n", "é", ",",
                      "few clients", "my", "cl", "i"]
        var texts = (0..<3000).map { _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        texts += ClientReferral.nameCues.map { "\($0)" }
        for text in texts {
            var copy = text
            copy.withUTF8 { bytes in
                for start in bytes.indices {
                    let expected = start + 1 < bytes.count
                        ? ClientReferral.nameCues.first { ClientReferral.startsWith(bytes, at: start, $0) }.map { "\($0)" } : nil
                    #expect(ClientReferral.cue(at: start, in: bytes).map { "\($0)" } == expected, "\(text.debugDescription) at \(start)")
                }
            }
        }
    }

    @Test func firstOfOneNeedleEqualsThePlainSearch() {
        var generator = SplitMix64(seed: 23)
        let pieces = ["my parents", "MY PARENTS", "My Parent", "parents", "m", "y", " ", "\n", "é", "a", "ab", "AB", "x", "referred by"]
        var texts = (0..<3000).map { _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        texts += ["", "my parents", "xmy parentsx"]
        let needles: [StaticString] = ["my parents", "a", "ab", "referred by", "é"]
        for text in texts {
            let bytes = Array(text.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            var copy = text
            for needle in needles {
                let wanted = Array(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
                let plain = wanted[0] < 0x80 && wanted.count <= bytes.count
                    && (0...(bytes.count - wanted.count)).contains { bytes[$0..<($0 + wanted.count)].elementsEqual(wanted) }
                let found = copy.withUTF8 { FoldedSearch.firstOf($0, [needle]) }
                #expect(found == (plain ? 0 : nil), "\(needle) in \(text.debugDescription)")
            }
        }
    }

    @Test func asciiLowercasingEqualsLowercased() {
        var generator = SplitMix64(seed: 24)
        let pieces = ["Jane", "jane", "@", "Example.COM", ".", "-", "é", "É", "\u{212A}", "İ", "x", "Z", "["]
        let texts = (0..<3000).map { _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        for text in texts + ["", "kpatel.home@example.com", "KPatel@Example.com"] {
            #expect(InquiryView.lowercased(text) == text.lowercased(), "\(text.debugDescription)")
        }
    }
}
