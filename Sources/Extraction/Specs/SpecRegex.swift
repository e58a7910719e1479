import Foundation

/// A spec pattern compiled to a small backtracking program that finds, on ASCII text given
/// as UTF-8 bytes, exactly the first match (and groups) ICU's find gives.
///
/// NSRegularExpression converts the searched text to UTF-16 and builds ICU and
/// NSTextCheckingResult objects on every call; this runs on the bytes. It is only ever used
/// on pure ASCII text (a whole text, or a part ``PatternWindow`` picked and ICU would search
/// as a whole), where UTF-16 offsets are byte offsets and ICU's `\w \s \d \b`, case
/// folding and line terminators have their ASCII meaning, and only for patterns
/// ``SpecPatternSyntax`` reads. ICU's rules it follows, besides the obvious ones:
///
/// * Line terminators are 0x0A-0x0D (LF, VT, FF, CR): `.` without `(?s)` matches none of
///   them; `^` under `(?m)` holds after any of them (between CR and LF too) except at the
///   text's end; `$` under `(?m)` holds before any of them but not between CR and LF; `$`
///   without `(?m)` and `\Z` hold at the end, before a final line terminator (not the LF of
///   a final CR LF) or before a final CR LF.
/// * Under `(?s)`, `.` takes CR LF as one character, and a greedy `.*` gives back CR LF as
///   one.
/// * A capture group's range is the one its last completed pass set; a group left by
///   backtracking gets the range it had before (each backtracking point saves the groups).
/// * Where ICU skips start positions (a pattern starting with `^` under `(?m)` is not tried
///   between CR and LF), the pattern is not compiled unless that cannot matter (see
///   ``SpecPatternSyntax/mayStartAtLineStart``).
///
/// The matcher iterates with an explicit backtracking stack (no recursion), so input size
/// does not bound the call stack; past ``maximumStackBytes`` it hands the search back to
/// ICU. Time, like ICU's, can grow faster than the input for a careless pattern (which
/// ``SpecPatternCost`` reports to the spec's author); a search that passes its step budget
/// (``stepBudget(forBytes:)``) stops undecided with ``Outcome/gaveUp``, so no spec pattern
/// holds a worker for more than a few milliseconds per megabyte.
final class SpecRegex: Sendable {
    /// A match: byte offsets of the whole match and of each capture group (-1 when the
    /// group took no part).
    struct Match: Equatable {
        var start: Int
        var end: Int
        /// `groups[2 * (n - 1)]` and `groups[2 * (n - 1) + 1]`: group `n`'s start and end.
        var groups: [Int]

        /// The match with every offset moved by `distance` (a match in a part of a text,
        /// as offsets in the text).
        func shifted(by distance: Int) -> Match {
            Match(start: start + distance, end: end + distance, groups: groups.map { $0 < 0 ? $0 : $0 + distance })
        }

        /// Group `number`'s (from 1) byte range, nil when it took no part.
        func group(_ number: Int) -> Range<Int>? {
            let start = groups[2 * (number - 1)]
            let end = groups[2 * (number - 1) + 1]
            return start < 0 || end < 0 ? nil : start..<end
        }
    }

    /// What a search found.
    enum Outcome: Equatable {
        case match(Match)
        case noMatch
        /// The backtracking stack outgrew ``maximumStackBytes``: the caller must ask ICU,
        /// whose own stack limit (8 MB) may make it give up where this would not.
        case tooDeep
        /// The search passed its step budget (``stepBudget(forBytes:)``): stopped, undecided.
        /// Not for ICU, which would be slower still; callers take it as no match.
        case gaveUp

        var match: Match? {
            if case .match(let match) = self { return match }
            return nil
        }
    }

    /// The most backtracking stack a search may use. ICU stops a search (NSRegularExpression
    /// then reports no match) when its stack passes 8,000,000 bytes; it saves a state where
    /// this matcher does (alternatives, optional and repeated groups, one per single-item
    /// loop), in frames of 2 words plus 3 per group plus one per loop and counter, at most a
    /// few times this matcher's 3 plus 3 per group plus marks. A search that passes an eighth
    /// of ICU's limit here is handed back to ICU, so where ICU would give up, it decides.
    static let maximumStackBytes = 1_000_000

    /// A search's step budget: ``budgetStepsPerByte`` per byte searched (plus one) and
    /// ``budgetFloorSteps``. A step is one instruction dispatched (a backtrack resumes at
    /// one), and one per 2 bytes a loop instruction takes or gives back
    /// (``loopBytesPerStepShift``): the work, within a factor of the program's size (a
    /// frame's registers, a literal's bytes).
    ///
    /// Measured (session 14), in these steps:
    /// * every search the extractor runs on the corpus and on `extraction-bench --scaling`'s
    ///   hostile shapes (16 KiB to 1 MiB messages, cut to 256 KiB): at most 1.71 steps per
    ///   byte on large texts (449,379 steps on 256 KiB; 4.8 per byte on a 22-byte text): the
    ///   per-byte budget is 8x that;
    /// * every shipped pattern on every corpus text, subject, HTML and raw message cut to
    ///   12 KiB, scopes ignored (`SpecRegexStepBudgetTests` prints these): at most 1.41
    ///   million steps (thumbtack's subject pattern `[^:\n]{1,80}?` on a body, ~115 steps per
    ///   byte), which the floor covers 8x; on the scaling shapes' 16 KiB texts 2.67 million
    ///   (angi's subject pattern `(?i)new (?:\w+ )*lead`, quadratic on a line of words),
    ///   covered 4.6x; with that pattern bounded to `{0,4}` words, 2.12 million (thumbtack's
    ///   subject pattern on digit groups), covered 5.8x.
    /// A release build takes ~1.5-2.7 ns a step, so a search gives up within ~20-35 ms on
    /// small texts, ~40 ms on the 256 KiB a pattern may see (``SpecPattern/maximumInputBytes``)
    /// and ~40-70 ms on 1 MiB.
    static let budgetStepsPerByte = 14
    /// The steps any search may take, however short its text (see ``budgetStepsPerByte``).
    static let budgetFloorSteps = 12_000_000

    /// The steps a search of `bytes` bytes may take before it gives up.
    static func stepBudget(forBytes bytes: Int) -> Int {
        budgetFloorSteps + budgetStepsPerByte * (bytes + 1)
    }

    /// A loop instruction's items cost a step per 2^this bytes taken or given back (besides
    /// the step of its dispatch): in a release build a dispatch takes ~2.7 ns, a loop's byte
    /// ~0.75-1.3 ns.
    static let loopBytesPerStepShift = 1

    /// The number of capture groups.
    let groupCount: Int
    /// The capture groups' names (nil for unnamed ones), in ICU's numbering order.
    let groupNames: [String?]
    private let program: [Instruction]
    private let literals: [UInt8]
    /// Registers: for capture group `n` (from 1) `3(n-1)` start, `+1` end, `+2` tentative
    /// start; then one or two per atomic group or look-ahead (stack height, position).
    private let registerCount: Int
    /// Lazy loops that remember failures (see ``Compiler/rememberLazyFailures()``).
    private let failureSlots: Int
    private let start: StartRule

    /// Where a search tries the program.
    private enum StartRule {
        /// Only at the text's start.
        case textStart
        /// Everywhere, the text's end too (a match can be empty).
        case everywhere
        /// Where this byte is (`memchr`).
        case byte(UInt8)
        /// Where this lowercase letter is, in either case.
        case letter(UInt8)
        /// At line starts (the text's start, after a line terminator) where one of these
        /// bytes is.
        case lineStarts(SpecPatternSyntax.ByteSet)
        /// Where one of these bytes is.
        case bytes(SpecPatternSyntax.ByteSet)
    }

    /// Compiles `source`; nil when it is outside the subset (see ``SpecPatternSyntax``) or the
    /// program would be large (bounded repeats of groups are unrolled).
    convenience init?(source: String) {
        guard let syntax = SpecPatternSyntax(source: source) else { return nil }
        self.init(syntax: syntax)
    }

    /// `syntax` must be one the matcher runs (``SpecPatternSyntax/runsOnMatcher``).
    init?(syntax: SpecPatternSyntax) {
        guard syntax.runsOnMatcher else { return nil }
        let first = syntax.firstBytes
        // ICU tries a pattern starting with `(?m)^` only at line starts, not between CR and
        // LF: harmless unless a match may start with LF (or be empty) there. (A pattern
        // starting with `\A` or `^` without `(?m)` is only tried at the start anyway.)
        if !syntax.isAnchoredAtTextStart, syntax.mayStartAtLineStart, first.nullable || first.set.contains(0x0A) { return nil }
        var compiler = Compiler(groupCount: syntax.groupNames.count)
        compiler.compile(alternatives: syntax.alternatives)
        compiler.emit(Instruction(.match))
        guard !compiler.tooLarge else { return nil }
        compiler.setFollowSets()
        compiler.rememberLazyFailures()
        program = compiler.program
        failureSlots = compiler.failureSlots
        literals = compiler.literals
        registerCount = compiler.registerCount
        groupCount = syntax.groupNames.count
        groupNames = syntax.groupNames
        if syntax.isAnchoredAtTextStart {
            start = .textStart
        } else if first.nullable {
            start = .everywhere
        } else if syntax.isAnchoredAtLineStart {
            start = .lineStarts(first.set)
        } else if let only = Self.singleMember(first.set) {
            start = .byte(only)
        } else if let only = Self.singleMember(first.set.subtracting(SpecPatternSyntax.ByteSet(range: 0x41...0x5A))),
                  only >= 0x61, only <= 0x7A, first.set == SpecPatternSyntax.ByteSet(byte: only).caseClosed {
            start = .letter(only)
        } else {
            start = .bytes(first.set)
        }
    }

    private static func singleMember(_ set: SpecPatternSyntax.ByteSet) -> UInt8? {
        guard set.low.nonzeroBitCount + set.high.nonzeroBitCount == 1 else { return nil }
        return UInt8(set.low != 0 ? set.low.trailingZeroBitCount : 64 + set.high.trailingZeroBitCount)
    }

    /// The first match in `text` (ASCII bytes), as ICU's find reports it, its offsets moved
    /// by `offset` (for a part of a larger text: offsets in that text, as
    /// ``Match/shifted(by:)`` gives them, without making the match twice).
    func firstMatch(in text: UnsafeBufferPointer<UInt8>, offset: Int = 0) -> Outcome {
        firstMatch(in: text, offset: offset, budget: Self.stepBudget(forBytes: text.count)).outcome
    }

    /// ``firstMatch(in:offset:)`` with a step budget of `budget` (see
    /// ``stepBudget(forBytes:)``), and the steps the search took.
    func firstMatch(in text: UnsafeBufferPointer<UInt8>, offset: Int = 0, budget: Int) -> (outcome: Outcome, steps: Int) {
        program.withUnsafeBufferPointer { program in
            literals.withUnsafeBufferPointer { literals in
                // Registers and a first stack on the call stack (the stack moves to the heap
                // if it grows).
                withUnsafeTemporaryAllocation(of: Int.self, capacity: registerCount + 2 * failureSlots + 96) { storage in
                    guard let storage = storage.baseAddress else { return (.tooDeep, 0) }
                    var machine = Machine(program: program, literals: literals, text: text, registerCount: registerCount,
                                          failureSlots: failureSlots, storage: storage, stackCapacity: 96, budget: budget)
                    defer { machine.release() }
                    let outcome = search(&machine, text, offset)
                    return (outcome, machine.stepsTaken)
                }
            }
        }
    }

    /// Tries the program at the start positions ``start`` allows, in order.
    private func search(_ machine: inout Machine, _ text: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Outcome {
        switch startSearch(&machine, text, offset) {
        case .some(let match): return .match(match)
        case .none: return machine.tooDeep ? .tooDeep : machine.stopped ? .gaveUp : .noMatch
        }
    }

    /// The first match (nil: none, or the stack grew too deep).
    private func startSearch(_ machine: inout Machine, _ text: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Match? {
                let count = text.count
                func attempt(_ position: Int) -> Match? {
                    guard !machine.stopped, let end = machine.run(from: position) else { return nil }
                    var groups: [Int] = []
                    groups.reserveCapacity(2 * groupCount)
                    for group in 0..<groupCount {
                        let start = machine.registers[3 * group]
                        let end = machine.registers[3 * group + 1]
                        groups.append(start < 0 ? start : start + offset)
                        groups.append(end < 0 ? end : end + offset)
                    }
                    return Match(start: position + offset, end: end + offset, groups: groups)
                }
                switch start {
                case .textStart:
                    return attempt(0)
                case .everywhere:
                    for position in 0...count {
                        if let match = attempt(position) { return match } else if machine.stopped { return nil }
                    }
                    return nil
                case .byte(let byte):
                    guard let base = text.baseAddress else { return nil }
                    var position = 0
                    while position < count {
                        guard let hit = memchr(base + position, Int32(byte), count - position) else { return nil }
                        position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        if let match = attempt(position) { return match } else if machine.stopped { return nil }
                        position += 1
                    }
                    return nil
                case .letter(let lower):
                    // Eight bytes at a time: A-Z folded to a-z (other bytes change too, but
                    // only a byte that was either case of `lower` becomes `lower`).
                    guard let base = text.baseAddress else { return nil }
                    let raw = UnsafeRawPointer(base)
                    let target = UInt64(lower) &* 0x0101_0101_0101_0101
                    var position = 0
                    while position < count {
                        if position + 8 <= count {
                            let folded = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) | 0x2020_2020_2020_2020
                            if !Self.hasZeroByte(folded ^ target) {
                                position += 8
                                continue
                            }
                        }
                        let end = Swift.min(position + 8, count)
                        while position < end {
                            if text[position] | 0x20 == lower {
                                if let match = attempt(position) { return match } else if machine.stopped { return nil }
                            }
                            position += 1
                        }
                    }
                    return nil
                case .lineStarts(let set):
                    if count > 0, set.contains(text[0]), let match = attempt(0) { return match }
                    guard let base = text.baseAddress else { return nil }
                    let raw = UnsafeRawPointer(base)
                    var position = 0
                    while position < count {
                        // Eight bytes at a time while none is below 0x0E (no line terminator).
                        if position + 8 <= count, !Self.hasByteBelow0E(raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)) {
                            position += 8
                            continue
                        }
                        let byte = text[position]
                        position += 1
                        if byte >= 0x0A, byte <= 0x0D, position < count, set.contains(text[position]) {
                            if let match = attempt(position) { return match } else if machine.stopped { return nil }
                        }
                    }
                    return nil
                case .bytes(let set):
                    for position in 0..<count where set.contains(text[position]) {
                        if let match = attempt(position) { return match } else if machine.stopped { return nil }
                    }
                    return nil
                }
    }

    @inline(__always) private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// Whether a byte of `word` (ASCII) is below 0x0E.
    @inline(__always) private static func hasByteBelow0E(_ word: UInt64) -> Bool {
        (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 != 0
    }
}

// MARK: - Program

extension SpecRegex {
    fileprivate enum Opcode: UInt8 {
        /// `x`: a byte.
        case byte
        /// `x`: a lowercase letter; the text's byte with A-Z folded must equal it.
        case foldedByte
        /// `x`, `y`: a ``SpecPatternSyntax/ByteSet``'s words.
        case set
        /// `literals[x..<x+y]`, as is.
        case literal
        /// `literals[x..<x+y]` (lowercase), the text with A-Z folded.
        case foldedLiteral
        /// `.` under `(?s)`: a character, or CR LF.
        case anyUnit
        case fail
        /// Go on at `x`; on backtracking at `y`.
        case split
        /// Go on at `x`.
        case jump
        /// Capture group `x` (from 0) opens or closes.
        case openGroup, closeGroup
        /// `flag`: an ``Assertion``'s raw value.
        case assertion
        /// The item (a set `x`, `y`, or with ``loopUnit`` in `flag` `.` under `(?s)`)
        /// `min`...`max` times; `flag & 3` a ``LoopMode``.
        case loop
        /// Register `x` := stack height (atomic group start).
        case mark
        /// Stack cut back to register `x` (atomic group end).
        case cut
        /// Registers `x`, `x+1` := stack height, position.
        case lookStart
        /// Stack cut back to register `x`, position back to register `x+1`.
        case lookEnd
        /// Register `x` := stack height, and a backtracking point at `y` (after the look-ahead).
        case negativeLookStart
        /// The look-ahead matched: cut the stack back to register `x` (dropping the point
        /// after it) and fail.
        case negativeLookEnd
        case match
    }

    fileprivate enum Assertion: UInt8 {
        case textStart, lineStart, textEndOrFinalLineEnd, lineEnd, textEnd, wordBoundary, notWordBoundary
    }

    fileprivate enum LoopMode: UInt8 {
        case greedy = 0, lazy = 1, possessive = 2
    }

    /// The fewest bytes a greedy loop takes before it remembers failing (see
    /// ``Compiler/rememberLazyFailures()``).
    fileprivate static let rememberedRun = 32

    fileprivate static let loopUnit: UInt8 = 4
    fileprivate static let hasFollow: UInt8 = 8

    fileprivate struct Instruction {
        var op: Opcode
        var flag: UInt8 = 0
        var x = 0
        var y = 0
        var min = 0
        var max = 0
        /// For a loop (with ``SpecRegex/hasFollow`` in `flag`): the bytes what comes after
        /// it can start with; where the next byte is not one of them, resuming after the
        /// loop would fail at once, so the loop does not stop there.
        var followLow: UInt64 = 0
        var followHigh: UInt64 = 0
        /// For a loop whose failures are remembered (see ``Compiler/rememberLazyFailures()``):
        /// the register holding where it was entered (lazy loops only), and its slot in the
        /// machine's memory of failures; -1 otherwise.
        var entryRegister = -1
        var failureSlot = -1

        init(_ op: Opcode, flag: UInt8 = 0, x: Int = 0, y: Int = 0, min: Int = 0, max: Int = 0) {
            self.op = op
            self.flag = flag
            self.x = x
            self.y = y
            self.min = min
            self.max = max
        }

        init(set: SpecPatternSyntax.ByteSet) {
            self.init(.set, x: Int(bitPattern: UInt(set.low)), y: Int(bitPattern: UInt(set.high)))
        }
    }

    /// Turns ``SpecPatternSyntax`` nodes into a program.
    fileprivate struct Compiler {
        typealias Node = SpecPatternSyntax.Node

        /// Programs larger than this are left to NSRegularExpression.
        static let maximumInstructions = 20_000

        var program: [Instruction] = []
        var literals: [UInt8] = []
        var registerCount: Int
        /// Lazy loops whose failures are remembered (``rememberLazyFailures()``).
        var failureSlots = 0
        var tooLarge = false

        init(groupCount: Int) {
            registerCount = 3 * groupCount
        }

        @discardableResult
        mutating func emit(_ instruction: Instruction) -> Int {
            if program.count >= Self.maximumInstructions { tooLarge = true }
            program.append(instruction)
            return program.count - 1
        }

        /// Gives every greedy and lazy loop the bytes its continuation can start with, when
        /// the continuation must consume one before it can succeed and cannot cut the stack.
        mutating func setFollowSets() {
            for pc in program.indices where program[pc].op == .loop && program[pc].flag & 3 != LoopMode.possessive.rawValue {
                guard let follow = firstBytes(from: pc + 1) else { continue }
                program[pc].flag |= SpecRegex.hasFollow
                program[pc].followLow = follow.low
                program[pc].followHigh = follow.high
            }
        }

        /// Lets every lazy loop remember, across the start positions of one search, that it
        /// ran to the text's end from some entry without a match: a later entry on the same
        /// items then fails at once. Without it, `(?s)\nMessage:\s*\n(?<value>.+?)\n\s*\n`
        /// on a text of many `Message:` lines and no blank line runs from every opener to the
        /// end: quadratic, seconds for a few hundred KiB.
        ///
        /// Why a failure carries over: in a program without atomic groups, possessive loops
        /// or look-aheads (no `mark`, `cut` or look instruction), nothing after a loop reads
        /// the stack below it or a register but to report groups, so whether a run resumed
        /// after the loop at position `q` reaches `match` depends on `q` alone. A lazy loop
        /// entered at `p` that took items up to the end resumed after itself at every item
        /// boundary from `p` (past its minimum) to the end, and failed at each. Entered again
        /// at `e >= p` on the same boundaries (any `e` for one-byte items; for `.` under
        /// `(?s)`, which takes CR LF at once, not `e` between a CR and its LF), it would
        /// resume at a subset of them: it fails, as it would have after trying them all.
        ///
        /// A greedy loop without a maximum does the same: entered at `p`, it took items to
        /// the first position `m` where none matches (or the end) and gave them back down to
        /// its minimum, failing at each boundary; entered again at `e` in `p...m` on the same
        /// boundaries, it would take items to the same `m` and give back a subset of them.
        /// (`What is your budget[^\n]*\?` on a long line of `What is your budget` and no `?`
        /// was quadratic.) It learns that when a mark it leaves under its first give-back
        /// point (holding `p` and `m`: no register) is reached by backtracking; only after
        /// taking at least ``rememberedRun`` bytes, as a shorter run costs little to redo.
        mutating func rememberLazyFailures() {
            let cutsOrLooks: Set<Opcode> = [.mark, .cut, .lookStart, .lookEnd, .negativeLookStart, .negativeLookEnd]
            guard !program.contains(where: { cutsOrLooks.contains($0.op) }) else { return }
            for pc in program.indices where program[pc].op == .loop {
                let mode = program[pc].flag & 3
                guard mode == LoopMode.lazy.rawValue || (mode == LoopMode.greedy.rawValue && program[pc].max == Int.max) else { continue }
                if mode == LoopMode.lazy.rawValue { program[pc].entryRegister = newRegisters(1) }
                program[pc].failureSlot = failureSlots
                failureSlots += 1
            }
        }

        /// The bytes a run from `start` consumes first, whichever way it goes; nil when it
        /// may succeed, look ahead or cut the stack before it consumes one.
        private func firstBytes(from start: Int) -> SpecPatternSyntax.ByteSet? {
            typealias ByteSet = SpecPatternSyntax.ByteSet
            var set = ByteSet()
            var visited = Set<Int>()
            var pending = [start]
            while let pc = pending.popLast() {
                guard visited.insert(pc).inserted else { continue }
                let instruction = program[pc]
                switch instruction.op {
                case .byte:
                    set.insert(UInt8(instruction.x))
                case .foldedByte:
                    set = set.union(ByteSet(byte: UInt8(instruction.x)).caseClosed)
                case .set:
                    set = set.union(Self.itemSet(instruction))
                case .literal, .foldedLiteral:
                    let first = ByteSet(byte: literals[instruction.x])
                    set = set.union(instruction.op == .foldedLiteral ? first.caseClosed : first)
                case .anyUnit:
                    set = .all
                case .fail:
                    break
                case .split:
                    pending += [instruction.x, instruction.y]
                case .jump:
                    pending.append(instruction.x)
                case .openGroup, .closeGroup, .assertion, .mark:
                    pending.append(pc + 1)
                case .loop:
                    set = set.union(instruction.flag & SpecRegex.loopUnit != 0 ? .all : Self.itemSet(instruction))
                    if instruction.min == 0 { pending.append(pc + 1) }
                case .cut, .lookStart, .lookEnd, .negativeLookStart, .negativeLookEnd, .match:
                    return nil
                }
            }
            return set
        }

        private static func itemSet(_ instruction: Instruction) -> SpecPatternSyntax.ByteSet {
            SpecPatternSyntax.ByteSet(low: UInt64(UInt(bitPattern: instruction.x)), high: UInt64(UInt(bitPattern: instruction.y)))
        }

        private mutating func newRegisters(_ count: Int) -> Int {
            registerCount += count
            return registerCount - count
        }

        /// ICU's alternation: a backtracking point to the next alternative before each one
        /// but the last, and a jump to the end after it.
        mutating func compile(alternatives: [[Node]]) {
            guard !tooLarge else { return }
            var jumps: [Int] = []
            for (index, alternative) in alternatives.enumerated() {
                if index == alternatives.count - 1 {
                    compile(sequence: alternative)
                } else {
                    let split = emit(Instruction(.split))
                    program[split].x = split + 1
                    compile(sequence: alternative)
                    jumps.append(emit(Instruction(.jump)))
                    program[split].y = program.count
                }
            }
            for jump in jumps { program[jump].x = program.count }
        }

        private mutating func compile(sequence nodes: [Node]) {
            var index = 0
            while index < nodes.count, !tooLarge {
                // A run of plain characters: one literal.
                var run: [UInt8] = []
                var folded = false
                while index < nodes.count, case .byte(let byte, let isFolded) = nodes[index] {
                    run.append(isFolded ? byte | 0x20 : byte)
                    folded = folded || isFolded
                    index += 1
                }
                if run.count == 1 {
                    emit(Instruction(folded ? .foldedByte : .byte, x: Int(run[0])))
                } else if run.count > 1 {
                    emit(Instruction(folded ? .foldedLiteral : .literal, x: literals.count, y: run.count))
                    literals += run
                }
                if !run.isEmpty { continue }
                compile(node: nodes[index])
                index += 1
            }
        }

        private mutating func compile(node: Node) {
            switch node {
            case .byte(let byte, let folded):
                emit(Instruction(folded ? .foldedByte : .byte, x: Int(folded ? byte | 0x20 : byte)))
            case .nonASCII:
                emit(Instruction(.fail))
            case .set(let set):
                emit(Instruction(set: set))
            case .anyUnit:
                emit(Instruction(.anyUnit))
            case .assertion(let assertion):
                emit(Instruction(.assertion, flag: Self.assertion(assertion).rawValue))
            case .group(let kind, let alternatives):
                compile(group: kind, alternatives)
            case .repetition(let inner, let min, let max, let mode):
                compile(repetition: inner, min: min, max: max, mode: mode)
            }
        }

        private static func assertion(_ assertion: SpecPatternSyntax.Assertion) -> Assertion {
            switch assertion {
            case .textStart: .textStart
            case .lineStart: .lineStart
            case .textEndOrFinalLineEnd: .textEndOrFinalLineEnd
            case .lineEnd: .lineEnd
            case .textEnd: .textEnd
            case .wordBoundary: .wordBoundary
            case .notWordBoundary: .notWordBoundary
            }
        }

        private mutating func compile(group kind: SpecPatternSyntax.GroupKind, _ alternatives: [[Node]]) {
            switch kind {
            case .capture(let number, _):
                emit(Instruction(.openGroup, x: number - 1))
                compile(alternatives: alternatives)
                emit(Instruction(.closeGroup, x: number - 1))
            case .plain:
                compile(alternatives: alternatives)
            case .atomic:
                let register = newRegisters(1)
                emit(Instruction(.mark, x: register))
                compile(alternatives: alternatives)
                emit(Instruction(.cut, x: register))
            case .lookahead:
                let registers = newRegisters(2)
                emit(Instruction(.lookStart, x: registers))
                compile(alternatives: alternatives)
                emit(Instruction(.lookEnd, x: registers))
            case .negativeLookahead:
                let register = newRegisters(1)
                let start = emit(Instruction(.negativeLookStart, x: register))
                compile(alternatives: alternatives)
                emit(Instruction(.negativeLookEnd, x: register))
                program[start].y = program.count
            case .lookbehind:
                tooLarge = true  // not run by the matcher (``SpecPatternSyntax/runsOnMatcher``)
            }
        }

        /// The item a one-character repetition repeats, as a loop instruction's operands.
        private static func loopItem(_ node: Node) -> Instruction? {
            switch node {
            case .byte(let byte, let folded):
                let set = SpecPatternSyntax.ByteSet(byte: byte)
                return Instruction(set: folded ? set.caseClosed : set)
            case .nonASCII: return Instruction(set: SpecPatternSyntax.ByteSet())
            case .set(let set): return Instruction(set: set)
            case .anyUnit: return Instruction(.anyUnit, flag: SpecRegex.loopUnit)
            default: return nil
            }
        }

        private mutating func compile(repetition inner: Node, min: Int, max: Int?, mode: SpecPatternSyntax.Mode) {
            if var loop = Self.loopItem(inner) {
                let loopMode: LoopMode = switch mode {
                case .greedy: .greedy
                case .lazy: .lazy
                case .possessive: .possessive
                }
                loop.flag |= loopMode.rawValue
                loop.op = .loop
                loop.min = min
                loop.max = max ?? Int.max
                emit(loop)
                return
            }
            guard mode != .possessive else {
                // `X*+`: `(?>X*)`.
                let register = newRegisters(1)
                emit(Instruction(.mark, x: register))
                compile(repetition: inner, min: min, max: max, mode: .greedy)
                emit(Instruction(.cut, x: register))
                return
            }
            for _ in 0..<min where !tooLarge { compile(node: inner) }
            let lazy = mode == .lazy
            if let max {
                // Each optional pass: a backtracking point to the end (greedy) or into the
                // pass (lazy), as ICU's counted loop behaves.
                var splits: [Int] = []
                for _ in 0..<(max - min) where !tooLarge {
                    splits.append(emit(Instruction(.split)))
                    compile(node: inner)
                }
                let end = program.count
                for split in splits {
                    program[split].x = lazy ? end : split + 1
                    program[split].y = lazy ? split + 1 : end
                }
            } else {
                let top = emit(Instruction(.split))
                compile(node: inner)
                emit(Instruction(.jump, x: top))
                let end = program.count
                program[top].x = lazy ? end : top + 1
                program[top].y = lazy ? top + 1 : end
            }
        }
    }
}

// MARK: - Matching

extension SpecRegex {
    /// Runs a program from a start position, with an explicit backtracking stack.
    ///
    /// A backtracking point (frame) is `[tag, position, extra, registers...]`; `tag` is
    /// `target << 2 | kind`: kind 0 resumes at `target`; kind 1 gives back items of the
    /// greedy loop at `target` (`position`: where it last resumed; `extra`: the least
    /// position it may give back to); kind 2 takes more items of the lazy loop at `target`
    /// (`extra`: how many more it may take). Storage is allocated once per search and
    /// released by ``release()``.
    fileprivate struct Machine {
        let program: UnsafeBufferPointer<Instruction>
        let literals: UnsafeBufferPointer<UInt8>
        let text: UnsafeBufferPointer<UInt8>
        let count: Int
        let registerCount: Int
        let frameSize: Int
        let registers: UnsafeMutablePointer<Int>
        /// Per remembering loop: the least entry from which it failed at every boundary up to
        /// the end (lazy) or up to `failedTo` (greedy), in this search (Int.max: none yet).
        private let failedFrom: UnsafeMutablePointer<Int>
        /// Per remembering greedy loop: where its items ran out from `failedFrom`.
        private var failedTo: UnsafeMutablePointer<Int> { failedFrom + failureSlots }
        private let failureSlots: Int
        private var stack: UnsafeMutablePointer<Int>
        private var capacity: Int
        /// The stack is on the heap (it grew out of the caller's storage).
        private var ownsStack = false
        private var top = 0
        /// The stack outgrew ``SpecRegex/maximumStackBytes``: the search stops, undecided.
        private(set) var tooDeep = false
        /// Steps left of the search's budget (see ``SpecRegex/stepBudget(forBytes:)``); zero
        /// too once ``tooDeep``, so the run loop tests one thing.
        private var steps: Int
        private let budget: Int

        /// The search stopped undecided: too deep, or out of steps.
        var stopped: Bool { steps <= 0 }
        var stepsTaken: Int { budget - steps }

        /// - Parameter storage: `registerCount + 2 * failureSlots + stackCapacity` Ints for the
        ///   registers, the loops' failures and the stack until it grows.
        init(program: UnsafeBufferPointer<Instruction>, literals: UnsafeBufferPointer<UInt8>,
             text: UnsafeBufferPointer<UInt8>, registerCount: Int, failureSlots: Int,
             storage: UnsafeMutablePointer<Int>, stackCapacity: Int, budget: Int) {
            self.program = program
            self.literals = literals
            self.text = text
            count = text.count
            self.registerCount = registerCount
            frameSize = 3 + registerCount
            registers = storage
            failedFrom = storage + registerCount
            self.failureSlots = failureSlots
            failedFrom.update(repeating: Int.max, count: 2 * failureSlots)
            stack = storage + registerCount + 2 * failureSlots
            capacity = stackCapacity
            steps = budget
            self.budget = budget
        }

        func release() {
            if ownsStack { stack.deallocate() }
        }

        /// The end of the match the program finds from `start`, or nil.
        mutating func run(from start: Int) -> Int? {
            top = 0
            registers.update(repeating: -1, count: registerCount)
            var pc = 0
            var position = start
            while steps > 0 {
                steps &-= 1
                let instruction = program[pc]
                var matched = true
                switch instruction.op {
                case .byte:
                    if position < count, Int(text[position]) == instruction.x {
                        position += 1
                        pc += 1
                    } else {
                        matched = false
                    }
                case .foldedByte:
                    if position < count, Int(Self.folded(text[position])) == instruction.x {
                        position += 1
                        pc += 1
                    } else {
                        matched = false
                    }
                case .set:
                    if position < count, Self.contains(instruction, text[position]) {
                        position += 1
                        pc += 1
                    } else {
                        matched = false
                    }
                case .literal, .foldedLiteral:
                    if matchesLiteral(instruction, at: position) {
                        position += instruction.y
                        pc += 1
                    } else {
                        matched = false
                    }
                case .anyUnit:
                    if position < count {
                        position += unitLength(at: position)
                        pc += 1
                    } else {
                        matched = false
                    }
                case .fail:
                    matched = false
                case .split:
                    push(tag: instruction.y << 2, position: position, extra: 0)
                    pc = instruction.x
                case .jump:
                    pc = instruction.x
                case .openGroup:
                    registers[3 * instruction.x + 2] = position
                    pc += 1
                case .closeGroup:
                    registers[3 * instruction.x] = registers[3 * instruction.x + 2]
                    registers[3 * instruction.x + 1] = position
                    pc += 1
                case .assertion:
                    if holds(Assertion(rawValue: instruction.flag) ?? .textEnd, at: position) {
                        pc += 1
                    } else {
                        matched = false
                    }
                case .loop:
                    if let end = startLoop(instruction, at: pc, from: position) {
                        position = end
                        pc += 1
                    } else {
                        matched = false
                    }
                case .mark:
                    registers[instruction.x] = top
                    pc += 1
                case .cut:
                    top = Swift.min(top, registers[instruction.x])
                    pc += 1
                case .lookStart:
                    registers[instruction.x] = top
                    registers[instruction.x + 1] = position
                    pc += 1
                case .lookEnd:
                    top = Swift.min(top, registers[instruction.x])
                    position = registers[instruction.x + 1]
                    pc += 1
                case .negativeLookStart:
                    registers[instruction.x] = top
                    push(tag: instruction.y << 2, position: position, extra: 0)
                    pc += 1
                case .negativeLookEnd:
                    top = Swift.min(top, registers[instruction.x])
                    matched = false
                case .match:
                    return position
                }
                if !matched {
                    guard backtrack(&pc, &position) else { return nil }
                }
            }
            return nil
        }

        @inline(__always) private static func folded(_ byte: UInt8) -> UInt8 {
            byte &- 0x41 < 26 ? byte | 0x20 : byte
        }

        @inline(__always) private static func contains(low: UInt64, high: UInt64, _ byte: UInt8) -> Bool {
            byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : byte < 128 && (high >> UInt64(byte - 64)) & 1 != 0
        }

        @inline(__always) private static func contains(_ instruction: Instruction, _ byte: UInt8) -> Bool {
            contains(low: UInt64(UInt(bitPattern: instruction.x)), high: UInt64(UInt(bitPattern: instruction.y)), byte)
        }

        @inline(__always) private static func isLineTerminator(_ byte: UInt8) -> Bool {
            byte >= 0x0A && byte <= 0x0D
        }

        @inline(__always) private static func isWord(_ byte: UInt8) -> Bool {
            SpecPatternSyntax.ByteSet.word.contains(byte)
        }

        /// The length of `.` under `(?s)` at `position` (< count): 2 at CR LF, else 1.
        @inline(__always) private func unitLength(at position: Int) -> Int {
            text[position] == 0x0D && position + 1 < count && text[position + 1] == 0x0A ? 2 : 1
        }

        private func matchesLiteral(_ instruction: Instruction, at position: Int) -> Bool {
            let length = instruction.y
            guard count - position >= length else { return false }
            let start = instruction.x
            if instruction.op == .literal {
                for offset in 0..<length where text[position + offset] != literals[start + offset] { return false }
            } else {
                for offset in 0..<length where Self.folded(text[position + offset]) != literals[start + offset] { return false }
            }
            return true
        }

        /// Whether ICU's assertion holds at `position` (see ``SpecRegex``).
        private func holds(_ assertion: Assertion, at position: Int) -> Bool {
            switch assertion {
            case .textStart:
                return position == 0
            case .lineStart:
                return position == 0 || (position < count && Self.isLineTerminator(text[position - 1]))
            case .textEndOrFinalLineEnd:
                if position >= count { return true }
                if position == count - 1 {
                    let byte = text[position]
                    return Self.isLineTerminator(byte) && !(byte == 0x0A && position > 0 && text[position - 1] == 0x0D)
                }
                return position == count - 2 && text[position] == 0x0D && text[position + 1] == 0x0A
            case .lineEnd:
                if position >= count { return true }
                let byte = text[position]
                return Self.isLineTerminator(byte) && !(byte == 0x0A && position > 0 && text[position - 1] == 0x0D)
            case .textEnd:
                return position >= count
            case .wordBoundary, .notWordBoundary:
                let after = position < count && Self.isWord(text[position])
                let before = position > 0 && Self.isWord(text[position - 1])
                return (after != before) == (assertion == .wordBoundary)
            }
        }

        /// Whether the loop's item matches at `position` (< count), and its length there.
        @inline(__always) private func item(_ instruction: Instruction, at position: Int) -> Int? {
            if instruction.flag & SpecRegex.loopUnit != 0 { return unitLength(at: position) }
            return Self.contains(instruction, text[position]) ? 1 : nil
        }

        /// Whether what follows the loop may match from `position` (see
        /// ``Instruction/followLow``).
        @inline(__always) private func mayFollow(_ instruction: Instruction, at position: Int) -> Bool {
            guard instruction.flag & SpecRegex.hasFollow != 0 else { return true }
            return position < count && Self.contains(low: instruction.followLow, high: instruction.followHigh, text[position])
        }

        /// The position before the loop's last item ending at `position` (CR LF at once for
        /// `.` under `(?s)`, as ICU gives it back).
        @inline(__always) private func previous(_ instruction: Instruction, _ position: Int, least: Int) -> Int {
            let back = position - 1
            if instruction.flag & SpecRegex.loopUnit != 0, text[back] == 0x0A, back > least, text[back - 1] == 0x0D { return back - 1 }
            return back
        }

        /// The first position at or below `position`, and not below `least`, where a greedy
        /// loop may stop; nil when there is none.
        @inline(__always) private mutating func greedyStop(_ instruction: Instruction, from position: Int, least: Int) -> Int? {
            var stop = position
            while !mayFollow(instruction, at: stop) {
                guard stop > least else { return nil }
                stop = previous(instruction, stop, least: least)
            }
            steps &-= (position - stop) &>> SpecRegex.loopBytesPerStepShift
            return stop
        }

        /// Takes items of a lazy loop from `position` until what follows may match: where it
        /// stops and how many more it may take, or nil when it cannot get there.
        @inline(__always) private mutating func lazyStop(_ instruction: Instruction, from position: Int, remaining: Int) -> (Int, Int)? {
            var stop = position
            var remaining = remaining
            while !mayFollow(instruction, at: stop) {
                guard remaining > 0, stop < count, let length = item(instruction, at: stop) else {
                    if stop >= count { ranToEnd(instruction) }
                    steps &-= (stop - position) &>> SpecRegex.loopBytesPerStepShift
                    return nil
                }
                stop += length
                remaining -= 1
            }
            steps &-= (stop - position) &>> SpecRegex.loopBytesPerStepShift
            return (stop, remaining)
        }

        /// A lazy loop resumed after itself at every boundary up to the text's end without a
        /// match: remembers its entry (see ``Compiler/rememberLazyFailures()``).
        @inline(__always) private mutating func ranToEnd(_ instruction: Instruction) {
            guard instruction.failureSlot >= 0 else { return }
            failedFrom[instruction.failureSlot] = Swift.min(failedFrom[instruction.failureSlot], registers[instruction.entryRegister])
        }

        /// Whether a lazy loop entered at `position` must fail, as it did from an earlier
        /// entry whose boundaries include this one's.
        @inline(__always) private func failedBefore(_ instruction: Instruction, enteredAt position: Int) -> Bool {
            guard instruction.failureSlot >= 0 else { return false }
            let from = failedFrom[instruction.failureSlot]
            return position >= from && onChain(instruction, position, from: from)
        }

        /// Whether `position` (at or after `from`) is a boundary of the loop's items taken
        /// from `from`: between a CR and its LF is none for `.` under `(?s)` entered before.
        @inline(__always) private func onChain(_ instruction: Instruction, _ position: Int, from: Int) -> Bool {
            !(instruction.flag & SpecRegex.loopUnit != 0 && position > from && position < count
              && text[position] == 0x0A && text[position - 1] == 0x0D)
        }

        /// Runs a loop instruction from `position`: where it goes on, or nil (too few items).
        private mutating func startLoop(_ instruction: Instruction, at pc: Int, from position: Int) -> Int? {
            var end = position
            var taken = 0
            if instruction.flag & 3 == LoopMode.lazy.rawValue {
                if instruction.failureSlot >= 0 {
                    if failedBefore(instruction, enteredAt: position) { return nil }
                    registers[instruction.entryRegister] = position
                }
                while taken < instruction.min {
                    guard end < count, let length = item(instruction, at: end) else { return nil }
                    end += length
                    taken += 1
                }
                steps &-= (end - position) &>> SpecRegex.loopBytesPerStepShift
                guard let (stop, remaining) = lazyStop(instruction, from: end, remaining: instruction.max - instruction.min) else { return nil }
                if remaining > 0 { push(tag: pc << 2 | 2, position: stop, extra: remaining) }
                return stop
            }
            var least = position  // the least position backtracking may give back to
            let remembers = instruction.failureSlot >= 0
            if remembers {
                let slot = instruction.failureSlot
                if position >= failedFrom[slot], position <= failedTo[slot], onChain(instruction, position, from: failedFrom[slot]) {
                    return nil
                }
            }
            while taken < instruction.max, end < count, let length = item(instruction, at: end) {
                end += length
                taken += 1
                if taken == instruction.min { least = end }
            }
            steps &-= (end - position) &>> SpecRegex.loopBytesPerStepShift
            guard taken >= instruction.min else { return nil }
            guard instruction.flag & 3 == LoopMode.greedy.rawValue else { return end }
            // Reached by backtracking once every boundary failed (kind 3).
            if remembers, end - position >= SpecRegex.rememberedRun { push(tag: pc << 2 | 3, position: end, extra: position) }
            guard let stop = greedyStop(instruction, from: end, least: least) else { return nil }
            if stop > least { push(tag: pc << 2 | 1, position: stop, extra: least) }
            return stop
        }

        @inline(__always) private mutating func push(tag: Int, position: Int, extra: Int) {
            if top + frameSize > capacity { grow() }
            stack[top] = tag
            stack[top + 1] = position
            stack[top + 2] = extra
            (stack + top + 3).update(from: registers, count: registerCount)
            top += frameSize
        }

        private mutating func grow() {
            if 2 * capacity * MemoryLayout<Int>.stride > SpecRegex.maximumStackBytes {
                // Grows still, so this push completes; `run` stops before its next step.
                tooDeep = true
                steps = 0
            }
            let larger = UnsafeMutablePointer<Int>.allocate(capacity: 2 * capacity + 16 * frameSize)
            larger.update(from: stack, count: top)
            if ownsStack { stack.deallocate() }
            stack = larger
            capacity = 2 * capacity + 16 * frameSize
            ownsStack = true
        }

        /// Resumes at the latest backtracking point: false when there is none left.
        private mutating func backtrack(_ pc: inout Int, _ position: inout Int) -> Bool {
            while top > 0 {
                top -= frameSize
                let tag = stack[top]
                let saved = stack[top + 1]
                let extra = stack[top + 2]
                registers.update(from: stack + top + 3, count: registerCount)
                let target = tag >> 2
                switch tag & 3 {
                case 0:
                    pc = target
                    position = saved
                    return true
                case 1:
                    // A greedy loop gives back items.
                    let instruction = program[target]
                    guard let stop = greedyStop(instruction, from: previous(instruction, saved, least: extra), least: extra) else { continue }
                    if stop > extra { push(tag: tag, position: stop, extra: extra) }
                    pc = target + 1
                    position = stop
                    return true
                case 3:
                    // A greedy loop gave back every item it could without a match.
                    let slot = program[target].failureSlot
                    let entry = extra
                    if saved == failedTo[slot] {
                        failedFrom[slot] = Swift.min(failedFrom[slot], entry)
                    } else {
                        failedFrom[slot] = entry
                        failedTo[slot] = saved
                    }
                    continue
                default:
                    // A lazy loop takes more items.
                    let instruction = program[target]
                    if saved >= count { ranToEnd(instruction) }
                    guard extra > 0, saved < count, let length = item(instruction, at: saved),
                          let (stop, remaining) = lazyStop(instruction, from: saved + length, remaining: extra - 1) else { continue }
                    if remaining > 0 { push(tag: tag, position: stop, extra: remaining) }
                    pc = target + 1
                    position = stop
                    return true
                }
            }
            return false
        }
    }
}
