/// A structured header value such as `Content-Type` or `Content-Disposition`:
/// a lowercased token followed by `; name=value` parameters (RFC 2045, RFC 2231).
struct ParameterizedValue: Sendable, Equatable {
    /// The leading token, lowercased (`text/plain`, `attachment`).
    var value: String
    /// Parameters by lowercased name; RFC 2231 continuations and `*=` encodings joined.
    var parameters: [String: String]

    /// The media type part of a content type (`text` in `text/plain`).
    var mediaType: String {
        // The common case answered without `split`'s array: a slash after a non-empty type.
        if let slash = value.firstIndex(of: "/"), slash != value.startIndex { return String(value[..<slash]) }
        return value.split(separator: "/", maxSplits: 1).first.map(String.init) ?? value
    }

    /// The subtype part of a content type (`plain` in `text/plain`).
    var subtype: String {
        if let slash = value.firstIndex(of: "/"), slash != value.startIndex {
            return String(value[value.index(after: slash)...])
        }
        let pieces = value.split(separator: "/", maxSplits: 1)
        return pieces.count == 2 ? String(pieces[1]) : ""
    }

    /// Parses a header value; never fails (an empty token means "not given").
    static func parse(_ text: String) -> ParameterizedValue {
        let scalars = Array(text.unicodeScalars.prefix(16 * 1024))
        var index = 0
        var token = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != ";" {
            let scalar = scalars[index]
            if scalar != " " && scalar != "\t" && scalar != "\"" {
                token.append(scalar)
            }
            index += 1
        }
        var raw: [(name: String, value: String, quoted: Bool)] = []
        while index < scalars.count {
            index += 1  // past ";"
            skipSpace(scalars, &index)
            var name = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != "=", scalars[index] != ";" {
                if scalars[index] != " " && scalars[index] != "\t" { name.append(scalars[index]) }
                index += 1
            }
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            skipSpace(scalars, &index)
            var value = String.UnicodeScalarView()
            var quoted = false
            if index < scalars.count, scalars[index] == "\"" {
                quoted = true
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    value.append(scalars[index])
                    index += 1
                }
                // Skip the closing quote and anything up to the next parameter.
                while index < scalars.count, scalars[index] != ";" { index += 1 }
            } else {
                while index < scalars.count, scalars[index] != ";" {
                    value.append(scalars[index])
                    index += 1
                }
            }
            let valueText = quoted ? String(value) : HeaderBlockParser.trimmed(String(value))
            if !name.isEmpty {
                raw.append((String(name).lowercased(), valueText, quoted))
            }
        }
        return ParameterizedValue(value: String(token).lowercased(), parameters: combine(raw))
    }

    private static func skipSpace(_ scalars: [Unicode.Scalar], _ index: inout Int) {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
    }

    /// Joins RFC 2231 pieces: `name*0`, `name*1*`, and `name*=charset'lang'%XX`.
    private static func combine(_ raw: [(name: String, value: String, quoted: Bool)]) -> [String: String] {
        var plain: [String: String] = [:]
        var pieces: [String: [(index: Int, value: String, encoded: Bool)]] = [:]
        for parameter in raw {
            let name = parameter.name
            guard let star = name.firstIndex(of: "*") else {
                if plain[name] == nil { plain[name] = EncodedWordDecoder.decode(parameter.value) }
                continue
            }
            let base = String(name[..<star])
            let rest = name[name.index(after: star)...]
            let encoded = rest.hasSuffix("*") || rest.isEmpty
            let number = Int(rest.filter { $0 != "*" }) ?? 0
            pieces[base, default: []].append((number, parameter.value, encoded))
        }
        for (base, parts) in pieces {
            let sorted = parts.sorted { $0.index < $1.index }
            var charset = "us-ascii"
            var bytes: [UInt8] = []
            for (offset, part) in sorted.enumerated() {
                var value = Substring(part.value)
                if part.encoded && offset == 0 {
                    let fields = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if fields.count == 3 {
                        charset = String(fields[0]).isEmpty ? "us-ascii" : String(fields[0])
                        value = fields[2]
                    }
                }
                bytes.append(contentsOf: part.encoded ? percentDecoded(value) : Array(value.utf8))
            }
            plain[base] = CharsetDecoder.decode(bytes, charset: charset).text
        }
        return plain
    }

    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = QuotedPrintableDecoder.hexValue(bytes[index + 1]),
               let low = QuotedPrintableDecoder.hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}
