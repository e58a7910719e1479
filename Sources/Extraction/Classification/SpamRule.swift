import LeadModel
import MIME

/// Spam: what a filter upstream marked, and the pitches builders' contact forms attract.
///
/// - `X-Spam-Flag: YES`, or `X-Spam-Status: Yes, ...` (SpamAssassin) → spam.
/// - Content: two or more distinct pitch phrases (SEO and web design, crypto, business
///   loans, lead-selling, guest posts) *and* nothing about a building project (no project
///   type, lot, budget or timeline phrase). Conservative on purpose: a homeowner who
///   mentions their website or a loan still has a project, and a lost lead costs more
///   than a spam lead someone deletes. Footer words that real lead notifications carry
///   (`unsubscribe`, `click here`, `get more leads`) are deliberately not pitch phrases.
enum SpamRule {
    static let pitchPhrases: [(label: String, phrases: [String])] = [
        ("SEO", ["seo", "search engine optimization", "first page of google", "page 1 of google", "rank higher",
                 "ranking on google", "google ranking", "organic traffic", "backlinks", "domain authority", "guest post"]),
        ("web design", ["website redesign", "redesign your website", "web design services", "web development services",
                        "mobile app development"]),
        ("crypto", ["bitcoin", "crypto", "cryptocurrency", "forex", "binary options", "nft"]),
        ("business loan", ["business loan", "working capital", "merchant cash advance", "funding for your business",
                           "line of credit for your business", "pre-approved for up to"]),
        ("lead selling", ["appointment setting", "lead generation services", "virtual assistant services",
                          "we can send you leads", "pay per lead"]),
        ("marketing", ["social media marketing services", "digital marketing services", "increase your sales"]),
    ]

    /// Every pitch phrase, in `pitchPhrases` order, for the byte prefilter.
    private static let pitchScanner = ASCIIPhraseScanner(pitchPhrases.flatMap(\.phrases))

    static func verdict(_ message: MIMEMessage) -> NotALeadVerdict? {
        if let flag = message.header("X-Spam-Flag"), HeaderToken.first(flag) == "yes" {
            return NotALeadVerdict(kind: .spam, reason: "spam (X-Spam-Flag)")
        }
        if let status = message.header("X-Spam-Status"), HeaderToken.first(status).hasPrefix("yes") {
            return NotALeadVerdict(kind: .spam, reason: "spam (X-Spam-Status)")
        }
        let text = String((message.subject ?? "") + "\n" + (message.text ?? "")).prefix(20_000)
        let lower = text.lowercased()
        // One byte pass says which phrases can occur at all; only those get the exact
        // word-boundary search.
        let present = pitchScanner.occurrences(in: lower)
        var kinds: [String] = []
        var phraseCount = 0
        var flat = 0
        for group in pitchPhrases {
            var groupHit = false
            for phrase in group.phrases {
                if present[flat], containsWord(lower, phrase) {
                    phraseCount += 1
                    groupHit = true
                }
                flat += 1
            }
            if groupHit { kinds.append(group.label) }
        }
        guard phraseCount >= 2, !kinds.isEmpty, !mentionsProject(String(text)) else { return nil }
        return NotALeadVerdict(kind: .spam, reason: "spam (\(kinds.joined(separator: ", ")) pitch)")
    }

    /// Whether the text talks about a building project at all.
    static func mentionsProject(_ text: String) -> Bool {
        if ProjectTypeVocabulary.vocabulary.bestSlug(in: text) != nil { return true }
        if LotStatusVocabulary.status(in: text, acceptingShortAnswers: false) != nil { return true }
        let lower = text.lowercased()
        return ["bedroom", "bathroom", "floor plan", "square feet", "sq ft", "our budget", "break ground", "our house",
                "our home", "my house", "my home"].contains { lower.contains($0) }
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
}
