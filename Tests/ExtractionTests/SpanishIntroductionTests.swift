@testable import Extraction
import Foundation
import LeadModel
import Testing

/// A Spanish-speaking homeowner introduces themselves: `me llamo`, `mi nombre es`, `soy`.
@Suite("Spanish self-introductions")
struct SpanishIntroductionTests {
    @Test(arguments: [
        ("Hola, me llamo Alejandro Ruiz y me interesa construir una casa nueva. 512-555-0189", "Alejandro", "Ruiz"),
        ("Mi nombre es Alejandro Ruiz, vivo en Kyle.", "Alejandro", "Ruiz"),
        ("Hola, soy Alejandro Ruiz. Queremos construir una casa nueva en San Marcos.", "Alejandro", "Ruiz"),
        ("¡Hola! Soy Rosa Jiménez y tenemos un terreno en Manor.", "Rosa", "Jiménez"),
        ("Buenas tardes, soy Rosa Jiménez, tenemos un terreno en Manor.", "Rosa", "Jiménez"),
        ("Me llamo Luis García y tenemos un terreno.", "Luis", "García"),
        ("Hola, me llamo Alejandro Ruiz de San Marcos.", "Alejandro", "Ruiz"),
        ("hola, me llamo alejandro ruiz y quiero construir", "Alejandro", "Ruiz"),
        ("Hola, me llamo Alejandro y quiero construir una casa.", "Alejandro", nil),
    ] as [(String, String, String?)])
    func aSpanishIntroduction(_ text: String, _ first: String, _ last: String?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == first && lead.lastName == last, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
        #expect(lead.fields["first_name"]?.rule == "heuristic: self-introduction")
    }

    @Test(arguments: [
        "Hola, soy de Kyle y quiero construir una casa.",
        "Soy dueño de un terreno en Kyle.",
        "Hola, soy Alejandro. Queremos construir.",
        "Queremos saber si soy Elegible Para un préstamo.",
        "Me llamo la atención su casa modelo.",
        "Hola, soy el dueño del terreno.",
        "Mi nombre es importante para nosotros.",
    ])
    func noSpanishIntroduction(_ text: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == nil && lead.lastName == nil, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }

    @Test func aSpanishSignOff() {
        let lead = HeuristicsTestSupport.filled("Queremos construir una casa nueva.\n\nSaludos,\nAlejandro Ruiz\n512-555-0189")
        #expect(lead.firstName == "Alejandro" && lead.lastName == "Ruiz")
        #expect(lead.fields["first_name"]?.rule == "heuristic: signature name")
    }
}
