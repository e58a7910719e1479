@testable import Extraction
@testable import LeadModel
import Testing

/// A Spanish-speaking homeowner's timeline ("lo antes posible", "la primavera de
/// 2027", "marzo de 2027") reads in the canonical English form of the English phrase.
@Suite("Heuristics: Spanish timelines")
struct SpanishTimelineTests {
    @Test(arguments: [
        ("Queremos construir una casa lo antes posible.", "asap"),
        ("Necesitamos empezar cuanto antes.", "asap"),
        ("Nos gustaria empezar en la primavera de 2027.", "spring 2027"),
        ("Queremos empezar en el verano del 2027.", "summer 2027"),
        ("Queremos mudarnos para el otono de 2027.", "fall 2027"),
        ("Queremos mudarnos para el otoño de 2027.", "fall 2027"),
        ("¿Podemos empezar en marzo de 2027? Nuestro presupuesto es de 400 mil dólares.", "march 2027"),
        // A past date is history, not a plan.
        ("Compramos el terreno en marzo de 2024.", nil),
        ("Construir en marzo de 2027.", "march 2027"),
        ("Queremos empezar en la primavera.", "spring"),
        // English reads as before.
        ("We would like to start in the spring of 2027.", "spring 2027"),
        ("We need it done as soon as possible.", "asap"),
    ] as [(String, String?)])
    func timeline(_ text: String, _ expected: String?) {
        #expect(HeuristicsTestSupport.filled(text).timeline == expected, "\(text)")
    }
}
