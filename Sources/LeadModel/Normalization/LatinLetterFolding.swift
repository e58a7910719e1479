/// Latin letters with an accent (U+00C0-U+00FF, two UTF-8 bytes `C3 80`-`C3 BF`) read as
/// their base letter: "remodelación" is read as "remodelacion", "baño" as "bano", so the
/// vocabularies (written without accents, as many type them) read both spellings.
package enum LatinLetterFolding {
    /// The base letter (lowercase ASCII) of U+00C0-U+00FF at `scalar - 0xC0 + 0x40`, i.e. at
    /// `secondByte & 0x3F | 0x40` of its UTF-8 (`C3 xx`), for a Latin letter with an accent
    /// (`À`-`Å`, `Ç`, `È`-`Ï`, `Ñ`, `Ò`-`Ö`, `Ù`-`Ý`, their lowercase, `ÿ`); nil for the
    /// others (`Æ`, `ß`, `Ø`, `×`, ...). Indexed from U+0080.
    package static let baseLetters: [UInt8?] = (0x80...0xFF).map { (scalar: Int) -> UInt8? in
        switch scalar | 0x20 {
        case 0xE0...0xE5: UInt8(ascii: "a")
        case 0xE7: UInt8(ascii: "c")
        case 0xE8...0xEB: UInt8(ascii: "e")
        case 0xEC...0xEF: UInt8(ascii: "i")
        case 0xF1: UInt8(ascii: "n")
        case 0xF2...0xF6: UInt8(ascii: "o")
        case 0xF9...0xFC: UInt8(ascii: "u")
        case 0xFD: UInt8(ascii: "y")
        case 0xFF where scalar == 0xFF: UInt8(ascii: "y")
        default: nil
        }
    }

    /// The base letter of the scalar whose UTF-8 is `C3 second`, or nil (see ``baseLetters``).
    @inline(__always)
    package static func baseLetter(afterC3 second: UInt8) -> UInt8? {
        second & 0xC0 == 0x80 ? baseLetters[Int(second & 0x3F) | 0x40] : nil
    }

    /// `body` of the bytes of `word` with A-Z lowercased and each Latin letter with an accent
    /// as its base letter, when that leaves it ASCII; nil when it holds another non-ASCII
    /// scalar (or none at all: an ASCII word needs no folding).
    package static func withFolded<Result>(_ word: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        var copy = word
        return copy.withUTF8 { bytes -> Result? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { folded -> Result? in
                var count = 0
                var changed = false
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        folded[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        index += 1
                    } else if byte == 0xC3, index + 1 < bytes.count, let base = baseLetter(afterC3: bytes[index + 1]) {
                        folded[count] = base
                        changed = true
                        index += 2
                    } else {
                        return nil
                    }
                    count += 1
                }
                return changed ? body(UnsafeBufferPointer(rebasing: folded[..<count])) : nil
            }
        }
    }
}
