/// Header values reduced to something safe to print in a reason: lowercase, at most 40
/// characters of letters, digits, `-`, `_`, `.` and `,`/space separators.
enum HeaderToken {
    static func safe(_ value: String, limit: Int = 40) -> String {
        if let clipped = asciiSafe(value, limit: limit) { return clipped }
        return characterSafe(value, limit: limit)
    }

    /// ``safe(_:limit:)`` from the bytes, when the first `limit * 2` bytes are ASCII: then
    /// they are the first `limit * 2` scalars, and lowercased they are those bytes with A-Z
    /// folded (an ASCII scalar lowercases to one ASCII scalar, whatever follows); the kept
    /// bytes hold no CR, so each is one Character. nil for other values.
    static func asciiSafe(_ value: String, limit: Int) -> String? {
        let outcome = value.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            let scanned = bytes.prefix(max(0, limit * 2))
            for byte in scanned where byte >= 0x80 { return nil }
            var kept: [UInt8] = []
            kept.reserveCapacity(min(scanned.count, max(0, limit)))
            // Kept bytes with each run of spaces made one and none at the ends (what
            // splitting on " " and joining with " " gives), at most `limit` of them.
            var pendingSpace = false
            for byte in scanned {
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if folded == 0x20 {
                    pendingSpace = !kept.isEmpty
                    continue
                }
                let allowed = (folded >= 0x61 && folded <= 0x7A) || (folded >= 0x30 && folded <= 0x39)
                    || folded == UInt8(ascii: "-") || folded == UInt8(ascii: "_") || folded == UInt8(ascii: ".")
                    || folded == UInt8(ascii: ",")
                guard allowed else { continue }
                if pendingSpace {
                    kept.append(0x20)
                    pendingSpace = false
                }
                kept.append(folded)
            }
            let clipped = kept.prefix(max(0, limit))
            return clipped.isEmpty ? "unspecified" : String(decoding: clipped, as: UTF8.self)
        }
        return outcome ?? nil
    }

    /// ``safe(_:limit:)`` on scalars and Characters, for any value.
    static func characterSafe(_ value: String, limit: Int) -> String {
        let kept = value.lowercased().unicodeScalars.prefix(limit * 2).filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || "-_., ".unicodeScalars.contains($0)
        }
        let text = String(String.UnicodeScalarView(kept)).split(separator: " ").joined(separator: " ")
        let clipped = String(text.prefix(limit))
        return clipped.isEmpty ? "unspecified" : clipped
    }

    /// The first token of a header value (`auto-replied; owner-email=...` → `auto-replied`).
    static func first(_ value: String) -> String {
        // The first piece `split` would give, without splitting the rest of the value.
        let isSeparator: (Character) -> Bool = { $0 == ";" || $0 == "(" || $0 == " " || $0 == "\t" }
        guard let start = value.firstIndex(where: { !isSeparator($0) }) else { return "" }
        let end = value[start...].firstIndex(where: isSeparator) ?? value.endIndex
        return String(value[start..<end]).lowercased()
    }
}
