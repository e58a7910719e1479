import LeadModel
import Testing

@Suite("Normalisation: person names")
struct NormalizationNameTests {
    @Test(arguments: [
        ("John Smith", "John", "Smith"),
        ("JOHN SMITH", "John", "Smith"),
        ("john smith", "John", "Smith"),
        ("Smith, John", "John", "Smith"),
        ("SMITH, JOHN", "John", "Smith"),
        ("Mr. John Smith", "John", "Smith"),
        ("Mrs Jane Doe", "Jane", "Doe"),
        ("Dr. Jane Doe, PhD", "Jane", "Doe"),
        ("John Smith Jr.", "John", "Smith"),
        ("John Smith, Jr.", "John", "Smith"),
        ("Smith, Jr., John", "John", "Smith"),
        ("John Smith III", "John", "Smith"),
        ("mary mcdonald", "Mary", "McDonald"),
        ("SEAN O'BRIEN", "Sean", "O'Brien"),
        ("anna smith-jones", "Anna", "Smith-Jones"),
        ("PIETER VAN DER BERG", "Pieter", "van der Berg"),
        ("Pieter van der Berg", "Pieter", "van der Berg"),
        ("DeShawn MacKenzie", "DeShawn", "MacKenzie"),
        ("Jane Q. Doe", "Jane", "Doe"),
        ("Maria Gonzalez Ruiz", "Maria", "Gonzalez Ruiz"),
        ("John and Mary Smith", "John", "Smith"),
        ("John & Mary Smith", "John", "Smith"),
        ("Mr. and Mrs. John Smith", "John", "Smith"),
        ("John Smith and Mary Jones", "John", "Smith"),
        ("\"Jane Doe\"", "Jane", "Doe"),
        ("Jane Doe (Homeowner)", "Jane", "Doe"),
        ("Cher", "Cher", nil),
        ("José Álvarez", "José", "Álvarez"),
        ("JOSÉ ÁLVAREZ", "José", "Álvarez"),
    ] as [(String, String?, String?)])
    func splits(_ written: String, _ first: String?, _ last: String?) {
        let name = FieldNormalizer.personName(written)
        #expect(name.first == first, "\(written)")
        #expect(name.last == last, "\(written)")
    }

    @Test func keepsSuffixHonorificAndPartnerApart() throws {
        let junior = try #require(PersonNameNormalizer.parse("Mr. Robert Smith Jr."))
        #expect(junior.suffix == "Jr.")
        #expect(junior.honorific == "Mr.")
        let senior = try #require(PersonNameNormalizer.parse("SMITH, ROBERT SR"))
        #expect(senior.suffix == "Sr.")
        #expect(senior.first == "Robert")
        let couple = try #require(PersonNameNormalizer.parse("Mr. and Mrs. John and Mary Smith"))
        #expect(couple.partnerFirst == "Mary")
        #expect(couple.honorific == "Mr. & Mrs.")
        let initial = try #require(PersonNameNormalizer.parse("jane q doe"))
        #expect(initial.middle == "Q.")
    }

    @Test(arguments: ["", "   ", "jane@example.com", "Unit 4B", "12345", "a b c d e f g h"])
    func rejects(_ written: String) {
        #expect(PersonNameNormalizer.parse(written) == nil, "\(written)")
    }

    @Test(arguments: [
        ("Bob", "Robert", true), ("Liz", "Elizabeth", true), ("Liz", "Beth", true), ("Bill", "William", true),
        ("Chris", "Christina", true), ("Chris", "Christopher", true), ("ROBERT", "robert", true),
        ("Bob", "William", false), ("Mary", "Maria", false),
    ])
    func nicknames(_ a: String, _ b: String, _ compatible: Bool) {
        #expect(NicknameTable.areCompatible(a, b) == compatible, "\(a) / \(b)")
    }

    @Test func nicknameCanonicalKey() {
        #expect(NicknameTable.canonical("Bob") == "robert")
        #expect(NicknameTable.canonical("Robert") == "robert")
        #expect(NicknameTable.canonical("Zelda") == "zelda")
        #expect(NicknameTable.formalNames(for: "Liz") == ["elizabeth", "liz"])
    }
}
