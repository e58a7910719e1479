import Extraction
import Testing

@Suite("Phone number scanner")
struct PhoneNumberScannerTests {
    private let scanner = PhoneNumberScanner()

    @Test(arguments: [
        "(512) 555-0143",
        "(512)555-0143",
        "512-555-0143",
        "512.555.0143",
        "512 555 0143",
        "5125550143",
        "+1 512 555 0143",
        "+15125550143",
        "+1 (512) 555-0143",
        "1-512-555-0143",
        "1 (512) 555-0143",
        "15125550143",
        "1.512.555.0143",
    ])
    func recognisesCommonForms(_ written: String) throws {
        let match = try #require(scanner.firstPhone(in: "Please call me at \(written), thanks."))
        #expect(match.number == "+15125550143")
        #expect(match.phoneExtension == nil)
        #expect(match.isNANP)
    }

    @Test(arguments: [
        ("512-555-0143 x123", "123"),
        ("512-555-0143x123", "123"),
        ("512-555-0143 X 123", "123"),
        ("(512) 555-0143 ext. 123", "123"),
        ("(512) 555-0143 ext 123", "123"),
        ("512.555.0143, extension 123", "123"),
        ("512.555.0143 Ext: 45", "45"),
    ])
    func readsExtensions(_ written: String, _ expected: String) throws {
        let match = try #require(scanner.firstPhone(in: written))
        #expect(match.number == "+15125550143")
        #expect(match.phoneExtension == expected)
    }

    @Test(arguments: [
        "Our ZIP is 78704.",
        "We close on 2026-05-12.",
        "Budget $512,555,014 total",
        "order #5125550143999",
        "order #5125550143",
        "ref 5125550143999",
        "invoice INV5125550143",
        "call 012-555-0143",
        "call 512-155-0143",
        "call 911-555-0143",
        "call 512-555-014",
        "version 1.512.555.01434",
        "5125550143xylophone",
        "dates 05/12/2026 and 12.05.2026",
        "price $5125550143",
    ])
    func ignoresThingsThatAreNotPhones(_ text: String) {
        #expect(scanner.phones(in: text).isEmpty, "false positive in \(text)")
    }

    @Test func reportsLineAndFirstMatch() throws {
        let text = "Hello\nZIP 78704\nCall (737) 555-0188 or 512-555-0143\n"
        let match = try #require(scanner.firstPhone(in: text))
        #expect(match == PhoneMatch(number: "+17375550188", line: 3))
        #expect(scanner.phones(in: text).map(\.number) == ["+17375550188", "+15125550143"])
    }

    @Test func labelledNonNANPFallsBackToDigitsAsWritten() throws {
        let match = try #require(scanner.firstPhone(in: "Name: Ana\nPhone: +44 20 7946 0958\n"))
        #expect(match == PhoneMatch(number: "+442079460958", line: 2, isNANP: false))
        #expect(scanner.firstPhone(in: "Telephone: 12345") == nil)
    }

    @Test func hostileDigitRunsAreLinear() {
        let text = String(repeating: "1-512-555-01 (512) ", count: 50_000)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(scanner.phones(in: text).isEmpty)
        #expect(clock.now - start < .seconds(10))
    }
}
