/// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) in a header value.
///
/// A single left-to-right scan: a failed candidate resumes the scan at the character
/// that broke it, so hostile runs of `=?` cost linear time. Adjacent encoded words
/// (separated only by whitespace) are joined, and their bytes are concatenated before
/// charset decoding so a multi-byte character split across two words survives.
enum EncodedWordDecoder {
    private struct Word {
        var charset: String
        var bytes: [UInt8]
        var end: Int
    }

    /// Decodes every encoded word in `input`; text that is not an encoded word is kept.
    static func decode(_ input: String) -> String {
        // Most header values have no encoded word: answer before allocating anything.
        guard input.utf8.count >= 8, containsEncodedWordStart(input) else { return input }
        let scalars = Array(input.unicodeScalars)
        // Arrays, not String.UnicodeScalarView: appending a slice to the view rebuilds the
        // string, which made a header full of failed `=?` candidates quadratic
        // (Fuzz/findings/slow-encoded-word-run.eml). The String is built once at the end.
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var pendingWhitespace: [Unicode.Scalar] = []
        var pending: (charset: String, bytes: [UInt8])?
        var index = 0

        func flush() {
            if let word = pending {
                output.append(contentsOf: CharsetDecoder.decode(word.bytes, charset: word.charset).text.unicodeScalars)
                pending = nil
            }
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "=", index + 1 < scalars.count, scalars[index + 1] == "?" {
                switch parseWord(scalars, at: index) {
                case .success(let word):
                    if let current = pending, current.charset == word.charset {
                        pending?.bytes.append(contentsOf: word.bytes)
                    } else {
                        flush()
                        pending = (word.charset, word.bytes)
                    }
                    // Whitespace between two encoded words is not part of the text.
                    pendingWhitespace.removeAll(keepingCapacity: true)
                    index = word.end
                    continue
                case .failure(let resume):
                    flush()
                    output.append(contentsOf: pendingWhitespace)
                    pendingWhitespace.removeAll(keepingCapacity: true)
                    output.append(contentsOf: scalars[index..<resume])
                    index = resume
                    continue
                }
            }
            if pending != nil, scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
                pendingWhitespace.append(scalar)
                index += 1
                continue
            }
            flush()
            output.append(contentsOf: pendingWhitespace)
            pendingWhitespace.removeAll(keepingCapacity: true)
            output.append(scalar)
            index += 1
        }
        flush()
        output.append(contentsOf: pendingWhitespace)
        var utf8: [UInt8] = []
        utf8.reserveCapacity(output.count)
        for scalar in output {
            utf8.append(contentsOf: UTF8.encode(scalar)!)
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private enum Attempt {
        case success(Word)
        /// Index at which scanning continues; always greater than the start.
        case failure(resume: Int)
    }

    private static func parseWord(_ scalars: [Unicode.Scalar], at start: Int) -> Attempt {
        var index = start + 2
        var charset = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != "?" {
            let scalar = scalars[index]
            guard isTokenCharacter(scalar), charset.count < 64 else {
                return .failure(resume: max(index, start + 1))
            }
            charset.append(scalar)
            index += 1
        }
        guard index + 2 < scalars.count, !charset.isEmpty else {
            return .failure(resume: max(index, start + 1))
        }
        let encoding = scalars[index + 1]
        guard scalars[index + 2] == "?", "bBqQ".unicodeScalars.contains(encoding) else {
            return .failure(resume: index + 1)
        }
        index += 3
        let textStart = index
        while index < scalars.count, scalars[index] != "?" {
            let scalar = scalars[index]
            guard scalar.value > 0x20, scalar.value < 0x7F else {
                return .failure(resume: index)
            }
            index += 1
        }
        guard index + 1 < scalars.count, scalars[index + 1] == "=" else {
            return .failure(resume: index)
        }
        let text = scalars[textStart..<index].map { UInt8(truncatingIfNeeded: $0.value) }
        let bytes = (encoding == "b" || encoding == "B")
            ? Base64Decoder.decode(text).bytes
            : QuotedPrintableDecoder.decodeWord(text)
        return .success(Word(charset: CharsetDecoder.normalize(String(charset)), bytes: bytes, end: index + 2))
    }

    private static func containsEncodedWordStart(_ input: String) -> Bool {
        var previous: UInt8 = 0
        for byte in input.utf8 {
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }

    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value > 0x20, scalar.value < 0x7F else { return false }
        return !"()<>@,;:\"/[]?=".unicodeScalars.contains(scalar)
    }
}
