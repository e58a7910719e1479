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
    /// Phrase indices by first byte (phrases of two or more bytes).
    private let byFirstByte: [[Int]]
    /// Indices of one-byte phrases, checked by byte value.
    private let singleBytes: [(byte: UInt8, index: Int)]

    init(_ phrases: [String]) {
        self.phrases = phrases
        bytes = phrases.map { Array($0.utf8) }
        var pairBits = [UInt64](repeating: 0, count: 1024)
        var byFirstByte = [[Int]](repeating: [], count: 256)
        var singleBytes: [(byte: UInt8, index: Int)] = []
        for (index, phrase) in bytes.enumerated() {
            precondition(!phrase.isEmpty, "empty phrase")
            if phrase.count == 1 {
                singleBytes.append((phrase[0], index))
                continue
            }
            let pair = Int(phrase[0]) << 8 | Int(phrase[1])
            pairBits[pair >> 6] |= 1 << UInt64(pair & 63)
            byFirstByte[Int(phrase[0])].append(index)
        }
        self.pairBits = pairBits
        self.byFirstByte = byFirstByte
        self.singleBytes = singleBytes
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
        pairBits.withUnsafeBufferPointer { bits in
            var position = 0
            var next = Int(at(0))
            while position + 1 < count {
                let first = next
                next = Int(at(position + 1))
                let pair = first << 8 | next
                if bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                    for index in byFirstByte[first] where !found[index] {
                        let phrase = bytes[index]
                        guard position + phrase.count <= count, phrase[1] == UInt8(next) else { continue }
                        var offset = 2
                        while offset < phrase.count, at(position + offset) == phrase[offset] { offset += 1 }
                        if offset == phrase.count {
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
