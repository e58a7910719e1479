@testable import Extraction
import Testing

/// ``PhoneNumberScanner/survey(_:)`` reads eight bytes at a time: it agrees with a byte by
/// byte count on every length and alignment, digits, `+` and non-ASCII bytes in any lane.
@Suite("Phone scanner: the eight-byte survey agrees with a byte reading")
struct PhoneSurveyTests {
    /// The byte by byte reading the survey stands for.
    private static func reference(_ bytes: [UInt8]) -> (digits: Int, hasPlus: Bool, isASCII: Bool) {
        let digits = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        return (min(digits, 10), bytes.contains(0x2B), bytes.allSatisfy { $0 < 0x80 })
    }

    private static func check(_ bytes: [UInt8]) {
        let survey = bytes.withUnsafeBufferPointer { PhoneNumberScanner.survey($0) }
        let expected = reference(bytes)
        #expect(survey.digits == expected.digits && survey.hasPlus == expected.hasPlus && survey.isASCII == expected.isASCII,
                "\(bytes)")
    }

    @Test func agreesOnEveryByteInEveryLane() {
        // Each byte value alone in each of the sixteen first positions, among letters.
        for (bytes, position) in everyByteInEveryLane(positions: 16, count: 19) {
            Self.check(bytes)
            Self.check(Array(bytes.prefix(position + 1)))
        }
    }

    @Test func agreesOnGeneratedTexts() {
        // Bytes near the digit, `+` and ASCII bounds, of every length up to 40.
        let alphabet: [UInt8] = [0x2A, 0x2B, 0x2C, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x41, 0x7F, 0x80, 0xAB, 0xB0, 0xB9, 0xFF, 0x20]
        var generator = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        for length in 0...40 {
            for _ in 0..<50 { Self.check(generator.bytes(length, from: alphabet)) }
        }
    }

    @Test func agreesOnSampleTexts() {
        let texts = ["Call 512.555.0172 x315 or +1 (512) 555-0100", "caf\u{E9} 12345 67890 +", String(repeating: "9", count: 100)]
        for text in texts { Self.check(Array(text.utf8)) }
    }
}
