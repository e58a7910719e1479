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

    /// The label a line starts with and where its value begins, without copying anything
    /// (the scan asks this of every line, so it stays on bytes).
    private static func locate(_ line: Substring) -> (label: ForwardHeaderLabel, valueStart: String.Index)? {
        let bytes = line.utf8
        let start = ForwardBytes.skipFillers(bytes, from: bytes.startIndex)
        var colon = start
        var scanned = 0
        while colon < bytes.endIndex, bytes[colon] != UInt8(ascii: ":") {
            scanned += 1
            guard scanned < 24 else { return nil }
            colon = bytes.index(after: colon)
        }
        guard colon < bytes.endIndex else { return nil }
        let nameEnd = ForwardBytes.trimFillers(bytes, from: start, end: colon)
        guard nameEnd > start else { return nil }
        let name = bytes[start..<nameEnd]
        guard name.count <= 12 else { return nil }
        let first = name[name.startIndex]
        let folded = first >= 65 && first <= 90 ? first + 32 : first
        for candidate in buckets[Int(min(folded, 128))] where ForwardBytes.equalsFoldingASCII(name, candidate.name) {
            return (candidate.label, bytes.index(after: colon))
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

    /// The label a line starts with, if any.
    static func label(of line: Substring) -> ForwardHeaderLabel? {
        locate(line)?.label
    }

    /// Reads `Label: value` from a line whose quote markers are already stripped.
    /// Tolerates bold rendered as text (`*From:*`), tab separation (Thunderbird) and the
    /// French space before the colon (`Objet :`, also as a no-break space).
    static func parse(_ line: Substring) -> (label: ForwardHeaderLabel, value: String)? {
        guard let (label, valueStart) = locate(line) else { return nil }
        let bytes = line.utf8
        let start = ForwardBytes.skipFillers(bytes, from: valueStart)
        return (label, HeaderBlockParser.trimmed(String(line[start...])))
    }

    /// Splits a line on which several `Label: value` fields are glued together (Yahoo).
    /// Each label is taken once, in the order met; `Subject` ends the scan because Yahoo
    /// writes it last and a subject may itself contain `To:` or `Re:`. Labels are looked for
    /// in the first 4 KB only, so a hostile line costs little.
    static func parseGlued(_ line: Substring) -> [(label: ForwardHeaderLabel, value: String)] {
        let bytes = line.utf8
        var found: [(label: ForwardHeaderLabel, labelStart: String.Index, valueStart: String.Index)] = []
        var index = bytes.startIndex
        // Real glued blocks are well under 4 KB; past that the last field runs to the end.
        let scanEnd = bytes.index(bytes.startIndex, offsetBy: 4096, limitedBy: bytes.endIndex) ?? bytes.endIndex
        scan: while index < scanEnd {
            defer { index = bytes.index(after: index) }
            guard bytes[index] == UInt8(ascii: ":") else { continue }
            let nameEnd = ForwardBytes.trimFillers(bytes, from: bytes.startIndex, end: index)
            let available = bytes.distance(from: bytes.startIndex, to: nameEnd)
            for candidate in gluedLabels where candidate.name.count <= available {
                let labelStart = bytes.index(nameEnd, offsetBy: -candidate.name.count)
                guard bytes[labelStart..<nameEnd].elementsEqual(candidate.name) else { continue }
                if found.contains(where: { $0.label == candidate.label }) { break }
                found.append((candidate.label, labelStart, bytes.index(after: index)))
                if candidate.label == .subject { break scan }
                break
            }
        }
        var fields: [(label: ForwardHeaderLabel, value: String)] = []
        for (offset, field) in found.enumerated() {
            let end = offset + 1 < found.count ? found[offset + 1].labelStart : bytes.endIndex
            let start = ForwardBytes.skipFillers(bytes, from: field.valueStart)
            let value = start < end ? String(line[start..<end]) : ""
            fields.append((field.label, HeaderBlockParser.trimmed(value)))
        }
        return fields
    }
}
