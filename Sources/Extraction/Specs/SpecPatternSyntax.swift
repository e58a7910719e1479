/// The parts of a spec pattern's ICU syntax that say where its matches can lie, read once
/// when the spec is loaded by a small parser that knows only what specs use and gives up
/// (nil) on anything else: inline flags other than leading `(?ims)`, `\Q`, `\p`, `\x`,
/// back-references, nested classes, set operations, comments, `(?x)`.
///
/// ``SpecPattern`` uses it to run a pattern on part of a text when that provably gives the
/// first match the whole text would (see ``PatternWindow``), and to find its `value` group
/// by number rather than by name.
struct SpecPatternSyntax: Sendable {
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
                        guard let character = SpecPatternSyntax.escapedCharacter(escaped) else { return nil }
                        if character == "\n" { hasLineFeed = true }
                        previous = character
                    }
                case "-" where previous != nil && current != nil && current != "]":
                    guard let low = previous, var high = current else { return nil }
                    index += 1
                    if high == "\\" {
                        guard let escaped = current, let character = SpecPatternSyntax.escapedCharacter(escaped) else { return nil }
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
            default: return SpecPatternSyntax.escapedCharacter(escaped).map(Node.literal)
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
