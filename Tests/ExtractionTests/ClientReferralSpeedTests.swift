import Foundation
@testable import Extraction
@testable import LeadModel
import Testing

/// The byte paths that make ``ClientReferral`` cheap read what the Character paths read:
/// folding of accented Latin letters, names on ASCII bytes (tabs, runs of spaces, lowercase
/// particles), and the client's name after a cue in ASCII and in Spanish text.
@Suite("Client referral byte paths")
struct ClientReferralSpeedTests {
    @Test("Latin letters with accents fold as Foundation folds them")
    func latinFoldMatchesFoundation() {
        for value in 0xC0...0xFF {
            let letter = String(Character(Unicode.Scalar(UInt32(value))!))
            for text in [letter, "N\(letter)z", "\(letter)’s"] {
                #expect(ClientReferral.fold(text) == ClientReferral.foundationFold(text), "\(text)")
            }
        }
        for text in ["Núñez", "JOSÉ", "Domínguez-Ruíz", "O’Brien", "Ærø", "Straße", "e\u{301}", "Łukasz", "Zoë Smith", "abc", "A.B c-d"] {
            #expect(ClientReferral.fold(text) == ClientReferral.foundationFold(text), "\(text)")
        }
    }

    @Test("A name on ASCII bytes reads as the same person")
    func asciiSignatureNames() {
        #expect(SignatureNameFinder.name("Robert  Haines")?.last == "Haines")
        #expect(SignatureNameFinder.name("Robert\tHaines")?.first == "Robert")
        #expect(SignatureNameFinder.name(" Ana de la Cruz ")?.first == "Ana")
        #expect(SignatureNameFinder.name("maria gonzalez") != nil)
        #expect(SignatureNameFinder.name("Sent from my iPhone") == nil)
        #expect(SignatureNameFinder.name("Robert Haines, 555") == nil)
        #expect(SignatureNameFinder.name("Robert haines") == nil)
        #expect(SignatureNameFinder.name("") == nil)
        #expect(SignatureNameFinder.name("José Núñez")?.last == "Núñez")
    }

    @Test("The client's name after a cue, in ASCII and in Spanish")
    func clientNames() {
        let english = ClientReferral.clientName(in: "Hello,\nI have clients, Ryan and Kelsey Brooks, who want a lot.\n")
        #expect(english?.name.first == "Ryan")
        #expect(english?.name.last == "Brooks")
        #expect(english?.line == 2)
        #expect(english?.cue == "i have clients")
        let possessive = ClientReferral.clientName(in: "My client is Mr. Robert Haines's neighbor.")
        #expect(possessive?.name.last == "Haines")
        let spanish = ClientReferral.clientName(in: "Buenas tardes,\nMis clientes, Javier y Rosa Domínguez, buscan un lote.")
        #expect(spanish?.name.first == "Javier")
        #expect(spanish?.name.last == "Domínguez")
        #expect(ClientReferral.clientName(in: "on behalf of Baker Hollis LLP") == nil)
    }
}
