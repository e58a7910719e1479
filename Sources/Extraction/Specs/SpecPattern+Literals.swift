import Foundation

/// Literal text a spec pattern cannot match without, read from its source when the spec is
/// loaded, so detection can skip patterns whose literals a message does not contain.
///
/// Each top-level alternative of the pattern contributes its longest run of plain ASCII
/// characters that every match of that alternative contains (characters before `?`, `*`,
/// `+` or `{n,m}`, and everything inside groups and classes, are left out). A match of the
/// pattern then contains one of those runs. An alternative without such a run that holds a
/// group `(...)` or `(?:...)` not made optional or repeated (`\b(?:invoice|receipt)\b`)
/// contributes the group's own literals instead: its match contains the group's match,
/// which contains one of them. Patterns this reading is not sure about
/// (inline flags other than a leading `(?i)`, `\Q`, hex or property escapes, backreferences,
/// an alternative without a run of two characters) get no literals and always run.
struct SpecPatternLiterals: Sendable, Equatable {
    /// One run per alternative; lowercased when ``isCaseInsensitive``.
    var alternatives: [String]
    /// The pattern starts with `(?i)`.
    var isCaseInsensitive: Bool

    init?(source: String) {
        var scalars = Array(source.unicodeScalars)
        // Leading flags: `i`, and `m`/`s`, which change what `^`, `$` and `.` match, not literals.
        var caseInsensitive = false
        if scalars.starts(with: "(?".unicodeScalars), let close = scalars.firstIndex(of: ")"),
           close > 2, scalars[2..<close].allSatisfy({ "ims".unicodeScalars.contains($0) }) {
            caseInsensitive = scalars[2..<close].contains("i")
            scalars.removeFirst(close + 1)
        }
        self.init(scalars: scalars, caseInsensitive: caseInsensitive)
    }

    private init?(scalars: [Unicode.Scalar], caseInsensitive: Bool) {
        isCaseInsensitive = caseInsensitive
        var alternatives: [String] = []
        var runs: [String] = []
        var run = ""
        /// The literals of the current alternative's required groups, the best first (the
        /// one whose shortest literal is longest).
        var groupLiterals: [String]?
        func endRun() {
            if !run.isEmpty { runs.append(run) }
            run = ""
        }
        func endAlternative() -> Bool {
            endRun()
            defer {
                runs = []
                groupLiterals = nil
            }
            if let longest = runs.max(by: { $0.utf8.count < $1.utf8.count }), longest.utf8.count >= 2 {
                alternatives.append(longest)
                return true
            }
            guard let groupLiterals else { return false }
            alternatives += groupLiterals
            return true
        }
        /// Keeps `literals` (a required group's) when they are the alternative's best so far.
        func keepGroup(_ literals: [String]) {
            func shortest(_ list: [String]) -> Int { list.map(\.utf8.count).min() ?? 0 }
            if let current = groupLiterals, shortest(current) >= shortest(literals) { return }
            groupLiterals = literals
        }
        /// The index after the class or group that opens at `start`, or nil.
        func skipNested(from start: Int) -> Int? {
            var depth = 0
            var inClass = 0
            var index = start
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\\" {
                    index += 2
                    continue
                }
                if scalar == "[" {
                    inClass += 1
                } else if scalar == "]", inClass > 0 {
                    inClass -= 1
                    if inClass == 0, depth == 0 { return index + 1 }
                } else if inClass == 0, scalar == "(" {
                    // Inside a group: only plain, non-capturing, named and look-around groups.
                    if index + 1 < scalars.count, scalars[index + 1] == "?" {
                        guard index + 2 < scalars.count, ":<=!>".unicodeScalars.contains(scalars[index + 2]) else { return nil }
                    }
                    depth += 1
                } else if inClass == 0, scalar == ")" {
                    depth -= 1
                    if depth == 0 { return index + 1 }
                    if depth < 0 { return nil }
                }
                index += 1
            }
            return nil
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count else { return nil }
                let escaped = scalars[index + 1]
                // Escapes that stand for characters (or quote text) could be read as
                // literals wrongly: no prefilter.
                if "pPNxuUcQEkg0123456789".unicodeScalars.contains(escaped) { return nil }
                endRun()
                index += 2
            case "(", "[":
                endRun()
                guard let next = skipNested(from: index) else { return nil }
                // A look-ahead `(?=X)` holds where X matches: X's one literal is needed too.
                if scalar == "(", scalars[index...].starts(with: "(?=".unicodeScalars),
                   let inner = SpecPatternLiterals(scalars: Array(scalars[(index + 3)..<(next - 1)]), caseInsensitive: caseInsensitive),
                   inner.alternatives.count == 1 {
                    runs.append(inner.alternatives[0])
                }
                // A plain or non-capturing group that is neither optional nor repeated:
                // every match of the alternative holds a match of it.
                let opensPlainGroup = scalar == "(" && (index + 1 < scalars.count && scalars[index + 1] != "?"
                    || scalars[index...].starts(with: "(?:".unicodeScalars))
                let quantified = next < scalars.count && "?*+{".unicodeScalars.contains(scalars[next])
                if opensPlainGroup, !quantified {
                    let innerStart = scalars[index + 1] == "?" ? index + 3 : index + 1
                    if innerStart < next - 1,
                       let inner = SpecPatternLiterals(scalars: Array(scalars[innerStart..<(next - 1)]), caseInsensitive: caseInsensitive) {
                        keepGroup(inner.alternatives)
                    }
                }
                index = next
            case "|":
                guard endAlternative() else { return nil }
                index += 1
            case "?", "*", "+":
                // The character before is optional or repeated: not part of a run.
                if !run.isEmpty { run.removeLast() }
                endRun()
                index += 1
            case "{":
                if !run.isEmpty { run.removeLast() }
                endRun()
                guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
                index = close + 1
            case ")", "]", "}":
                return nil
            case ".", "^", "$":
                endRun()
                index += 1
            default:
                if scalar.value >= 0x20 && scalar.value <= 0x7E {
                    let character = Character(scalar)
                    run.append(isCaseInsensitive ? Character(character.lowercased()) : character)
                } else {
                    endRun()
                }
                index += 1
            }
        }
        guard endAlternative() else { return nil }
        self.alternatives = alternatives
    }
}

/// The literals of a spec set's text and subject patterns (detection, `ignore` rules and
/// field rules), found in a text in one pass, with the extra slots of other prefilters run
/// on the same texts (``SpamRule``'s pitch phrases) marked in the same pass.
///
/// A class: each message's ``LiteralPresence`` holds the set's literals, and a copy of a
/// struct retained each of its arrays and the scanner's tables.
final class DetectionLiterals: Sendable {
    /// The lowercased literals of case-insensitive patterns, then those of case-sensitive
    /// patterns lowercased: one scan with A-Z folded finds both (an exact literal cannot
    /// occur where its folded form does not).
    let scanner: FoldedLiteralScanner
    /// How many of `scanner`'s phrases come from case-insensitive patterns.
    let foldedCount: Int
    /// The case-sensitive literals as written: phrase `foldedCount + i` of `scanner` is
    /// `exact[i]` lowercased, and a hit on it is confirmed on these bytes.
    let exact: [[UInt8]]
    /// Where the extra slots start in a presence array: after every pattern literal.
    let extraStart: Int

    /// - Parameters:
    ///   - folded: Lowercased literals of case-insensitive patterns.
    ///   - exact: Literals of case-sensitive patterns, as written (ASCII).
    ///   - extra: Further slots, each given as its byte variants (no A-Z), found with A-Z
    ///     folded like `folded`: slot `extraStart + i` is marked when a variant of
    ///     `extra[i]` occurs (see ``FoldedLiteralScanner/init(variants:)``).
    init(folded: [String], exact: [String], extra: [[[UInt8]]] = []) {
        foldedCount = folded.count
        self.exact = exact.map { Array($0.utf8) }
        extraStart = folded.count + exact.count
        let lowered = exact.map { literal in literal.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        scanner = FoldedLiteralScanner(variants: (folded.map { Array($0.utf8) } + lowered).map { [$0] } + extra)
    }

    /// For each literal (folded ones, then exact ones), whether it occurs in `text`; nil when
    /// the text holds a character that case-insensitive matching may equate with ASCII
    /// letters (`ß`, `ſ`, `K` (Kelvin), `İ`, ligatures, ...), so every pattern may match.
    func presence(in text: String) -> [Bool]? {
        var isASCII: Bool?
        return presence(in: text, isASCII: &isASCII)
    }

    /// ``presence(in:)``, and whether `text` is all ASCII when the hazard scan (which looks
    /// at every byte when it finds no hazard) tells: then no other pass need work it out.
    func presence(in text: String, isASCII: inout Bool?) -> [Bool]? {
        var copy = text
        var ascii: Bool?
        let found = copy.withUTF8 { bytes -> [Bool]? in
            // (Extra slots are folded too, and their callers rely on the hazard check.)
            if foldedCount > 0 || extraStart < scanner.slotCount {
                let scan = Self.caseFoldingScan(bytes)
                ascii = scan.isASCII
                if scan.hasHazard { return nil }
            }
            var found = scanner.occurrences(in: bytes)
            confirmExact(in: bytes, &found)
            return found
        }
        isASCII = ascii
        return found
    }

    /// Clears the flag of each case-sensitive literal found folded that does not occur in
    /// `bytes` as written. Most flags are clear: they are stepped over eight at a time (a
    /// `Bool` is one byte, 0 or 1), and only a literal found folded is read (each read of an
    /// element retains and releases its array).
    private func confirmExact(in bytes: UnsafeBufferPointer<UInt8>, _ found: inout [Bool]) {
        let count = exact.count
        found.withUnsafeMutableBufferPointer { flags in
            guard let base = flags.baseAddress, count > 0 else { return }
            let exactFlags = base + foldedCount
            let raw = UnsafeRawPointer(exactFlags)
            var offset = 0
            while offset < count {
                if offset + 8 <= count, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == 0 {
                    offset += 8
                    continue
                }
                if exactFlags[offset] { exactFlags[offset] = Self.contains(bytes, exact[offset]) }
                offset += 1
            }
        }
    }

    /// How many of `slots` are set in `first` or `second` (two presence arrays of one set,
    /// as long as `slots` reaches), counted up to `limit`. Most flags are clear: they are
    /// read eight at a time from both.
    static func countSet(in first: [Bool], or second: [Bool], slots: Range<Int>, upTo limit: Int) -> Int {
        precondition(first.count >= slots.upperBound && second.count >= slots.upperBound, "flags for every slot")
        guard limit > 0 else { return 0 }
        return first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                guard let firstBase = first.baseAddress, let secondBase = second.baseAddress else { return 0 }
                let firstRaw = UnsafeRawPointer(firstBase), secondRaw = UnsafeRawPointer(secondBase)
                var count = 0
                var slot = slots.lowerBound
                while slot < slots.upperBound {
                    if slot + 8 <= slots.upperBound,
                       firstRaw.loadUnaligned(fromByteOffset: slot, as: UInt64.self)
                        | secondRaw.loadUnaligned(fromByteOffset: slot, as: UInt64.self) == 0 {
                        slot += 8
                        continue
                    }
                    if first[slot] || second[slot] {
                        count += 1
                        if count == limit { return count }
                    }
                    slot += 1
                }
                return count
            }
        }
    }

    /// Whether `literal` occurs in `bytes` as is: libc's `memchr` finds each candidate
    /// first byte (many bytes at a time), `memcmp` compares the rest.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: [UInt8]) -> Bool {
        guard let base = bytes.baseAddress, let first = literal.first, bytes.count >= literal.count else { return false }
        let last = bytes.count - literal.count  // the last offset a match can start at
        var offset = 0
        return literal.withUnsafeBytes { pattern in
            guard let pattern = pattern.baseAddress else { return false }
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + start, pattern, literal.count) == 0 { return true }
                offset = start + 1
            }
            return false
        }
    }

    /// Whether UTF-8 `bytes` hold a scalar whose case folding has ASCII letters in it:
    /// U+00DF, U+0130, U+0131, U+0149, U+017F, U+01F0, U+1E96-U+1E9E, U+212A, U+FB00-U+FB06.
    static func hasCaseFoldingHazard(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        caseFoldingScan(bytes).hasHazard
    }

    /// ``hasCaseFoldingHazard(_:)``, and whether `bytes` are all ASCII (false when a hazard
    /// was found: a hazard is no ASCII byte).
    static func caseFoldingScan(_ bytes: UnsafeBufferPointer<UInt8>) -> (hasHazard: Bool, isASCII: Bool) {
        guard let base = bytes.baseAddress else { return (false, true) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        let count = bytes.count
        var isASCII = true
        while index < count {
            // Eight ASCII bytes at a time: most text is ASCII, and only lead bytes matter.
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            isASCII = false
            let second = index + 1 < count ? bytes[index + 1] : 0
            let third = index + 2 < count ? bytes[index + 2] : 0
            switch byte {
            case 0xC3 where second == 0x9F: return (true, false)
            case 0xC4 where second == 0xB0 || second == 0xB1: return (true, false)
            case 0xC5 where second == 0x89 || second == 0xBF: return (true, false)
            case 0xC7 where second == 0xB0: return (true, false)
            case 0xE1 where second == 0xBA && third >= 0x96 && third <= 0x9E: return (true, false)
            case 0xE2 where second == 0x84 && third == 0xAA: return (true, false)
            case 0xEF where second == 0xAC && third >= 0x80 && third <= 0x86: return (true, false)
            default: break
            }
            index += 1
        }
        return (false, isASCII)
    }
}
