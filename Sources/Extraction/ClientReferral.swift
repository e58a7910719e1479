import Foundation
import LeadModel
import MIME

/// A direct inquiry a third party wrote for the prospect: a realtor ("I have clients, José
/// and María Núñez, ..."), an architect ("the owners (Luis and Andrea Sandoval) ...",
/// "Owner contact: Luis Sandoval, ..."), an assistant ("Client: ..."). The prospect is the
/// client, not the writer.
///
/// The choice, and why (wrong contact details are worse than missing ones; a lead no one
/// can reach is lost):
/// - The client's name is read after a cue the writer uses (``nameCues``). None found: the
///   lead stays the writer's, flagged as before.
/// - The client's email is an address in the text (above the writer's signature) or in the
///   To/Cc headers whose local part holds the client's first or last name (or, in a header,
///   whose display name is the client's), else an address in the text near the client's name
///   (as for the phone) not at the writer's domain; the client's phone a number above the
///   writer's signature in the same paragraph as a mention of the client's name, at most
///   three lines after it. Anything else may be the writer's, and is not put with the
///   client's name.
/// - The client has an email or a phone: the lead is the client's, with only those.
/// - The client has neither: the lead keeps the client's name with the writer's address and
///   signature phone as its contact (the builder must reach someone, and the writer reaches
///   the client), and the review reason says so.
/// Either way the lead is flagged with a reason naming the writer, so a person sees who
/// referred it.
enum ClientReferral {
    /// Words after which a writer names their client, lowercase. A cue ending in "(" reads a
    /// name over line breaks (up to the ")"); the others end it at the line's end.
    static let nameCues: [String] = [
        "i have clients", "i have a client", "my clients", "my client", "our clients", "our client",
        "client name:", "clients:", "client:", "the owners (", "the owner (", "owner contact:",
        "on behalf of my clients", "on behalf of my client", "on behalf of",
    ]

    /// How much of the text is read for the client's name and contact details.
    static let searchedCharacters = 4096

    /// Rewrites the lead of a message written for a client (see the type's comment), flagged
    /// with a reason naming the writer. `cue` is the phrase that showed it
    /// (``LeadExtractor/writesForSomeoneElse(_:)``).
    ///
    /// - Returns: Whether a client was named (when not, nothing was changed).
    @discardableResult
    static func apply(
        _ builder: inout LeadBuilder, _ message: MIMEMessage, _ inquiry: Inquiry, cue: String, identity: BuilderIdentity = BuilderIdentity()
    ) -> Bool {
        let text = String(ValueNormalizer.trimmingWhitespace(inquiry.body).prefix(searchedCharacters))
        guard let client = clientName(in: text), let first = client.name.first, let last = client.name.last else { return false }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { ValueNormalizer.trimmingWhitespace(String($0)) }
        let writer = inquiry.sender
        let writerAddress = writer?.address.lowercased() ?? ""
        let writerName = writer?.name.map(GenericExtractor.withoutCompanyTail)
        let signature = signatureStart(lines, writerFirstName: writerName.flatMap { PersonNameNormalizer.parse($0)?.first })
        let keys = [fold(first), fold(last)].filter { $0.count >= 2 }

        /// Whether 0-based line `index` is above the signature, in the same paragraph as a
        /// mention of the client at most 3 lines before it.
        func nearClient(_ index: Int) -> Bool {
            guard index < signature, index < lines.count else { return false }
            var mention = index
            while mention >= 0, index - mention <= 3, !lines[mention].isEmpty {
                if mentions(lines[mention], keys) { return true }
                mention -= 1
            }
            return false
        }
        let phones = PhoneNumberScanner().phones(in: text)
        let writersPhones = phones.filter { $0.line - 1 >= signature && !isFax($0) }
        let clientPhone = phones.first { match in
            !isFax(match) && !PhoneFinder.saysNotProspects(match.leadIn)
                && !writersPhones.contains(where: { $0.number == match.number }) && nearClient(match.line - 1)
        }
        let clientEmail = emailInText(lines, before: signature, keys: keys, writer: writerAddress, builder: builder, near: nearClient)
            ?? emailInHeaders(message.to + message.cc, client: client.name, keys: keys, writer: writerAddress, identity: identity)

        let location = "\(inquiry.bodySource) line \(client.line)"
        let nameProvenance = FieldProvenance(rule: "client named by the writer (\"\(client.cue)\")", location: location)
        builder.lead.firstName = first
        builder.lead.lastName = last
        builder.lead.fields["first_name"] = nameProvenance
        builder.lead.fields["last_name"] = nameProvenance
        let writerText = writerName.map { "\($0) <\(writerAddress)>" } ?? writerAddress
        let cue = ValueNormalizer.trimmingWhitespace(String(cue.reversed().drop { $0 == "(" || $0 == ":" || $0 == " " }.reversed()))
        // (Worded as the flag of a message written for someone else, naming the writer.)
        let reason = "written for someone else (\"\(cue)\") by \(writerText): the lead is the client's, \(first) \(last)"
        if clientEmail != nil || clientPhone != nil {
            setEmail(&builder, clientEmail, bodySource: inquiry.bodySource)
            setPhone(&builder, clientPhone.map { ($0, "client's phone in text", "\(inquiry.bodySource) line \($0.line)") })
            builder.lead.flagForReview(reason)
        } else {
            // The writer's: the sender address (already the lead's) and signature phone.
            if builder.lead.email == nil || builder.lead.email?.lowercased() != writerAddress {
                setEmail(&builder, nil)
                if !writerAddress.isEmpty {
                    builder.set(.email, raw: writerAddress, hint: .email,
                                provenance: FieldProvenance(rule: "the writer's address (the client's unknown)", location: inquiry.addressSource))
                }
            }
            setPhone(&builder, writersPhones.first.map { ($0, "the writer's phone (the client's unknown)", "\(inquiry.bodySource) line \($0.line)") })
            builder.lead.flagForReview(reason + "; contact details are the writer's, not the client's")
        }
        return true
    }

    /// The client's name, the 1-based line it starts on and the cue before it: the first
    /// cue in `text` followed by two to four capitalised words (`and`/`&` between them) that
    /// read as a person's first and last name.
    static func clientName(in text: String) -> (name: PersonName, line: Int, cue: String)? {
        let characters = Array(text)
        let lower = characters.map { character -> Character in
            let lowered = character.lowercased()
            return lowered.count == 1 ? Character(lowered) : character
        }
        var line = 1
        var index = 0
        while index < lower.count {
            if lower[index] == "\n" { line += 1 }
            // (A cue starts a word.)
            if index == 0 || !lower[index - 1].isLetter,
               let cue = nameCues.first(where: { lower[index...].starts(with: $0) }),
               let (name, nameLine) = nameAfter(characters, from: index + cue.count, line: line, overLines: cue.hasSuffix("(")) {
                return (name, nameLine, cue.hasSuffix("(") || cue.hasSuffix(":") ? String(cue.dropLast()).trimmedSpaces : cue)
            }
            index += 1
        }
        return nil
    }

    /// The name starting at `start` (after spaces and a "," or ":"), and its line.
    private static func nameAfter(_ characters: [Character], from start: Int, line: Int, overLines: Bool) -> (PersonName, Int)? {
        var index = start
        var line = line
        func skipSpace() {
            while index < characters.count, characters[index] == " " || characters[index] == "\t" || (overLines && characters[index] == "\n") {
                if characters[index] == "\n" { line += 1 }
                index += 1
            }
        }
        skipSpace()
        if index < characters.count, characters[index] == "," || characters[index] == ":" { index += 1 }
        skipSpace()
        let nameLine = line
        var words: [String] = []
        while words.count < 6, index < characters.count {
            var word = ""
            while index < characters.count, characters[index].isLetter || "'’-.&".contains(characters[index]) {
                word.append(characters[index])
                index += 1
            }
            var ends = false
            if word.hasSuffix("'s") || word.hasSuffix("’s") {
                word.removeLast(2)
                ends = true
            } else if word.hasSuffix("."), word.count > 2 {
                // A sentence's end, not an initial.
                word.removeLast()
                ends = true
            }
            guard let initial = word.first, initial.isUppercase || word == "and" || word == "&" else { break }
            words.append(word)
            if ends { break }
            skipSpace()
        }
        while let last = words.last, last == "and" || last == "&" { words.removeLast() }
        guard (2...4).contains(words.count), let name = SignatureNameFinder.name(words.joined(separator: " ")),
              name.first != nil, name.last != nil else { return nil }
        return (name, nameLine)
    }

    /// The 0-based line where the writer's signature starts: the earlier of the last closing
    /// line (`Best,`) and the last line starting with the writer's first name, among the last
    /// 15 lines; `lines.count` when neither is there.
    static func signatureStart(_ lines: [String], writerFirstName: String?) -> Int {
        let first = writerFirstName.map(fold)
        var closing: Int?
        var named: Int?
        for index in lines.indices.reversed().prefix(15) {
            let line = lines[index]
            guard !line.isEmpty else { continue }
            if closing == nil, SignatureNameFinder.isClosing(line) { closing = index }
            if named == nil, let first, !first.isEmpty,
               let word = line.split(whereSeparator: { !$0.isLetter }).first, fold(String(word)) == first {
                named = index
            }
        }
        return [closing, named].compactMap { $0 }.min() ?? lines.count
    }

    /// An address in the lines before `signature` whose local part holds one of `keys`, else
    /// one on a line `near` the client's name (not at the writer's domain: a colleague's).
    private static func emailInText(
        _ lines: [String], before signature: Int, keys: [String], writer: String, builder: LeadBuilder, near: (Int) -> Bool
    ) -> (String, Int)? {
        var nearby: (String, Int)?
        let writerDomain = domainOf(writer)
        for index in lines.indices where index < signature && lines[index].utf8.contains(0x40) {
            for token in lines[index].split(whereSeparator: { $0 == " " || $0 == "\t" }) where token.contains("@") {
                guard let email = ValueNormalizer.email(String(token)), email.lowercased() != writer,
                      !builder.isBuilderAddress(email), !NoReplyAddress.isNoReply(email) else { continue }
                if holdsKey(email, keys) { return (email, index + 1) }
                if nearby == nil, domainOf(email) != writerDomain, near(index) { nearby = (email, index + 1) }
            }
        }
        return nearby
    }

    /// A recipient (the client copied in) whose display name is the client's or whose
    /// local part holds one of `keys`. (Every recipient is taken for the builder's side of a
    /// message: here only the builder's configured addresses are passed over.)
    private static func emailInHeaders(
        _ recipients: [Mailbox], client: PersonName, keys: [String], writer: String, identity: BuilderIdentity
    ) -> (String, Int)? {
        for recipient in recipients {
            guard let email = ValueNormalizer.email(recipient.address), email.lowercased() != writer,
                  !identity.isBuilders(email), !NoReplyAddress.isNoReply(email) else { continue }
            let named = recipient.name.flatMap(PersonNameNormalizer.parse)
            let sameName = named.map { fold($0.first ?? "") == fold(client.first ?? "") && fold($0.last ?? "") == fold(client.last ?? "") } ?? false
            if sameName || holdsKey(email, keys) { return (email, 0) }
        }
        return nil
    }

    /// Whether the local part of `email` (folded) holds one of `keys` of 3 letters or more.
    private static func holdsKey(_ email: String, _ keys: [String]) -> Bool {
        guard let at = email.lastIndex(of: "@") else { return false }
        let local = fold(String(email[..<at]))
        return keys.contains { $0.count >= 3 && local.contains($0) }
    }

    /// Whether `line` names one of `keys` (folded).
    private static func mentions(_ line: String, _ keys: [String]) -> Bool {
        let words = line.split(whereSeparator: { !$0.isLetter }).map { fold(String($0)) }
        return keys.contains { key in words.contains { $0 == key || $0 == key + "s" } }
    }

    private static func isFax(_ match: PhoneMatch) -> Bool {
        match.leadIn.lowercased().contains("fax")
    }

    /// Lowercase ASCII letters of `text`, accents dropped (`Núñez` → `nunez`).
    static func fold(_ text: String) -> String {
        String(text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased().filter { $0.isASCII && $0.isLetter })
    }

    private static func setEmail(_ builder: inout LeadBuilder, _ found: (String, Int)?, bodySource: String = "body") {
        builder.lead.email = nil
        builder.lead.fields["email"] = nil
        guard let (email, line) = found else { return }
        builder.lead.email = email
        builder.lead.fields["email"] = line == 0
            ? FieldProvenance(rule: "client's address among the recipients", location: "To/Cc header")
            : FieldProvenance(rule: "client's address in text", location: "\(bodySource) line \(line)")
    }

    private static func setPhone(_ builder: inout LeadBuilder, _ found: (PhoneMatch, String, String)?) {
        builder.lead.phone = nil
        builder.lead.phoneExtension = nil
        builder.lead.fields["phone"] = nil
        builder.lead.fields["phone_extension"] = nil
        guard let (match, rule, location) = found else { return }
        let provenance = FieldProvenance(rule: rule, location: location)
        builder.lead.phone = match.number
        builder.lead.fields["phone"] = provenance
        if let phoneExtension = match.phoneExtension {
            builder.lead.phoneExtension = phoneExtension
            builder.lead.fields["phone_extension"] = provenance
        }
    }
}

private extension String {
    /// Without spaces at its ends.
    var trimmedSpaces: String { ValueNormalizer.trimmingWhitespace(self) }
}
