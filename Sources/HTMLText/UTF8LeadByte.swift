/// What a UTF-8 lead byte says about its sequence (RFC 3629, Table 3-7 of Unicode): its
/// length and the range its second byte must be in, which rules out overlong forms,
/// surrogates and code points past U+10FFFF.
enum UTF8LeadByte {
    /// nil for a byte that cannot start a multi-byte sequence (ASCII, continuation bytes,
    /// C0, C1, F5-FF).
    static func shape(of lead: UInt8) -> (length: Int, second: ClosedRange<UInt8>)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: nil
        }
    }
}
