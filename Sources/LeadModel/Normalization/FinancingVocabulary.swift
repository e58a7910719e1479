/// Financing phrases → `pre_approved`, `cash`, `construction_loan`, `need_to_sell`,
/// `pre_qualified`, `needs_financing`.
///
/// When a text names several, the first in that order wins (`pre-approved for a
/// construction loan` → `pre_approved`). A negated phrase (`not pre-approved yet`) does not
/// count; `not yet` / `no` before approval words reads as `needs_financing`.
public enum FinancingVocabulary {
    public static let vocabulary = PhraseVocabulary([
        ("pre_approved", ["pre approved", "preapproved", "pre approval", "preapproval", "approved for a loan",
                          "approved for financing", "approved for a mortgage", "already approved",
                          // Spanish, written without accents.
                          "pre aprobado", "preaprobado", "pre aprobada", "preaprobada"]),
        ("cash", ["pay cash", "paying cash", "paying in cash", "pay in cash", "all cash", "cash buyer", "cash buyers",
                  "cash purchase", "with cash", "in cash", "cash build", "cash for the build", "self funded",
                  "self financed", "self financing", "no financing needed", "don't need financing",
                  "en efectivo", "de contado"]),
        ("construction_loan", ["construction loan", "construction to permanent", "construction to perm",
                               "construction financing", "one time close", "single close loan", "construction mortgage",
                               "prestamo de construccion", "prestamo para construccion"]),
        ("need_to_sell", ["need to sell", "have to sell", "needs to sell", "sell our current", "sell our house",
                          "sell our home", "sell my house", "sell my home", "selling our", "selling my",
                          "contingent on selling", "contingent on the sale", "once we sell", "after we sell",
                          "when we sell", "sale of our", "sale of my", "home to sell", "house to sell",
                          "house is on the market", "home is on the market", "house on the market", "home on the market",
                          "listed our house", "listed our home", "listing our house", "listing our home",
                          "contract on our current", "contingent contract on our",
                          "once our house sells", "once our home sells", "when our house sells", "when our home sells",
                          "after our house sells", "after our home sells", "once our current home sells",
                          "vender nuestra casa", "vender mi casa", "necesitamos vender", "tenemos que vender"]),
        ("pre_qualified", ["pre qualified", "prequalified", "pre qualification", "prequalification", "prequal"]),
        ("needs_financing", ["need financing", "needs financing", "need a loan", "need a mortgage",
                             "looking for financing", "help with financing", "financing options", "not yet approved",
                             "need a lender", "looking for a lender", "recommend a lender",
                             // A loan program named: financed, not yet approved.
                             "va loan", "usda loan", "fha loan", "through usda", "usda financing", "va financing",
                             "fha financing", "necesitamos financiamiento", "necesito financiamiento",
                             "necesitamos un prestamo", "necesito un prestamo"]),
    ], negations: ["not", "no", "haven't", "havent", "haven", "didn't", "isn't", "aren't", "never", "don't", "dont",
                   "won't", "wont", "doesn't", "doesnt"], key: .financing)

    /// Approval words, and the words that negate them up to four words before.
    static let approvalWords = ["approved", "preapproved"]
    static let approvalNegations = ["not", "haven't", "havent", "no"]

    /// Whole-value answers from forms.
    static let shortAnswers: [String: String] = [
        "cash": "cash", "pre approved": "pre_approved", "preapproved": "pre_approved", "yes": "pre_approved",
        "financing": "needs_financing", "loan": "needs_financing", "mortgage": "needs_financing",
        "need financing": "needs_financing", "no": "needs_financing", "not yet": "needs_financing",
    ]

    /// The financing slug for a phrase or text, or nil.
    /// - Parameter acceptingShortAnswers: false for free text, where a line saying "Yes" or
    ///   "No" answers something else.
    public static func status(in text: String, acceptingShortAnswers: Bool = true) -> String? {
        status(inWords: TextScanning.words(text), acceptingShortAnswers: acceptingShortAnswers)
    }

    /// ``status(in:acceptingShortAnswers:)`` over the text's words, already split by
    /// ``PhraseVocabulary/words(in:)`` (callers reading many lines split each once).
    package static func status(inWords words: [String], acceptingShortAnswers: Bool = true) -> String? {
        if acceptingShortAnswers, let answer = shortAnswers[words.joined(separator: " ")] { return answer }
        if let indexed = VocabularyIndex.words(words) { return status(indexed: indexed) }
        if let best = vocabulary.bestSlug(inWords: words) { return best }
        // "not pre-approved yet", "haven't been pre-approved": the approval words, negated.
        if let approval = TextScanning.firstIndex(of: ["approved"], in: words) ?? TextScanning.firstIndex(of: ["preapproved"], in: words),
           words[max(0, approval - 4)..<approval].contains(where: { $0 == "not" || $0 == "haven't" || $0 == "havent" || $0 == "no" }) {
            return "needs_financing"
        }
        return nil
    }

    /// ``status(inWords:acceptingShortAnswers:)`` without short answers, of indexed words
    /// (``VocabularyIndex``), step for step.
    package static func status(indexed words: VocabularyWords) -> String? {
        if let best = VocabularyIndex.financing.best(stems: words.stem)?.slug { return best }
        if let approval = words.raw.firstIndex(of: Indexed.approved) ?? words.raw.firstIndex(of: Indexed.preapproved),
           words.raw[max(0, approval - 4)..<approval].contains(where: Indexed.negations.contains) {
            return "needs_financing"
        }
        return nil
    }

    private enum Indexed {
        static let approved = VocabularyIndex.index("approved")
        static let preapproved = VocabularyIndex.index("preapproved")
        static let negations = approvalNegations.map(VocabularyIndex.index)
    }
}
