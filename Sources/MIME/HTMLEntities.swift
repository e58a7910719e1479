/// Decodes the HTML character references that appear in mail.
enum HTMLEntities {
    /// The named references mail clients actually emit; others are left as written.
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "bull": "\u{2022}", "middot": "\u{B7}", "euro": "\u{20AC}", "pound": "\u{A3}",
        "cent": "\u{A2}", "deg": "\u{B0}", "times": "\u{D7}", "divide": "\u{F7}", "laquo": "\u{AB}",
        "raquo": "\u{BB}", "sect": "\u{A7}", "para": "\u{B6}", "ensp": " ", "emsp": " ", "thinsp": " ",
        "eacute": "\u{E9}", "egrave": "\u{E8}", "ecirc": "\u{EA}", "aacute": "\u{E1}", "agrave": "\u{E0}",
        "acirc": "\u{E2}", "iacute": "\u{ED}", "oacute": "\u{F3}", "uacute": "\u{FA}", "ntilde": "\u{F1}",
        "ccedil": "\u{E7}", "auml": "\u{E4}", "ouml": "\u{F6}", "uuml": "\u{FC}", "szlig": "\u{DF}",
        "Eacute": "\u{C9}", "Aacute": "\u{C1}", "Ntilde": "\u{D1}", "Auml": "\u{C4}", "Ouml": "\u{D6}",
        "Uuml": "\u{DC}",
    ]

    /// References that produce nothing visible.
    static let invisible: Set<String> = ["shy", "zwnj", "zwj", "lrm", "rlm"]

    /// Decodes the reference starting at `scalars[start]` (an `&`).
    /// Returns the replacement (possibly empty) and the index after the reference,
    /// or nil when this `&` does not begin a known reference.
    static func decode(_ scalars: [Unicode.Scalar], at start: Int) -> (String.UnicodeScalarView, Int)? {
        var index = start + 1
        var name = String.UnicodeScalarView()
        while index < scalars.count, name.count < 32 {
            let scalar = scalars[index]
            if scalar == ";" { break }
            guard scalar.properties.isAlphabetic || (scalar >= "0" && scalar <= "9") || scalar == "#" else {
                break
            }
            name.append(scalar)
            index += 1
        }
        let hasSemicolon = index < scalars.count && scalars[index] == ";"
        let end = hasSemicolon ? index + 1 : index
        let text = String(name)
        if text.hasPrefix("#") {
            let digits = text.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, var scalar = Unicode.Scalar(value) else { return nil }
            if value == 0xA0 { scalar = " " }
            if value >= 0x80 && value <= 0x9F {
                // Numeric references in the C1 range mean Windows-1252 (HTML5 rule).
                scalar = SingleByteCharset.scalar(windows1252: UInt8(value))
            }
            return (String.UnicodeScalarView([scalar]), end)
        }
        if invisible.contains(text), hasSemicolon {
            return (String.UnicodeScalarView(), end)
        }
        // Without a semicolon only the most common names are recognised (as browsers do).
        if let scalar = named[text], hasSemicolon || ["amp", "lt", "gt", "quot", "nbsp"].contains(text) {
            return (String.UnicodeScalarView([scalar]), end)
        }
        return nil
    }
}
