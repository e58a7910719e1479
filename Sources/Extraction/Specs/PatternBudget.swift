/// The ``SpecRegex`` steps all spec-pattern searches of one message may take together.
///
/// Each search has its own budget (``SpecRegex/stepBudget(forBytes:)``), so one careless
/// pattern gives up within tens of milliseconds; but a spec has up to a dozen patterns, and a
/// message crafted against all of them would pay each one's budget. The message's total is a
/// few searches' worth: once spent, every later search of the message gives up at once (a
/// field rule that gives up flags the lead). ICU's searches are bounded by their length
/// (``SpecPattern/maximumICUBytes``), not here.
///
/// One per message (``InquiryView/patternBudget``), used by one extraction on one thread.
final class PatternBudget {
    /// How many full-size searches' budgets a message has.
    static let searchesPerMessage = 4

    /// A message's steps: ``searchesPerMessage`` budgets of a search of the largest text a
    /// pattern sees (``SpecPattern/maximumInputBytes``): 62,680,120, 95-170 ms at the 1.5-2.7 ns a
    /// step of a release build. Measured (session 14, the extractor's total per message): at most 770
    /// steps on a corpus message, 811,573 on the hostile shapes of `extraction-bench
    /// --scaling` (16 KiB to 1 MiB), 77 times less.
    static let stepsPerMessage = searchesPerMessage * SpecRegex.stepBudget(forBytes: SpecPattern.maximumInputBytes)

    /// Steps left.
    private(set) var remaining: Int
    /// Steps taken so far.
    var used: Int { Self.stepsPerMessage - remaining }

    init() {
        remaining = Self.stepsPerMessage
    }

    /// A search's own budget, cut to what the message has left.
    func budget(forSearchOf bytes: Int) -> Int {
        min(SpecRegex.stepBudget(forBytes: bytes), remaining)
    }

    /// Records the steps a search took.
    func spend(_ steps: Int) {
        remaining -= steps
    }
}
