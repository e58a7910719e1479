/// The North American Numbering Plan rules shared by the phone normaliser and the phone
/// scanner that finds numbers in free text.
public enum NANPNumber {
    /// Whether a 3-digit area code and 3-digit exchange are both NXX (first digit 2-9) and
    /// neither is an N11 service code (`911`, `411`).
    public static func isValid(area: some Collection<Character>, exchange: some Collection<Character>) -> Bool {
        isNXX(Array(area)) && isNXX(Array(exchange))
    }

    /// Whether ten digits form a valid NANP number (see ``isValid(area:exchange:)``).
    public static func isValid(tenDigits digits: String) -> Bool {
        let characters = Array(digits)
        guard characters.count == 10, characters.allSatisfy(TextScanning.isASCIIDigit) else { return false }
        return isValid(area: characters[0..<3], exchange: characters[3..<6])
    }

    /// ``isValid(tenDigits:)`` of ASCII digit bytes `digits[start..<(start + 10)]`, the
    /// last of `digits`.
    package static func isValid(_ digits: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard digits.count - start == 10 else { return false }
        @inline(__always) func isNXX(_ at: Int) -> Bool {
            digits[at] >= 0x32 && digits[at] <= 0x39 && !(digits[at + 1] == 0x31 && digits[at + 2] == 0x31)
        }
        return isNXX(start) && isNXX(start + 3)
    }

    /// `+1` followed by the ten digits.
    public static func e164(tenDigits digits: String) -> String { "+1" + digits }

    private static func isNXX(_ group: [Character]) -> Bool {
        guard group.count == 3, let first = group[0].asciiValue, first >= 0x32, first <= 0x39 else { return false }
        return !(group[1] == "1" && group[2] == "1")
    }
}
