/// The fields of a forward's header block, recognised in several languages because
/// clients localise the labels (`De:`, `Von:`, `Oggetto:`, ...).
enum ForwardHeaderLabel: Sendable, Equatable {
    case from, date, to, cc, subject, replyTo

    private static let labels: [String: ForwardHeaderLabel] = [
        "from": .from, "de": .from, "von": .from, "da": .from, "van": .from, "från": .from, "fra": .from,
        "date": .date, "sent": .date, "fecha": .date, "enviado": .date, "enviado el": .date, "inviato": .date,
        "data": .date, "gesendet": .date, "datum": .date, "envoyé": .date, "envoyé le": .date,
        "verzonden": .date, "skickat": .date, "sendt": .date,
        "to": .to, "para": .to, "a": .to, "an": .to, "à": .to, "aan": .to, "till": .to, "til": .to,
        "cc": .cc, "kopie": .cc,
        "subject": .subject, "asunto": .subject, "oggetto": .subject, "betreff": .subject, "objet": .subject,
        "onderwerp": .subject, "assunto": .subject, "ämne": .subject, "emne": .subject,
        "reply-to": .replyTo, "responder a": .replyTo, "antwort an": .replyTo,
    ]

    /// Reads `Label: value` from a line whose quote markers are already stripped.
    /// Tolerates bold rendered as text (`*From:*`) and tab separation (Thunderbird).
    static func parse(_ line: Substring) -> (label: ForwardHeaderLabel, value: String)? {
        var rest = line.drop { $0 == "*" || $0 == " " || $0 == "\t" }
        guard let colon = rest.prefix(24).firstIndex(of: ":") else { return nil }
        var name = rest[..<colon]
        while let last = name.last, last == "*" || last == " " || last == "\t" { name = name.dropLast() }
        guard let label = labels[name.lowercased()] else { return nil }
        rest = rest[rest.index(after: colon)...]
        let value = rest.drop { $0 == "*" || $0 == " " || $0 == "\t" }
        return (label, HeaderBlockParser.trimmed(String(value)))
    }
}
