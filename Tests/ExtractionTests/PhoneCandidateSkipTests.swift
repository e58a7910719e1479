@testable import Extraction
import Testing

/// The phone scanner passes over bytes that cannot start a number eight at a time
/// (``ASCIIScalars/nextCandidate(from:)``): it stops where a byte by byte reading does, from
/// every start, on every length and alignment.
@Suite("Phone scanner: the eight-byte skip stops where a byte reading does")
struct PhoneCandidateSkipTests {
    /// The byte by byte reading: the first LF, ASCII digit, `+` or `(` from `index`.
    private static func reference(_ bytes: [UInt8], from index: Int) -> Int {
        bytes.indices.first { $0 >= index && (bytes[$0] == 0x0A || bytes[$0] == 0x2B || bytes[$0] == 0x28 || bytes[$0] &- 0x30 < 10) }
            ?? bytes.count
    }

    private static func check(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            let scalars = ASCIIScalars(bytes: buffer)
            for start in 0...bytes.count {
                #expect(scalars.nextCandidate(from: start) == reference(bytes, from: start), "\(bytes) from \(start)")
            }
        }
    }

    @Test func agreesOnEveryByteInEveryLane() {
        for (bytes, _) in everyByteInEveryLane(positions: 17, count: 20) { Self.check(bytes) }
    }

    @Test func agreesOnGeneratedTexts() {
        let alphabet: [UInt8] = [0x0A, 0x0B, 0x09, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2F, 0x30, 0x39, 0x3A, 0x8A, 0xAB, 0xB0, 0x20]
        var generator = SplitMix64(seed: 0x2545_F491_4F6C_DD1D)
        for length in 0...40 {
            for _ in 0..<20 { Self.check(generator.bytes(length, from: alphabet)) }
        }
    }
}
