@testable import HTMLText
import Testing

/// ``LightHTMLParser/isPlainUTF8(_:)`` reads ASCII eight bytes at a time in a loop of its
/// own: it must answer as a byte-at-a-time reading does, wherever the deciding bytes fall
/// against the words.
@Suite("Light HTML parser: plain UTF-8 check")
struct PlainUTF8ScanTests {
    /// The check a byte (or a sequence) at a time.
    static func bytewise(_ input: [UInt8]) -> Bool {
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte < 0x80 {
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                index += 1
                continue
            }
            guard let (length, secondRange) = UTF8LeadByte.shape(of: byte), index + length <= input.count else { return false }
            let second = input[index + 1]
            guard secondRange.contains(second) else { return false }
            for offset in 2..<max(2, length) where input[index + offset] & 0xC0 != 0x80 { return false }
            if byte == 0xEF, second == 0xBF, input[index + 2] >= 0xBE { return false }
            index += length
        }
        return true
    }

    /// Pieces the generated inputs are made of: plain text, whitespace, control bytes,
    /// valid and invalid sequences, U+FFFE.
    static let pieces: [[UInt8]] = [
        Array("abcdefgh".utf8), Array("<td>".utf8), [0x20], [0x09], [0x0A], [0x0D], [0x00], [0x01], [0x1F], [0x7F],
        Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xFF], [0x80], [0xC3], [0xE2, 0x82], [0xEF, 0xBF, 0xBE],
        [0xEF, 0xBF, 0xBD], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
    ]

    @Test("generated inputs: the same answer as the byte-at-a-time check")
    func generated() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20000 {
            var input: [UInt8] = []
            // Mostly plain text, so the deciding byte lands anywhere in a word.
            for _ in 0..<next(12) {
                input += next(4) == 0 ? Self.pieces[next(Self.pieces.count)] : Self.pieces[next(2)]
            }
            let fast = input.withUnsafeBufferPointer { LightHTMLParser.isPlainUTF8($0) }
            #expect(fast == Self.bytewise(input), "\(input)")
        }
    }
}
