/// A budget in whole dollars; either bound may be open (`under 800k`: no low).
public struct BudgetRange: Sendable, Equatable, Hashable {
    public var low: Int?
    public var high: Int?

    /// Creates a range.
    public init(low: Int?, high: Int?) {
        self.low = low
        self.high = high
    }
}

/// One money expression found in text by ``BudgetParser/matches(in:)``.
public struct BudgetMatch: Sendable, Equatable {
    /// The bounds in whole dollars.
    public var range: BudgetRange
    /// Whether the figure was unmistakably money: `$`, `k`/`M`/`thousand`/`million`, or
    /// thousands separators (`650,000`). Bare numbers (`under 800`) are not.
    public var isExplicitMoney: Bool
    /// The words before and after the expression (lowercase), for callers judging context.
    public var wordsBefore: [String]
    public var wordsAfter: [String]
    /// Money only by a one-letter `M`/`m` unit (`3M`, `1-2m`): no `$`, no thousands
    /// separator. Without other context that is as likely a brand ("3M window film"),
    /// metres or minutes.
    public var isMoneyOnlyByLetterM: Bool

    /// Creates a match.
    public init(
        range: BudgetRange, isExplicitMoney: Bool, wordsBefore: [String], wordsAfter: [String],
        isMoneyOnlyByLetterM: Bool = false
    ) {
        self.range = range
        self.isExplicitMoney = isExplicitMoney
        self.wordsBefore = wordsBefore
        self.wordsAfter = wordsAfter
        self.isMoneyOnlyByLetterM = isMoneyOnlyByLetterM
    }
}
