/// Which of a fixed list of ASCII phrases occur in a text as raw UTF-8 bytes, in one pass.
///
/// A prefilter, not a matcher: the phrases are compared byte for byte, with no word
/// boundaries and no case folding (pass lowercased text for lowercase phrases). When a
/// phrase's bytes do not occur, no Character-level search (`contains`, `firstRange(of:)`)
/// can find it either, so callers skip their exact (and much slower) check; when they do
/// occur, callers confirm with that exact check.
///
/// The scan looks at every byte once: a 64 Ki-bit table of the phrases' first two bytes
/// rejects almost every position, and only the phrases starting with those two bytes are
/// compared.
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
                                var position = 0
                                var next = Int(at(0))
                                while position + 1 < count {
                                    let first = next
                                    next = Int(at(position + 1))
                                    let pair = first << 8 | next
                                    if bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
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
                                        if remaining == 0 { return }
                                    }
                                    position += 1
                                }
                            }
                        }
                    }
                }
            }
        }
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
