/// What a free-text reading (``LotStatusVocabulary/status(inWords:acceptingShortAnswers:)``
/// without short answers, ``FinancingVocabulary``, ``PhraseVocabulary/hits(inWords:)``) needs
/// to find anything: alternatives, each a list of words that must all be words of the text.
///
/// A necessary condition, not a match: callers skip the reading of a text that satisfies no
/// alternative (its answer is nil, or no hit), and read the others.
package struct FreeTextRequirements: Sendable {
    /// A word the text must have: compared after ``PhraseVocabulary`` plural folding
    /// (`stemmed`: `additions` counts as `addition`), or as written.
    package struct Word: Sendable, Hashable {
        package var text: String
        package var stemmed: Bool
    }

    package var alternatives: [[Word]]
}

extension PhraseVocabulary {
    /// A hit needs every word of its phrase (but `*` gaps) among the text's stemmed words.
    package var requirements: FreeTextRequirements {
        FreeTextRequirements(alternatives: entries.map { entry in
            entry.words.filter { $0 != "*" }.map { FreeTextRequirements.Word(text: $0, stemmed: true) }
        })
    }
}

extension LotStatusVocabulary {
    /// A free-text status needs a phrase of one of the three vocabularies, or an ownership
    /// verb and a lot noun (as written).
    package static let requirements = FreeTextRequirements(alternatives:
        looking.requirements.alternatives + underContract.requirements.alternatives + ownership.requirements.alternatives
            + ownershipVerbs.sorted().flatMap { verb in
                lotNouns.sorted().map { noun in
                    [FreeTextRequirements.Word(text: verb, stemmed: false), FreeTextRequirements.Word(text: noun, stemmed: false)]
                }
            })
}

extension FinancingVocabulary {
    /// A free-text status needs a phrase of the vocabulary, or `approved` / `preapproved`
    /// as written (negated: `needs_financing`).
    package static let requirements = FreeTextRequirements(alternatives:
        vocabulary.requirements.alternatives
            + [[FreeTextRequirements.Word(text: "approved", stemmed: false)], [FreeTextRequirements.Word(text: "preapproved", stemmed: false)]])
}
