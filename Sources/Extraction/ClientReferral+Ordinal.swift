import LeadModel

/// Several clients announced, then named one by one: "I have two clients looking to build
/// ... The first is Jim Parker, 512-555-0190. The second, Sue Ortiz, ...". The cue ("two
/// clients") is followed by no name, so ``ClientReferral/clientName(in:accepts:declined:)``
/// finds none.
///
/// The decision (session 19): the client the writer introduces as the first ("The first is
/// Jim Parker", "The first, Jim Parker,", "First client: Jim Parker", "Client 1: ...") is
/// the lead, and the "several clients" flag is kept, naming the second when the writer
/// introduces one as such ("the message names another client too, Sue Ortiz"), so the
/// builder sees whom else to call. It is safe because the writer says in so many words that
/// the name is a client's, and the first client's contact details are taken only from the
/// first client's own part of the text: from their name to where the second is introduced,
/// the paragraph's end or the writer's signature, whichever comes first. A number or address
/// outside it (the second client's, the writer's) is never the first's: with none inside,
/// the lead keeps the writer's contact, as for any client without details.
///
/// The name must read as a person's (two to four capitalised words, no company word) and
/// end its clause (punctuation, the line's end, or `and his wife`, `who owns`, ...: not
/// "The first is Dripping Springs based"). A place written exactly so ("The first is Bee
/// Cave, the second Kyle") would still pass: rare after "I have two clients", and flagged.
///
/// Left alone: names after a several-clients cue that no ordinal introduces ("Jim and Sue
/// Parker want a custom home ... Separately, Raj Patel ..."). A capitalised name in free
/// text may be the writer's colleague, the builder, or a past client; the lead stays the
/// writer's, flagged, as session 18 decided.
extension ClientReferral {
    /// What introduces the first of several clients, lowercase ASCII (a word's start, A-Z
    /// folded), the name right after it.
    static let firstClientLeads: [StaticString] = [
        "the first is ", "the first one is ", "the first client is ", "the first, ", "the first: ", "first client: ",
        "first client is ", "first client, ", "client 1: ", "client #1: ", "client one: ",
    ]

    /// What introduces the second (or the other) client.
    static let secondClientLeads: [StaticString] = [
        "the second is ", "the second one is ", "the second client is ", "the second, ", "the second: ", "second client: ",
        "second client is ", "second client, ", "client 2: ", "client #2: ", "client two: ", "the other is ", "the other one is ",
        "the other client is ", "the other, ",
    ]

    /// The first of several clients as the writer introduces them, with their own part of
    /// the text.
    struct OrderedClient {
        /// The first client, named after a ``firstClientLeads`` phrase (its `cue`).
        var client: ClientName
        /// The text from the first client's name to the second's lead, the paragraph's end
        /// or the first line `accepts` refuses; and the 1-based line it starts on.
        var part: String
        var partLine: Int
        /// The second client, "First Last", when a ``secondClientLeads`` phrase names one.
        var second: String?
    }

    /// The first client of `text` introduced by an ordinal (see the extension's comment), on
    /// a line `accepts` (above the writer's signature); nil when none is, or it names a
    /// referrer.
    static func firstOfSeveral(in text: String, accepts: (Int) -> Bool) -> OrderedClient? {
        var copy = text
        return copy.withUTF8 { bytes -> OrderedClient? in
            guard let (lead, _, nameStart, line) = ordinalLead(bytes, from: 0, firstClientLeads), accepts(line) else { return nil }
            let stop = nameWordsEnd(bytes, from: nameStart, overLines: false)
            guard let (name, words, length) = nameAfter(UnsafeBufferPointer(rebasing: bytes[nameStart..<stop]), overLines: false) else {
                return nil
            }
            let nameEnd = nameStart + length
            guard endsName(bytes, at: nameEnd) else { return nil }
            let after = UnsafeBufferPointer(rebasing: bytes[nameEnd..<min(bytes.count, nameEnd + 160)])
            guard !isReferrer(before: UnsafeBufferPointer(rebasing: bytes[0..<0]), after: after) else { return nil }
            // The first client's part: to the second's lead, a blank line or a refused line.
            var end = nameEnd
            var partEndLine = line
            var second: String?
            let secondLead = ordinalLead(bytes, from: nameEnd, secondClientLeads)
            let partLimit = secondLead?.1 ?? bytes.count
            while end < partLimit {
                if bytes[end] == 0x0A {
                    var next = end + 1
                    while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D { next += 1 }
                    if next >= bytes.count || bytes[next] == 0x0A || !accepts(partEndLine + 1) { break }
                    partEndLine += 1
                }
                end += 1
            }
            if let (_, _, secondStart, secondLine) = secondLead, accepts(secondLine) {
                let secondStop = nameWordsEnd(bytes, from: secondStart, overLines: false)
                if let (other, _, otherLength) = nameAfter(UnsafeBufferPointer(rebasing: bytes[secondStart..<secondStop]), overLines: false),
                   endsName(bytes, at: secondStart + otherLength), let first = other.first, let last = other.last, (first, last) != (name.first, name.last) {
                    second = "\(first) \(last)"
                }
            }
            let cue = String(decoding: UnsafeBufferPointer(start: lead.utf8Start, count: lead.utf8CodeUnitCount), as: UTF8.self)
            let shown = String(cue.drop { $0 == " " }.reversed().drop { $0 == " " || $0 == "," || $0 == ":" }.reversed())
            return OrderedClient(
                client: ClientName(name: name, line: line, cue: shown, words: words),
                part: String(decoding: UnsafeBufferPointer(rebasing: bytes[nameEnd..<end]), as: UTF8.self), partLine: line, second: second)
        }
    }

    /// The first of `leads` at a word's start in `bytes` from `from` on, followed by a
    /// capital (a name's start, a title passed over): the lead, its start, the name's start
    /// and its 1-based line.
    private static func ordinalLead(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, _ leads: [StaticString]
    ) -> (StaticString, Int, Int, Int)? {
        var line = 1
        for index in 0..<from where bytes[index] == 0x0A { line += 1 }
        var index = from
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            // ("the ...", "first ...", "client ...": a word's start, after no letter.)
            let lower = byte | 0x20
            guard lower == UInt8(ascii: "t") || lower == UInt8(ascii: "f") || lower == UInt8(ascii: "c") || lower == UInt8(ascii: "s"),
                  index == 0 || !isLetterByte(bytes[index - 1]),
                  let lead = leads.first(where: { startsWith(bytes, at: index, $0) }) else {
                index += 1
                continue
            }
            var start = index + lead.utf8CodeUnitCount
            if let title = titles.filter({ startsWith(bytes, at: start, $0) }).max(by: { $0.utf8CodeUnitCount < $1.utf8CodeUnitCount }) {
                start += title.utf8CodeUnitCount
            }
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            if start < bytes.count, (bytes[start] >= 0x41 && bytes[start] <= 0x5A) || bytes[start] >= 0x80 {
                return (lead, index, start, line)
            }
            index += 1
        }
        return nil
    }

    /// An address in the first client's part (not the writer's, the builder's or a no-reply
    /// one), with its 1-based line.
    static func emailInPart(_ ordered: OrderedClient, writer: String, builder: LeadBuilder) -> (String, Int)? {
        // (Most parts hold no "@".)
        guard ordered.part.utf8.contains(0x40) else { return nil }
        for (offset, line) in LineSplitter.lines(ordered.part).enumerated() where line.utf8.contains(0x40) {
            for token in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) where token.utf8.contains(0x40) {
                guard let email = ValueNormalizer.email(String(token)), email.lowercased() != writer,
                      !builder.isBuilderAddress(email), !NoReplyAddress.isNoReply(email) else { continue }
                return (email, ordered.partLine + offset)
            }
        }
        return nil
    }

    /// Lowercase words that may follow a client's name in its sentence ("Jim Parker, ...",
    /// "Jim Parker and his wife ...", "Jim Parker who owns ..."): a place read as a name
    /// ("The first is Dripping Springs based") is followed by other words.
    private static let afterName: [StaticString] = ["his ", "her ", "their ", "who ", "wants ", "want ", "has ", "have ", "owns ", "own ", "needs ", "would "]

    /// Whether a name read up to `end` ends there: at punctuation, the line's or the text's
    /// end, or before one of ``afterName``.
    private static func endsName(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        // (A name read to a sentence's end took its period: "The first is Jim Parker.")
        if end > 0, bytes[end - 1] == UInt8(ascii: ".") { return true }
        var index = end
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count else { return true }
        switch bytes[index] {
        case 0x0D, 0x0A, UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "-"), UInt8(ascii: "!"), UInt8(ascii: "?"):
            return true
        default:
            return afterName.contains { startsWith(bytes, at: index, $0) }
        }
    }
}
