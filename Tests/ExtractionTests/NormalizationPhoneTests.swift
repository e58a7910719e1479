import LeadModel
import Testing

@Suite("Normalisation: phone")
struct NormalizationPhoneTests {
    @Test(arguments: [
        ("(512) 555-0143", "+15125550143", nil),
        ("512.555.0143", "+15125550143", nil),
        ("512-555-0143", "+15125550143", nil),
        ("512 555 0143", "+15125550143", nil),
        ("5125550143", "+15125550143", nil),
        ("+1 512 555 0143", "+15125550143", nil),
        ("+1 (512) 555-0143", "+15125550143", nil),
        ("1-512-555-0143", "+15125550143", nil),
        ("1 (512) 555-0143", "+15125550143", nil),
        ("15125550143", "+15125550143", nil),
        ("tel:+15125550143", "+15125550143", nil),
        ("512-555-0143 x204", "+15125550143", "204"),
        ("512-555-0143x204", "+15125550143", "204"),
        ("(512) 555-0143 ext. 12", "+15125550143", "12"),
        ("(512) 555-0143 ext 12", "+15125550143", "12"),
        ("512.555.0143, extension 7", "+15125550143", "7"),
        ("512-555-0143 #33", "+15125550143", "33"),
        ("+44 20 7946 0958", "+442079460958", nil),
        ("+44 (0)20 7946 0958", "+4402079460958", nil),
        ("0044 20 7946 0958", "+442079460958", nil),
        ("011 44 20 7946 0958", "+442079460958", nil),
        ("+52 55 1234 5678", "+525512345678", nil),
    ] as [(String, String, String?)])
    func normalises(_ written: String, _ e164: String, _ phoneExtension: String?) throws {
        let phone = try #require(PhoneNormalizer.normalize(written), "\(written)")
        #expect(phone.e164 == e164)
        #expect(phone.phoneExtension == phoneExtension)
        let viaField = try #require(FieldNormalizer.phone(written))
        #expect(viaField.number == e164)
        #expect(viaField.extension == phoneExtension)
    }

    @Test(arguments: [
        "", "555-0143", "012-555-0143", "512-155-0143", "911-555-0143", "512-911-0143", "512-555-014",
        "51255501434", "25125550143", "call me", "512-555-0143 or 512-555-0199", "+0 123 456 789",
        "+1 012 555 0143", "+44 123", "78704", "2026-05-12", "020 7946 0958",
    ])
    func rejects(_ written: String) {
        #expect(PhoneNormalizer.normalize(written) == nil, "\(written)")
    }

    @Test func nanpValidation() {
        #expect(NANPNumber.isValid(tenDigits: "5125550143"))
        #expect(!NANPNumber.isValid(tenDigits: "1125550143"))
        #expect(!NANPNumber.isValid(tenDigits: "5121550143"))
        #expect(!NANPNumber.isValid(tenDigits: "4115550143"))
        #expect(!NANPNumber.isValid(tenDigits: "51255501"))
    }
}
