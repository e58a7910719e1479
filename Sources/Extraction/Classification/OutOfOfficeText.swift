import LeadModel

/// An out-of-office reply known by its text alone: no `Auto-Submitted` or `X-Autoreply`
/// header, no responder subject (a server-side responder that answers under `Re:`, a
/// client that sends the reply as plain mail, an HTML-only Exchange reply).
///
/// All of these must hold:
/// - the message's own text (before a quote: `>` lines, "On ... wrote:", an Outlook header
///   block, "-----Original Message-----") is short: at most ``maximumOwnTextBytes``;
/// - it *opens* with an out-of-office statement, after at most a greeting ("Hello,") and a
///   thank-you sentence ("Thank you for your email."): "I am (currently) out of the office",
///   "I'm away from my desk", "I will be out of the office from ...", "I am on vacation",
///   "Our office is closed ...", or in Spanish "Estoy fuera de la oficina hasta ..." (see
///   ``subjects``, ``predicates``);
/// - it says when the writer is back or whom to ask meanwhile (``cues``: "until",
///   "returning", "limited access", "if this is urgent", "please contact", ...);
/// - it says nothing about a project (``projectWords``, project types, lot status): "I'm
///   out of the office this week, but we want to build ..." is a homeowner's inquiry;
/// - it is no forward (a builder's "I'm out until Monday, can you call this person?" above
///   a forwarded lead is a lead).
///
/// A long inquiry that mentions being away is too long, or does not open with the
/// statement, or names its project: it stays a lead.
enum OutOfOfficeText {
    /// The most bytes of own text an out-of-office reply is taken to have.
    static let maximumOwnTextBytes = 1_200

    /// How far into the text the statement may start (after a greeting and a thank-you).
    static let maximumStatementStart = 240

    /// Who is away, lowercase, each ending with a space ("i'm " also matches "i’m ").
    static let subjects: [String] = [
        "i am ", "i'm ", "i will be ", "i'll be ", "i shall be ", "i will currently be ",
        "our office is ", "our offices are ", "our office will be ", "our offices will be ", "the office is ",
        "the office will be ",
        // Spanish: "(Actualmente) estoy / me encuentro / estaré fuera de la oficina", "Nuestra
        // oficina está cerrada".
        "estoy ", "me encuentro ", "estaré ", "actualmente estoy ", "actualmente me encuentro ", "nuestra oficina está ",
        "nuestra oficina estará ", "la oficina está ", "la oficina estará ",
    ]

    /// What may stand before the subject ("Please note that I am out of the office").
    static let prefaces: [String] = [
        "please note that ", "please note ", "please be advised that ", "just a note that ", "le informo que ", "le informamos que ",
    ]

    /// Words that may stand between the subject and the predicate.
    static let adverbs: [String] = ["currently ", "presently ", "now ", "temporarily ", "still ", "also "]

    /// What the writer is, lowercase; each must end at a word boundary.
    static let predicates: [String] = [
        "out of the office", "out of office", "out of town", "out of the country", "out on vacation", "out on leave",
        "out sick", "out until", "out through", "away from the office", "away from my desk", "away from my office",
        "away from email", "away from my email", "away on", "away until", "away and", "on vacation", "on holiday",
        "on holidays", "on leave", "on annual leave", "on maternity leave", "on paternity leave", "on parental leave",
        "on medical leave", "on sabbatical", "on pto", "on a business trip", "traveling", "travelling",
        "not in the office", "off work", "off until", "closed",
        "fuera de la oficina", "fuera de oficina", "fuera de la ciudad", "de vacaciones", "de viaje", "de permiso", "cerrada",
    ]

    /// Greetings a responder's text may open with, lowercase; the greeting ends at the first
    /// comma, "!", " -" or line break.
    static let greetings: [String] = [
        "hello", "hi", "hey", "greetings", "good morning", "good afternoon", "good day", "dear",
        "hola", "buenos días", "buenos dias", "buenas tardes", "estimado", "estimada", "saludos",
    ]

    /// Openings of a thank-you sentence, which ends at the first ".", "!", ";", "," or line break.
    static let thanks: [String] = ["thank you", "thanks", "many thanks", "gracias", "muchas gracias"]

    /// Words that say when the writer is back or whom to contact (at a word start, any ending).
    static let cues: [String] = [
        "until", "till", "return", "back in", "back on", "be back", "limited access", "urgent", "immediate",
        "in my absence", "please contact", "please reach", "contact my", "reopen", "when i get back", "upon my",
        "get back to you", "respond to your", "reply to your", "as soon as", "delayed",
        "hasta", "regres", "volver", "vuelvo", "acceso limitado", "urgente", "urgencia", "comuníquese", "comuniquese",
        "contacte", "llame", "responderé", "respondere", "lo antes posible",
    ]

    private static let cueTable = PhraseTable(cues)
    private static let projectWordTable = PhraseTable(projectWords)

    /// A homeowner's project words: with one of them the text is an inquiry, away or not.
    static let projectWords: [String] = [
        "build", "building", "built", "builder", "we want", "we'd like", "we would like", "we are looking",
        "we're looking", "looking to", "interested in", "our lot", "my lot", "our land", "our property", "our home",
        "our house", "my house", "budget", "bedroom", "bedrooms", "sq ft", "square feet", "floor plan", "remodel",
        "renovation", "addition", "acre", "acres", "quote", "estimate", "bid",
        "construir", "construcción", "construccion", "casa", "terreno", "lote", "presupuesto", "remodelación",
        "remodelacion", "remodelar", "ampliación", "ampliacion", "cotización", "cotizacion", "recámaras", "recamaras",
        "habitaciones", "pies cuadrados", "queremos", "nos gustaría", "nos gustaria", "estamos buscando",
    ]

    /// The out-of-office predicate `text` opens with (one of ``predicates``, not the
    /// text's own bytes), when the text is such a reply as described above; nil otherwise.
    static func statement(in text: String, subject: String?) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let start = Self.firstNonSpace(bytes), Self.mayOpen(bytes, at: start) else { return nil }
            guard let predicate = Self.openingPredicate(bytes, from: start) else { return nil }
            // Rare from here on: the text opened like a responder's.
            if let subject, Self.isForwardSubject(subject) { return nil }
            guard let ownEnd = Self.ownTextEnd(bytes, from: start) else { return nil }
            let own = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<ownEnd]), as: UTF8.self)
            let words = NoteWords(own)
            guard words.containsAtWordStart(cueTable) else { return nil }
            guard !words.contains(projectWordTable),
                  ProjectTypeVocabulary.vocabulary.bestSlug(in: own) == nil,
                  LotStatusVocabulary.status(in: own, acceptingShortAnswers: false) == nil else { return nil }
            return predicate
        }
    }

    // MARK: - The opening

    /// Whether the text's first word (from `start`, A-Z folded, up to a byte that is no
    /// letter or apostrophe) is one a greeting, a thank-you, a preface or a statement starts
    /// with: most texts ("New lead", "Name:", "We are looking ...") are ruled out here,
    /// before anything is prepared.
    private static func mayOpen(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var end = start
        while end < bytes.count, end - start <= 12 {
            let byte = bytes[end] &- 0x41 < 26 ? bytes[end] | 0x20 : bytes[end]
            guard (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "'") || byte >= 0x80 else { break }
            end += 1
        }
        let length = end - start
        guard length > 0, length <= 12 else { return false }
        for word in openingWordBytes where word.count == length || (word.count < length && bytes[start + word.count] >= 0x80) {
            var offset = 0
            while offset < word.count, (bytes[start + offset] &- 0x41 < 26 ? bytes[start + offset] | 0x20 : bytes[start + offset]) == word[offset] {
                offset += 1
            }
            if offset == word.count { return true }
        }
        return false
    }

    /// The first words of ``greetings``, ``thanks``, ``prefaces`` and ``subjects`` (a word
    /// followed by a non-ASCII byte, "I’m", counts by its ASCII part).
    private static let openingWordBytes: [[UInt8]] = {
        var words: [[UInt8]] = []
        for phrase in greetings + thanks + prefaces + subjects {
            let first = Array(phrase.utf8.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ",") })
            if !words.contains(first) { words.append(first) }
        }
        return words
    }()

    /// The predicate of the statement the text opens with, trying it at the start, after a
    /// greeting, after a thank-you sentence, and after both.
    private static func openingPredicate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        let limit = min(bytes.count, start + maximumStatementStart + 80)
        // The opening, folded, with each run of spaces and line breaks made one space and a
        // right single quote made an apostrophe (on the stack: no allocation per message).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: limit - start) { buffer -> String? in
            // Prepared as far as the statement at the start or after a greeting can reach;
            // further only for a text with a thank-you sentence: to its end, then to the
            // statement after it.
            var preparation = Preparation(index: start)
            preparation.prepare(bytes, limit: limit, into: buffer, atLeast: nearReach)
            let near = UnsafeBufferPointer(rebasing: buffer[..<preparation.count])
            if let predicate = Self.predicate(near, at: 0) { return predicate }
            let afterGreeting = Self.afterGreeting(near, at: 0)
            if let afterGreeting, let predicate = Self.predicate(near, at: afterGreeting) { return predicate }
            let thanksStart = afterGreeting ?? 0
            guard Self.opensWithThanks(near, at: thanksStart) else { return nil }
            preparation.prepare(bytes, limit: limit, into: buffer, atLeast: thanksStart + thanksReach)
            let sentence = UnsafeBufferPointer(rebasing: buffer[..<preparation.count])
            guard let afterThanks = Self.afterThanks(sentence, at: thanksStart), afterThanks <= maximumStatementStart else { return nil }
            preparation.prepare(bytes, limit: limit, into: buffer, atLeast: afterThanks + statementReach)
            return Self.predicate(UnsafeBufferPointer(rebasing: buffer[..<preparation.count]), at: afterThanks)
        }
    }

    /// Past the furthest byte ``afterThanks(_:at:)`` reads from where the sentence starts
    /// (its 161-byte search for the sentence's end, then at most one space).
    private static let thanksReach = 164

    /// How many prepared bytes the readings at the start and after a greeting look at, at
    /// most: a greeting and its separator end within ``greetingReach`` bytes, and a statement
    /// (preface, subject, two adverbs, predicate, and the byte after it) takes
    /// ``statementReach``. Prepared that far, those readings see what they would see in the
    /// whole opening.
    private static let nearReach = greetingReach + statementReach

    /// Past the furthest byte ``afterGreeting(_:at:)`` reads from the start (its 41-byte
    /// search for a separator, then at most one space: a prepared run of them is one byte).
    private static let greetingReach = 48

    private static let statementReach: Int = {
        func longest(_ phrases: [[UInt8]]) -> Int { phrases.map(\.count).max() ?? 0 }
        return longest(prefaceBytes) + longest(subjectBytes) + 2 * longest(adverbBytes) + longest(predicateBytes) + 1
    }()

    /// The opening prepared so far: where in the text it goes on, how many bytes it has, and
    /// whether the last is a space or line break (the one prepared byte a later one may change).
    private struct Preparation {
        var index: Int
        var count = 0
        var lastWasSpace = false

        /// Prepares on until `wanted` bytes are prepared, the last of them final (not a space
        /// or line break, which a line break further on could change), or the text up to
        /// `limit` is.
        mutating func prepare(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, into buffer: UnsafeMutableBufferPointer<UInt8>,
                              atLeast wanted: Int) {
            // (In locals for the loop, not written back to `self` byte by byte.)
            var index = index, count = count, lastWasSpace = lastWasSpace
            defer { (self.index, self.count, self.lastWasSpace) = (index, count, lastWasSpace) }
            while index < limit, count < wanted || lastWasSpace {
                var byte = bytes[index]
                index += 1
                if byte > 0x20, byte < 0x80 {
                    // Most bytes: ASCII, and no space or line break.
                    lastWasSpace = false
                    buffer[count] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    count += 1
                    continue
                }
                if byte == 0xE2, index + 1 < bytes.count, bytes[index] == 0x80, bytes[index + 1] == 0x99 {
                    byte = UInt8(ascii: "'")
                    index += 2
                } else if byte == 0xC2, index < bytes.count, bytes[index] == 0xA0 {
                    byte = 0x20
                    index += 1
                }
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    // One space for each run; a run with a line break is one line break (a
                    // greeting ends there; a statement reads it as a space).
                    let isBreak = byte == 0x0A || byte == 0x0D
                    if !lastWasSpace {
                        buffer[count] = isBreak ? 0x0A : 0x20
                        count += 1
                    } else if isBreak {
                        buffer[count - 1] = 0x0A
                    }
                    lastWasSpace = true
                    continue
                }
                lastWasSpace = false
                buffer[count] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                count += 1
            }
        }
    }

    /// Whether a thank-you sentence starts at `position`.
    private static func opensWithThanks(_ prepared: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        thanksBytes.contains { Self.hasWord(prepared, at: position, $0) }
    }

    /// After a greeting at `position` and its separator and spaces, or nil.
    private static func afterGreeting(_ prepared: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        guard greetingBytes.contains(where: { Self.hasWord(prepared, at: position, $0) }) else { return nil }
        var index = position
        while index < prepared.count, index - position <= 40 {
            let byte = prepared[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "!") || byte == 0x0A
                || (byte == UInt8(ascii: "-") && index > 0 && prepared[index - 1] == 0x20) {
                return Self.skippingSpaces(prepared, from: index + 1)
            }
            index += 1
        }
        return nil
    }

    /// After a thank-you sentence at `position` and its separator and spaces, or nil.
    private static func afterThanks(_ prepared: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        guard opensWithThanks(prepared, at: position) else { return nil }
        var index = position
        while index < prepared.count, index - position <= 160 {
            switch prepared[index] {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: ";"), UInt8(ascii: ","), 0x0A:
                return Self.skippingSpaces(prepared, from: index + 1)
            case UInt8(ascii: "-") where index > 0 && prepared[index - 1] == 0x20:
                return Self.skippingSpaces(prepared, from: index + 1)
            default:
                index += 1
            }
        }
        return nil
    }

    /// The predicate of a statement at `position`: a subject, at most two adverbs, a predicate.
    private static func predicate(_ prepared: UnsafeBufferPointer<UInt8>, at start: Int) -> String? {
        var position = start
        if let preface = prefaceBytes.first(where: { Self.bytes(prepared, at: start, equal: $0) }) { position += preface.count }
        for subject in subjectBytes where Self.bytes(prepared, at: position, equal: subject) {
            var index = position + subject.count
            for _ in 0..<2 {
                guard let adverb = adverbBytes.first(where: { Self.bytes(prepared, at: index, equal: $0) }) else { break }
                index += adverb.count
            }
            for (offset, predicate) in predicateBytes.enumerated() where Self.bytes(prepared, at: index, equal: predicate) {
                let end = index + predicate.count
                if end == prepared.count || !Self.isWordByte(prepared[end]) { return predicates[offset] }
            }
        }
        return nil
    }

    private static let greetingBytes = greetings.map { Array($0.utf8) }
    private static let thanksBytes = thanks.map { Array($0.utf8) }
    private static let prefaceBytes = prefaces.map { Array($0.utf8) }
    private static let subjectBytes = subjects.map { Array($0.utf8) }
    private static let adverbBytes = adverbs.map { Array($0.utf8) }
    private static let predicateBytes = predicates.map { Array($0.utf8) }

    // MARK: - The own text

    /// Where the own text ends (at a quote or the text's end), or nil when it is longer than
    /// ``maximumOwnTextBytes`` or a forwarded message starts.
    private static func ownTextEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var lineStart = start
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var first = lineStart
            while first < lineEnd, bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D { first += 1 }
            // The markers are read within a line's first 120 bytes, A-Z folded.
            let line = UnsafeBufferPointer(rebasing: bytes[first..<max(first, min(lineEnd, lineStart + 120))])
            if forwardMarkerBytes.contains(where: { FoldedSearch.hasPrefix(line, bytes: $0) }) { return nil }
            if line.first == UInt8(ascii: ">") || quoteMarkerBytes.contains(where: { FoldedSearch.hasPrefix(line, bytes: $0) })
                || (FoldedSearch.hasPrefix(line, bytes: onBytes) && FoldedSearch.contains(line, bytes: wroteBytes))
                || (FoldedSearch.hasPrefix(line, bytes: elBytes) && FoldedSearch.contains(line, bytes: escribioBytes)) {
                return lineStart
            }
            if lineEnd - start > maximumOwnTextBytes { return nil }
            lineStart = lineEnd + 1
        }
        return bytes.count - start > maximumOwnTextBytes ? nil : bytes.count
    }

    private static let quoteMarkerBytes = quoteMarkers.map { Array($0.utf8) }
    private static let forwardMarkerBytes = forwardMarkers.map { Array($0.utf8) }
    private static let onBytes = Array("on ".utf8)
    private static let wroteBytes = Array("wrote:".utf8)
    /// Gmail's Spanish attribution: "El lun, 16 nov 2026 a las 9:15, Ana <...> escribió:".
    private static let elBytes = Array("el ".utf8)
    private static let escribioBytes = Array("escribió:".utf8)

    /// Lines (lowercase, leading spaces dropped) that start the quoted original of a reply.
    static let quoteMarkers: [String] = [
        "-----original message", "----- original message", "from: ", "sent from my", "________",
        "-----mensaje original", "----- mensaje original", "de: ", "enviado desde mi",
    ]

    /// Lines that start a forwarded message.
    static let forwardMarkers: [String] = [
        "---------- forwarded message", "-------- forwarded message", "----- forwarded message", "begin forwarded message",
    ]

    private static func isForwardSubject(_ subject: String) -> Bool {
        let lower = subject.lowercased().drop { $0 == " " }
        return lower.hasPrefix("fw:") || lower.hasPrefix("fwd:") || lower.hasPrefix("fw :") || lower.hasPrefix("fwd :")
    }

    // MARK: - Bytes

    private static func firstNonSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.firstIndex { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
    }

    private static func skippingSpaces(_ prepared: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index < prepared.count, prepared[index] == 0x20 || prepared[index] == 0x0A { index += 1 }
        return index
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    private static func bytes(_ prepared: UnsafeBufferPointer<UInt8>, at position: Int, equal needle: [UInt8]) -> Bool {
        guard position + needle.count <= prepared.count else { return false }
        var offset = 0
        while offset < needle.count {
            let byte = prepared[position + offset]
            if byte != needle[offset], !(byte == 0x0A && needle[offset] == 0x20) { return false }
            offset += 1
        }
        return true
    }

    /// `word` at `position`, followed by no letter or digit.
    private static func hasWord(_ prepared: UnsafeBufferPointer<UInt8>, at position: Int, _ needle: [UInt8]) -> Bool {
        guard Self.bytes(prepared, at: position, equal: needle) else { return false }
        let end = position + needle.count
        return end == prepared.count || !isWordByte(prepared[end])
    }
}
