#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds spec patterns whose running time grows faster than their input.
///
/// A message can fill a subject or text up to ``SpecPattern/maximumInputBytes``; a pattern
/// that backtracks from every start position to the end (`[^:]+?` before a literal, on a
/// text with no colon) is quadratic there and would hold a worker for minutes. Specs are
/// data, edited without a release, so `lead-intake parsers test` runs this check on every
/// spec: each pattern is timed on a few texts built to make a careless pattern scan far,
/// through ``SpecPattern``'s own entry points, so on the matcher that really runs (``SpecRegex``
/// on the ASCII texts, NSRegularExpression on the one with `·`).
///
/// ``SpecRegex`` gives up on a search past its step budget, so a quadratic pattern no longer
/// takes long there, and timing alone would hide it: a pattern whose search gives up on one
/// of the texts is reported too (at run time it reads no value, and the lead is flagged).
public enum SpecPatternCost {
    /// A pattern that took too long on one of the texts.
    public struct SlowPattern: Sendable, Hashable {
        /// The pattern as written.
        public var source: String
        /// Where it is in the spec (`field name`, `detect subjects`, ...).
        public var place: String
        /// Which text it was slow on.
        public var text: String
        /// How long one search of the large text took.
        public var elapsed: Duration
        /// How long one search of the text an eighth that size took.
        public var smallElapsed: Duration
        /// The search of the large text gave up (its step budget ran out, see
        /// ``SpecRegex/Outcome/gaveUp``): it is quadratic or worse there, however fast.
        public var gaveUp = false
    }

    /// Texts that make a careless pattern scan far from every start position: words without
    /// colons or line breaks, one long run of a letter, capitalised words, label lines,
    /// blank lines, separators; each `bytes` long.
    ///
    /// With `opener` (a literal every match of the pattern holds), two more: the opener
    /// repeated on one line, and on lines of its own each followed by a short line with no
    /// blank line. A pattern that runs from an opener to a closer the text lacks scans from
    /// each opener to the end (houzz's `\nMessage:\s*\n(?<value>.+?)\n\s*\n` once took 48 s
    /// on 1 MiB of `Message:` lines; angi's budget question repeated on one line).
    static func hostileTexts(bytes: Int, opener: String? = nil) -> [(name: String, text: String)] {
        func repeated(_ unit: String) -> String { String(repeating: unit, count: Swift.max(1, bytes / unit.utf8.count)) }
        var texts = [
            ("words without colons or line breaks", repeated("word ")),
            ("one letter repeated", repeated("a")),
            ("capitalised words", repeated("Jane Doe ")),
            ("label lines", repeated("Name: Jane\n")),
            ("blank lines", repeated("\n")),
            ("separators", repeated(" · x, TX 7870")),
        ]
        if let opener, !opener.isEmpty {
            texts.append(("'\(opener)' repeated on one line", repeated(opener + " ")))
            texts.append(("'\(opener)' lines without a blank line", repeated(opener + "\nab\n")))
        }
        return texts
    }

    /// A literal every match of `pattern` holds, for ``hostileTexts(bytes:opener:)``: its
    /// first alternative's (lowercase under `(?i)`, which matches it too).
    static func opener(of pattern: SpecPattern) -> String? {
        pattern.literals?.alternatives.first
    }

    /// The spec's patterns whose search time grows faster than linearly on one of the
    /// hostile texts: 8x the text takes more than 24x the time (linear is 8x, quadratic 64x)
    /// and over `floor` (below it the clock's noise decides). Times are the thread's CPU time,
    /// so a busy machine (tests run in parallel) does not make a linear pattern look slow;
    /// the small text's is the fastest of five searches (first value and match, as rules and
    /// detection search), and the large one is searched up to three times and passes as soon
    /// as one search is under the limit. A slow pattern is reported once.
    ///
    /// Bounded repeats (`[^:\n]{1,80}?`) are linear with a large constant: at 8 KiB such a
    /// pattern may take tens of milliseconds, which is why the test is the growth, not a
    /// time limit.
    public static func slowPatterns(
        in spec: ParserSpec, smallBytes: Int = 1024, floor: Duration = .milliseconds(20)
    ) -> [SlowPattern] {
        var slow: [SlowPattern] = []
        for (pattern, place) in spec.patterns {
            let opener = opener(of: pattern)
            let small = hostileTexts(bytes: smallBytes, opener: opener)
            let large = hostileTexts(bytes: 8 * smallBytes, opener: opener)
            for index in small.indices {
                let base = fastest(of: 5, pattern, small[index].text).elapsed
                let limit = max(floor, base * 24)
                var elapsed = Duration.zero
                var isSlow = true
                var gaveUp = false
                for _ in 0..<3 {
                    (elapsed, gaveUp) = fastest(of: 1, pattern, large[index].text)
                    if gaveUp { break }
                    if elapsed <= limit {
                        isSlow = false
                        break
                    }
                }
                if isSlow {
                    slow.append(SlowPattern(source: pattern.source, place: place,
                                            text: large[index].name + (gaveUp ? " (the search gave up: too many steps)" : ""),
                                            elapsed: elapsed, smallElapsed: base, gaveUp: gaveUp))
                    break
                }
            }
        }
        return slow
    }

    /// The fastest of `runs` searches of `text`, in CPU time of the calling thread: other
    /// processes and threads (tests run in parallel) do not count, only the search's work.
    /// Whether a search gave up too.
    private static func fastest(of runs: Int, _ pattern: SpecPattern, _ text: String) -> (elapsed: Duration, gaveUp: Bool) {
        var best = Duration.seconds(Int64.max)
        var gaveUp = false
        for _ in 0..<runs {
            let start = threadCPUTime()
            // As rules search (their window of the text), and as detection does (the whole).
            if case .gaveUp = pattern.valueSearch(in: text, presence: nil, isASCII: nil) { gaveUp = true }
            if case .gaveUp = pattern.valueSearch(in: text) { gaveUp = true }
            best = min(best, threadCPUTime() - start)
        }
        return (best, gaveUp)
    }

    private static func threadCPUTime() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }
}
