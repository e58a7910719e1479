import LeadModel
import MIME

/// Spam: what a filter upstream marked, and the pitches builders' contact forms attract.
///
/// - `X-Spam-Flag: YES`, or `X-Spam-Status: Yes, ...` (SpamAssassin) → spam.
/// - Content: pitch phrases of two or more groups (SEO and web design, crypto, business
///   loans, lead-selling, guest posts; phrases of one group count once, as a homeowner's
///   "crypto" and "bitcoin" are one topic) *and* nothing about a building project (no
///   project type, lot, budget or timeline phrase, no house or building word). Conservative
///   on purpose: a homeowner who mentions their website or a loan still has a project, and
///   a lost lead costs more than a spam lead someone deletes. Footer words that real lead
///   notifications carry (`unsubscribe`, `click here`, `get more leads`) are deliberately
///   not pitch phrases.
/// - Two of the ``vendorOnlyPhrases`` (`pay per lead`, `appointment setting`, `backlinks`,
///   ...), which only a vendor pitching the builder writes, are spam even beside project
///   words: pitches to builders name the trade ("custom home builder").
enum SpamRule {
    static let pitchPhrases: [(label: String, phrases: [String])] = [
        ("SEO", ["seo", "search engine optimization", "first page of google", "page 1 of google", "rank higher",
                 "ranking on google", "google ranking", "organic traffic", "backlinks", "domain authority", "guest post",
                 "rank your website"]),
        ("web design", ["website redesign", "redesign your website", "web design services", "web development services",
                        "mobile app development"]),
        ("crypto", ["bitcoin", "crypto", "cryptocurrency", "forex", "binary options", "nft"]),
        ("business loan", ["business loan", "working capital", "merchant cash advance", "funding for your business",
                           "line of credit for your business", "pre-approved for up to"]),
        ("lead selling", ["appointment setting", "lead generation services", "virtual assistant services",
                          "we can send you leads", "pay per lead", "guaranteed leads", "exclusive leads"]),
        ("marketing", ["social media marketing services", "digital marketing services", "increase your sales"]),
        ("account scam", ["pending withdrawal", "claim now", "confirm within 24 hours", "release your funds",
                          "verify your wallet"]),
    ]

    /// Pitch phrases no homeowner writes in an inquiry, only a vendor selling to the builder:
    /// each counts on its own (not once per group), and two of them make spam whatever else
    /// the text says.
    static let vendorOnlyPhrases: Set<String> = [
        "organic traffic", "backlinks", "rank your website", "appointment setting", "lead generation services",
        "we can send you leads", "pay per lead", "guaranteed leads", "exclusive leads",
    ]

    /// Every pitch phrase, in `pitchPhrases` order, for the byte prefilter.
    private static let pitchScanner = ASCIIPhraseScanner(pitchPhrases.flatMap(\.phrases))

    static func verdict(_ message: MIMEMessage, _ headers: ClassificationHeaders) -> NotALeadVerdict? {
        headerVerdict(headers) ?? contentVerdict(message)
    }

    /// What the spam filter headers say.
    static func headerVerdict(_ headers: ClassificationHeaders) -> NotALeadVerdict? {
        if let flag = headers.xSpamFlag, HeaderToken.first(flag) == "yes" {
            return NotALeadVerdict(kind: .spam, reason: "spam (X-Spam-Flag)")
        }
        if let status = headers.xSpamStatus, HeaderToken.first(status).hasPrefix("yes") {
            return NotALeadVerdict(kind: .spam, reason: "spam (X-Spam-Status)")
        }
        return nil
    }

    /// What the subject and text say: a pitch, or nil.
    static func contentVerdict(_ message: MIMEMessage) -> NotALeadVerdict? {
        if mayHaveNoPitch(subject: message.subject ?? "", body: message.text ?? "") { return nil }
        // (The text's own prefix first: a break always follows "\n", so the joined prefix is
        // the same, without copying a huge body. Cut on the bytes when that is exact.)
        var bounded = Self.asciiBoundedText(subject: message.subject ?? "", body: message.text ?? "")
            ?? Self.characterBoundedText(subject: message.subject ?? "", body: message.text ?? "")
        // One byte pass says which phrases can occur at all; only those get the exact
        // word-boundary search. ASCII text is scanned as is, with A-Z folded (what
        // lowercasing would give); other text is lowercased first.
        let isASCII = bounded.withUTF8 { Self.isASCII($0) }
        let present = isASCII
            ? bounded.withUTF8 { pitchScanner.occurrences(inBytes: $0, foldingCase: true) }
            : pitchScanner.occurrences(in: bounded.lowercased())
        // Two confirmed phrases are needed, so two present ones at least.
        guard present.lazy.filter({ $0 }).count >= 2 else { return nil }
        let lower = isASCII ? "" : bounded.lowercased()
        var kinds: [String] = []
        // Groups hit by an ordinary phrase, plus each vendor-only phrase found.
        var signals = 0
        var vendorOnlyCount = 0
        var flat = 0
        for group in pitchPhrases {
            var groupHit = false
            var ordinaryHit = false
            for phrase in group.phrases {
                if present[flat], isASCII ? bounded.withUTF8({ containsWord(asciiBytes: $0, phrase) }) : containsWord(lower, phrase) {
                    groupHit = true
                    if vendorOnlyPhrases.contains(phrase) { vendorOnlyCount += 1 } else { ordinaryHit = true }
                }
                flat += 1
            }
            if groupHit { kinds.append(group.label) }
            if ordinaryHit { signals += 1 }
        }
        signals += vendorOnlyCount
        guard signals >= 2, !kinds.isEmpty else { return nil }
        guard vendorOnlyCount >= 2 || !mentionsProject(bounded, isASCII: isASCII) else { return nil }
        return NotALeadVerdict(kind: .spam, reason: "spam (\(kinds.joined(separator: ", ")) pitch)")
    }

    /// True when the subject and text together hold fewer than two pitch phrases, so the
    /// verdict below is nil; false when they may hold two (the full check then runs).
    ///
    /// Without copying or lowercasing: when subject + "\n" + text is at most 20,000 UTF-8
    /// bytes it is never cut, phrases (no line breaks) occur in the subject or the text, and
    /// A-Z folded to a-z gives the ASCII bytes lowercasing gives, except after U+0130 or
    /// U+212A (whose lowercase forms are ASCII letters): text holding those takes the full check.
    static func mayHaveNoPitch(subject: String, body: String) -> Bool {
        guard subject.utf8.count + 1 + body.utf8.count <= 20_000 else { return false }
        var present = [Bool](repeating: false, count: pitchScanner.phrases.count)
        func mark(_ part: String) -> Bool {
            var part = part
            return part.withUTF8 { bytes -> Bool in
                if hasASCIILowercasingScalar(bytes) { return false }
                // Only phrases at a word start and before a non-letter can be confirmed:
                // the word-start scan looks at those alone (and stops at two).
                if let wordStartScanner {
                    wordStartScanner.markOccurrences(inBytes: bytes, into: &present, stopAt: 2)
                } else {
                    pitchScanner.markOccurrences(inBytes: bytes, foldingCase: true, into: &present)
                }
                return true
            }
        }
        guard mark(subject), mark(body) else { return false }
        return present.lazy.filter { $0 }.count < 2
    }

    // MARK: - The pitch prefilter in the spec literals' pass

    /// Phrases shorter than four bytes: ``FoldedLiteralScanner`` finds those only by looking
    /// at every position, so the first is scanned for as its four-byte variants (below) and
    /// the others are not scanned for at all (counted as maybe present).
    private static let shortPhrases = pitchPhrases.flatMap(\.phrases).filter { $0.utf8.count < 4 }

    /// The pitch prefilter's slots in the spec set's one literal pass (extra slots of
    /// ``DetectionLiterals``): each pitch phrase of four bytes or more, then the first short
    /// phrase followed by any byte but an ASCII letter. A confirmed phrase is never followed
    /// by a letter (see ``containsWord(_:_:)``): so that slot misses it only at the very end
    /// of the subject or text, which ``rulesOutPitch(subject:text:subjectPresence:textPresence:from:)`` checks.
    static let presenceSlots: [[[UInt8]]] = {
        var slots = pitchPhrases.flatMap(\.phrases).filter { $0.utf8.count >= 4 }.map { [Array($0.utf8)] }
        if let keyed = shortPhrases.first {
            let followers = (UInt8(0)...UInt8(255)).filter { !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }
            slots.append(followers.map { Array(keyed.utf8) + [$0] })
        }
        return slots
    }()

    /// True when the literal pass shows that `subject` and `text` (the message's own, as
    /// ``contentVerdict(_:)`` reads them) hold fewer than two pitch phrases, so that
    /// verdict is nil; false when they may hold two. `subjectPresence` and `textPresence`:
    /// ``DetectionLiterals/presence(in:)`` of each (nil when a case-folding hazard, which
    /// includes U+0130 and U+212A, was found), their ``presenceSlots`` from `start`.
    ///
    /// The same reading as ``mayHaveNoPitch(subject:body:)``: at most 20,000 bytes, so never
    /// cut; no scalar whose lowercase form is ASCII, so every confirmed phrase occurs in
    /// the subject or the text with A-Z folded, which the literal pass finds.
    static func rulesOutPitch(subject: String, text: String, subjectPresence: [Bool]?, textPresence: [Bool]?, from start: Int) -> Bool {
        guard subject.utf8.count + 1 + text.utf8.count <= 20_000, let subjectPresence, let textPresence,
              subjectPresence.count >= start + presenceSlots.count, textPresence.count == subjectPresence.count else { return false }
        // The short phrases count as present; the phrases of four bytes or more when found.
        let longCount = presenceSlots.count - (shortPhrases.isEmpty ? 0 : 1)
        // (Counted to three at most: the keyed phrase below takes one off, and two decide.)
        var possible = shortPhrases.count
        possible += DetectionLiterals.countSet(in: subjectPresence, or: textPresence, slots: start..<(start + longCount),
                                               upTo: max(0, 3 - possible))
        // The keyed short phrase is ruled out unless a variant occurred or a part ends with it.
        let keyedSlot = start + longCount
        if let keyed = keyedShortPhrase, !(subjectPresence[keyedSlot] || textPresence[keyedSlot]),
           !endsWithFolded(subject, keyed), !endsWithFolded(text, keyed) {
            possible -= 1
        }
        return possible < 2
    }

    /// The short phrase scanned for as variants, as bytes.
    private static let keyedShortPhrase = shortPhrases.first.map { Array($0.utf8) }

    /// Whether the last bytes of `text`, A-Z folded, are `suffix` (lowercase ASCII).
    private static func endsWithFolded(_ text: String, _ suffix: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= suffix.count else { return false }
            var position = bytes.count - suffix.count
            for wanted in suffix {
                let byte = bytes[position]
                guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == wanted else { return false }
                position += 1
            }
            return true
        }
    }

    /// The pitch phrases for ``mayHaveNoPitch(subject:body:)``, in `pitchPhrases` order
    /// (nil only if a phrase were not lowercase ASCII starting with a letter).
    static let wordStartScanner = WordStartPhraseScanner(pitchPhrases.flatMap(\.phrases))

    /// The text the full check reads, `(subject + "\n" + body.prefix(20_000)).prefix(20_000)`,
    /// cut on the bytes when what it keeps is ASCII and so is the byte after the body's cut
    /// (a combining mark there would join the last Character): in ASCII every byte is one
    /// Character but CR LF, which is one, so counting Characters is counting bytes with CR LF
    /// as one (the subject's last CR joins the "\n"). nil otherwise (the Character path).
    static func asciiBoundedText(subject: String, body: String) -> String? {
        let limit = 20_000
        /// The byte length of `bytes`' first `limit` Characters, ASCII as above; nil at a
        /// non-ASCII byte before or just after that.
        func characterEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            var index = 0
            var characters = 0
            while index < bytes.count, characters < limit {
                guard bytes[index] < 0x80 else { return nil }
                index += bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                characters += 1
            }
            guard index == bytes.count || bytes[index] < 0x80 else { return nil }
            return index
        }
        var subject = subject
        var body = body
        return subject.withUTF8 { subjectBytes -> String? in
            guard isASCII(subjectBytes) else { return nil }
            return body.withUTF8 { bodyBytes -> String? in
                guard let bodyEnd = characterEnd(bodyBytes) else { return nil }
                var joined: [UInt8] = []
                joined.reserveCapacity(subjectBytes.count + 1 + bodyEnd)
                joined.append(contentsOf: subjectBytes)
                joined.append(0x0A)
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bodyBytes[..<bodyEnd]))
                return joined.withUnsafeBufferPointer { all -> String? in
                    guard let end = characterEnd(all) else { return nil }
                    return String(decoding: UnsafeBufferPointer(rebasing: all[..<end]), as: UTF8.self)
                }
            }
        }
    }

    /// The Character path of ``asciiBoundedText(subject:body:)``.
    static func characterBoundedText(subject: String, body: String) -> String {
        String((subject + "\n" + body.prefix(20_000)).prefix(20_000))
    }

    /// Whether every byte is ASCII, eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Whether UTF-8 `bytes` hold U+0130 (C4 B0) or U+212A (E2 84 AA).
    private static func hasASCIILowercasingScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 1 < bytes.count {
            // Eight ASCII bytes at a time: neither sequence starts in them.
            if index + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            if bytes[index] == 0xC4, bytes[index + 1] == 0xB0 { return true }
            if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x84, bytes[index + 2] == 0xAA { return true }
            index += 1
        }
        return false
    }

    /// Words about a house, a lot or building one, as a homeowner writes them, beside the
    /// project-type and lot vocabularies. Each counts as a whole word ("lot" not in "pilot",
    /// "build" not in "builds backlinks").
    static let projectWords = [
        "bedroom", "bedrooms", "bed", "bathroom", "bathrooms", "bath", "baths", "floor plan", "floor plans",
        "square feet", "square foot", "sq ft", "sq. ft", "sqft", "sf", "our budget", "break ground", "our house",
        "our home", "my house", "my home", "build", "builder", "builders", "building", "house", "home", "homes",
        "cabin", "cottage", "place", "lot", "lots", "acre", "acres", "land", "property", "remodel", "renovation",
        "addition", "construction",
    ]
    private static let projectWordScanner = ASCIIPhraseScanner(projectWords)

    /// Whether the text talks about a building project at all. `isASCII`: every byte of
    /// `text` is ASCII (then the words are found on its bytes with A-Z folded, which is
    /// what a search of the lowercased text finds: no word holds CR or LF, the one ASCII
    /// pair that is a single Character); the byte scan says which words occur at all, and
    /// only those are checked as whole words.
    static func mentionsProject(_ text: String, isASCII: Bool = false) -> Bool {
        if ProjectTypeVocabulary.vocabulary.bestSlug(in: text) != nil { return true }
        if LotStatusVocabulary.status(in: text, acceptingShortAnswers: false) != nil { return true }
        if isASCII {
            var text = text
            return text.withUTF8 { bytes in
                let present = projectWordScanner.occurrences(inBytes: bytes, foldingCase: true)
                return present.indices.contains { present[$0] && containsWord(asciiBytes: bytes, projectWords[$0]) }
            }
        }
        let lower = text.lowercased()
        return projectWords.contains { containsWord(lower, $0) }
    }

    /// `phrase` in `text` at word boundaries ("nft" not inside "infantry").
    static func containsWord(_ text: String, _ phrase: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text[searchStart...].firstRange(of: phrase) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false), !(before?.isNumber ?? false), !(after?.isLetter ?? false) { return true }
            searchStart = range.upperBound
        }
        return false
    }

    /// ``containsWord(_:_:)`` of the lowercased text, on ASCII `bytes` with A-Z folded and a
    /// lowercase ASCII `phrase`. The same answer: an ASCII Character is one byte (but CR LF,
    /// which no phrase starts or ends inside), and for one the letters are A-Z and a-z, the
    /// numbers 0-9; the search resumes after a rejected match, as there.
    static func containsWord(asciiBytes bytes: UnsafeBufferPointer<UInt8>, _ phrase: String) -> Bool {
        let needle = Array(phrase.utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else { return false }
        func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        func isLetter(_ byte: UInt8) -> Bool { (folded(byte) >= 0x61 && folded(byte) <= 0x7A) }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var start = 0
        while start + needle.count <= bytes.count {
            var matched = true
            for offset in needle.indices where folded(bytes[start + offset]) != needle[offset] {
                matched = false
                break
            }
            guard matched else {
                start += 1
                continue
            }
            let end = start + needle.count
            let before: UInt8? = start == 0 ? nil : bytes[start - 1]
            let after: UInt8? = end == bytes.count ? nil : bytes[end]
            if !(before.map { isLetter($0) || isDigit($0) } ?? false), !(after.map(isLetter) ?? false) { return true }
            start = end
        }
        return false
    }
}
