/// Whether a text is language at all: binary bytes sent as a text part (a broken client, a
/// misdeclared attachment) decode to a stream of control and replacement characters, in
/// which the heuristics would still find chance words ("q1", "adu") and read them as fields.
enum TextLegibility {
    /// Control and replacement characters above this share of a text's characters make it
    /// unreadable. Real text has next to none; random bytes decode to about a quarter
    /// (C0 and C1 controls) or a half (U+FFFD).
    static let maximumNoiseShare = 0.10
    /// Shorter texts are never judged: one stray control in a short line is not noise.
    static let minimumCharacters = 64
    /// How much of a long text is looked at (its start).
    static let examinedBytes = 16 * 1024

    /// True when more than ``maximumNoiseShare`` of the first ``examinedBytes`` bytes'
    /// characters (Unicode scalars) are C0 controls other than tab, LF, FF and CR, DEL, C1
    /// controls or U+FFFD, and there are at least ``minimumCharacters`` of them.
    static func isUnreadable(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            let count = min(bytes.count, examinedBytes)
            var scalars = 0
            var noise = 0
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    scalars += 1
                    if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F { noise += 1 }
                } else if byte >= 0xC0 {
                    scalars += 1
                    let next = index + 1 < count ? bytes[index + 1] : 0
                    // U+0080-U+009F (C2 80-9F) and U+FFFD (EF BF BD).
                    if byte == 0xC2, next >= 0x80, next <= 0x9F { noise += 1 }
                    if byte == 0xEF, next == 0xBF, index + 2 < count, bytes[index + 2] == 0xBD { noise += 1 }
                }
                index += 1
            }
            return scalars >= minimumCharacters && Double(noise) > Double(scalars) * maximumNoiseShare
        }
    }
}
