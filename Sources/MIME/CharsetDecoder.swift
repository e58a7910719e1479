/// Turns bytes in a declared charset into a string, never failing: unknown or lying
/// labels fall back to something readable and say so in `defect`.
///
/// UTF-8, US-ASCII and Windows-1252/Latin-1 (nearly all lead mail) are decoded in Swift;
/// everything else goes through the C library's iconv (`IconvConverter`).
enum CharsetDecoder {
    /// The result of decoding: the text, plus a defect when a fallback was needed.
    struct Result {
        var text: String
        var defect: String?
    }

    /// Decodes `bytes` as `charset` (nil means "not declared": US-ASCII per RFC 2045).
    static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> Result {
        if let result = bytes.withContiguousStorageIfAvailable({ decode($0, charset: charset) }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { decode($0, charset: charset) }
    }

    /// Decodes a body text as `charset` with `\n` line endings and no NUL characters
    /// (`TextNormalizer.normalizeNewlines`). `bytes` is used as scratch space.
    ///
    /// For the ASCII-compatible charsets nearly all mail uses, line endings are fixed on the
    /// bytes before decoding, so the text is validated and copied into a String once rather
    /// than twice. Exact: CR and LF are never part of a UTF-8 sequence or a Windows-1252
    /// letter, and turning CRLF into LF joins no bytes. NUL is left to the slow path,
    /// because dropping it could join two bytes into a UTF-8 sequence.
    static func decodeText(_ bytes: inout [UInt8], charset: String?) -> Result {
        let label = charset.map(resolve) ?? .ascii
        switch label {
        case .utf8, .ascii, .windows1252:
            if TextNormalizer.normalizeNewlines(bytesWithoutNUL: &bytes) {
                return bytes.withUnsafeBufferPointer { decode($0, label: label) }
            }
        case .iconv, .unknown:
            break
        }
        var result = bytes.withUnsafeBufferPointer { decode($0, label: label) }
        result.text = TextNormalizer.normalizeNewlines(result.text)
        return result
    }

    /// Decodes a contiguous buffer as `charset`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, charset: String?) -> Result {
        decode(bytes, label: charset.map(resolve) ?? .ascii)
    }

    /// ``CharsetLabel/resolve(_:)``, with the labels nearly all mail declares answered
    /// without its normalised String and table lookup (this runs for every text part).
    static func resolve(_ raw: String) -> CharsetLabel {
        commonLabel(raw) ?? CharsetLabel.resolve(raw)
    }

    /// The common labels, exactly as ``CharsetLabel/resolve(_:)`` resolves them (a test
    /// checks each against it).
    static let commonLabels: [(name: StaticString, label: CharsetLabel)] = [
        ("utf-8", .utf8), ("us-ascii", .ascii), ("iso-8859-1", .windows1252), ("windows-1252", .windows1252),
    ]

    /// The label when `raw`, with ASCII letters lower-cased, is one of ``commonLabels``:
    /// then `CharsetLabel.normalize` (which only lower-cases, strips quotes and blanks and
    /// cuts at `*`) leaves it unchanged, so `resolve` would answer the same. Nil otherwise.
    static func commonLabel(_ raw: String) -> CharsetLabel? {
        guard raw.utf8.count >= 5, raw.utf8.count <= 12 else { return nil }
        var raw = raw
        // Lower-cased bytes packed into two words; unused bytes stay zero.
        let (offset, low, high) = raw.withUTF8 { bytes -> (Int, UInt64, UInt64) in
            var low: UInt64 = 0
            var high: UInt64 = 0
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                if offset < 8 {
                    low |= UInt64(lowered) << (8 * UInt64(offset))
                } else {
                    high |= UInt64(lowered) << (8 * UInt64(offset - 8))
                }
            }
            return (bytes.count, low, high)
        }
        // The names of ``commonLabels`` packed the same way (tests check each is found).
        switch (offset, low, high) {
        case (5, 0x38_2D66_7475, 0): return .utf8  // utf-8
        case (8, 0x6969_6373_612D_7375, 0): return .ascii  // us-ascii
        case (10, 0x3935_3838_2D6F_7369, 0x312D): return .windows1252  // iso-8859-1
        case (12, 0x2D73_776F_646E_6977, 0x3235_3231): return .windows1252  // windows-1252
        default: break
        }
        return nil
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, label: CharsetLabel) -> Result {
        switch label {
        case .utf8:
            let result = LenientUTF8.decode(bytes, declaredUTF8: true)
            if result.fallbackBytes == 0 {
                return Result(text: result.text, defect: result.truncatedTail
                    ? "text ends inside a UTF-8 sequence; replaced with U+FFFD" : nil)
            }
            return Result(text: result.text, defect:
                "invalid UTF-8 in text declared utf-8; \(result.fallbackBytes) bytes decoded as Windows-1252")
        case .ascii:
            return sniffed(bytes, label: "us-ascii", alwaysReport: false)
        case .windows1252:
            return Result(text: SingleByteCharset.windows1252(bytes))
        case .iconv(let name):
            guard let result = IconvConverter.decode(bytes, from: name) else {
                return sniffed(bytes, label: CharsetLabel.sanitized(name.lowercased()), alwaysReport: true)
            }
            if result.invalidBytes == 0 { return Result(text: result.text) }
            return Result(text: result.text, defect:
                "\(result.invalidBytes) bytes invalid in charset \(name.lowercased()); replaced with U+FFFD")
        case .unknown(let name):
            return sniffed(bytes, label: name.isEmpty ? "(unreadable)" : name, alwaysReport: true)
        }
    }

    /// Raw header bytes and undeclared 8-bit text: UTF-8 when valid, else Windows-1252
    /// (per sequence, see `LenientUTF8`).
    static func utf8OrWindows1252(_ bytes: some Collection<UInt8>) -> String {
        LenientUTF8.decode(bytes).text
    }

    /// Lowercases and strips RFC 2231 language suffixes (`utf-8*en`) and quotes.
    static func normalize(_ charset: String) -> String {
        CharsetLabel.normalize(charset)
    }

    /// Text whose label is missing, US-ASCII or unknown: ASCII passes, valid UTF-8 is
    /// UTF-8, anything else is Windows-1252, and the guess is reported.
    private static func sniffed(_ bytes: UnsafeBufferPointer<UInt8>, label: String, alwaysReport: Bool) -> Result {
        let result = LenientUTF8.decode(bytes)
        let prefix = alwaysReport ? "unknown charset \(label)" : "8-bit bytes in \(label) text"
        if result.fallbackBytes > 0 {
            return Result(text: result.text, defect: "\(prefix); decoded as Windows-1252")
        }
        if !alwaysReport, !bytes.contains(where: { $0 >= 0x80 }) {
            return Result(text: result.text)
        }
        return Result(text: result.text, defect: "\(prefix); decoded as UTF-8")
    }
}
