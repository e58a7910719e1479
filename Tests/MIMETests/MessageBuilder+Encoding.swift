/// The writing half of the encodings the parser must undo: RFC 2047 encoded words,
/// quoted-printable, base64, RFC 2231 percent-encoding and ISO-8859-1. Written
/// independently of Sources/MIME so a shared bug cannot cancel itself out.
extension MessageBuilder {
    enum HeaderWordEncoder {
        /// A display name: atoms as is, otherwise a quoted string (raw UTF-8 when non-ASCII,
        /// as RFC 6532 allows), or RFC 2047 encoded words.
        static func phrase(_ name: String, encoding: HeaderEncoding, charset: Charset) -> String {
            switch encoding {
            case .plain:
                let atomText = name.unicodeScalars.allSatisfy { scalar in
                    scalar == " " || (scalar.isASCII && (isAlphanumeric(UInt8(scalar.value)) || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)))
                }
                if atomText { return name }
                var quoted = "\""
                for character in name {
                    if character == "\"" || character == "\\" { quoted.append("\\") }
                    quoted.append(character)
                }
                return quoted + "\""
            case .base64, .quotedPrintable:
                return encodedWords(name, encoding: encoding, charset: charset)
            }
        }

        /// An unstructured value such as Subject: as is (raw UTF-8 when non-ASCII) or encoded words.
        static func unstructured(_ text: String, encoding: HeaderEncoding, charset: Charset) -> String {
            encoding == .plain ? text : encodedWords(text, encoding: encoding, charset: charset)
        }

        /// Encoded words of at most ~60 characters each, split only between characters
        /// (RFC 2047 section 5: a multi-byte character must not be split across words).
        static func encodedWords(_ text: String, encoding: HeaderEncoding, charset: Charset) -> String {
            let charset = charset.encode(text) == nil ? .utf8 : charset
            var words: [String] = []
            var chunk: [UInt8] = []
            func flush() {
                guard !chunk.isEmpty else { return }
                let payload = encoding == .base64 ? BodyEncoder.base64Line(chunk) : qEncoded(chunk)
                words.append("=?\(charset.rawValue)?\(encoding == .base64 ? "B" : "Q")?\(payload)?=")
                chunk = []
            }
            for character in text {
                let bytes = BodyEncoder.bytes(of: String(character), charset: charset, newline: "\n")
                let size = encoding == .base64 ? (chunk.count + bytes.count + 2) / 3 * 4 : qEncoded(chunk + bytes).utf8.count
                if size > 45 { flush() }
                chunk += bytes
            }
            flush()
            return words.joined(separator: " ")
        }

        /// RFC 2047 `Q`: the strictest form (phrase-safe), letters and digits only, space as `_`.
        static func qEncoded(_ bytes: [UInt8]) -> String {
            var output = ""
            for byte in bytes {
                if isAlphanumeric(byte) {
                    output.unicodeScalars.append(Unicode.Scalar(byte))
                } else if byte == 0x20 {
                    output += "_"
                } else {
                    output += "=" + BodyEncoder.hex(byte)
                }
            }
            return output
        }

        static func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
    }

    enum BodyEncoder {
        /// The text in `charset` with `\n` replaced by `newline`, line by line (so stateful
        /// charsets such as ISO-2022-JP return to ASCII before each line break). Falls back
        /// to UTF-8 for text the charset cannot hold; callers check `Charset.encode` first.
        static func bytes(of text: String, charset: Charset, newline: String) -> [UInt8] {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var output: [UInt8] = []
            for (index, line) in lines.enumerated() {
                if index > 0 { output += Array(newline.utf8) }
                output += charset.encode(line) ?? Array(line.utf8)
            }
            return output
        }

        /// Quoted-printable with soft breaks keeping lines within 76 characters, trailing
        /// whitespace escaped, and `newline` between lines (no newline after the last).
        static func quotedPrintable(_ bytes: [UInt8], newline: String) -> [UInt8] {
            var lines: [[UInt8]] = [[]]
            for byte in bytes {
                if byte == 0x0A {
                    if newline == "\r\n", lines[lines.count - 1].last == 0x0D { lines[lines.count - 1].removeLast() }
                    lines.append([])
                } else {
                    lines[lines.count - 1].append(byte)
                }
            }
            var output: [UInt8] = []
            for (lineIndex, line) in lines.enumerated() {
                if lineIndex > 0 { output += Array(newline.utf8) }
                var column = 0
                for (index, byte) in line.enumerated() {
                    let isLast = index == line.count - 1
                    let literal = (byte >= 0x21 && byte <= 0x7E && byte != 0x3D) || ((byte == 0x20 || byte == 0x09) && !isLast)
                    let token: [UInt8] = literal ? [byte] : Array(("=" + hex(byte)).utf8)
                    // Leave room for the "=" of a soft break unless this is the line's end.
                    if column + token.count > (isLast ? 76 : 75) {
                        output += Array("=".utf8) + Array(newline.utf8)
                        column = 0
                    }
                    output += token
                    column += token.count
                }
            }
            return output
        }

        /// Base64 in lines of 76 characters, each followed by `newline`.
        static func base64(_ bytes: [UInt8], newline: String) -> [UInt8] {
            let encoded = Array(base64Line(bytes).utf8)
            var output: [UInt8] = []
            output.reserveCapacity(encoded.count + encoded.count / 38 + 2)
            var start = 0
            while start < encoded.count {
                let end = min(start + 76, encoded.count)
                output += encoded[start..<end]
                output += Array(newline.utf8)
                start = end
            }
            return output
        }

        /// Base64 with padding on one line.
        static func base64Line(_ bytes: [UInt8]) -> String {
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            var output: [UInt8] = []
            output.reserveCapacity((bytes.count + 2) / 3 * 4)
            var index = 0
            while index < bytes.count {
                let b0 = Int(bytes[index])
                let b1 = index + 1 < bytes.count ? Int(bytes[index + 1]) : 0
                let b2 = index + 2 < bytes.count ? Int(bytes[index + 2]) : 0
                output.append(alphabet[b0 >> 2])
                output.append(alphabet[((b0 & 0x03) << 4) | (b1 >> 4)])
                output.append(index + 1 < bytes.count ? alphabet[((b1 & 0x0F) << 2) | (b2 >> 6)] : 0x3D)
                output.append(index + 2 < bytes.count ? alphabet[b2 & 0x3F] : 0x3D)
                index += 3
            }
            return String(decoding: output, as: UTF8.self)
        }

        /// RFC 2231 value: attribute characters as is, everything else `%XX` of the UTF-8.
        static func percentEncoded(_ text: String) -> String {
            var output = ""
            for byte in text.utf8 {
                if HeaderWordEncoder.isAlphanumeric(byte) || "!#$&+-.^_`|~".utf8.contains(byte) {
                    output.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    output += "%" + hex(byte)
                }
            }
            return output
        }

        static func hex(_ byte: UInt8) -> String {
            let digits = Array("0123456789ABCDEF")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }
    }
}
