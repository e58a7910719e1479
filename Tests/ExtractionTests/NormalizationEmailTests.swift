import LeadModel
import Testing

@Suite("Normalisation: email")
struct NormalizationEmailTests {
    @Test(arguments: [
        ("Maria.Gonzalez@Example.COM", "Maria.Gonzalez@example.com"),
        ("  jane@example.com ", "jane@example.com"),
        ("<jane@example.com>", "jane@example.com"),
        ("mailto:jane@example.com", "jane@example.com"),
        ("mailto:jane@example.com?subject=Hi", "jane@example.com"),
        ("jane+houzz@Gmail.com", "jane+houzz@gmail.com"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("jane@mail.example.co.uk", "jane@mail.example.co.uk"),
        ("jane@example.com.", "jane@example.com"),
    ])
    func normalises(_ written: String, _ expected: String) {
        #expect(EmailNormalizer.normalize(written) == expected)
        #expect(FieldNormalizer.email(written) == expected)
    }

    @Test(arguments: [
        "", "jane", "jane@", "@example.com", "jane@example", "jane@@example.com", "jane doe@example.com",
        "jane@exa mple.com", ".jane@example.com", "jane.@example.com", "ja..ne@example.com", "jane@-example.com",
        "jane@example.c", "jane@example.123", "a@b@c.com",
    ])
    func rejects(_ written: String) {
        #expect(EmailNormalizer.normalize(written) == nil, "\(written)")
    }

    @Test(arguments: [
        ("J.A.N.E+houzz@Gmail.com", "jane@gmail.com"),
        ("jane.doe@googlemail.com", "janedoe@gmail.com"),
        ("Jane.Doe+zillow@Example.com", "jane.doe@example.com"),
        ("JANE@EXAMPLE.COM", "jane@example.com"),
        ("+tagonly@example.com", "+tagonly@example.com"),
    ])
    func matchingKey(_ written: String, _ key: String) {
        #expect(EmailNormalizer.matchingKey(written) == key)
    }

    @Test func matchingKeyKeepsDotsOutsideGmail() {
        #expect(EmailNormalizer.matchingKey("jane.doe@outlook.com") != EmailNormalizer.matchingKey("janedoe@outlook.com"))
        #expect(EmailNormalizer.matchingKey("jane.doe@gmail.com") == EmailNormalizer.matchingKey("janedoe+x@gmail.com"))
    }
}
