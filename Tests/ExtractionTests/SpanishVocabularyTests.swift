@testable import Extraction
@testable import LeadModel
import Testing

/// A Spanish-speaking homeowner's project type, lot and financing are read, with or without
/// accents ("construir una casa", "tenemos un terreno", "pre-aprobados", "remodelación de
/// cocina", "construcción nueva").
@Suite("Heuristics: Spanish project type, lot and financing")
struct SpanishVocabularyTests {
    private func lead(_ text: String) -> ExtractedLead {
        HeuristicsTestSupport.filled(text)
    }

    @Test(arguments: [
        ("Queremos construir una casa nueva de 4 recamaras.", "new_build"),
        ("Nos interesa construir una casa de dos pisos en Kyle.", "new_build"),
        ("Buscamos un constructor para una casa personalizada.", "custom_home"),
        ("Me interesa remodelar la cocina de mi casa.", "kitchen_remodel"),
        ("Quiero remodelar el bano principal.", "bathroom_remodel"),
        ("Queremos ampliar la casa, agregar un cuarto.", "addition"),
        ("Queremos remodelar toda la casa.", "remodel"),
        ("Queremos una alberca en la parte de atras.", "pool"),
        ("Queremos demoler y construir de nuevo.", "teardown_rebuild"),
        // Written with accents, as the vocabulary is without.
        ("Estamos interesados en una remodelación de cocina.", "kitchen_remodel"),
        ("Necesitamos una remodelación de los baños.", "bathroom_remodel"),
        ("Quiero remodelar el baño principal.", "bathroom_remodel"),
        ("Buscamos una construcción nueva en Kyle.", "new_build"),
        ("Nos interesa una ampliación de la casa.", "addition"),
        ("REMODELACIÓN DE COCINA", "kitchen_remodel"),
        // Negated: nothing to build.
        ("No queremos remodelar, solo una cotizacion.", nil),
    ] as [(String, String?)])
    func projectType(_ text: String, _ expected: String?) {
        #expect(lead(text).projectType == expected, "\(text)")
    }

    @Test(arguments: [
        ("Tenemos un terreno en Kyle.", "own_lot"),
        ("Compramos un terreno de 2 acres en Bastrop.", "own_lot"),
        ("Queremos construir en nuestro terreno en Manor.", "own_lot"),
        ("Estamos buscando un terreno cerca de Buda.", "looking"),
        ("Aún no tenemos terreno.", "looking"),
        ("No tenemos terreno todavia.", "looking"),
        ("Tenemos un terreno bajo contrato en Kyle.", "under_contract"),
    ] as [(String, String?)])
    func lotStatus(_ text: String, _ expected: String?) {
        #expect(lead(text).lotStatus == expected, "\(text)")
    }

    @Test(arguments: [
        ("Ya estamos pre-aprobados.", "pre_approved"),
        ("Estamos preaprobados con el banco.", "pre_approved"),
        ("Vamos a pagar en efectivo.", "cash"),
        ("Necesitamos vender nuestra casa primero.", "need_to_sell"),
        ("Necesitamos financiamiento.", "needs_financing"),
        ("No estamos pre-aprobados.", nil),
    ] as [(String, String?)])
    func financing(_ text: String, _ expected: String?) {
        #expect(lead(text).financing == expected, "\(text)")
    }

    @Test("English text reads as before")
    func english() {
        #expect(lead("We want a swimming pool in the back yard.").projectType == "pool")
        #expect(lead("We own a lot in Kyle and want to build a custom home.").projectType == "custom_home")
    }
}
