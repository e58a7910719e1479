// Reference copies of the two parsers SpecPatternSyntax replaced (as they were at ac6366d),
// kept in the test target only as oracles for SpecPatternSyntaxTests.
// swiftlint:disable all

@testable import Extraction

/// The parts of a spec pattern's ICU syntax that say where its matches can lie, read once
/// when the spec is loaded by a small parser that knows only what specs use and gives up
/// (nil) on anything else: inline flags other than leading `(?ims)`, `\Q`, `\p`, `\x`,
/// back-references, nested classes, set operations, comments, `(?x)`.
///
/// ``SpecPattern`` uses it to run a pattern on part of a text when that provably gives the
/// first match the whole text would (see ``PatternWindow``), and to find its `value` group
/// by number rather than by name.
struct ReferencePatternSyntax: Sendable {
    /// A piece of the pattern.
    indirect enum Node: Sendable {
        /// A character that matches itself (with ASCII case folded under `(?i)`).
        case literal(Unicode.Scalar)
        /// One character of a class, `.` or `\d`-like escape; whether it can be a line feed.
        case atom(matchesLineFeed: Bool)
        case assertion(Assertion)
        case group(GroupKind, [[Node]])
        /// `node` repeated at least `min` times.
        case repetition(Node, min: Int)
    }

    enum Assertion: Sendable {
        /// `^` and `$` under `(?m)`: they test the characters beside the position.
        case lineEdge
        /// `\b`, `\B`: they test the characters beside the position.
        case wordBoundary
        /// `^` without `(?m)`, `\A`, `\G`: tied to where the input (or search) starts.
        case inputStart
        /// `$` without `(?m)`, `\z`, `\Z`: tied to where the input ends.
        case inputEnd
    }

    enum GroupKind: Sendable, Equatable {
        /// A capturing group; `name` for `(?<name>...)`.
        case capture(name: String?)
        /// `(?:...)` and atomic `(?>...)`.
        case plain
        case lookahead
        case negativeLookahead
        case lookbehind
    }

    /// The pattern's alternatives (top level).
    let alternatives: [[Node]]
    let caseInsensitive: Bool

    init?(source: String) {
        var scalars = Array(source.unicodeScalars)
        var multiline = false
        var dotAll = false
        var caseInsensitive = false
        if scalars.starts(with: "(?".unicodeScalars), let close = scalars.firstIndex(of: ")"), close > 2 {
            let flags = scalars[2..<close]
            guard flags.allSatisfy({ "ims".unicodeScalars.contains($0) }) else { return nil }
            caseInsensitive = flags.contains("i")
            multiline = flags.contains("m")
            dotAll = flags.contains("s")
            scalars.removeFirst(close + 1)
        }
        var parser = Parser(scalars: scalars, multiline: multiline, dotAll: dotAll)
        guard let alternatives = parser.alternatives(), parser.index == scalars.count else { return nil }
        self.alternatives = alternatives
        self.caseInsensitive = caseInsensitive
    }

    // MARK: What the pattern says

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
            case .assertion(.inputStart), .assertion(.inputEnd):
                return nil
            case .assertion, .group(.lookahead, _), .group(.negativeLookahead, _):
                guard bytes.isEmpty else { return bytes.count >= 2 ? bytes : nil }
            case .literal(let scalar):
                guard let literal = literalBytes(scalar) else { return bytes.count >= 2 ? bytes : nil }
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
                guard case .literal(let scalar) = node, scalar.value >= 0x20, scalar.value < 0x7F else { return nil }
                string.unicodeScalars.append(scalar)
            }
            strings.append(caseInsensitive ? string.lowercased() : string)
        }
        return strings
    }

    /// The capture groups' names (nil for unnamed ones) in the order ICU numbers them.
    var captureGroupNames: [String?] {
        var names: [String?] = []
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .group(let kind, let alternatives):
                    if case .capture(let name) = kind { names.append(name) }
                    alternatives.forEach(visit)
                case .repetition(let inner, _):
                    visit([inner])
                default:
                    break
                }
            }
        }
        alternatives.forEach(visit)
        return names
    }

    private func literalBytes(_ scalar: Unicode.Scalar) -> [UInt8]? {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return [caseInsensitive && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte]
        }
        // Under `(?i)` a non-ASCII letter matches its other cases: not a literal.
        guard !caseInsensitive else { return nil }
        return Array(String(Character(scalar)).utf8)
    }

    private static func isLineLocal(_ nodes: [Node]) -> Bool {
        nodes.allSatisfy { node in
            switch node {
            case .literal(let scalar): return scalar != "\n"
            case .atom(let matchesLineFeed): return !matchesLineFeed
            case .assertion(let assertion): return assertion == .lineEdge || assertion == .wordBoundary
            case .group(.lookbehind, _): return false
            case .group(_, let alternatives): return alternatives.allSatisfy { isLineLocal($0) }
            case .repetition(let inner, _): return isLineLocal([inner])
            }
        }
    }

    private static func isStartIndependent(_ nodes: [Node]) -> Bool {
        nodes.allSatisfy { node in
            switch node {
            case .assertion(.inputStart), .group(.lookbehind, _): return false
            case .group(_, let alternatives): return alternatives.allSatisfy { isStartIndependent($0) }
            case .repetition(let inner, _): return isStartIndependent([inner])
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
            case .literal(let scalar):
                if let bytes = literalBytes(scalar) { run += bytes } else { endRun() }
            case .group(.capture, let alternatives), .group(.plain, let alternatives), .group(.lookahead, let alternatives):
                endRun()
                consider(required(in: alternatives))
            case .repetition(let inner, let min):
                endRun()
                if min >= 1 { consider(required(inSequence: [inner])) }
            case .atom, .assertion, .group:
                endRun()
            }
        }
        endRun()
        return best
    }

    /// The character `\` + `escaped` stands for in ICU syntax: `\n`, `\t`, `\r`, `\f` and
    /// escaped ASCII punctuation; nil for every other escape. ``SpecRegexSyntax`` reads
    /// escapes the same way.
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

    // MARK: Parsing

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let multiline: Bool
        let dotAll: Bool
        var index = 0

        init(scalars: [Unicode.Scalar], multiline: Bool, dotAll: Bool) {
            self.scalars = scalars
            self.multiline = multiline
            self.dotAll = dotAll
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
                if let min = quantifier() {
                    node = .repetition(node, min: min)
                    guard let next = current, "?*+{".unicodeScalars.contains(next) else {
                        alternatives[alternatives.count - 1].append(node)
                        continue
                    }
                    return nil  // a quantifier on a quantifier: not something specs write
                }
                alternatives[alternatives.count - 1].append(node)
            }
            return alternatives
        }

        private mutating func atom() -> Node? {
            guard let scalar = current else { return nil }
            index += 1
            switch scalar {
            case "(": return group()
            case "[": return characterClass()
            case ".": return .atom(matchesLineFeed: dotAll)
            case "^": return .assertion(multiline ? .lineEdge : .inputStart)
            case "$": return .assertion(multiline ? .lineEdge : .inputEnd)
            case "\\": return escape()
            case "*", "+", "?", "{", "}", "]", ")", "|": return nil
            default: return .literal(scalar)
            }
        }

        private mutating func group() -> Node? {
            var kind = GroupKind.capture(name: nil)
            if current == "?" {
                index += 1
                guard let marker = current else { return nil }
                index += 1
                switch marker {
                case ":", ">": kind = .plain
                case "=": kind = .lookahead
                case "!": kind = .negativeLookahead
                case "<":
                    if current == "=" || current == "!" {
                        index += 1
                        kind = .lookbehind
                    } else {
                        var name = ""
                        while let scalar = current, scalar != ">" {
                            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { return nil }
                            name.unicodeScalars.append(scalar)
                            index += 1
                        }
                        guard current == ">", !name.isEmpty else { return nil }
                        index += 1
                        kind = .capture(name: name)
                    }
                default:
                    return nil
                }
            }
            guard let inner = alternatives(), current == ")" else { return nil }
            index += 1
            return .group(kind, inner)
        }

        /// After `[`: a class of plain characters, ranges and `\d`-like escapes.
        private mutating func characterClass() -> Node? {
            var negated = false
            if current == "^" {
                negated = true
                index += 1
            }
            guard current != "]" else { return nil }
            var hasLineFeed = false
            var previous: Unicode.Scalar?
            while let scalar = current, scalar != "]" {
                index += 1
                switch scalar {
                case "[":
                    return nil  // nested classes, POSIX names
                case "&" where current == "&", "-" where current == "-":
                    return nil  // set operations
                case "\\":
                    guard let escaped = current else { return nil }
                    index += 1
                    switch escaped {
                    case "s", "D", "W":
                        hasLineFeed = true
                        previous = nil
                    case "d", "w", "S":
                        previous = nil
                    default:
                        guard let character = ReferencePatternSyntax.escapedCharacter(escaped) else { return nil }
                        if character == "\n" { hasLineFeed = true }
                        previous = character
                    }
                case "-" where previous != nil && current != nil && current != "]":
                    guard let low = previous, var high = current else { return nil }
                    index += 1
                    if high == "\\" {
                        guard let escaped = current, let character = ReferencePatternSyntax.escapedCharacter(escaped) else { return nil }
                        index += 1
                        high = character
                    } else if high == "[" {
                        return nil
                    }
                    if low.value <= 0x0A && high.value >= 0x0A { hasLineFeed = true }
                    previous = nil
                default:
                    if scalar == "\n" { hasLineFeed = true }
                    previous = scalar
                }
            }
            guard current == "]" else { return nil }
            index += 1
            return .atom(matchesLineFeed: negated ? !hasLineFeed : hasLineFeed)
        }

        private mutating func escape() -> Node? {
            guard let escaped = current else { return nil }
            index += 1
            switch escaped {
            case "d", "w", "S": return .atom(matchesLineFeed: false)
            case "s", "D", "W": return .atom(matchesLineFeed: true)
            case "b", "B": return .assertion(.wordBoundary)
            case "A", "G": return .assertion(.inputStart)
            case "z", "Z": return .assertion(.inputEnd)
            default: return ReferencePatternSyntax.escapedCharacter(escaped).map(Node.literal)
            }
        }


        /// A quantifier at the current position: the least repetitions it allows (a lazy
        /// `?` or possessive `+` after it is consumed); nil when there is none.
        private mutating func quantifier() -> Int? {
            guard let scalar = current else { return nil }
            let min: Int
            switch scalar {
            case "?", "*":
                min = 0
                index += 1
            case "+":
                min = 1
                index += 1
            case "{":
                var cursor = index + 1
                var digits = 0
                var value = 0
                while cursor < scalars.count, let digit = Int(String(scalars[cursor])), ("0"..."9").contains(scalars[cursor]) {
                    value = value * 10 + digit
                    digits += 1
                    cursor += 1
                    if digits > 6 { return nil }
                }
                guard digits > 0, cursor < scalars.count else { return nil }
                if scalars[cursor] == "," {
                    cursor += 1
                    while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) { cursor += 1 }
                }
                guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
                min = value
                index = cursor + 1
            default:
                return nil
            }
            if current == "?" || current == "+" { index += 1 }
            return min
        }
    }
}

/// A spec pattern read for ``SpecRegex``: the subset of ICU syntax specs use, with what the
/// matcher needs (class contents, quantifier bounds, group kinds), read once at spec load.
///
/// The reader gives up (nil) on anything outside the subset or whose ICU meaning it is not
/// sure of: inline flags other than leading `(?ims)`, look-behind, back-references, `\x`,
/// `\p`, `\Q`, `\G`, `\h`, `\v`, `\R`, nested classes and set operations, `(?x)`, a
/// quantifier on an assertion, on a look-around or on something that can match nothing,
/// and, under `(?i)`, any non-ASCII character (ICU folds some of them onto ASCII letters).
/// Such a pattern keeps running on NSRegularExpression.
struct ReferenceRegexSyntax: Sendable {
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
    }

    enum Assertion: Sendable, Equatable {
        /// `^` without `(?m)`, `\A`: the start of the text.
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
        /// A capturing group: its number (from 1) and name.
        case capture(Int, name: String?)
        case plain
        case atomic
        case lookahead
        case negativeLookahead
    }

    enum Mode: Sendable, Equatable {
        case greedy, lazy, possessive
    }

    indirect enum Node: Sendable {
        /// One ASCII character, matched as is, or with case folded.
        case byte(UInt8, folded: Bool)
        /// A character that ASCII text never holds (a non-ASCII literal).
        case never
        /// One character of a class, `.` without `(?s)`, or a `\d`-like escape.
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
    /// The capture groups' names (nil for unnamed ones), in ICU's numbering order.
    let groupNames: [String?]

    init?(source: String) {
        var scalars = Array(source.unicodeScalars)
        var flags = Parser.Flags()
        // Leading flags `(?i)`, `(?m)`, `(?s)` and combinations (`(?:` is a group).
        if scalars.starts(with: "(?".unicodeScalars), let close = scalars.firstIndex(of: ")"), close > 2,
           scalars[2..<close].allSatisfy({ "ims".unicodeScalars.contains($0) }) {
            let letters = scalars[2..<close]
            flags.caseInsensitive = letters.contains("i")
            flags.multiline = letters.contains("m")
            flags.dotAll = letters.contains("s")
            scalars.removeFirst(close + 1)
        }
        if flags.caseInsensitive, scalars.contains(where: { !$0.isASCII }) { return nil }
        var parser = Parser(scalars: scalars, flags: flags)
        guard let alternatives = parser.alternatives(), parser.index == scalars.count else { return nil }
        self.alternatives = alternatives
        groupNames = parser.groupNames
    }

    // MARK: What the pattern says

    /// The first characters a match can start with, and whether a match can be empty (then
    /// it can start anywhere, at the text's end too).
    var firstBytes: (set: ByteSet, nullable: Bool) {
        Self.first(ofAlternatives: alternatives)
    }

    /// Every match starts at the start of the text (`^` without `(?m)`, `\A`).
    var isAnchoredAtTextStart: Bool {
        alternatives.allSatisfy(Self.startsAtTextStart)
    }

    /// Every match starts at a line start: each alternative starts with `^` under `(?m)`.
    var isAnchoredAtLineStart: Bool {
        alternatives.allSatisfy(Self.startsAtLineStart)
    }

    private static func startsAtLineStart(_ nodes: [Node]) -> Bool {
        switch nodes.first {
        case .assertion(.lineStart): return true
        case .group(.capture, let alternatives), .group(.plain, let alternatives), .group(.atomic, let alternatives):
            return alternatives.allSatisfy(startsAtLineStart)
        default: return false
        }
    }

    /// A `^` under `(?m)` may come before anything that consumes: ICU then looks for matches
    /// only at line starts and skips the position between CR and LF, where its `^` holds.
    var mayStartAtLineStart: Bool {
        alternatives.contains(where: Self.mayStartAtLineStart)
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
        case .never: return (ByteSet(), false)
        case .set(let set): return (set, false)
        case .anyUnit: return (.all, false)
        case .assertion, .group(.lookahead, _), .group(.negativeLookahead, _): return (ByteSet(), true)
        case .group(_, let alternatives): return first(ofAlternatives: alternatives)
        case .repetition(let inner, let min, _, _):
            let first = first(of: inner)
            return (first.set, first.nullable || min == 0)
        }
    }

    private static func startsAtTextStart(_ nodes: [Node]) -> Bool {
        switch nodes.first {
        case .assertion(.textStart): return true
        case .group(.capture, let alternatives), .group(.plain, let alternatives), .group(.atomic, let alternatives):
            return alternatives.allSatisfy(startsAtTextStart)
        default: return false
        }
    }

    private static func mayStartAtLineStart(_ nodes: [Node]) -> Bool {
        for node in nodes {
            switch node {
            case .assertion(.lineStart): return true
            case .group(_, let alternatives):
                if alternatives.contains(where: mayStartAtLineStart) { return true }
                if case .group(.lookahead, _) = node { continue }
                if case .group(.negativeLookahead, _) = node { continue }
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
                    guard Self.isQuantifiable(node), max.map({ $0 >= min && $0 > 0 }) ?? true else { return nil }
                    node = .repetition(node, min: min, max: max, mode)
                    if let next = current, "?*+{".unicodeScalars.contains(next) { return nil }
                }
                alternatives[alternatives.count - 1].append(node)
            }
            return alternatives
        }

        /// A quantifier may apply to `node`: it consumes, and cannot match nothing (ICU
        /// breaks out of loops over empty iterations in ways not modelled here).
        private static func isQuantifiable(_ node: Node) -> Bool {
            switch node {
            case .assertion, .group(.lookahead, _), .group(.negativeLookahead, _): return false
            default: return !ReferenceRegexSyntax.first(of: node).nullable
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
            guard scalar.isASCII else { return .never }
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
                case "<":
                    // `(?<=`, `(?<!`: look-behind, not handled.
                    guard let first = current, first.isASCII, first.properties.isAlphabetic else { return nil }
                    var name = ""
                    while let scalar = current, scalar != ">" {
                        guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { return nil }
                        name.unicodeScalars.append(scalar)
                        index += 1
                    }
                    guard current == ">" else { return nil }
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
                case "-" where index - 1 == first:
                    // A leading `-` is a plain character (`[--x]`: not modelled).
                    guard current != "-" else { return nil }
                    set.insert(0x2D)
                    previous = "-"
                case "[":
                    return nil  // nested classes, POSIX names
                case "&" where current == "&", "-" where current == "-":
                    return nil  // set operations
                case "-" where current != "]":
                    // A range: `previous` to the next character.
                    guard let low = previous, var high = current else { return nil }
                    index += 1
                    if high == "\\" {
                        guard let escaped = current, let character = ReferencePatternSyntax.escapedCharacter(escaped) else { return nil }
                        index += 1
                        high = character
                    } else if high == "[" {
                        return nil
                    }
                    guard low.value <= high.value else { return nil }
                    set = set.union(ByteSet(range: low.value...high.value))
                    previous = nil
                    // `[a-c-e]`: what ICU makes of a `-` after a range is not modelled.
                    if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" { return nil }
                case "\\":
                    guard let escaped = current else { return nil }
                    index += 1
                    if let predefined = Self.predefinedSet(escaped) {
                        set = set.union(predefined)
                        previous = nil
                        // `[\w-x]`: not modelled.
                        if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" { return nil }
                    } else {
                        guard let character = ReferencePatternSyntax.escapedCharacter(escaped) else { return nil }
                        set = set.union(ByteSet(range: character.value...character.value))
                        previous = character
                    }
                default:
                    // A leading `-` is a plain character.
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
            if let predefined = Self.predefinedSet(escaped) { return .set(predefined) }
            switch escaped {
            case "b": return .assertion(.wordBoundary)
            case "B": return .assertion(.notWordBoundary)
            case "A": return .assertion(.textStart)
            case "Z": return .assertion(.textEndOrFinalLineEnd)
            case "z": return .assertion(.textEnd)
            default: return ReferencePatternSyntax.escapedCharacter(escaped).map(literal)
            }
        }

        /// `\d \D \w \W \s \S` on ASCII.
        static func predefinedSet(_ escaped: Unicode.Scalar) -> ByteSet? {
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


        /// A quantifier at the current position, with a lazy `?` or possessive `+` after
        /// it; nil when there is none (or it is not one specs write).
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
                func number() -> Int? {
                    var value = 0
                    var digits = 0
                    while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) {
                        value = value * 10 + Int(scalars[cursor].value - 0x30)
                        digits += 1
                        cursor += 1
                        if digits > 4 { return nil }
                    }
                    return digits > 0 ? value : nil
                }
                guard let low = number(), cursor < scalars.count else { return nil }
                min = low
                if scalars[cursor] == "," {
                    cursor += 1
                    if cursor < scalars.count, scalars[cursor] != "}" {
                        guard let high = number() else { return nil }
                        max = high
                    }
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
