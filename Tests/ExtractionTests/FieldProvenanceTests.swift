import Foundation
import LeadModel
import Testing

/// ``FieldProvenance`` keeps its strings in a shared box: it must still behave as the plain
/// three-field struct it was (value semantics, equality, hashing, JSON).
@Suite struct FieldProvenanceTests {
    @Test func settersDoNotChangeCopies() {
        let original = FieldProvenance(spec: "houzz", rule: "label 'Phone'", location: "body line 3")
        var copy = original
        copy.rule = "label 'Tel'"
        copy.spec = nil
        copy.location = "subject"
        #expect(original.spec == "houzz")
        #expect(original.rule == "label 'Phone'")
        #expect(original.location == "body line 3")
        #expect(copy.spec == nil)
        #expect(copy.rule == "label 'Tel'")
        #expect(copy.location == "subject")
        #expect(copy != original)
        copy.rule = "label 'Phone'"
        copy.spec = "houzz"
        copy.location = "body line 3"
        #expect(copy == original)
        #expect(copy.hashValue == original.hashValue)
    }

    @Test func equalityComparesEveryField() {
        let base = FieldProvenance(spec: "a", rule: "r", location: "l")
        #expect(base == FieldProvenance(spec: "a", rule: "r", location: "l"))
        #expect(base != FieldProvenance(spec: nil, rule: "r", location: "l"))
        #expect(base != FieldProvenance(spec: "a", rule: "s", location: "l"))
        #expect(base != FieldProvenance(spec: "a", rule: "r", location: nil))
        #expect(Set([base, FieldProvenance(spec: "a", rule: "r", location: "l")]).count == 1)
    }

    @Test func jsonIsUnchanged() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let full = FieldProvenance(spec: "zillow", rule: "meta lead_email", location: "HTML meta tag")
        #expect(String(decoding: try encoder.encode(full), as: UTF8.self)
            == #"{"location":"HTML meta tag","rule":"meta lead_email","spec":"zillow"}"#)
        let bare = FieldProvenance(rule: "budget phrase")
        #expect(String(decoding: try encoder.encode(bare), as: UTF8.self) == #"{"location":null,"rule":"budget phrase","spec":null}"#)
        let decoder = JSONDecoder()
        #expect(try decoder.decode(FieldProvenance.self, from: Data(#"{"rule":"x"}"#.utf8)) == FieldProvenance(rule: "x"))
        #expect(try decoder.decode(FieldProvenance.self, from: Data(#"{"spec":null,"rule":"x","location":"y"}"#.utf8))
            == FieldProvenance(rule: "x", location: "y"))
        #expect(throws: DecodingError.self) { try decoder.decode(FieldProvenance.self, from: Data(#"{"spec":"a"}"#.utf8)) }
        #expect(try decoder.decode(FieldProvenance.self, from: try encoder.encode(full)) == full)
    }
}
