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
/// - Several clients announced and then introduced in order ("I have two clients ... The
///   first is Jim Parker, ..."): the first is the client, its details read from its own part
///   of the text only (``firstOfSeveral(in:accepts:)``, ClientReferral+Ordinal.swift).
/// - The client has an email or a phone: the lead is the client's, with only those.
/// - The client has neither: the lead keeps the client's name with the writer's address and
///   signature phone as its contact (the builder must reach someone, and the writer reaches
///   the client), and the review reason says so.
/// Either way the lead is flagged with a reason naming the writer, so a person sees who
/// referred it.
/// - Not a client (round 3 of exploratory testing, where a homeowner's own message was made
///   worse): a name below the writer's sign-off (a disclaimer's "on behalf of Baker Hollis
///   LLP") or a company's; a referrer ("my client Dave Ross gave me your name"); the writer
///   themself ("Client: Priya Raman" from Priya Raman): the lead is left as it is. A
///   relative's parents ("My parents, Frank and Joan Miller") only flag it.
/// - Never the builder's address as the client's: not a To recipient's domain, nor a
///   recipient named as someone else.
enum ClientReferral {
    /// Words after which a writer names their client, lowercase ASCII. A cue ending in "("
    /// reads a name over line breaks (up to the ")"); the others end it at the line's end.
    static let nameCues: [StaticString] = [
        "i have clients", "i have a client", "my clients", "my client", "our clients", "our client",
        "client name:", "clients:", "client:", "the owners (", "the owner (", "owner contact:",
        "on behalf of my clients", "on behalf of my client", "on behalf of", "i represent", "my buyers", "my buyer",
        "our buyers", "our buyer",
        // After "I have buyers ...": "Their names are David and Michelle Park."
        "their names are", "their name is",
        // Several at once ("I have two clients for you: ..."): the first is read, and the
        // flag says there are more (``severalClientsCues``).
        "two clients", "couple of clients", "couple clients", "few clients",
        // Spanish: "Mis clientes, Javier y Rosa Domínguez, ...".
        "mis clientes", "mis clientas", "mi cliente", "mi clienta", "de parte de", "en nombre de",
        // A relative writing for their parents: flagged only (``relativeCues``).
        "my parents", "my mother", "my father", "my mom", "my dad",
    ]

    /// The ``nameCues`` by their two first bytes (``cuePair(_:_:)``), each pair's in
    /// ``nameCues`` order: `cuesByPair[pairStarts[pair]..<pairStarts[pair + 1]]`. Most
    /// words start with no cue's two first bytes, and are passed over without comparing any
    /// cue; at the others only the cues of that pair are compared (no other can be there).
    private static let cuesByPair: [Int] = nameCues.indices.sorted { (pair(ofCue: $0), $0) < (pair(ofCue: $1), $1) }
    private static let pairStarts: [Int] = {
        var starts = [Int](repeating: 0, count: 26 * 27 + 1)
        for index in nameCues.indices { starts[pair(ofCue: index) + 1] += 1 }
        for pair in 1..<starts.count { starts[pair] += starts[pair - 1] }
        return starts
    }()

    /// Bit `pair & 63` of word `pair >> 6` is set when some cue starts with the pair.
    private static let cuePairs: [UInt64] = nameCues.indices.reduce(into: [UInt64](repeating: 0, count: (26 * 27 + 63) / 64)) { bits, index in
        let pair = pair(ofCue: index)
        bits[pair >> 6] |= 1 << UInt64(pair & 63)
    }

    /// ``cuePair(_:_:)`` of the cue at `index` of ``nameCues``.
    private static func pair(ofCue index: Int) -> Int {
        cuePair(nameCues[index].utf8Start[0], nameCues[index].utf8Start[1]) ?? 0
    }

    /// The pair of a cue starting with bytes `first` and `second` (A-Z folded): `first` a
    /// letter, `second` a letter or a space; nil for any other bytes, where no cue starts.
    @inline(__always) private static func cuePair(_ first: UInt8, _ second: UInt8) -> Int? {
        let letter = first | 0x20
        guard letter >= 0x61, letter <= 0x7A else { return nil }
        let next = second | 0x20
        if second == 0x20 { return Int(letter - 0x61) * 27 + 26 }
        guard next >= 0x61, next <= 0x7A else { return nil }
        return Int(letter - 0x61) * 27 + Int(next - 0x61)
    }

    /// The first of the ``nameCues`` at `start` of `bytes` (A-Z folded), or nil.
    static func cue(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> StaticString? {
        guard start + 1 < bytes.count, let pair = cuePair(bytes[start], bytes[start + 1]) else { return nil }
        for position in pairStarts[pair]..<pairStarts[pair + 1] where startsWith(bytes, at: start, nameCues[cuesByPair[position]]) {
            return nameCues[cuesByPair[position]]
        }
        return nil
    }

    /// The ``nameCues`` that speak of several clients at once, the others often named in
    /// words no cue opens ("... Raj Patel is looking at a lot in Bee Cave").
    static let severalClientsCues: Set<String> = ["two clients", "couple of clients", "couple clients", "few clients"]

    /// The ``nameCues`` of a relative writing for their parents: the lead stays the writer's
    /// (who may well be the one building for them), flagged with the parents' name.
    static let relativeCues: Set<String> = ["my parents", "my mother", "my father", "my mom", "my dad"]

    /// What may come between a cue and the name, lowercase ASCII: "My client is Robert
    /// Haines", "My clients are ...", "My client's name is ...", "two clients for you: ...".
    static let connectors: [StaticString] = [
        " is ", " are ", "'s name is ", "’s name is ", "' names are ", "’ names are ", "'s names are ", " names are ",
        " name is ", " es ", " son ", " for you",
    ]

    /// Titles before a name, lowercase ASCII with the space after them: passed over.
    static let titles: [StaticString] = ["dr. ", "mr. ", "mrs. ", "ms. ", "dr ", "mr ", "mrs ", "ms ", "mr. and mrs. ", "mr and mrs "]

    /// How much of the text (UTF-8 bytes) is read for the client's name and contact details.
    static let searchedBytes = 4096

    /// What ``apply(_:_:_:cue:identity:)`` made of a message.
    enum Reading: Equatable {
        /// A client was named: the lead is theirs, flagged with the writer.
        case client
        /// The "client" named is the writer (a homeowner's "Client: Priya Raman", "the
        /// owners (Mark and Lisa Brown)"): the lead is unchanged and not flagged.
        case writer
        /// A relative named ("My parents, Frank and Joan Miller, ..."): the lead is unchanged
        /// and flagged.
        case relative
        /// No client was named: nothing was changed.
        case none
        /// The cue named only the writer's referrer ("my client Dave Ross gave me your
        /// name"), or stood below the writer's signature (a footer's "sent on behalf of
        /// Baker Hollis LLP"): the writer is the prospect; nothing was changed.
        case declined
    }

    /// Rewrites the lead of a message written for a client (see the type's comment), flagged
    /// with a reason naming the writer. `cue` is the phrase that showed it
    /// (``LeadExtractor/writesForSomeoneElse(_:)``).
    @discardableResult
    static func apply(
        _ builder: inout LeadBuilder, _ message: MIMEMessage, _ inquiry: Inquiry, cue: String, identity: BuilderIdentity = BuilderIdentity()
    ) -> Reading {
        let text = prefix(ValueNormalizer.trimmingWhitespace(inquiry.body), bytes: searchedBytes)
        let writer = inquiry.sender
        let writerAddress = writer?.address.lowercased() ?? ""
        let writerName = writer?.name.map(GenericExtractor.withoutCompanyTail)
        let writerParsed = writerName.flatMap { PersonNameNormalizer.parse($0) }
        // (The lines and the signature only once a cue is followed by a name.)
        var lines: [String] = []
        var signature = 0
        var declined = false
        func accepts(_ line: Int) -> Bool {
            if lines.isEmpty {
                lines = LineSplitter.lines(text).map { ValueNormalizer.trimmingWhitespace(String($0)) }
                signature = signatureStart(lines, writerFirstName: writerParsed?.first)
            }
            // The client is named above the writer's sign-off, never in a footer.
            return line - 1 < signature
        }
        var found = clientName(in: text, accepts: accepts, declined: { declined = true })
        // "I have two clients ... The first is Jim Parker, ...": the first as introduced, its
        // details from its own part of the text only (ClientReferral+Ordinal.swift).
        var ordered: OrderedClient?
        if found == nil, !declined, severalClientsCues.contains(cue) {
            ordered = firstOfSeveral(in: text, accepts: accepts)
            found = ordered?.client
        }
        guard let client = found, let first = client.name.first, let last = client.name.last else {
            if declined { return .declined }
            keepWritersPhone(&builder, text: text, writerFirstName: writerParsed?.first, bodySource: inquiry.bodySource)
            return .none
        }
        if isWriter(client, writerName: writerParsed, lead: builder.lead, address: writerAddress) { return .writer }
        let writerText = writerName.map { "\($0) <\(writerAddress)>" } ?? writerAddress
        if relativeCues.contains(client.cue) {
            builder.lead.flagForReview("written for a relative (\"\(client.cue)\") by \(writerText): \(first) \(last) may be the prospect, and the phone theirs")
            return .relative
        }
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
        let writersPhones = Self.writersPhones(phones, signature: signature)
        func isClients(_ match: PhoneMatch) -> Bool {
            !isFax(match) && !PhoneFinder.saysNotProspects(match.leadIn) && !writersPhones.contains(where: { $0.number == match.number })
        }
        let clientPhone = ordered.map { part in
            PhoneNumberScanner().phones(in: part.part).lazy.map { match in
                var match = match
                match.line += part.partLine - 1
                return match
            }.first(where: isClients)
        } ?? phones.first { isClients($0) && nearClient($0.line - 1) }
        // (The first of several: an address in their own part, else one holding their name.)
        let clientEmail = ordered.flatMap { emailInPart($0, writer: writerAddress, builder: builder) }
            ?? emailInText(lines, before: signature, keys: keys, writer: writerAddress, builder: builder,
                           near: ordered == nil ? nearClient : { _ in false })
            ?? emailInHeaders(message, client: client.name, keys: keys, writer: writerAddress, identity: identity)

        let location = "\(inquiry.bodySource) line \(client.line)"
        let nameProvenance = FieldProvenance(rule: "client named by the writer (\"\(client.cue)\")", location: location)
        builder.lead.firstName = first
        builder.lead.lastName = last
        builder.lead.fields["first_name"] = nameProvenance
        builder.lead.fields["last_name"] = nameProvenance
        let cue = ValueNormalizer.trimmingWhitespace(withoutTrailingPunctuation(cue))
        // (Worded as the flag of a message written for someone else, naming the writer.)
        var reason = "written for someone else (\"\(cue)\") by \(writerText): the lead is the client's, \(first) \(last)"
        if let other = ordered?.second ?? Self.anotherClient(after: client, in: lines, before: signature) {
            // One lead per message: the other's budget or lot may be mixed into this one.
            reason += "; the message names another client too, \(other): their details may be mixed in"
        } else if severalClientsCues.contains(client.cue) || ordered != nil {
            reason += "; the writer speaks of more than one client: another's details may be mixed in"
        }
        if clientEmail != nil || clientPhone != nil {
            setEmail(&builder, clientEmail, bodySource: inquiry.bodySource)
            setPhone(&builder, clientPhone.map { ($0, "client's phone in text", "\(inquiry.bodySource) line \($0.line)") })
            builder.lead.flagForReview(reason)
        } else {
            // The writer's: the sender address (already the lead's) and their own phone,
            // first the one they call theirs in the text, else their signature's.
            if builder.lead.email == nil || builder.lead.email?.lowercased() != writerAddress {
                setEmail(&builder, nil)
                if !writerAddress.isEmpty {
                    builder.set(.email, raw: writerAddress, hint: .email,
                                provenance: FieldProvenance(rule: "the writer's address (the client's unknown)", location: inquiry.addressSource))
                }
            }
            let own = Self.writersOwnPhone(writersPhones, signature: signature)
            setPhone(&builder, own.map { ($0, "the writer's phone (the client's unknown)", "\(inquiry.bodySource) line \($0.line)") })
            builder.lead.flagForReview(reason + "; contact details are the writer's, not the client's")
        }
        return .client
    }

    /// The writer's phones among `phones`: below the signature (0-based line `signature`), or
    /// said as theirs ("call me at", "my cell"); faxes left out.
    static func writersPhones(_ phones: [PhoneMatch], signature: Int) -> [PhoneMatch] {
        phones.filter { !isFax($0) && ($0.line - 1 >= signature || saysWritersOwn($0.leadIn)) }
    }

    /// The number a writer gives as theirs: the first they call theirs above the signature,
    /// else their signature's.
    static func writersOwnPhone(_ writersPhones: [PhoneMatch], signature: Int) -> PhoneMatch? {
        writersPhones.first { $0.line - 1 < signature } ?? writersPhones.first
    }

    /// With no client named the lead stays the writer's, but the phone the heuristics took
    /// from the text may be a client's ("I have two clients ... Jim and Sue Parker,
    /// 512-555-0190"): the writer's name with a client's number reaches no one the builder
    /// expects. The writer's own number replaces it when the text gives one; a number from
    /// anywhere else (a form, the sender header) is left alone.
    private static func keepWritersPhone(_ builder: inout LeadBuilder, text: String, writerFirstName: String?, bodySource: String) {
        guard let taken = builder.lead.fields["phone"]?.location, taken.hasPrefix(bodySource) else { return }
        let phones = PhoneNumberScanner().phones(in: text)
        // (Most such texts give one number, or the writer's first: nothing to replace.)
        guard phones.contains(where: { $0.number != builder.lead.phone }) else { return }
        let lines = LineSplitter.lines(text).map { ValueNormalizer.trimmingWhitespace(String($0)) }
        let signature = signatureStart(lines, writerFirstName: writerFirstName)
        guard let own = writersOwnPhone(writersPhones(phones, signature: signature), signature: signature),
              own.number != builder.lead.phone else { return }
        setPhone(&builder, (own, "the writer's phone (no client named)", "\(bodySource) line \(own.line)"))
    }

    /// `cue` without the `(`, `:` and spaces at its end. (An ASCII cue, all of them, on its
    /// bytes: each byte a Character.)
    private static func withoutTrailingPunctuation(_ cue: String) -> String {
        var copy = cue
        let ascii = copy.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: "(") || bytes[end - 1] == UInt8(ascii: ":") || bytes[end - 1] == 0x20 { end -= 1 }
            return end == bytes.count ? cue : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
        return ascii ?? String(cue.reversed().drop { $0 == "(" || $0 == ":" || $0 == " " }.reversed())
    }

    /// `text` cut to at most `bytes` UTF-8 bytes, at a Character's start (a byte count, not
    /// a Character walk: most texts are shorter, and are returned as they are).
    static func prefix(_ text: String, bytes: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > bytes else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: bytes)
        // (Back to a scalar's first byte.)
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }

    /// Whether the client named is the writer: the same first and last name as the sender's
    /// display name or the lead's (a signature's) name, the first name among the client's
    /// words ("the owners (Mark and Lisa Brown)" from Mark Brown); or the writer's address
    /// is theirs (`gwhitfield@` or `greg.whitfield@` for Greg Whitfield).
    static func isWriter(_ client: ClientName, writerName: PersonName?, lead: ExtractedLead, address: String) -> Bool {
        guard let clientLast = client.name.last.map(fold), !clientLast.isEmpty else { return false }
        let words = Set(client.words.map(fold))
        for (first, last) in [(writerName?.first, writerName?.last), (lead.firstName, lead.lastName)] {
            if let first = first.map(fold), let last = last.map(fold), !first.isEmpty, last == clientLast, words.contains(first) {
                return true
            }
        }
        guard let at = address.lastIndex(of: "@"), let clientFirst = client.name.first.map(fold), let initial = clientFirst.first else {
            return false
        }
        let local = fold(String(address[..<at]))
        return local == "\(initial)\(clientLast)"
            || (clientFirst.count >= 2 && foldedContains(local, clientFirst) && foldedContains(local, clientLast))
    }

    /// `text.contains(part)` (Foundation's) for two ``fold(_:)`` results: lowercase ASCII
    /// letters only, where it is a plain byte search.
    private static func foldedContains(_ text: String, _ part: String) -> Bool {
        var copy = text
        return copy.withUTF8 { FoldedSearch.contains($0, bytes: Array(part.utf8)) }
    }

    /// A client's name as read after a cue: the name, the 1-based line it starts on, the cue
    /// (without a trailing "(" or ":") and the words as written.
    struct ClientName {
        let name: PersonName
        let line: Int
        let cue: String
        let words: [String]
    }

    /// The client's name: the first cue in `text` (at a word's start, A-Z folded, on the
    /// bytes) followed by two to four capitalised words (`and`/`&` between them) that read
    /// as a person's first and last name (no company's: ``companyWords``), not a referrer's
    /// ("referred by my client Dave Ross", "my client Dave Ross gave me your name"), on a
    /// line `accepts` (1-based; the caller's "above the signature"). `declined` is called
    /// when a cue names a referrer, or stands on a line `accepts` refuses (a footer's).
    static func clientName(in text: String, accepts: (Int) -> Bool = { _ in true }, declined: () -> Void = {}) -> ClientName? {
        var copy = text
        return copy.withUTF8 { bytes -> ClientName? in
            var line = 1
            var index = 0
            let pairs = cuePairs
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A { line += 1 }
                guard isLetterByte(byte) else {
                    index += 1
                    continue
                }
                // (A cue starts a word: after no letter, and no byte of a non-ASCII one. The
                // word's other letters start none, and are passed over at once; at most
                // words no cue's two first bytes start it.)
                guard byte < 0x80, index == 0 || !isLetterByte(bytes[index - 1]), index + 1 < bytes.count,
                      let pair = cuePair(byte, bytes[index + 1]), pairs[pair >> 6] >> UInt64(pair & 63) & 1 != 0,
                      let cue = cue(at: index, in: bytes) else {
                    index += 1
                    while index < bytes.count, isLetterByte(bytes[index]) { index += 1 }
                    continue
                }
                let overLines = cue.utf8Start[cue.utf8CodeUnitCount - 1] == UInt8(ascii: "(")
                let end = index + cue.utf8CodeUnitCount
                index = end
                // A name starts with a capital (or a letter that is not ASCII): most cues
                // ("my client is", "on behalf of my wife") end here, on the bytes.
                var start = end
                var crossed = 0
                func skipSpace() {
                    while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || (overLines && bytes[start] == 0x0A) {
                        if bytes[start] == 0x0A { crossed += 1 }
                        start += 1
                    }
                }
                if let connector = connectors.first(where: { startsWith(bytes, at: start, $0) }) { start += connector.utf8CodeUnitCount }
                skipSpace()
                var punctuated = false
                if start < bytes.count, bytes[start] == UInt8(ascii: ",") || bytes[start] == UInt8(ascii: ":") {
                    start += 1
                    punctuated = true
                }
                skipSpace()
                // "my clients,⏎Ryan and Kelsey Brooks": a "," or ":" at a line's end, the name
                // at the next line's start.
                if punctuated, !overLines, start < bytes.count, bytes[start] == 0x0D || bytes[start] == 0x0A {
                    if bytes[start] == 0x0D { start += 1 }
                    if start < bytes.count, bytes[start] == 0x0A {
                        start += 1
                        crossed += 1
                    }
                    skipSpace()
                }
                guard start < bytes.count, (bytes[start] >= 0x41 && bytes[start] <= 0x5A) || bytes[start] >= 0x80 else { continue }
                if let title = titles.filter({ startsWith(bytes, at: start, $0) }).max(by: { $0.utf8CodeUnitCount < $1.utf8CodeUnitCount }) {
                    start += title.utf8CodeUnitCount
                    skipSpace()
                }
                guard start < bytes.count, (bytes[start] >= 0x41 && bytes[start] <= 0x5A) || bytes[start] >= 0x80 else { continue }
                // A capitalised word after a cue in a footer ("sent on behalf of Baker Hollis
                // LLP"): no client, and every later cue is in the footer too.
                guard accepts(line) else {
                    declined()
                    return nil
                }
                // Only the name's words are read as Characters.
                let stop = nameWordsEnd(bytes, from: start, overLines: overLines)
                guard let (name, words, length) = nameAfter(UnsafeBufferPointer(rebasing: bytes[start..<stop]), overLines: overLines) else {
                    continue
                }
                let nameLine = line + crossed
                guard accepts(nameLine) else {
                    declined()
                    return nil
                }
                let rest = UnsafeBufferPointer(rebasing: bytes[(start + length)..<min(bytes.count, start + length + 160)])
                if !isReferrer(before: UnsafeBufferPointer(rebasing: bytes[max(0, end - cue.utf8CodeUnitCount - 40)..<(end - cue.utf8CodeUnitCount)]), after: rest) {
                    let cueText = "\(cue)"
                    let shown = overLines || cueText.hasSuffix(":") ? String(cueText.dropLast()).trimmedSpaces : cueText
                    return ClientName(name: name, line: nameLine, cue: shown, words: words)
                }
                declined()
            }
            return nil
        }
    }

    /// Where the words that may be a name end, from `start` (a capital): the end of the
    /// last of at most 7 words, each starting with a capital, a non-ASCII letter or
    /// `and`/`&`, separated by spaces (and line breaks when `overLines`). A bound for
    /// ``nameAfter(_:overLines:)``, which decides.
    static func nameWordsEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, overLines: Bool) -> Int {
        var index = start
        var end = start
        var words = 0
        while words < 7, index < bytes.count {
            let wordStart = index
            while index < bytes.count, isLetterByte(bytes[index]) || bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "-")
                || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "&") {
                index += 1
            }
            guard index > wordStart else { break }
            let first = bytes[wordStart]
            // ("and", or Spanish "y".)
            let isAnd = (index - wordStart == 3 && first == UInt8(ascii: "a") && bytes[wordStart + 1] == UInt8(ascii: "n")
                && bytes[wordStart + 2] == UInt8(ascii: "d")) || (index - wordStart == 1 && first == UInt8(ascii: "y"))
            guard (first >= 0x41 && first <= 0x5A) || first >= 0x80 || first == UInt8(ascii: "&") || isAnd else { break }
            end = index
            words += 1
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || (overLines && bytes[index] == 0x0A) { index += 1 }
        }
        return end
    }

    /// Whether the byte is an ASCII letter or part of a non-ASCII Character.
    @inline(__always) static func isLetterByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Whether `needle` (lowercase ASCII) is at `start` of `bytes`, A-Z folded.
    static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        for offset in 0..<count {
            let byte = bytes[start + offset]
            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != needle.utf8Start[offset] { return false }
        }
        return true
    }

    /// Words in a name that make it a company's (a footer's "on behalf of Baker Hollis LLP").
    static let companyWords: Set<String> = [
        "llp", "llc", "inc", "corp", "corporation", "co", "company", "group", "ltd", "pllc", "pc", "pa", "partners",
        "associates", "realty", "homes", "properties", "law", "firm", "bank", "trust", "holdings", "builders", "construction",
        "architects", "architecture", "design", "studio", "team", "office", "services",
    ]

    /// What a writer says of a client who sent them to the builder, not a prospect: before
    /// the cue ("referred by my client") or after the name, in its sentence ("... gave me
    /// your name", "you built his house").
    private static let referrerBefore: [StaticString] = ["referred by", "recommended by", "referral from", "thanks to"]
    private static let referrerAfter: [StaticString] = [
        "gave me your", "gave us your", "passed along your", "passed on your", "referred me", "referred us", "recommended you",
        "recommended your", "recommended me", "told me about you", "told us about you", "sent me your way", "sent me to you",
        "you built", "spoke highly", "speaks highly", "raved",
    ]

    /// Whether the client named between `before` and `after` is a referrer (see
    /// ``referrerAfter``). `after` is read to its sentence's (or paragraph's) end.
    static func isReferrer(before: UnsafeBufferPointer<UInt8>, after: UnsafeBufferPointer<UInt8>) -> Bool {
        if FoldedSearch.firstOf(before, referrerBefore) != nil { return true }
        var stop = 0
        while stop < after.count {
            let byte = after[stop]
            let next = stop + 1 < after.count ? after[stop + 1] : 0x20
            if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")) && (next == 0x20 || next == 0x0A) { break }
            if byte == 0x0A && next == 0x0A { break }
            stop += 1
        }
        return FoldedSearch.firstOf(UnsafeBufferPointer(rebasing: after[..<stop]), referrerAfter) != nil
    }

    /// The name at the start of `bytes` (the caller skipped the spaces and a "," or ":"
    /// before it): the name, its words, and the UTF-8 length of the text it took. Where the
    /// words read only ASCII bytes (nearly every name) they are read on the bytes; a word
    /// reaching a non-ASCII byte reads the text as Characters.
    static func nameAfter(_ bytes: UnsafeBufferPointer<UInt8>, overLines: Bool) -> (PersonName, [String], Int)? {
        guard let (words, index) = asciiNameWords(bytes, overLines: overLines) else {
            return nameAfter(Array(String(decoding: bytes, as: UTF8.self)), overLines: overLines)
        }
        guard let (name, kept) = personName(of: words) else { return nil }
        return (name, kept, index)
    }

    /// The words of ``nameAfter(_:overLines:)`` and the length they took, read on ASCII bytes;
    /// nil when a byte the reading looks at is not ASCII (the Characters decide there).
    private static func asciiNameWords(_ bytes: UnsafeBufferPointer<UInt8>, overLines: Bool) -> ([String], Int)? {
        // (Each byte looked at is a Character: the words hold no CR,
        // ``nameWordsEnd(_:from:overLines:)`` ends them before one.)
        var index = 0
        func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || (overLines && bytes[index] == 0x0A) { index += 1 }
        }
        var words: [String] = []
        while words.count < 6, index < bytes.count {
            let wordStart = index
            while index < bytes.count, isLetterByte(bytes[index]) || bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "-")
                || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "&") {
                index += 1
            }
            // (``isLetterByte(_:)`` takes any non-ASCII byte in.)
            if bytes[wordStart..<index].contains(where: { $0 >= 0x80 }) { return nil }
            var wordEnd = index
            var ends = false
            if wordEnd - wordStart >= 2, bytes[wordEnd - 2] == UInt8(ascii: "'"), bytes[wordEnd - 1] == UInt8(ascii: "s") {
                wordEnd -= 2
                ends = true
            } else if wordEnd - wordStart > 2, bytes[wordEnd - 1] == UInt8(ascii: ".") {
                // A sentence's end, not an initial.
                wordEnd -= 1
                ends = true
            }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]), as: UTF8.self)
            let capitalised = wordEnd > wordStart && bytes[wordStart] >= 0x41 && bytes[wordStart] <= 0x5A
            guard appendNameWord(word, capitalised: capitalised, to: &words) else {
                index = wordStart
                break
            }
            if ends { break }
            skipSpace()
        }
        return (words, index)
    }

    /// ``nameAfter(_:overLines:)`` on the Characters of non-ASCII text.
    static func nameAfter(_ characters: [Character], overLines: Bool) -> (PersonName, [String], Int)? {
        var index = 0
        func skipSpace() {
            while index < characters.count, characters[index] == " " || characters[index] == "\t" || (overLines && characters[index] == "\n") {
                index += 1
            }
        }
        /// A Character a name's word holds: a letter, or `'’-.&`.
        func inWord(_ character: Character) -> Bool {
            switch character {
            case "'", "’", "-", ".", "&": true
            default: character.isLetter
            }
        }
        var words: [String] = []
        while words.count < 6, index < characters.count {
            var word = ""
            let wordStart = index
            while index < characters.count, inWord(characters[index]) {
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
            guard appendNameWord(word, capitalised: word.first?.isUppercase == true, to: &words) else {
                index = wordStart
                break
            }
            if ends { break }
            skipSpace()
        }
        guard let (name, kept) = personName(of: words) else { return nil }
        return (name, kept, characters[..<index].reduce(0) { $0 + $1.utf8.count })
    }

    /// Appends `word` to a name's `words` when it may be one of them: capitalised, or `and`,
    /// `&` or Spanish `y` (kept as `and`) between two people. False: the name ended before it.
    private static func appendNameWord(_ word: String, capitalised: Bool, to words: inout [String]) -> Bool {
        guard !word.isEmpty, capitalised || word == "and" || word == "&" || word == "y" else { return false }
        words.append(word == "y" ? "and" : word)
        return true
    }

    /// A second client named after `client`'s line, above the signature ("My client Alan
    /// Meyer ... My client Beth Conroy ..."), as "First Last"; nil when none or the same one.
    static func anotherClient(after client: ClientName, in lines: [String], before signature: Int) -> String? {
        guard client.line < min(lines.count, signature) else { return nil }
        let rest = lines[client.line..<min(lines.count, signature)].joined(separator: "\n")
        guard let other = clientName(in: rest), let first = other.name.first, let last = other.name.last,
              (first, last) != (client.name.first, client.name.last) else { return nil }
        return "\(first) \(last)"
    }

    /// The person the words read after a cue name (without a trailing `and`, the first of
    /// two people), and the words kept, if they read as a person's name and no company's.
    private static func personName(of found: [String]) -> (PersonName, [String])? {
        var words = found
        while let last = words.last, last == "and" || last == "&" { words.removeLast() }
        // "Alan Meyer and Beth Conroy": two people, the first is named first.
        if words.count > 4, let and = words.firstIndex(where: { $0 == "and" || $0 == "&" }), and >= 2 { words.removeSubrange(and...) }
        guard (2...4).contains(words.count), !words.contains(where: { companyWords.contains(fold($0)) }),
              let name = SignatureNameFinder.name(words.joined(separator: " ")),
              name.first != nil, name.last != nil else { return nil }
        return (name, words)
    }

    /// Whether a phone's lead-in calls it the writer's own ("call me at", "my cell is",
    /// "reach me at"), not the client's ("his cell").
    static func saysWritersOwn(_ leadIn: String) -> Bool {
        guard !leadIn.isEmpty else { return false }
        if let answer = asciiSaysWritersOwn(leadIn) { return answer }
        // Only the number's own sentence: "I have two clients. The first is Jim, 512-..." is
        // no number of the writer's (session 19). (".", "!" or "?" before a space: ASCII bytes.)
        let utf8 = leadIn.utf8
        var sentence = Substring(leadIn)
        if let end = utf8.indices.dropLast().last(where: { index in
            let byte = utf8[index]
            return (byte == 0x2E || byte == 0x21 || byte == 0x3F) && utf8[utf8.index(after: index)] == 0x20
        }) {
            sentence = leadIn[utf8.index(after: end)...]
        }
        var split = sentence.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })
        // A lead-in cut at its maximum length may start inside a word: "custom ho|me in ..."
        // read "me", and a client's number became the writer's.
        if sentence.startIndex == leadIn.startIndex, leadIn.unicodeScalars.count >= PhoneMatch.maximumLeadIn, !split.isEmpty {
            split.removeFirst()
        }
        let words = Set(split)
        if !words.isDisjoint(with: ["me", "i", "i'm", "i’m", "mine"]) { return true }
        // "my cell", not "my client's cell" ("'s" is split off with the apostrophe kept).
        return words.contains("my") && words.isDisjoint(with: clientWords)
    }

    /// ``saysWritersOwn(_:)`` on the bytes of an ASCII lead-in (its words: runs of letters
    /// and apostrophes, lowercased), or nil for other text.
    private static func asciiSaysWritersOwn(_ leadIn: String) -> Bool? {
        var copy = leadIn
        return copy.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = 0
            var index = bytes.count - 2
            while index >= 0 {
                if (bytes[index] == 0x2E || bytes[index] == 0x21 || bytes[index] == 0x3F) && bytes[index + 1] == 0x20 {
                    start = index + 1
                    break
                }
                index -= 1
            }
            var words: [String] = []
            index = start
            while index < bytes.count {
                let wordStart = index
                while index < bytes.count, bytes[index] | 0x20 >= 0x61 && bytes[index] | 0x20 <= 0x7A || bytes[index] == UInt8(ascii: "'") {
                    index += 1
                }
                if index > wordStart {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self).lowercased())
                } else {
                    index += 1
                }
            }
            if start == 0, bytes.count >= PhoneMatch.maximumLeadIn, !words.isEmpty { words.removeFirst() }
            if words.contains(where: { $0 == "me" || $0 == "i" || $0 == "i'm" || $0 == "mine" }) { return true }
            return words.contains("my") && !words.contains { clientWords.contains(Substring($0)) }
        }
    }

    /// Words for the client in a phone's lead-in ("my client's cell", "their number").
    private static let clientWords: Set<Substring> = [
        "client", "client's", "client’s", "clients", "buyer", "buyers", "buyer's", "owner", "owners", "owner's", "customer",
        "his", "her", "their", "them", "him",
    ]

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
            // (The line's first word only: no split of the whole line.)
            if named == nil, let first, !first.isEmpty {
                if let same = startsWithWord(line, first) {
                    if same { named = index }
                } else {
                    let word = line.drop { !$0.isLetter }.prefix { $0.isLetter }
                    if !word.isEmpty, fold(String(word)) == first { named = index }
                }
            }
        }
        return [closing, named].compactMap { $0 }.min() ?? lines.count
    }

    /// Whether the first word of `line` (its first run of letters) is `word` (lowercase ASCII
    /// letters), A-Z folded, read on the bytes; nil when a non-ASCII byte comes before the
    /// word's end (a Character's letters are then read by the caller).
    private static func startsWithWord(_ line: String, _ word: String) -> Bool? {
        var line = line, word = word
        return line.withUTF8 { bytes -> Bool? in
            var index = 0
            while index < bytes.count, bytes[index] < 0x80, !isLetterByte(bytes[index]) { index += 1 }
            let start = index
            while index < bytes.count, isLetterByte(bytes[index]) {
                if bytes[index] >= 0x80 { return nil }
                index += 1
            }
            if index < bytes.count, bytes[index] >= 0x80 { return nil }
            return word.withUTF8 { wanted in
                index - start == wanted.count && (0..<wanted.count).allSatisfy { bytes[start + $0] | 0x20 == wanted[$0] }
            }
        }
    }

    /// An address in the lines before `signature` whose local part holds one of `keys`, else
    /// one on a line `near` the client's name (not at the writer's domain: a colleague's).
    static func emailInText(
        _ lines: [String], before signature: Int, keys: [String], writer: String, builder: LeadBuilder, near: (Int) -> Bool
    ) -> (String, Int)? {
        var nearby: (String, Int)?
        let writerDomain = domainOf(writer)
        for index in lines.indices where index < signature && lines[index].utf8.contains(0x40) {
            // (A token without an "@" byte holds none, and an ASCII one with it holds one: no
            // Foundation search for either.)
            for token in Self.tokensWithAt(lines[index]) {
                guard let email = ValueNormalizer.email(token), email.lowercased() != writer,
                      !builder.isBuilderAddress(email), !NoReplyAddress.isNoReply(email) else { continue }
                if holdsKey(email, keys) { return (email, index + 1) }
                if nearby == nil, domainOf(email) != writerDomain, near(index) { nearby = (email, index + 1) }
            }
        }
        return nearby
    }

    /// The tokens of `line` (split at spaces and tabs) that hold an "@": on the bytes of an
    /// ASCII line, where each byte is a Character; otherwise as Characters.
    static func tokensWithAt(_ line: String) -> [String] {
        var copy = line
        return copy.withUTF8 { bytes -> [String] in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter { $0.contains("@") }.map(String.init)
            }
            var tokens: [String] = []
            var start = 0
            while start < bytes.count {
                var end = start
                var holdsAt = false
                while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09 {
                    holdsAt = holdsAt || bytes[end] == 0x40
                    end += 1
                }
                if holdsAt { tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
                start = end + 1
            }
            return tokens
        }
    }

    /// A recipient (the client copied in) whose display name is the client's or whose
    /// local part holds one of `keys`. Never the builder's side: a configured address, one at
    /// the domain of a To recipient (the builder's: `mike@` for a client named Mike), a
    /// recipient named as someone else (`Mike Brennan <mike@…>`), nor a To address at a
    /// personal mail provider (the builder's own mailbox there).
    private static func emailInHeaders(
        _ message: MIMEMessage, client: PersonName, keys: [String], writer: String, identity: BuilderIdentity
    ) -> (String, Int)? {
        // (Whole domains: `example.com` is everyone's organization in `x.example.com`.)
        let builderDomains = message.to.compactMap { recipient -> String? in
            guard let domain = domainOf(recipient.address.lowercased()), !PersonalMailDomains.contains(domain) else { return nil }
            return domain
        }
        let clientFirst = fold(client.first ?? ""), clientLast = fold(client.last ?? "")
        for (position, recipient) in (message.to + message.cc).enumerated() {
            guard let email = ValueNormalizer.email(recipient.address), email.lowercased() != writer,
                  !identity.isBuilders(email), !NoReplyAddress.isNoReply(email) else { continue }
            let domain = domainOf(email.lowercased()) ?? ""
            if builderDomains.contains(domain) { continue }
            if position < message.to.count, PersonalMailDomains.contains(domain) { continue }
            let named = recipient.name.flatMap(PersonNameNormalizer.parse)
            if let named, let last = named.last, !last.isEmpty, fold(last) != clientLast { continue }
            let sameName = named.map { fold($0.first ?? "") == clientFirst && fold($0.last ?? "") == clientLast } ?? false
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

    /// Whether `line` names one of `keys` (folded). (An ASCII line on its bytes.)
    private static func mentions(_ line: String, _ keys: [String]) -> Bool {
        var copy = line
        let ascii = copy.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let keys = keys.map { Array($0.utf8) }
            var index = 0
            while index < bytes.count {
                guard isLetterByte(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < bytes.count, isLetterByte(bytes[index]) { index += 1 }
                for key in keys where index - start == key.count || (index - start == key.count + 1 && bytes[index - 1] | 0x20 == UInt8(ascii: "s")) {
                    if key.indices.allSatisfy({ bytes[start + $0] | 0x20 == key[$0] }) { return true }
                }
            }
            return false
        }
        if let ascii { return ascii }
        let words = line.split(whereSeparator: { !$0.isLetter }).map { fold(String($0)) }
        return keys.contains { key in words.contains { $0 == key || $0 == key + "s" } }
    }

    static func isFax(_ match: PhoneMatch) -> Bool {
        // (A lead-in whose bytes hold no "fax", A-Z folded, says none: most, without
        // lowercasing and a Foundation search.)
        FoldedSearch.contains(match.leadIn, "fax") && match.leadIn.lowercased().contains("fax")
    }

    /// Lowercase ASCII letters of `text`, accents dropped (`Núñez` → `nunez`).
    static func fold(_ text: String) -> String {
        // (ASCII, nearly every name and line, and Latin letters with accents: from the bytes,
        // without Foundation's folding.)
        var copy = text
        let folded = copy.withUTF8 { bytes -> String? in
            var plain = true
            for byte in bytes where byte < 0x61 || byte > 0x7A {
                plain = false
                if byte >= 0x80 { return latinFold(bytes) }
            }
            if plain { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                for byte in bytes where byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A && byte >= 0x41 {
                    buffer[count] = byte | 0x20
                    count += 1
                }
                return count
            }
        }
        return folded ?? foundationFold(text)
    }

    /// ``fold(_:)`` with Foundation's folding, for any text.
    static func foundationFold(_ text: String) -> String {
        String(text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased().filter { $0.isASCII && $0.isLetter })
    }

    /// ``fold(_:)`` of UTF-8 whose scalars are ASCII or in ``LatinLetterFolding/baseLetters`` (`Núñez`,
    /// `José`), else nil. Those scalars are letters with an accent (one Character each, no
    /// combining mark) or `’`: folding keeps their base letter, or drops them.
    static func latinFold(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte | 0x20 >= 0x61, byte | 0x20 <= 0x7A, byte >= 0x41 { folded.append(byte | 0x20) }
                index += 1
            } else if byte == 0xC3, index + 1 < bytes.count, let base = LatinLetterFolding.baseLetter(afterC3: bytes[index + 1]) {
                // U+00C0-U+00FF: C3 80-BF.
                folded.append(base)
                index += 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                // U+2019 (’): not a letter.
                index += 3
            } else {
                return nil
            }
        }
        return String(decoding: folded, as: UTF8.self)
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
