/// A spec pattern's ICU syntax, read once when the spec is loaded by a small parser that
/// knows only the subset specs use and gives up (nil) on anything else: inline flags other
/// than leading `(?ims)`, `\Q`, `\p`, `\x`, back-references, nested classes, set operations,
/// comments, `(?x)`.
///
/// One tree serves two readers:
/// * ``PatternWindow`` and ``SpecPattern`` read where matches can lie and the groups'
///   names (``isWindowReadable``, ``isLineLocal``, ``requiredLiterals``, ...);
/// * ``SpecRegex`` compiles it to its byte matcher when ``runsOnMatcher``: not for what
///   that matcher cannot do or whose ICU meaning it is not sure of (look-behind, `\G`, a
///   quantifier on an assertion, a look-around or something that can match nothing,
///   `[\w-x]`, `[a-c-e]`, bounds over 4 digits, non-ASCII group names, and under `(?i)` any
///   non-ASCII character: ICU folds some onto ASCII letters). Such a pattern keeps running
///   on NSRegularExpression.
struct SpecPatternSyntax: Sendable {
    /// A set of ASCII bytes (bytes 0x80 and up are never members: ``SpecRegex`` only runs
    /// on ASCII text).
    struct ByteSet: Sendable, Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        static let all = ByteSet(low: ~0, high: ~0)
        /// ICU's `.` without `(?s)`: any character but a line terminator (in ASCII 0x0A-0x0D).
        static let dot = all.subtracting(ByteSet(range: 0x0A...0x0D))
        static let digits = ByteSet(range: 0x30...0x39)
        /// ICU's `\w` (and `\b`'s word characters) on ASCII.
        static let word = digits.union(ByteSet(range: 0x41...0x5A)).union(ByteSet(range: 0x61...0x7A)).union(ByteSet(byte: 0x5F))
        /// ICU's `\s` (White_Space) on ASCII: tab, LF, VT, FF, CR, space.
        static let space = ByteSet(range: 0x09...0x0D).union(ByteSet(byte: 0x20))

        init(low: UInt64 = 0, high: UInt64 = 0) {
            self.low = low
            self.high = high
        }

        init(byte: UInt8) {
            insert(byte)
        }

        /// The ASCII part of `range` (its bounds may be any scalar values).
        init(range: ClosedRange<UInt32>) {
            guard range.lowerBound < 0x80 else { return }
            for value in range.lowerBound...min(range.upperBound, 0x7F) { insert(UInt8(value)) }
        }

        @inline(__always) func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : byte < 128 && (high >> UInt64(byte - 64)) & 1 != 0
        }

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
        }

        func union(_ other: ByteSet) -> ByteSet { ByteSet(low: low | other.low, high: high | other.high) }
        func subtracting(_ other: ByteSet) -> ByteSet { ByteSet(low: low & ~other.low, high: high & ~other.high) }
        /// Every ASCII byte not in the set.
        var complement: ByteSet { ByteSet(low: ~low, high: ~high) }
        var isEmpty: Bool { low == 0 && high == 0 }

        /// The set with each ASCII letter's other case added (ICU's case closure, on ASCII).
        var caseClosed: ByteSet {
            let upper = high & 0x07FF_FFFE  // A-Z: bits 1...26 of the high word
            let lower = high & 0x07FF_FFFE_0000_0000  // a-z: bits 33...58
            return ByteSet(low: low, high: high | upper << 32 | lower >> 32)
        }

        /// `\d \D \w \W \s \S` on ASCII.
        static func predefined(_ escaped: Unicode.Scalar) -> ByteSet? {
            switch escaped {
            case "d": return .digits
            case "D": return ByteSet.digits.complement
            case "w": return .word
            case "W": return ByteSet.word.complement
            case "s": return .space
            case "S": return ByteSet.space.complement
            default: return nil
            }
        }
    }

    enum Assertion: Sendable, Equatable {
        /// `^` without `(?m)`, `\A` (and `\G`, which only the window reader takes).
        case textStart
        /// `^` under `(?m)`.
        case lineStart
        /// `$` without `(?m)`, `\Z`: the end, or before a final line terminator (or CR LF).
        case textEndOrFinalLineEnd
        /// `$` under `(?m)`.
        case lineEnd
        /// `\z`.
        case textEnd
        case wordBoundary
        case notWordBoundary
    }

    enum GroupKind: Sendable, Equatable {
        /// A capturing group: its number (from 1, by opening parenthesis, as ICU counts)
        /// and name.
        case capture(Int, name: String?)
        case plain
        case atomic
        case lookahead
        case negativeLookahead
        /// `(?<=...)` and `(?<!...)`.
        case lookbehind
    }

    enum Mode: Sendable, Equatable {
        case greedy, lazy, possessive
    }

    indirect enum Node: Sendable {
        /// One ASCII character, matched as is, or with case folded (a letter under `(?i)`).
        case byte(UInt8, folded: Bool)
        /// A non-ASCII character (which ASCII text never holds).
        case nonASCII(Unicode.Scalar)
        /// One character of a class, `.` without `(?s)`, or a `\d`-like escape (its ASCII
        /// members; under `(?i)` closed over case).
        case set(ByteSet)
        /// `.` under `(?s)`: one character, or CR LF as one (ICU's rule).
        case anyUnit
        case assertion(Assertion)
        case group(GroupKind, [[Node]])
        /// `node` at least `min` and at most `max` (nil: no limit) times.
        case repetition(Node, min: Int, max: Int?, Mode)
    }

    /// The pattern's top-level alternatives.
    let alternatives: [[Node]]
    let caseInsensitive: Bool
    /// The capture groups' names (nil for unnamed ones), in ICU's numbering order.
    let groupNames: [String?]
    /// ``SpecRegex`` can run the pattern (see the type's description).
    let runsOnMatcher: Bool
    /// The window reader takes the pattern: it does not start with a group `(?...)` other
    /// than flags (that reader's leading-flags rule, kept as it was).
    let isWindowReadable: Bool

    init?(source: String) {
        var scalars = Array(source.unicodeScalars)
        var flags = Parser.Flags()
        var isWindowReadable = true
        // Leading flags `(?i)`, `(?m)`, `(?s)` and combinations (`(?:` is a group).
        if scalars.starts(with: "(?".unicodeScalars), let close = scalars.firstIndex(of: ")"), close > 2 {
            let letters = scalars[2..<close]
            if letters.allSatisfy({ "ims".unicodeScalars.contains($0) }) {
                flags.caseInsensitive = letters.contains("i")
                flags.multiline = letters.contains("m")
                flags.dotAll = letters.contains("s")
                scalars.removeFirst(close + 1)
            } else {
                isWindowReadable = false
            }
        }
        var parser = Parser(scalars: scalars, flags: flags)
        guard let alternatives = parser.alternatives(), parser.index == scalars.count else { return nil }
        self.alternatives = alternatives
        caseInsensitive = flags.caseInsensitive
        groupNames = parser.groupNames
        runsOnMatcher = parser.runsOnMatcher && !(flags.caseInsensitive && scalars.contains { !$0.isASCII })
        self.isWindowReadable = isWindowReadable
    }

    /// The character `\` + `escaped` stands for in ICU syntax: `\n`, `\t`, `\r`, `\f` and
    /// escaped ASCII punctuation; nil for every other escape.
    static func escapedCharacter(_ escaped: Unicode.Scalar) -> Unicode.Scalar? {
        switch escaped {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return "\u{0C}"
        default:
            guard escaped.isASCII, escaped.value > 0x20, escaped.value < 0x7F,
                  !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else { return nil }
            return escaped
        }
    }

    // MARK: Where matches can lie (for PatternWindow and SpecPattern)

    /// No part of a match, look-aheads included, can be a line feed, and no assertion looks
    /// further than the characters beside it: each match lies inside one line, and a line
    /// (with its line feed) gives the same matches as the whole text.
    var isLineLocal: Bool {
        alternatives.allSatisfy { Self.isLineLocal($0) }
    }

    /// Nothing in the pattern depends on where the search starts (no look-behind, no `\A`,
    /// `\G` or `^` without `(?m)`), so a search from a line's start gives the matches the
    /// whole text has from there.
    var isStartIndependent: Bool {
        alternatives.allSatisfy { Self.isStartIndependent($0) }
    }

    /// Literals one of which every match (look-aheads included) contains, as UTF-8 (ASCII
    /// lowercased under `(?i)`, where non-ASCII characters are not used); nil when unknown.
    var requiredLiterals: [[UInt8]]? {
        required(in: alternatives)
    }

    /// The literal every match starts with (after zero-width assertions), as UTF-8
    /// (lowercased under `(?i)`), when there is one of two bytes or more.
    var leadingLiteral: [UInt8]? {
        guard alternatives.count == 1 else { return nil }
        var bytes: [UInt8] = []
        for node in alternatives[0] {
            switch node {
            case .assertion(.textStart), .assertion(.textEnd), .assertion(.textEndOrFinalLineEnd):
                return nil
            case .assertion, .group(.lookahead, _), .group(.negativeLookahead, _):
                guard bytes.isEmpty else { return bytes.count >= 2 ? bytes : nil }
            case .byte, .nonASCII:
                guard let literal = literalBytes(node) else { return bytes.count >= 2 ? bytes : nil }
                bytes += literal
            default:
                return bytes.count >= 2 ? bytes : nil
            }
        }
        return bytes.count >= 2 ? bytes : nil
    }

    /// The pattern is one literal or an alternation of literals, each of them the whole of
    /// its alternative: these strings, as the literal prefilter spells them (lowercased
    /// under `(?i)`).
    var literalAlternatives: [String]? {
        var strings: [String] = []
        for alternative in alternatives {
            var string = ""
            for node in alternative {
                guard case .byte(let byte, _) = node, byte >= 0x20, byte < 0x7F else { return nil }
                string.unicodeScalars.append(Unicode.Scalar(byte))
            }
            strings.append(caseInsensitive ? string.lowercased() : string)
        }
        return strings
    }

    /// A literal node's UTF-8 (ASCII lowercased under `(?i)`); nil for other nodes and, under
    /// `(?i)`, non-ASCII letters, which match their other cases.
    private func literalBytes(_ node: Node) -> [UInt8]? {
        switch node {
        case .byte(let byte, _):
            return [caseInsensitive && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte]
        case .nonASCII(let scalar) where !caseInsensitive:
            return Array(String(Character(scalar)).utf8)
        default:
            return nil
        }
    }

    private static func isLineLocal(_ nodes: [Node]) -> Bool {
        nodes.allSatisfy { node in
            switch node {
            case .byte(let byte, _): return byte != 0x0A
            case .nonASCII: return true
            case .set(let set): return !set.contains(0x0A)
            case .anyUnit: return false
            case .assertion(let assertion):
                return [.lineStart, .lineEnd, .wordBoundary, .notWordBoundary].contains(assertion)
            case .group(.lookbehind, _): return false
            case .group(_, let alternatives): return alternatives.allSatisfy { isLineLocal($0) }
            case .repetition(let inner, _, _, _): return isLineLocal([inner])
            }
        }
    }

    private static func isStartIndependent(_ nodes: [Node]) -> Bool {
        nodes.allSatisfy { node in
            switch node {
            case .assertion(.textStart), .group(.lookbehind, _): return false
            case .group(_, let alternatives): return alternatives.allSatisfy { isStartIndependent($0) }
            case .repetition(let inner, _, _, _): return isStartIndependent([inner])
            default: return true
            }
        }
    }

    /// One literal of each alternative's best set, or nil when an alternative has none.
    private func required(in alternatives: [[Node]]) -> [[UInt8]]? {
        var union: [[UInt8]] = []
        for alternative in alternatives {
            guard let literals = required(inSequence: alternative) else { return nil }
            for literal in literals where !union.contains(literal) { union.append(literal) }
        }
        return union.isEmpty || union.count > 8 ? nil : union
    }

    /// The best set of literals one of which a match of `nodes` contains: the one whose
    /// shortest literal is longest, of at least two bytes.
    private func required(inSequence nodes: [Node]) -> [[UInt8]]? {
        var best: [[UInt8]]?
        func consider(_ candidate: [[UInt8]]?) {
            guard let candidate, let shortest = candidate.map(\.count).min(), shortest >= 2 else { return }
            guard let current = best, let currentShortest = current.map(\.count).min() else {
                best = candidate
                return
            }
            if shortest > currentShortest || (shortest == currentShortest && candidate.count < current.count) {
                best = candidate
            }
        }
        var run: [UInt8] = []
        func endRun() {
            if !run.isEmpty { consider([run]) }
            run = []
        }
        for node in nodes {
            switch node {
            case .byte, .nonASCII:
                if let bytes = literalBytes(node) { run += bytes } else { endRun() }
            case .group(.capture, let alternatives), .group(.plain, let alternatives), .group(.atomic, let alternatives),
                 .group(.lookahead, let alternatives):
                endRun()
                consider(required(in: alternatives))
            case .repetition(let inner, let min, _, _):
                endRun()
                if min >= 1 { consider(required(inSequence: [inner])) }
            case .set, .anyUnit, .assertion, .group:
                endRun()
            }
        }
        endRun()
        return best
    }

    // MARK: Where matches start (for SpecRegex)

    /// The first characters a match can start with, and whether a match can be empty (then
    /// it can start anywhere, at the text's end too).
    var firstBytes: (set: ByteSet, nullable: Bool) {
        Self.first(ofAlternatives: alternatives)
    }

    /// Every match starts at the start of the text (`^` without `(?m)`, `\A`).
    var isAnchoredAtTextStart: Bool {
        alternatives.allSatisfy { Self.startsWith(.textStart, $0) }
    }

    /// Every match starts at a line start: each alternative starts with `^` under `(?m)`.
    var isAnchoredAtLineStart: Bool {
        alternatives.allSatisfy { Self.startsWith(.lineStart, $0) }
    }

    /// A `^` under `(?m)` may come before anything that consumes: ICU then looks for matches
    /// only at line starts and skips the position between CR and LF, where its `^` holds.
    var mayStartAtLineStart: Bool {
        alternatives.contains(where: Self.mayStartAtLineStart)
    }

    private static func startsWith(_ assertion: Assertion, _ nodes: [Node]) -> Bool {
        switch nodes.first {
        case .assertion(let first): return first == assertion
        case .group(.capture, let alternatives), .group(.plain, let alternatives), .group(.atomic, let alternatives):
            return alternatives.allSatisfy { startsWith(assertion, $0) }
        default: return false
        }
    }

    private static func first(ofAlternatives alternatives: [[Node]]) -> (set: ByteSet, nullable: Bool) {
        var set = ByteSet()
        var nullable = false
        for alternative in alternatives {
            let first = first(ofSequence: alternative)
            set = set.union(first.set)
            nullable = nullable || first.nullable
        }
        return (set, nullable)
    }

    private static func first(ofSequence nodes: [Node]) -> (set: ByteSet, nullable: Bool) {
        var set = ByteSet()
        for node in nodes {
            let first = first(of: node)
            set = set.union(first.set)
            if !first.nullable { return (set, false) }
        }
        return (set, true)
    }

    static func first(of node: Node) -> (set: ByteSet, nullable: Bool) {
        switch node {
        case .byte(let byte, let folded):
            let set = ByteSet(byte: byte)
            return (folded ? set.caseClosed : set, false)
        case .nonASCII: return (ByteSet(), false)
        case .set(let set): return (set, false)
        case .anyUnit: return (.all, false)
        case .assertion, .group(.lookahead, _), .group(.negativeLookahead, _), .group(.lookbehind, _): return (ByteSet(), true)
        case .group(_, let alternatives): return first(ofAlternatives: alternatives)
        case .repetition(let inner, let min, _, _):
            let first = first(of: inner)
            return (first.set, first.nullable || min == 0)
        }
    }

    private static func mayStartAtLineStart(_ nodes: [Node]) -> Bool {
        for node in nodes {
            switch node {
            case .assertion(.lineStart): return true
            case .group(let kind, let alternatives):
                if alternatives.contains(where: mayStartAtLineStart) { return true }
                if kind == .lookahead || kind == .negativeLookahead { continue }
                if !first(of: node).nullable { return false }
            case .repetition(let inner, _, _, _):
                if mayStartAtLineStart([inner]) { return true }
                if !first(of: node).nullable { return false }
            default:
                if !first(of: node).nullable { return false }
            }
        }
        return false
    }

    // MARK: Parsing

    private struct Parser {
        struct Flags {
            var caseInsensitive = false
            var multiline = false
            var dotAll = false
        }

        let scalars: [Unicode.Scalar]
        let flags: Flags
        var index = 0
        var groupNames: [String?] = []
        /// Cleared on syntax the window reader takes and ``SpecRegex`` does not.
        var runsOnMatcher = true

        init(scalars: [Unicode.Scalar], flags: Flags) {
            self.scalars = scalars
            self.flags = flags
        }

        private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        /// Alternatives up to a `)` (not consumed) or the end.
        mutating func alternatives() -> [[Node]]? {
            var alternatives: [[Node]] = [[]]
            while let scalar = current, scalar != ")" {
                if scalar == "|" {
                    alternatives.append([])
                    index += 1
                    continue
                }
                guard var node = atom() else { return nil }
                if let (min, max, mode) = quantifier() {
                    // ICU breaks out of loops over empty iterations in ways not modelled.
                    if !Self.isQuantifiable(node) || !(max.map { $0 >= min && $0 > 0 } ?? true) { runsOnMatcher = false }
                    node = .repetition(node, min: min, max: max, mode)
                    // A quantifier on a quantifier: not something specs write.
                    if let next = current, "?*+{".unicodeScalars.contains(next) { return nil }
                }
                alternatives[alternatives.count - 1].append(node)
            }
            return alternatives
        }

        /// The matcher may repeat `node`: it consumes, and cannot match nothing.
        private static func isQuantifiable(_ node: Node) -> Bool {
            switch node {
            case .assertion, .group(.lookahead, _), .group(.negativeLookahead, _), .group(.lookbehind, _): return false
            default: return !SpecPatternSyntax.first(of: node).nullable
            }
        }

        private mutating func atom() -> Node? {
            guard let scalar = current else { return nil }
            index += 1
            switch scalar {
            case "(": return group()
            case "[": return characterClass()
            case ".": return flags.dotAll ? .anyUnit : .set(.dot)
            case "^": return .assertion(flags.multiline ? .lineStart : .textStart)
            case "$": return .assertion(flags.multiline ? .lineEnd : .textEndOrFinalLineEnd)
            case "\\": return escape()
            case "*", "+", "?", "{", "}", "]", ")", "|": return nil
            default: return literal(scalar)
            }
        }

        private func literal(_ scalar: Unicode.Scalar) -> Node {
            guard scalar.isASCII else { return .nonASCII(scalar) }
            let byte = UInt8(scalar.value)
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            return .byte(byte, folded: flags.caseInsensitive && isLetter)
        }

        private mutating func group() -> Node? {
            var kind = GroupKind.capture(0, name: nil)
            if current == "?" {
                index += 1
                guard let marker = current else { return nil }
                index += 1
                switch marker {
                case ":": kind = .plain
                case ">": kind = .atomic
                case "=": kind = .lookahead
                case "!": kind = .negativeLookahead
                case "<" where current == "=" || current == "!":
                    index += 1
                    kind = .lookbehind
                    runsOnMatcher = false
                case "<":
                    var name = ""
                    while let scalar = current, scalar != ">" {
                        guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { return nil }
                        if !scalar.isASCII || (name.isEmpty && !scalar.properties.isAlphabetic) { runsOnMatcher = false }
                        name.unicodeScalars.append(scalar)
                        index += 1
                    }
                    guard current == ">", !name.isEmpty else { return nil }
                    index += 1
                    kind = .capture(0, name: name)
                default:
                    return nil
                }
            }
            if case .capture(_, let name) = kind {
                // ICU numbers groups by their opening parenthesis.
                groupNames.append(name)
                kind = .capture(groupNames.count, name: name)
            }
            guard let inner = alternatives(), current == ")" else { return nil }
            index += 1
            return .group(kind, inner)
        }

        /// After `[`: plain characters, ranges and `\d`-like escapes; under `(?i)` closed
        /// over case before a `^` negates it (ICU's order).
        private mutating func characterClass() -> Node? {
            var negated = false
            if current == "^" {
                negated = true
                index += 1
            }
            guard current != "]" else { return nil }
            var set = ByteSet()
            /// The last single character, which a `-` may make the start of a range.
            var previous: Unicode.Scalar?
            let first = index
            while let scalar = current, scalar != "]" {
                index += 1
                switch scalar {
                case "[":
                    return nil  // nested classes, POSIX names
                case "&" where current == "&", "-" where current == "-":
                    return nil  // set operations (`[--x]` too)
                case "-" where index - 1 != first && current != nil && current != "]":
                    // A range from `previous`; after a range or `\w` (`[a-c-e]`, `[\w-x]`)
                    // a plain `-`, which the matcher does not take.
                    guard let low = previous else {
                        runsOnMatcher = false
                        set.insert(0x2D)
                        previous = "-"
                        continue
                    }
                    guard var high = current, high != "[" else { return nil }
                    index += 1
                    if high == "\\" {
                        guard let escaped = current, let character = SpecPatternSyntax.escapedCharacter(escaped) else { return nil }
                        index += 1
                        high = character
                    }
                    if low.value <= high.value {
                        set = set.union(ByteSet(range: low.value...high.value))
                    } else {
                        runsOnMatcher = false
                    }
                    previous = nil
                case "\\":
                    guard let escaped = current else { return nil }
                    index += 1
                    if let predefined = ByteSet.predefined(escaped) {
                        set = set.union(predefined)
                        previous = nil
                    } else {
                        guard let character = SpecPatternSyntax.escapedCharacter(escaped) else { return nil }
                        set = set.union(ByteSet(range: character.value...character.value))
                        previous = character
                    }
                default:
                    // A leading or trailing `-` is a plain character.
                    set = set.union(ByteSet(range: scalar.value...scalar.value))
                    previous = scalar
                }
            }
            guard current == "]" else { return nil }
            index += 1
            if flags.caseInsensitive { set = set.caseClosed }
            return .set(negated ? set.complement : set)
        }

        private mutating func escape() -> Node? {
            guard let escaped = current else { return nil }
            index += 1
            if let predefined = ByteSet.predefined(escaped) { return .set(predefined) }
            switch escaped {
            case "b": return .assertion(.wordBoundary)
            case "B": return .assertion(.notWordBoundary)
            case "A": return .assertion(.textStart)
            case "G":
                runsOnMatcher = false
                return .assertion(.textStart)
            case "Z": return .assertion(.textEndOrFinalLineEnd)
            case "z": return .assertion(.textEnd)
            default: return SpecPatternSyntax.escapedCharacter(escaped).map(literal)
            }
        }

        /// A quantifier at the current position, with a lazy `?` or possessive `+` after
        /// it; nil when there is none.
        private mutating func quantifier() -> (min: Int, max: Int?, Mode)? {
            guard let scalar = current else { return nil }
            var min = 0
            var max: Int?
            switch scalar {
            case "?":
                max = 1
                index += 1
            case "*":
                index += 1
            case "+":
                min = 1
                index += 1
            case "{":
                var cursor = index + 1
                /// A bound; the matcher takes at most 4 digits, the window reader 6 before
                /// the comma, any after it.
                func number(maximumDigits: Int?) -> Int? {
                    var value = 0
                    var digits = 0
                    while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) {
                        if digits < 6 { value = value * 10 + Int(scalars[cursor].value - 0x30) }
                        digits += 1
                        cursor += 1
                        if let maximumDigits, digits > maximumDigits { return nil }
                    }
                    if digits > 4 { runsOnMatcher = false }
                    return digits > 0 ? value : nil
                }
                guard let low = number(maximumDigits: 6), cursor < scalars.count else { return nil }
                min = low
                if scalars[cursor] == "," {
                    cursor += 1
                    max = number(maximumDigits: nil)
                } else {
                    max = low
                }
                guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
                index = cursor + 1
            default:
                return nil
            }
            var mode = Mode.greedy
            if current == "?" {
                mode = .lazy
                index += 1
            } else if current == "+" {
                mode = .possessive
                index += 1
            }
            return (min, max, mode)
        }
    }
}
