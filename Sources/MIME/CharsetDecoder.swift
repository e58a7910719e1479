import Foundation

/// Turns bytes in a declared charset into a string, never failing: unknown or wrong
/// charsets fall back to something readable and say so in `defect`.
enum CharsetDecoder {
    /// The result of decoding: the text, plus a defect when a fallback was needed.
    struct Result {
        var text: String
        var defect: String?
    }

    /// Decodes `bytes` as `charset` (nil means "not declared": US-ASCII per RFC 2045).
    static func decode(_ bytes: [UInt8], charset: String?) -> Result {
        let name = normalize(charset ?? "us-ascii")
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8":
            if let text = String(validating: bytes, as: UTF8.self) {
                return Result(text: text)
            }
            return Result(text: String(decoding: bytes, as: UTF8.self),
                          defect: "invalid UTF-8 in a part declared utf-8; decoded with replacement characters")
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "":
            return undeclaredEightBit(bytes, label: "us-ascii")
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "windows-1252",
             "cp1252", "x-cp1252", "cp819", "ibm819":
            // Senders label Windows-1252 as Latin-1 so often that browsers treat them as one.
            return Result(text: SingleByteCharset.windows1252(bytes))
        case "iso-8859-15", "iso8859-15", "latin9", "latin-9":
            return Result(text: SingleByteCharset.latin9(bytes))
        default:
            if let encoding = foundationEncoding(for: name),
               let text = String(data: Data(bytes), encoding: encoding) {
                return Result(text: text)
            }
            return Result(text: String(decoding: bytes, as: UTF8.self),
                          defect: "unsupported charset \(sanitizedLabel(name)); decoded as UTF-8 (lossy)")
        }
    }

    /// Raw header bytes and undeclared 8-bit text: UTF-8 when valid, else Windows-1252.
    static func utf8OrWindows1252(_ bytes: some Collection<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        return SingleByteCharset.windows1252(bytes)
    }

    /// Lowercases and strips RFC 2231 language suffixes (`utf-8*en`) and quotes.
    static func normalize(_ charset: String) -> String {
        var name = charset.lowercased()
        if let star = name.firstIndex(of: "*") {
            name = String(name[..<star])
        }
        return name.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t"))
    }

    private static func undeclaredEightBit(_ bytes: [UInt8], label: String) -> Result {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return Result(text: String(decoding: bytes, as: UTF8.self))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Result(text: text, defect: "8-bit bytes in \(label) text; decoded as UTF-8")
        }
        return Result(text: SingleByteCharset.windows1252(bytes),
                      defect: "8-bit bytes in \(label) text; decoded as Windows-1252")
    }

    private static func foundationEncoding(for name: String) -> String.Encoding? {
        switch name {
        case "iso-8859-2", "iso8859-2", "latin2": return .isoLatin2
        case "windows-1250", "cp1250": return .windowsCP1250
        case "windows-1251", "cp1251": return .windowsCP1251
        case "windows-1253", "cp1253": return .windowsCP1253
        case "windows-1254", "cp1254": return .windowsCP1254
        case "utf-16": return .utf16
        case "utf-16le": return .utf16LittleEndian
        case "utf-16be": return .utf16BigEndian
        case "utf-32": return .utf32
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "cp932", "windows-31j": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        case "iso-2022-jp": return .iso2022JP
        case "macintosh", "x-mac-roman", "mac": return .macOSRoman
        default: return nil
        }
    }

    /// Keeps a charset label safe to put in a defect string (it comes from the sender).
    private static func sanitizedLabel(_ name: String) -> String {
        let allowed = name.unicodeScalars.prefix(40).filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" || $0 == "."
        }
        return String(String.UnicodeScalarView(allowed))
    }
}
