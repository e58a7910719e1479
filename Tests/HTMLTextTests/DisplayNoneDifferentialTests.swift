@testable import HTMLText
import Testing

/// `NodeAttributes.declaresDisplayNone` jumps to the `d`s of a style; the byte loop it
/// replaced is kept here as the reference, and both must agree on every input.
@Suite("display:none detection")
struct DisplayNoneDifferentialTests {
    @Test("agrees with the byte loop on generated styles")
    func generated() {
        let pieces = [
            "display", "DISPLAY", "Display", "none", "NONE", "nonex", ":", ";", " ", "  ", "{", "}", "!", "\t", "\n", "\r",
            "\u{0C}", "d", "D", "x", "-", "padding: 0", "font-family: Arial", "important", "dis", "play", "é", "0",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var disagreements: [String] = []
        var positives = 0
        for _ in 0..<20_000 {
            var style = ""
            for _ in 0..<(next() % 6) {
                // Noise, then mostly something shaped like a declaration (near misses included).
                for _ in 0..<(next() % 3) { style += pieces[next() % pieces.count] }
                guard next() % 10 < 7 else { continue }
                let parts = [
                    ["display", "DISPLAY", "Display", "displa", "xdisplay", "d"],
                    ["", " ", "\t", "\n "], [":", "", "::", ";"], ["", " ", "\r"],
                    ["none", "NONE", "nonex", "non", "block", "none-ish"], ["", ";", "!", "}", " ", "x", "\u{0C}"],
                ]
                for options in parts { style += options[next() % options.count] }
            }
            let bytes = Array(style.utf8)
            let expected = Self.reference(bytes)
            if expected { positives += 1 }
            if NodeAttributes.declaresDisplayNone(bytes) != expected { disagreements.append(style) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(positives > 100)
    }

    @Test("exact answers", arguments: [
        ("display:none", true), ("DISPLAY : NONE", true), ("color:red;display:none!important", true),
        ("x{display:none}", true), ("padding:0; display: none ;", true), ("display:nonex", false),
        ("xdisplay:none", false), ("display:block", false), ("", false), ("d", false), ("display", false),
        ("font-size:12px;\tdisplay\n:\rnone", true), ("display:none", true), ("dddddddddisplay:none", false),
        ("color: red; padding: 4px 8px; border: 0; display:none", true),
    ])
    func exact(_ style: String, _ expected: Bool) {
        #expect(NodeAttributes.declaresDisplayNone(Array(style.utf8)) == expected)
        #expect(Self.reference(Array(style.utf8)) == expected)
    }

    /// The implementation before the word-at-a-time search, verbatim in behaviour.
    static func reference(_ style: [UInt8]) -> Bool {
        let display = Array("display".utf8)
        let none = Array("none".utf8)
        func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
        func match(_ start: Int) -> Bool? {
            var index = start
            for expected in display {
                guard index < style.count, lowercased(style[index]) == expected else { return nil }
                index += 1
            }
            while index < style.count, isSpace(style[index]) { index += 1 }
            guard index < style.count, style[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            while index < style.count, isSpace(style[index]) { index += 1 }
            for expected in none {
                guard index < style.count, lowercased(style[index]) == expected else { return nil }
                index += 1
            }
            guard index < style.count else { return true }
            let after = style[index]
            return isSpace(after) || after == UInt8(ascii: ";") || after == UInt8(ascii: "!") || after == UInt8(ascii: "}") ? true : nil
        }
        var index = 0
        var atDeclarationStart = true
        while index < style.count {
            let byte = style[index]
            if atDeclarationStart, lowercased(byte) == display[0], let end = match(index) { return end }
            atDeclarationStart = byte == UInt8(ascii: ";") || byte == UInt8(ascii: "{") || isSpace(byte)
            index += 1
        }
        return false
    }
}
