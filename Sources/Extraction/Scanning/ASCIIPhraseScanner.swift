/// Which of a fixed list of ASCII phrases occur in a text as raw UTF-8 bytes, in one pass.
///
/// A prefilter, not a matcher: the phrases are compared byte for byte, with no word
/// boundaries and no case folding (pass lowercased text for lowercase phrases). When a
/// phrase's bytes do not occur, no Character-level search (`contains`, `firstRange(of:)`)
/// can find it either, so callers skip their exact (and much slower) check; when they do
/// occur, callers confirm with that exact check.
///
/// The scan looks at every position at most once: a 64 Ki-bit table of the phrases' first two
/// bytes rejects almost every position, and only the phrases starting with those two bytes
/// are compared. When no phrase has two bytes, most positions are not even looked at: if
/// the two bytes after a position are neither the first two nor the second and third of
/// any phrase, no phrase starts at that position or the next, and the scan steps over both
/// (one table load per two bytes).
struct ASCIIPhraseScanner: Sendable {
    /// The phrases as given, in order; results are indexed like this list.
    let phrases: [String]
    private let bytes: [[UInt8]]
    /// Bit `(b0 << 8) | b1` is set when some phrase of two or more bytes starts with b0 b1.
    private let pairBits: [UInt64]
    /// Indices of one-byte phrases, checked by byte value.
    private let singleBytes: [(byte: UInt8, index: Int)]
    /// The same data, flattened for the scan loop: every phrase's bytes in one array, each
    /// phrase's (start, length) in it, and the indices of the phrases of two or more bytes
    /// ordered by their first two bytes in one array: the distinct pairs, sorted, are
    /// `pairKeys`, pair `pairKeys[k]`'s phrases are at `pairStarts[k]..<pairStarts[k + 1]` (so a
    /// position is compared only with phrases starting with its two bytes).
    private let flatBytes: [UInt8]
    private let flatRanges: [(start: Int, length: Int)]
    private let byPairFlat: [Int32]
    private let pairKeys: [Int32]
    private let pairStarts: [Int32]
    /// The tables of the stepping scan, one for the text's bytes as they come, one with every
    /// byte A-Z counted as a-z; nil when some phrase has two bytes, which stepping two
    /// positions at once could miss.
    private let stepTables: StepTables?
    private let foldedStepTables: StepTables?

    /// Bit tables indexed by two text bytes b0 b1 as `b0 | b1 << 8` (one unaligned load).
    private struct StepTables {
        /// Set when some phrase has b0 b1 at offset 0 or 1.
        var step: [UInt64]
        /// Set when some phrase starts with b0 b1.
        var start: [UInt64]
    }

    init(_ phrases: [String]) {
        self.phrases = phrases
        bytes = phrases.map { Array($0.utf8) }
        var pairBits = [UInt64](repeating: 0, count: 1024)
        var singleBytes: [(byte: UInt8, index: Int)] = []
        var byPair: [(pair: Int32, index: Int32)] = []
        for (index, phrase) in bytes.enumerated() {
            precondition(!phrase.isEmpty, "empty phrase")
            if phrase.count == 1 {
                singleBytes.append((phrase[0], index))
                continue
            }
            let pair = Int(phrase[0]) << 8 | Int(phrase[1])
            pairBits[pair >> 6] |= 1 << UInt64(pair & 63)
            byPair.append((Int32(pair), Int32(index)))
        }
        self.pairBits = pairBits
        self.singleBytes = singleBytes
        var flatBytes: [UInt8] = []
        var flatRanges: [(start: Int, length: Int)] = []
        for phrase in bytes {
            flatRanges.append((flatBytes.count, phrase.count))
            flatBytes += phrase
        }
        self.flatBytes = flatBytes
        self.flatRanges = flatRanges
        // Each pair's phrases in phrase order, as appending them in order would place them.
        byPair.sort { ($0.pair, $0.index) < ($1.pair, $1.index) }
        byPairFlat = byPair.map(\.index)
        var pairKeys: [Int32] = []
        var pairStarts: [Int32] = []
        for (slot, entry) in byPair.enumerated() where pairKeys.last != entry.pair {
            pairKeys.append(entry.pair)
            pairStarts.append(Int32(slot))
        }
        pairStarts.append(Int32(byPair.count))
        self.pairKeys = pairKeys
        self.pairStarts = pairStarts
        if bytes.contains(where: { $0.count == 2 }) {
            stepTables = nil
            foldedStepTables = nil
        } else {
            var exact = StepTables(step: [UInt64](repeating: 0, count: 1024), start: [UInt64](repeating: 0, count: 1024))
            var folded = exact
            func set(_ table: inout [UInt64], _ low: UInt8, _ high: UInt8) {
                let pair = Int(low) | Int(high) << 8
                table[pair >> 6] |= 1 << UInt64(pair & 63)
            }
            /// The text bytes that fold to `byte` (A-Z folds to a-z), with `byte` itself.
            func unfolded(_ byte: UInt8) -> [UInt8] {
                byte >= 0x61 && byte <= 0x7A ? [byte, byte - 0x20] : [byte]
            }
            for phrase in bytes where phrase.count >= 3 {
                set(&exact.start, phrase[0], phrase[1])
                for low in unfolded(phrase[0]) {
                    for high in unfolded(phrase[1]) { set(&folded.start, low, high) }
                }
                for offset in 0...1 {
                    set(&exact.step, phrase[offset], phrase[offset + 1])
                    for low in unfolded(phrase[offset]) {
                        for high in unfolded(phrase[offset + 1]) { set(&folded.step, low, high) }
                    }
                }
            }
            stepTables = exact
            foldedStepTables = folded
        }
    }

    /// For each phrase, whether its bytes occur in `text`'s UTF-8.
    func occurrences(in text: some StringProtocol) -> [Bool] {
        var text = String(text)
        return text.withUTF8 { occurrences(inBytes: $0) }
    }

    /// For each phrase, whether its bytes occur in `buffer`; with `foldingCase`, bytes
    /// A-Z in `buffer` count as a-z (for lowercase phrases over ASCII text, this is the
    /// answer the lowercased text would give, without making it).
    func occurrences(inBytes buffer: UnsafeBufferPointer<UInt8>, foldingCase: Bool = false) -> [Bool] {
        var found = [Bool](repeating: false, count: bytes.count)
        markOccurrences(inBytes: buffer, foldingCase: foldingCase, into: &found)
        return found
    }

    /// Sets `found[i]` for each phrase `i` whose bytes occur in `buffer` (others are left
    /// as they are: several buffers can be marked into one array).
    func markOccurrences(inBytes buffer: UnsafeBufferPointer<UInt8>, foldingCase: Bool, into found: inout [Bool]) {
        @inline(__always) func at(_ position: Int) -> UInt8 {
            let byte = buffer[position]
            return foldingCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        var remaining = found.lazy.filter { !$0 }.count
        for (byte, index) in singleBytes where !found[index] && buffer.indices.contains(where: { at($0) == byte }) {
            found[index] = true
            remaining -= 1
        }
        let count = buffer.count
        guard count >= 2, remaining > 0 else { return }
        // The scan loop touches only unsafe buffers: no retain or release per byte.
        pairBits.withUnsafeBufferPointer { bits in
            flatBytes.withUnsafeBufferPointer { flat in
                flatRanges.withUnsafeBufferPointer { ranges in
                    byPairFlat.withUnsafeBufferPointer { candidates in
                        pairStarts.withUnsafeBufferPointer { starts in
                            found.withUnsafeMutableBufferPointer { found in
                                /// Compares the phrases that start with the two bytes at
                                /// `position` (`pair`); true when every phrase is found.
                                @inline(__always) func check(_ position: Int, pair: Int) -> Bool {
                                    guard bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return false }
                                    let key = Self.slot(of: Int32(pair), in: pairKeys)
                                    for slot in Int(starts[key])..<Int(starts[key + 1]) {
                                        let index = Int(candidates[slot])
                                        guard !found[index] else { continue }
                                        let (start, length) = ranges[index]
                                        guard position + length <= count else { continue }
                                        var offset = 2
                                        while offset < length, at(position + offset) == flat[start + offset] { offset += 1 }
                                        if offset == length {
                                            found[index] = true
                                            remaining -= 1
                                        }
                                    }
                                    return remaining == 0
                                }
                                if let tables = foldingCase ? foldedStepTables : stepTables, let base = buffer.baseAddress {
                                    // Every phrase has three bytes or more: none starts in the
                                    // last two bytes, and a position whose next two bytes are in
                                    // no phrase's first three is skipped with the one after it.
                                    // Other positions are compared when their own two bytes,
                                    // as they come, start a phrase.
                                    let raw = UnsafeRawPointer(base)
                                    tables.step.withUnsafeBufferPointer { step in
                                        tables.start.withUnsafeBufferPointer { startBits in
                                            guard let stepBase = step.baseAddress else { return }
                                            // `position < limit` is `position + 2 < count`.
                                            let limit = count - 2
                                            var position = 0
                                            while true {
                                                position = Self.nextStop(raw, from: position, limit: limit, stepBase)
                                                guard position < limit else { return }
                                                let here = Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt16.self)))
                                                if startBits[here >> 6] & (1 << UInt64(here & 63)) != 0,
                                                   check(position, pair: Int(at(position)) << 8 | Int(at(position + 1))) {
                                                    return
                                                }
                                                position &+= 1
                                            }
                                        }
                                    }
                                    return
                                }
                                var position = 0
                                var next = Int(at(0))
                                while position + 1 < count {
                                    let first = next
                                    next = Int(at(position + 1))
                                    if check(position, pair: first << 8 | next) { return }
                                    position += 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The first of `start`, `start + 2`, `start + 4`, ... below `limit` whose next two
    /// bytes are set in the step table (a phrase may start there or at the next position),
    /// or a position at or past `limit`. A leaf loop of its own, so its few values stay in
    /// registers.
    @inline(__always)
    private static func nextStop(_ raw: UnsafeRawPointer, from start: Int, limit: Int, _ step: UnsafePointer<UInt64>) -> Int {
        var position = start
        while position < limit {
            let next = Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position &+ 1, as: UInt16.self)))
            if step[next &>> 6] & (1 &<< UInt64(truncatingIfNeeded: next & 63)) != 0 { return position }
            position &+= 2
        }
        return position
    }

    /// The position of `pair` in the sorted `keys` (it is there: its bit is set).
    @inline(__always)
    private static func slot(of pair: Int32, in keys: [Int32]) -> Int {
        var low = 0
        var high = keys.count - 1
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < pair { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
