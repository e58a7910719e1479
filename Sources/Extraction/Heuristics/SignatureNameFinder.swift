import LeadModel

/// Finds the prospect's name in the sign-off of their message: the line after a closing
/// (`Thanks,` / `Best regards,` / `Sincerely,`), the rest of a one-line closing
/// (`Thanks, Maria Gonzalez`), or a dash line (`- Maria`, `-- Maria Gonzalez`).
///
/// The candidate must read as a name: one to four words, letters only (and `.`, `'`, `-`),
/// capitalised or all one case, not a phrase like `Sent from my iPhone`.
enum SignatureNameFinder {
    static let closings: Set<String> = [
        "thanks", "thank you", "thanks so much", "thank you so much", "thanks again", "thanks in advance",
        "many thanks", "best", "best regards", "regards", "kind regards", "warm regards", "warmest regards",
        "sincerely", "sincerely yours", "yours truly", "cheers", "respectfully", "all the best", "take care",
        "warmly", "best wishes", "thx", "talk soon", "looking forward to hearing from you", "with thanks",
        "thank you for your time", "have a great day", "blessings",
    ]
    static let notNames: Set<String> = [
        "sent", "get", "the", "from", "my", "our", "we", "i", "please", "call", "phone", "email", "tel", "cell",
        "mobile", "thanks", "thank", "regards", "best", "sincerely", "homeowner", "customer", "family", "team",
        "www", "http", "https", "mr", "mrs", "hello", "hi", "dear", "p", "ps", "note", "address",
    ]

    static func find(in lines: InquiryLines) -> HeuristicFinding<PersonName>? {
        // The last sign-off wins (the end of the message).
        for index in lines.lines.indices.reversed() {
            let text = lines.lines[index].text
            guard !text.isEmpty else { continue }
            let key = closingKey(text)
            if closings.contains(key) {
                if let next = lines.nextNonEmpty(after: index), let name = name(lines.lines[next].text) {
                    return HeuristicFinding(value: name, line: lines.lines[next].number, rule: "signature name")
                }
                continue
            }
            // "Thanks, Maria Gonzalez"
            if let comma = text.firstIndex(of: ","), closings.contains(closingKey(String(text[..<comma]))),
               let name = name(String(text[text.index(after: comma)...])) {
                return HeuristicFinding(value: name, line: lines.lines[index].number, rule: "signature name")
            }
            // "- Maria", "-- Maria Gonzalez", "— Maria"
            if let first = text.first, first == "-" || first == "\u{2014}" || first == "\u{2013}" || first == "~" {
                let rest = text.drop { $0 == "-" || $0 == "\u{2014}" || $0 == "\u{2013}" || $0 == "~" || $0 == " " }
                if !rest.isEmpty, let name = name(String(rest)) {
                    return HeuristicFinding(value: name, line: lines.lines[index].number, rule: "signature name")
                }
            }
        }
        return nil
    }

    /// A line as a closing would be written: lowercase, without trailing punctuation.
    private static func closingKey(_ text: String) -> String {
        var key = text.lowercased()
        while let last = key.last, last == "," || last == "." || last == "!" || last == " " || last == "-" { key.removeLast() }
        return key.split(separator: " ").joined(separator: " ")
    }

    /// The line as a name, if it reads as one.
    static func name(_ raw: String) -> PersonName? {
        let text = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), text.count <= 50 else { return nil }
        guard text.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "'" || $0 == "-" || $0 == "&" || $0 == "\u{2019}" }) else {
            return nil
        }
        let lowerWords = words.map { $0.lowercased().filter(\.isLetter) }
        if lowerWords.contains(where: notNames.contains) { return nil }
        // Capitalised words, or the whole line in one case (people do sign "maria").
        let capitalised = words.allSatisfy { word in
            word.first?.isUppercase == true || ["and", "&", "van", "von", "de", "der", "la", "del", "da"].contains(word.lowercased())
        }
        let oneCase = !text.contains(where: \.isUppercase) || !text.contains(where: \.isLowercase)
        guard capitalised || oneCase else { return nil }
        return PersonNameNormalizer.parse(text)
    }
}
