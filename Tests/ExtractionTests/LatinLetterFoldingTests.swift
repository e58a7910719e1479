@testable import Extraction
@testable import LeadModel
import Testing

/// A Latin letter with an accent reads as its base letter, only where that leaves a word ASCII.
@Suite("Latin letters with an accent fold to their base letter")
struct LatinLetterFoldingTests {
    private func folded(_ word: String) -> String? {
        LatinLetterFolding.withFolded(word) { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: [
        ("remodelación", "remodelacion"),
        ("Baño", "bano"),
        ("ÑANDÚ", "nandu"),
        ("Müller", "muller"),
        ("façade", "facade"),
    ] as [(String, String)])
    func folds(_ word: String, _ expected: String) {
        #expect(folded(word) == expected)
    }

    @Test(arguments: ["kitchen", "straße", "Łódź", "日本", "naïve\u{301}"])
    func leavesAlone(_ word: String) {
        #expect(folded(word) == nil, "\(word)")
    }

    @Test("Agrees with Foundation's folding on every letter it folds")
    func agreesWithFoundation() {
        for scalar in 0xC0...0xFF {
            let letter = String(UnicodeScalar(UInt8(scalar)))
            guard let folded = folded(letter) else { continue }
            #expect(folded == ClientReferral.foundationFold(letter), "\(letter)")
        }
    }
}
