/// The fields of a forward's header block, recognised in several languages because
/// clients localise the labels (`De :`, `Von:`, `Enviado el:`, `Oggetto:`, ...).
enum ForwardHeaderLabel: Sendable, Equatable {
    case from, date, to, cc, subject, replyTo

    /// Lowercased label names. English, Spanish, French and German are the ones builders'
    /// staff use; Italian, Portuguese, Dutch and Scandinavian ones cost nothing to accept.
    private static let labels: [String: ForwardHeaderLabel] = [
        "from": .from, "de": .from, "von": .from, "da": .from, "van": .from, "från": .from, "fra": .from,
        "date": .date, "sent": .date, "fecha": .date, "enviado": .date, "enviado el": .date, "inviato": .date,
        "data": .date, "gesendet": .date, "datum": .date, "envoyé": .date, "envoyé le": .date,
        "verzonden": .date, "skickat": .date, "sendt": .date,
        "to": .to, "para": .to, "a": .to, "an": .to, "à": .to, "aan": .to, "till": .to, "til": .to,
        "cc": .cc, "kopie": .cc, "copie": .cc, "copia": .cc,
        "subject": .subject, "asunto": .subject, "oggetto": .subject, "betreff": .subject, "objet": .subject,
        "onderwerp": .subject, "assunto": .subject, "ämne": .subject, "emne": .subject,
        "reply-to": .replyTo, "responder a": .replyTo, "antwort an": .replyTo, "répondre à": .replyTo,
    ]

    /// Labels as Yahoo writes them when it glues a whole header block onto one line
    /// (`From: A <a@x>To: b@y <b@y>Sent: ... CDTSubject: Hi`). Matched case-sensitively with
    /// no word boundary, so one-letter and easily embedded labels (`A`, `Da`, `Data`) are left out.
    private static let gluedLabels: [(name: [UInt8], label: ForwardHeaderLabel)] = ([
        ("Subject", .subject), ("Asunto", .subject), ("Objet", .subject), ("Betreff", .subject),
        ("Enviado el", .date), ("Enviado", .date), ("Envoyé", .date), ("Gesendet", .date), ("Sent", .date),
        ("Date", .date), ("Fecha", .date), ("Datum", .date),
        ("From", .from), ("Von", .from), ("De", .from),
        ("Para", .to), ("To", .to), ("An", .to), ("À", .to),
        ("Cc", .cc), ("CC", .cc), ("Kopie", .cc),
    ] as [(String, ForwardHeaderLabel)]).map { (Array($0.0.utf8), $0.1) }

    /// The label a line (its UTF-8 `bytes`) starts with and the offset after its colon; the scan
    /// asks this of every line, so it stays on bytes and copies nothing.
    /// Fillers as in ``ForwardBytes``: space, tab, `*`, no-break space, narrow no-break space.
    static func locate(bytes: UnsafeBufferPointer<UInt8>) -> (ForwardHeaderLabel, Int)? {
        let count = bytes.count
        var start = 0
        while start < count {
            let length = ForwardBytes.fillerLength(bytes, at: start)
            guard length > 0 else { break }
            start += length
        }
        var colon = start
        var scanned = 0
        while colon < count, bytes[colon] != UInt8(ascii: ":") {
            scanned += 1
            guard scanned < 24 else { return nil }
            colon += 1
        }
        guard colon < count else { return nil }
        var nameEnd = colon
        while nameEnd > start {
            let length = ForwardBytes.fillerLength(bytes, before: nameEnd)
            guard length > 0, nameEnd - start >= length else { break }
            nameEnd -= length
        }
        guard nameEnd > start, nameEnd - start <= 12 else { return nil }
        let first = bytes[start]
        let folded = first >= 65 && first <= 90 ? first + 32 : first
        candidates: for candidate in buckets[Int(min(folded, 128))] where candidate.name.count == nameEnd - start {
            for (offset, expected) in candidate.name.enumerated() {
                let byte = bytes[start + offset]
                guard (byte >= 65 && byte <= 90 ? byte + 32 : byte) == expected else { continue candidates }
            }
            return (candidate.label, colon + 1)
        }
        return nil
    }

    /// `labels` by the first byte of the lowercased name (ASCII letters; 128 holds names
    /// starting with a non-ASCII letter, listed in both cases), so a line is matched by
    /// comparing bytes against a few candidates, with no allocation or hashing.
    private static let buckets: [[(name: [UInt8], label: ForwardHeaderLabel)]] = {
        var buckets = Array(repeating: [(name: [UInt8], label: ForwardHeaderLabel)](), count: 129)
        for (name, label) in labels {
            let capitalized: String = String(name.prefix(1)).uppercased() + String(name.dropFirst())
            for spelling in [name, capitalized] {
                let bytes = Array(spelling.utf8)
                guard let first = bytes.first else { continue }
                let index = first < 128 ? Int(first >= 65 && first <= 90 ? first + 32 : first) : 128
                let lowered = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                if !buckets[index].contains(where: { $0.name == lowered }) { buckets[index].append((lowered, label)) }
            }
        }
        return buckets
    }()

    /// Whether a forward header block could be read anywhere in the UTF-8 `bytes` of a
    /// text: whether some ":" ends a label that starts its line (after quote markers and
    /// fillers; what ``label(of:)`` and ``parse(_:)`` need) or ends a glued label (what
    /// ``parseGlued(_:)`` needs). Every header block holds at least one such field, so on
    /// false the inline-forward scan skips the text without splitting it into lines.
    ///
    /// A superset check: it ignores the length limits and line structure the real readers
    /// add, and may say true for a text that has no block; never false for one that has.
    static func mayHoldFields(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Read once: a static's every access checks its lazy initialisation.
        let gluedNamesByLastByte = Self.gluedNamesByLastByte
        let labelNamesByLastByte = Self.labelNamesByLastByte
        var colon = 0
        while let found = ByteScanner.firstIndex(of: UInt8(ascii: ":"), in: bytes, from: colon) {
            colon = found + 1
            // The name ends where the fillers before the colon begin (as `locate` and
            // `parseGlued` trim them).
            var end = found
            while end > 0 {
                let length = ForwardBytes.fillerLength(bytes, before: end)
                guard length > 0 else { break }
                end -= length
            }
            guard end > 0 else { continue }
            let last = bytes[end - 1]
            for name in gluedNamesByLastByte[Int(last)] where end >= name.count {
                if name.indices.allSatisfy({ bytes[end - name.count + $0] == name[$0] }) { return true }
            }
            let folded = last >= 65 && last <= 90 ? last + 32 : last
            for name in labelNamesByLastByte[Int(folded)] where end >= name.count {
                let start = end - name.count
                guard name.indices.allSatisfy({ offset in
                    let byte = bytes[start + offset]
                    return (byte >= 65 && byte <= 90 ? byte + 32 : byte) == name[offset]
                }) else { continue }
                // Only quote markers and fillers between the line start and the name.
                var before = start
                while before > 0, Self.isMarkerOrFillerByte(bytes[before - 1]) { before -= 1 }
                if before == 0 || bytes[before - 1] == 0x0A { return true }
            }
        }
        return false
    }

    /// Bytes of quote markers (`>`, space, tab) and fillers (also `*` and the bytes of a
    /// no-break and a narrow no-break space).
    private static func isMarkerOrFillerByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "*"), 0xC2, 0xA0, 0xE2, 0x80, 0xAF: true
        default: false
        }
    }

    /// The glued label names by their last byte.
    private static let gluedNamesByLastByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for (name, _) in gluedLabels {
            guard let last = name.last else { continue }
            table[Int(last)].append(name)
        }
        return table
    }()

    /// Every spelling `locate` compares a line's label with (ASCII lowercased), by its
    /// last byte.
    private static let labelNamesByLastByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for bucket in buckets {
            for (name, _) in bucket {
                guard let last = name.last else { continue }
                table[Int(last)].append(name)
            }
        }
        return table
    }()

    /// The label a line's content (its UTF-8 `bytes`) starts with, if any.
    static func label(of bytes: UnsafeBufferPointer<UInt8>) -> ForwardHeaderLabel? {
        locate(bytes: bytes)?.0
    }

    /// Whether a line starts with a `From` label (`label(of:) == .from`), rejecting most
    /// lines on their first byte: the scan asks this of every line.
    static func startsWithFrom(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        // A line starting with no filler starts its label name with this byte.
        let isFillerStart = first == 0x20 || first == 0x09 || first == UInt8(ascii: "*") || first == 0xC2 || first == 0xE2
        guard isFillerStart || fromInitials[Int(first)] else { return false }
        return locate(bytes: bytes)?.0 == .from
    }

    /// The first bytes, in either ASCII case, of the `From` label names.
    static let fromInitials: [Bool] = {
        var initials = [Bool](repeating: false, count: 256)
        for (name, label) in labels where label == .from {
            guard let first = name.utf8.first else { continue }
            initials[Int(first)] = true
            if first >= 0x61 && first <= 0x7A { initials[Int(first - 0x20)] = true }
            if first >= 0x41 && first <= 0x5A { initials[Int(first + 0x20)] = true }
        }
        return initials
    }()

    /// Reads `Label: value` from a line's content (quote markers already stripped), given as
    /// its UTF-8 bytes. Tolerates bold rendered as text (`*From:*`), tab separation
    /// (Thunderbird) and the French space before the colon (`Objet :`, also as a no-break space).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (label: ForwardHeaderLabel, value: String)? {
        guard let (label, valueStart) = locate(bytes: bytes) else { return nil }
        let start = ForwardBytes.skipFillers(bytes, from: valueStart)
        return (label, ForwardBytes.trimmedString(bytes, start..<bytes.count))
    }

    /// Splits a line on which several `Label: value` fields are glued together (Yahoo).
    /// Each label is taken once, in the order met; `Subject` ends the scan because Yahoo
    /// writes it last and a subject may itself contain `To:` or `Re:`. Labels are looked for
    /// in the first 4 KB only, so a hostile line costs little.
    static func parseGlued(_ bytes: UnsafeBufferPointer<UInt8>) -> [(label: ForwardHeaderLabel, value: String)] {
        let count = bytes.count
        var found: [(label: ForwardHeaderLabel, labelStart: Int, valueStart: Int)] = []
        // Real glued blocks are well under 4 KB; past that the last field runs to the end.
        let scanEnd = min(4096, count)
        var index = 0
        scan: while index < scanEnd {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: ":") else { continue }
            let nameEnd = ForwardBytes.trimFillers(bytes, from: 0, end: index)
            for candidate in gluedLabels where candidate.name.count <= nameEnd {
                let labelStart = nameEnd - candidate.name.count
                guard bytes[labelStart..<nameEnd].elementsEqual(candidate.name) else { continue }
                if found.contains(where: { $0.label == candidate.label }) { break }
                found.append((candidate.label, labelStart, index + 1))
                if candidate.label == .subject { break scan }
                break
            }
        }
        var fields: [(label: ForwardHeaderLabel, value: String)] = []
        fields.reserveCapacity(found.count)
        for (offset, field) in found.enumerated() {
            let end = offset + 1 < found.count ? found[offset + 1].labelStart : count
            let start = ForwardBytes.skipFillers(bytes, from: field.valueStart)
            fields.append((field.label, start < end ? ForwardBytes.trimmedString(bytes, start..<end) : ""))
        }
        return fields
    }
}
