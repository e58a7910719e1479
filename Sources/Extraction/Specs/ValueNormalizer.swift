import Foundation
import LeadModel

/// Applies a normalise hint to a raw value: LeadModel's ``FieldNormalizer`` first, then a
/// conservative local reading when it does not recognise the value.
enum ValueNormalizer {
    private static let phoneScanner = PhoneNumberScanner()

    static func trimmed(_ raw: String) -> String? {
        let value = trimmingWhitespace(raw)
        return value.isEmpty ? nil : value
    }

    /// `text` without leading and trailing whitespace and newlines. Looks only at the ends
    /// (Foundation's `trimmingCharacters` converts the whole string first).
    static func trimmingWhitespace(_ text: String) -> String {
        // Ends that are ASCII and not whitespace (0x09-0x0D, space): nothing to trim. Read
        // from the string's contiguous bytes (any native string), not through the generic
        // `utf8.last`, which walks indices.
        @inline(__always) func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(byte >= 0x09 && byte <= 0x0D) }
        if text.utf8.withContiguousStorageIfAvailable({ bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return isPlain(first) && isPlain(last)
        }) == true {
            return text
        }
        // ASCII whitespace at the ends, up to ASCII that is none: trimmed on the bytes (a
        // non-ASCII byte on the way may be whitespace, U+00A0: the scalars decide there).
        @inline(__always) func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        if let trimmed = text.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            var start = 0
            while start < bytes.count, isASCIISpace(bytes[start]) { start += 1 }
            guard start < bytes.count else { return "" }
            var end = bytes.count
            while isASCIISpace(bytes[end - 1]) { end -= 1 }
            guard bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }), let trimmed {
            return trimmed
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// A single-line text value transformed by a string-valued hint.
    static func text(_ raw: String, hint: NormalizeHint) -> String? {
        guard let value = trimmed(raw) else { return nil }
        switch hint {
        case .lowercase: return value.lowercased()
        case .email: return email(value)
        case .state: return FieldNormalizer.state(value) ?? localState(value)
        case .postalCode: return FieldNormalizer.postalCode(value) ?? localPostalCode(value)
        case .projectType: return FieldNormalizer.projectType(value) ?? value
        case .timeline: return FieldNormalizer.timeline(value) ?? value
        case .lotStatus: return FieldNormalizer.lotStatus(value)
        case .financing: return FieldNormalizer.financing(value)
        case .phone: return phone(value)?.number
        default: return value
        }
    }

    static func phone(_ raw: String) -> (number: String, extension: String?)? {
        if let normalized = FieldNormalizer.phone(raw) { return normalized }
        guard let match = phoneScanner.firstPhone(in: raw) else { return nil }
        return (match.number, match.phoneExtension)
    }

    static func email(_ raw: String) -> String? {
        if let normalized = FieldNormalizer.email(raw) { return normalized }
        // "Jane <jane@x.org>", "mailto:jane@x.org", "jane@x.org (verified)".
        var text = Substring(raw)
        if let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            text = text[text.index(after: open)..<close]
        }
        let token = text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" })
            .first { $0.contains("@") }
        guard var candidate = token.map(String.init) else { return nil }
        if candidate.lowercased().hasPrefix("mailto:") { candidate.removeFirst(7) }
        candidate = candidate.trimmingCharacters(in: CharacterSet(charactersIn: "()[]<>\"'.,;:"))
        let parts = candidate.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix(".") else { return nil }
        return "\(parts[0])@\(parts[1].lowercased())"
    }

    static func personName(_ raw: String) -> (first: String?, last: String?) {
        let normalized = FieldNormalizer.personName(raw)
        if normalized.first != nil || normalized.last != nil { return normalized }
        return PersonNameSplitter.split(raw)
    }

    static func address(_ raw: String) -> PostalAddress? {
        if let normalized = FieldNormalizer.address(raw), !normalized.isEmpty { return normalized }
        // "1420 Oak Hollow Dr, Austin, TX 78704" or its lines.
        let parts = raw.split(whereSeparator: { $0 == "," || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        var address = PostalAddress()
        var rest = parts[...]
        if let last = rest.last {
            let words = last.split(separator: " ").map(String.init)
            if let zip = words.last.flatMap(localPostalCode) {
                address.postalCode = zip
                if words.count >= 2, let state = localState(words[words.count - 2]) { address.state = state }
                rest = rest.dropLast()
            } else if let state = localState(last) {
                address.state = state
                rest = rest.dropLast()
            }
        }
        if rest.count >= 2 { address.city = rest.removeLast() }
        if !rest.isEmpty { address.street = rest.joined(separator: ", ") }
        return address.isEmpty ? nil : address
    }

    static func budget(_ raw: String) -> (low: Int?, high: Int?)? {
        FieldNormalizer.budget(raw)
    }

    private static func localState(_ raw: String) -> String? {
        let letters = raw.trimmingCharacters(in: .whitespaces)
        guard letters.count == 2, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return letters.uppercased()
    }

    private static func localPostalCode(_ raw: String) -> String? {
        let value = raw.trimmingCharacters(in: .whitespaces)
        let digits = value.filter(\.isNumber)
        let shapeOK = (value.count == 5 && digits.count == 5)
            || (value.count == 10 && digits.count == 9 && value[value.index(value.startIndex, offsetBy: 5)] == "-")
        return shapeOK && value.allSatisfy({ $0.isASCII }) ? value : nil
    }
}
