/// Random but reproducible messages for the round-trip properties: the same seed always
/// builds the same message, so a failing case can be rebuilt from the seed in the report.
extension MessageBuilder {
    /// Display names, some with characters outside ISO-8859-1, some needing quotes.
    static let namePool = [
        "Jane Doe", "José Álvarez", "Zoë Müller-Lüdenscheidt", "Łukasz Żółć", "山田 太郎",
        "Smith, John", "O'Brien \"Bob\" Jr.", "François d'Aubigné", "Ørjan Sæther",
        "Mary-Ann (Office)", "Δημήτρης Παπαδόπουλος", "İlker Çelik", "Renée", "A",
    ]
    static let localPartPool = ["jane.doe", "j+leads", "info", "sales-team", "o'brien", "x_y.z", "dimitris"]
    static let domainPool = ["example.com", "builder.example", "mail.example.org", "xn--mller-kva.example"]
    static let wordPool = [
        "Inquiry", "about", "lot", "12", "the", "new", "home", "Café", "Überbau", "naïve", "façade",
        "€450,000", "—", "東京", "日本語", "Ελληνικά", "please", "call", "me", "at", "555-0100",
        "=", "a=b", "50%", "tab\there", "(note)", "\"quoted\"", "x", "Grüße", "señor", "ß",
    ]
    static let filenamePool: [String?] = [
        "plan.pdf", "Grundriß.pdf", "façade photo.jpg", "見積書.pdf", nil, "quote;v2.pdf",
        "site plan (final).png", "Ελληνικά.txt", "Angebot für das Grundstück Nummer 12 – Übersicht.pdf",
    ]
    static let attachmentTypePool = ["application/pdf", "image/jpeg", "application/octet-stream", "text/csv", "image/png"]

    /// A random message; `nested` allows one embedded message/rfc822.
    static func random(_ generator: inout SplitMix64, nested: Bool = true) -> MessageBuilder {
        var message = MessageBuilder()
        message.lineEnding = generator.chance(4) ? "\n" : "\r\n"
        message.messageID = "\(generator.next() % 1_000_000_000).\(generator.next() % 1000)@builder.example"
        message.subjectEncoding = generator.pick(HeaderEncoding.allCases)
        message.subjectCharset = generator.pick(Charset.allCases)
        message.subject = generator.chance(12)
            ? nil : randomWords(&generator, count: 1 + generator.below(12), from: message.subjectCharset.wordPool)
        message.from = [randomAddress(&generator)]
        message.to = (0..<(1 + generator.below(3))).map { _ in randomAddress(&generator) }
        message.cc = (0..<generator.below(3)).map { _ in randomAddress(&generator) }
        message.replyTo = generator.chance(3) ? [randomAddress(&generator)] : []
        if generator.chance(6) {
            // A group: named with members, or the empty "undisclosed-recipients:;".
            message.toGroupName = generator.chance(2) ? "Sales Team" : "undisclosed-recipients"
            if message.toGroupName == "undisclosed-recipients" { message.to = [] }
        }
        message.date = generator.chance(10) ? nil : randomDate(&generator)

        let plain = randomTextPart(&generator, html: false)
        let html = randomTextPart(&generator, html: true)
        switch generator.below(nested ? 6 : 4) {
        case 0:
            message.body = plain
        case 1:
            message.body = html
        case 2:
            message.body = .multipart(subtype: "alternative", boundary: boundary(&generator), parts: [plain, html])
        case 3:
            let first: Part = generator.chance(2)
                ? .multipart(subtype: "alternative", boundary: boundary(&generator), parts: [plain, html])
                : plain
            let attachments = (0..<(1 + generator.below(3))).map { _ in Part.attachment(randomAttachment(&generator)) }
            message.body = .multipart(subtype: "mixed", boundary: boundary(&generator), parts: [first] + attachments)
        default:
            let inner = random(&generator, nested: false)
            var parts: [Part] = [plain, .message(inner)]
            if generator.chance(2) { parts.append(.attachment(randomAttachment(&generator))) }
            message.body = .multipart(subtype: "mixed", boundary: boundary(&generator), parts: parts)
        }
        return message
    }

    static func randomAddress(_ generator: inout SplitMix64) -> Address {
        let name: String? = generator.chance(5) ? nil : generator.pick(namePool)
        return Address(
            name: name,
            address: "\(generator.pick(localPartPool))@\(generator.pick(domainPool))",
            nameEncoding: generator.pick(HeaderEncoding.allCases),
            nameCharset: generator.pick(Charset.allCases)
        )
    }

    static func randomWords(_ generator: inout SplitMix64, count: Int, from words: [String] = wordPool) -> String {
        (0..<count).map { _ in generator.pick(words) }.joined(separator: " ")
    }

    /// Text with short and over-long lines, blank lines, trailing spaces and `=` signs:
    /// the cases quoted-printable soft breaks and escapes exist for.
    static func randomText(_ generator: inout SplitMix64, html: Bool, words: [String]) -> String {
        var lines: [String] = []
        for _ in 0..<(1 + generator.below(12)) {
            switch generator.below(6) {
            case 0: lines.append("")
            case 1: lines.append(randomWords(&generator, count: 20 + generator.below(40), from: words))
            case 2: lines.append(randomWords(&generator, count: 1 + generator.below(5), from: words) + "  ")
            default: lines.append(randomWords(&generator, count: 1 + generator.below(10), from: words))
            }
        }
        if html {
            // Never only empty paragraphs: the rendered text must have something to show.
            lines.append("Name: " + generator.pick(words))
            return "<html><body>" + lines.map { "<p>\($0)</p>" }.joined(separator: "\n") + "</body></html>"
        }
        return lines.joined(separator: "\n") + (generator.chance(2) ? "\n" : "")
    }

    static func randomTextPart(_ generator: inout SplitMix64, html: Bool) -> Part {
        let charset = generator.chance(3) ? .utf8 : generator.pick(Charset.allCases)
        let text = randomText(&generator, html: html, words: charset.wordPool)
        return .text(text, html: html, charset: charset, encoding: generator.pick(TransferEncoding.allCases))
    }

    static func randomAttachment(_ generator: inout SplitMix64) -> Attachment {
        let size = generator.chance(6) ? 0 : generator.below(24_000)
        var bytes = [UInt8](repeating: 0, count: size)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: generator.next()) }
        return Attachment(
            filename: generator.pick(filenamePool),
            filenameUsesRFC2231: generator.chance(2),
            contentType: generator.pick(attachmentTypePool),
            bytes: bytes
        )
    }

    /// Boundaries with the characters real clients use (`=`, `_`, `.`), unique per call.
    static func boundary(_ generator: inout SplitMix64) -> String {
        "=_Part_\(generator.next() % 100_000).\(generator.next() % 1_000_000_000)"
    }
}

extension SplitMix64 {
    /// A value in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// True about once in `odds` calls.
    mutating func chance(_ odds: Int) -> Bool {
        below(odds) == 0
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[below(values.count)]
    }
}
