/// What a sender's charset label means: the decoder to use, after aliases, supersets and
/// common misspellings are resolved.
///
/// Mail clients write labels every which way (`utf8`, `"UTF-8"`, `latin1`, `x-sjis`,
/// `ks_c_5601-1987`), and several legacy labels are in practice always used for a
/// superset (GB2312 text contains GBK characters, Shift_JIS mail contains CP932 ones), so
/// decoding with the superset loses nothing and recovers more.
enum CharsetLabel: Equatable {
    case utf8
    case ascii
    /// Windows-1252, also used for ISO-8859-1 (as browsers do: senders mislabel it constantly).
    case windows1252
    /// Decoded by the C library's iconv under this name.
    case iconv(String)
    /// A label we cannot map; the text is sniffed (UTF-8 if valid, else Windows-1252).
    case unknown(String)

    /// Resolves a raw label from a header (`charset="UTF-8"`, `utf-8*en`).
    static func resolve(_ raw: String) -> CharsetLabel {
        let name = normalize(raw)
        if let known = aliases[name] { return known }
        if let family = isoOrWindowsFamily(name) { return family }
        // Labels not in the table: let iconv try, but only with a plain token so a hostile
        // label cannot pass iconv options such as `//TRANSLIT`.
        let safe = name.utf8.count <= 40 && !name.isEmpty && name.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E || $0 == 0x3A
        }
        if safe, IconvConverter.isSupported(name.uppercased()) {
            return .iconv(name.uppercased())
        }
        return .unknown(sanitized(name))
    }

    /// Lowercases, strips quotes and whitespace, and drops an RFC 2231 language suffix (`utf-8*en`).
    static func normalize(_ charset: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(charset.utf8.count)
        for byte in charset.utf8 {
            if byte == UInt8(ascii: "*") { break }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), 0x20, 0x09, 0x0D, 0x0A: continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A label safe to put in a defect string (it comes from the sender).
    static func sanitized(_ name: String) -> String {
        let allowed = name.unicodeScalars.prefix(40).filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" || $0 == "."
        }
        return String(String.UnicodeScalarView(allowed))
    }

    /// `iso-8859-N`, `iso8859-N`, `iso_8859-N`, `iso-8859-N-i`, `windows-125N`, `cp125N`, `x-cp125N`.
    private static func isoOrWindowsFamily(_ name: String) -> CharsetLabel? {
        var rest = Substring(name)
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "iso8859_", "iso-8859_"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            // Hebrew/Arabic "-i"/"-e" variants only say how to lay the text out.
            if rest.hasSuffix("-i") || rest.hasSuffix("-e") { rest = rest.dropLast(2) }
            if let colon = rest.firstIndex(of: ":") { rest = rest[..<colon] }  // "iso_8859-1:1987"
            guard let number = Int(rest), (1...16).contains(number), number != 12 else { return nil }
            return number == 1 ? .windows1252 : .iconv("ISO-8859-\(number)")
        }
        for prefix in ["windows-", "x-cp", "cp", "win-", "win"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            guard let number = Int(rest), (1250...1258).contains(number) else { return nil }
            return number == 1252 ? .windows1252 : .iconv("WINDOWS-\(number)")
        }
        return nil
    }

    private static let aliases: [String: CharsetLabel] = {
        var table: [String: CharsetLabel] = [:]
        func add(_ names: [String], _ label: CharsetLabel) {
            for name in names { table[name] = label }
        }
        add(["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode-2-0-utf-8"], .utf8)
        add(["us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "iso-ir-6", "cp367", "ibm367", "csascii", ""], .ascii)
        add(["latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso88591", "8859-1",
             "windows1252", "ansi", "x-ansi"], .windows1252)
        add(["latin2", "l2", "iso88592"], .iconv("ISO-8859-2"))
        add(["latin3", "l3"], .iconv("ISO-8859-3"))
        add(["latin4", "l4"], .iconv("ISO-8859-4"))
        add(["cyrillic"], .iconv("ISO-8859-5"))
        add(["arabic"], .iconv("ISO-8859-6"))
        add(["greek", "greek8"], .iconv("ISO-8859-7"))
        add(["hebrew", "visual", "logical"], .iconv("ISO-8859-8"))
        add(["latin5", "l5"], .iconv("ISO-8859-9"))
        add(["latin6", "l6"], .iconv("ISO-8859-10"))
        add(["tis-620", "tis620", "windows-874", "cp874", "dos-874", "iso-8859-11"], .iconv("WINDOWS-874"))
        add(["latin7"], .iconv("ISO-8859-13"))
        add(["latin8"], .iconv("ISO-8859-14"))
        add(["latin9", "latin-9", "l9", "iso885915"], .iconv("ISO-8859-15"))
        add(["latin10"], .iconv("ISO-8859-16"))
        add(["koi8-r", "koi8r", "koi8", "cskoi8r", "koi"], .iconv("KOI8-R"))
        add(["koi8-u", "koi8u", "koi8-ru"], .iconv("KOI8-U"))
        // GB18030 is a superset of GBK, which is a superset of GB2312 (EUC-CN).
        add(["gb2312", "gb_2312-80", "gb_2312", "euc-cn", "euccn", "x-euc-cn", "csgb2312", "chinese", "iso-ir-58",
             "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb18030", "hz-gb-2312"], .iconv("GB18030"))
        add(["big5", "big-5", "x-big5", "cn-big5", "csbig5", "big5-hkscs", "cp950", "x-x-big5"], .iconv("BIG5-HKSCS"))
        // Japanese Windows mail labelled Shift_JIS routinely contains CP932 extensions.
        add(["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "cp932", "windows-31j",
             "ms932", "x-ms-cp932"], .iconv("CP932"))
        add(["euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese", "x-euc"], .iconv("EUC-JP"))
        add(["iso-2022-jp", "csiso2022jp", "iso-2022-jp-2", "iso-2022-jp-1", "jis", "jis7"], .iconv("ISO-2022-JP-2"))
        // CP949 (Unified Hangul Code) is a superset of EUC-KR.
        add(["euc-kr", "euckr", "x-euc-kr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601",
             "korean", "cp949", "windows-949", "x-windows-949", "uhc"], .iconv("CP949"))
        add(["iso-2022-kr"], .iconv("ISO-2022-KR"))
        add(["utf-16", "utf16", "ucs-2", "unicode"], .iconv("UTF-16"))
        add(["utf-16le", "utf16le", "ucs-2le"], .iconv("UTF-16LE"))
        add(["utf-16be", "utf16be", "ucs-2be", "unicodefffe"], .iconv("UTF-16BE"))
        add(["utf-32", "utf32"], .iconv("UTF-32"))
        add(["utf-32le"], .iconv("UTF-32LE"))
        add(["utf-32be"], .iconv("UTF-32BE"))
        add(["utf-7", "utf7", "unicode-1-1-utf-7"], .iconv("UTF-7"))
        add(["macintosh", "mac", "x-mac-roman", "macroman", "csmacintosh"], .iconv("MACINTOSH"))
        add(["ibm866", "cp866", "866"], .iconv("CP866"))
        add(["ibm850", "cp850"], .iconv("CP850"))
        add(["ibm437", "cp437"], .iconv("CP437"))
        return table
    }()
}
