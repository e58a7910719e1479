/// Which of a fixed list of lowercase ASCII literals occur in a text's UTF-8 bytes with A-Z
/// folded to a-z (for ASCII text, what the lowercased text would contain), in one pass.
///
/// A prefilter for spec patterns (see ``DetectionLiterals``): most texts are a few hundred
/// bytes and the list a hundred literals, many starting alike ("ne" for "new lead", "new
/// project", ...), which a scan keyed on two bytes compares at every "ne". So the scan keys on four bytes, not two: a rolling window holds the last four
/// bytes, a hash of them into an 8,192-bit table rejects nearly every position, and only
/// the literals whose first four bytes are the window's, folded, are compared. (The hash
/// is taken with bit 5 of each byte set, which folds A-Z like lowercasing and merges a
/// few other bytes too: a coarser key, never a missed literal.) Once every literal of a
/// hash is found, a hit on it skips its bucket's literals by their flags (no copy of the
/// table per text, which cost more than a subject's whole scan). Most positions are not looked up
/// at all: when the three bytes after a position are neither the first three nor the
/// second to fourth of any literal, neither it nor the next can start one, and the scan
/// steps over both. Literals shorter than four bytes (rare; the scan then looks at every
/// position) are keyed on the window's last two bytes, and only on a hit compared.
///
/// Several literals may share one result slot (``init(variants:)``): the slot is marked
/// when any of them occurs, so a phrase that needs a context byte can be given as its
/// variants without a flag for each.
struct FoldedLiteralScanner: Sendable {
    /// The literals as given (every variant, slot by slot).
    let literals: [[UInt8]]
    /// How many result slots: results are indexed by slot.
    let slotCount: Int
    /// The tables, in memory the scan reads through plain pointers.
    private let storage: Storage
    /// A flag per slot, none set: each scan's result starts as a copy of it. (A new array of
    /// `slotCount` flags is allocated through the standard library's unspecialised path,
    /// which looks up the array's type metadata at run time for every scan; the copy made
    /// on the first write is specialised here.)
    private let noneFound: [Bool]

    private static let hashBits = 13
    private static let bitWords = (1 << hashBits) / 64

    @inline(__always)
    private static func hash(_ window: UInt32) -> Int {
        Int((window &* 0x9E37_79B1) >> UInt32(32 - hashBits))
    }

    private static let stepHashBits = 15

    /// The hash of three bytes (the low three of `gram`), with bit 5 of each set.
    @inline(__always)
    private static func stepHash(_ gram: UInt32) -> Int {
        Int(((gram | 0x20_2020) &* 0x9E37_79B1) >> UInt32(32 - stepHashBits))
    }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// - Parameter literals: Non-empty, lowercase ASCII; slot `i` is literal `i`.
    init(_ literals: [String]) {
        self.init(variants: literals.map { [Array($0.utf8)] })
    }

    /// - Parameter variants: For each result slot, its literals: non-empty, without A-Z
    ///   (lowercase ASCII, or any byte that is not an ASCII letter).
    init(variants: [[[UInt8]]]) {
        var literals: [[UInt8]] = []
        var slotOf: [Int32] = []
        for (slot, group) in variants.enumerated() {
            for literal in group {
                literals.append(literal)
                slotOf.append(Int32(slot))
            }
        }
        self.literals = literals
        slotCount = variants.count
        noneFound = [Bool](repeating: false, count: variants.count)
        var heads: [UInt32] = []
        var tails: [UInt8] = []
        var tailStarts: [Int32] = []
        var bits = [UInt64](repeating: 0, count: Self.bitWords)
        var stepBits = [UInt64](repeating: 0, count: (1 << Self.stepHashBits) / 64)
        var buckets = [[Int32]](repeating: [], count: 1 << Self.hashBits)
        var shortLiterals: [ShortLiteral] = []
        for (index, literal) in self.literals.enumerated() {
            precondition(!literal.isEmpty, "empty literal")
            var value: UInt32 = 0
            for (offset, byte) in literal.prefix(4).enumerated() { value |= UInt32(byte) << UInt32(8 * offset) }
            tailStarts.append(Int32(tails.count))
            tails += literal.dropFirst(4)
            if literal.count < 4 {
                heads.append(0)
                shortLiterals.append(ShortLiteral(value: value, shift: UInt32(8 * (4 - literal.count)), slot: Int(slotOf[index])))
                continue
            }
            heads.append(value)
            for offset in 0...1 {
                let gram = UInt32(literal[offset]) | UInt32(literal[offset + 1]) << 8 | UInt32(literal[offset + 2]) << 16
                let step = Self.stepHash(gram)
                stepBits[step >> 6] |= 1 << UInt64(step & 63)
            }
            let hash = Self.hash(value | 0x2020_2020)
            bits[hash >> 6] |= 1 << UInt64(hash & 63)
            buckets[hash].append(Int32(index))
        }
        tailStarts.append(Int32(tails.count))
        var bucketStarts: [Int32] = []
        var bucketLiterals: [Int32] = []
        for bucket in buckets {
            bucketStarts.append(Int32(bucketLiterals.count))
            bucketLiterals += bucket
        }
        bucketStarts.append(Int32(bucketLiterals.count))
        storage = Storage(heads: heads, tails: tails, tailStarts: tailStarts, bits: bits,
                          bucketStarts: bucketStarts, bucketLiterals: bucketLiterals, slotOf: slotOf,
                          shortLiterals: shortLiterals, stepBits: stepBits)
    }

    /// The first of `start`, `start + 2`, `start + 4`, ... below `limit` whose next three
    /// bytes are in the step table (a literal may start there or at the next position),
    /// or a position at or past `limit`. A leaf loop of its own, so its few values stay in
    /// registers.
    @inline(__always)
    private static func nextStop(_ raw: UnsafeRawPointer, from start: Int, limit: Int, _ step: UnsafePointer<UInt64>) -> Int {
        var position = start
        while position < limit {
            let window = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt32.self))
            let hash = stepHash(window >> 8)
            if step[hash &>> 6] & (1 &<< UInt64(truncatingIfNeeded: hash & 63)) != 0 { return position }
            position &+= 2
        }
        return position
    }

    /// A literal of one to three bytes: its bytes little-endian, the shift that brings the
    /// window's last bytes down to them, and its slot.
    private struct ShortLiteral {
        var value: UInt32
        var shift: UInt32
        var slot: Int
    }

    /// For each slot, whether one of its literals occurs in `bytes` with A-Z folded.
    func occurrences(in bytes: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var found = noneFound
        // (Nothing is found yet: no count of the flags.)
        mark(bytes, into: &found, remaining: slotCount)
        return found
    }

    /// Sets `found[i]` for each slot `i` one of whose literals occurs in `bytes` with A-Z
    /// folded (others are left as they are: several buffers can be marked into one array).
    func markOccurrences(in bytes: UnsafeBufferPointer<UInt8>, into found: inout [Bool]) {
        precondition(found.count == slotCount, "one flag per slot")
        var remaining = 0
        for isFound in found where !isFound { remaining += 1 }
        mark(bytes, into: &found, remaining: remaining)
    }

    /// ``markOccurrences(in:into:)`` with `remaining` the number of false flags.
    private func mark(_ bytes: UnsafeBufferPointer<UInt8>, into found: inout [Bool], remaining: Int) {
        guard remaining > 0, let base = bytes.baseAddress else { return }
        let storage = storage
        found.withUnsafeMutableBufferPointer { found in
            guard let found = found.baseAddress else { return }
            Self.mark(base, bytes.count, storage, found, remaining: remaining)
        }
    }

    /// ``mark(_:into:remaining:)`` on plain pointers. A static function whose counter is its
    /// own local: a counter declared outside the `withUnsafeMutableBufferPointer` closure and
    /// changed inside it was checked for exclusive access at run time (two
    /// `swift_beginAccess` calls per scan, each reading thread-local storage).
    private static func mark(_ base: UnsafePointer<UInt8>, _ count: Int, _ storage: Storage, _ found: UnsafeMutablePointer<Bool>,
                             remaining: Int) {
        var remaining = remaining
        let bits = UnsafePointer(storage.bits)
        /// Looks up the four bytes before `end` (`window` holds them, the newest in the
        /// high byte); true when every slot is found.
        @inline(__always) func lookUp(_ window: UInt32, end: Int) -> Bool {
            let hash = Self.hash(window | 0x2020_2020)
            guard bits[hash >> 6] & (1 << UInt64(hash & 63)) != 0 else { return false }
            remaining -= storage.mark(hash: hash, base, count, start: end - 4, found)
            return remaining == 0
        }
        guard storage.shortCount > 0 else {
            // Every literal has four bytes or more: a literal starting at `start`
            // or the position after has its bytes 1-3 or 0-2, respectively, at
            // `start + 1`; when those three bytes are no literal's, both positions
            // are stepped over with one table load.
            let raw = UnsafeRawPointer(base)
            let step = UnsafePointer(storage.stepBits)
            // `start < limit` is `start + 4 <= count`.
            let limit = count - 3
            var start = 0
            while true {
                start = Self.nextStop(raw, from: start, limit: limit, step)
                guard start < limit else { return }
                let window = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt32.self))
                if lookUp(window, end: start &+ 4) { return }
                start &+= 1
            }
        }
        // With short literals, their last two bytes too, looked up in a table of
        // 64 Ki bits (bit 5 of each byte set, as for the hash: a coarser key, never a
        // missed literal); only on a hit are the window's last bytes folded and
        // compared with each short literal (bytes before the text's start count as
        // zeros, which never equal a literal's bytes).
        let shorts = storage.shortLiterals
        let shortCount = storage.shortCount
        let shortBits = storage.shortBits
        @inline(__always) func foldedEnd(at position: Int) -> UInt32 {
            var folded = UInt32(Self.fold(base[position])) << 24
            if position >= 1 { folded |= UInt32(Self.fold(base[position - 1])) << 16 }
            if position >= 2 { folded |= UInt32(Self.fold(base[position - 2])) << 8 }
            return folded
        }
        var window: UInt32 = 0
        for position in 0..<count {
            window = window >> 8 | UInt32(base[position]) << 24
            let pair = Int((window >> 16) | 0x2020)
            if shortBits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                let folded = foldedEnd(at: position)
                var next = 0
                while next < shortCount {
                    let short = shorts[next]
                    next += 1
                    guard folded >> short.shift == short.value, !found[short.slot] else { continue }
                    found[short.slot] = true
                    remaining -= 1
                    if remaining == 0 { return }
                }
            }
            if position >= 3, lookUp(window, end: position + 1) { return }
        }
    }

    /// The tables of literals of four or more bytes, copied once into memory of their own
    /// (immutable after `init`, freed with the storage), so the scan reads them through
    /// plain pointers: no retain, release or bounds check per byte.
    private final class Storage: @unchecked Sendable {
        /// Each literal's first four bytes, little-endian (0 for a short literal).
        let heads: UnsafeMutablePointer<UInt32>
        /// Every literal's bytes after its first four, one after another: literal `i`'s are
        /// `tails[tailStarts[i]..<tailStarts[i + 1]]`.
        let tails: UnsafeMutablePointer<UInt8>
        let tailStarts: UnsafeMutablePointer<Int32>
        /// Bit `hash(head | 0x2020_2020)` is set for every literal of four or more bytes.
        let bits: UnsafeMutablePointer<UInt64>
        /// Literal indices by hash: bucket `h` is `bucketLiterals[bucketStarts[h]..<bucketStarts[h + 1]]`.
        let bucketStarts: UnsafeMutablePointer<Int32>
        let bucketLiterals: UnsafeMutablePointer<Int32>
        /// Each literal's result slot.
        let slotOf: UnsafeMutablePointer<Int32>
        /// Literals of one to three bytes.
        let shortLiterals: UnsafeMutablePointer<ShortLiteral>
        let shortCount: Int
        /// Bit `stepHash(b0 | b1 << 8 | b2 << 16)` is set when a literal of four or more bytes
        /// has b0 b1 b2 at offset 0 or 1.
        let stepBits: UnsafeMutablePointer<UInt64>
        /// Bit `(b1 | b2 << 8) | 0x2020` is set when a short literal ends with b1 b2, or is the
        /// one byte b2 (with any b1).
        let shortBits: UnsafeMutablePointer<UInt64>

        init(heads: [UInt32], tails: [UInt8], tailStarts: [Int32], bits: [UInt64], bucketStarts: [Int32], bucketLiterals: [Int32],
             slotOf: [Int32], shortLiterals: [ShortLiteral], stepBits: [UInt64]) {
            func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
                let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
                pointer.initialize(from: array, count: array.count)
                return pointer
            }
            self.heads = copy(heads)
            self.tails = copy(tails)
            self.tailStarts = copy(tailStarts)
            self.bits = copy(bits)
            self.bucketStarts = copy(bucketStarts)
            self.bucketLiterals = copy(bucketLiterals)
            self.slotOf = copy(slotOf)
            self.shortLiterals = copy(shortLiterals)
            shortCount = shortLiterals.count
            var shortBits = [UInt64](repeating: 0, count: 1024)
            for short in shortLiterals {
                // The literal's last two bytes, where the window's last two are (its first
                // byte alone when it has one, under any byte before).
                let ending = (short.value << short.shift) >> 16
                let lows: [UInt32] = short.shift == 24 ? Array(0...255) : [ending & 0xFF]
                for low in lows {
                    let pair = Int((ending & 0xFF00 | low) | 0x2020)
                    shortBits[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
            self.shortBits = copy(shortBits)
            self.stepBits = copy(stepBits)
        }

        deinit {
            heads.deallocate()
            tails.deallocate()
            tailStarts.deallocate()
            bits.deallocate()
            bucketStarts.deallocate()
            bucketLiterals.deallocate()
            slotOf.deallocate()
            shortLiterals.deallocate()
            shortBits.deallocate()
            stepBits.deallocate()
        }

        /// Marks the slots of the literals of bucket `hash` that occur at `start` (literals
        /// of slots already found are skipped): how many slots were newly found.
        func mark(hash: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int, start: Int,
                  _ found: UnsafeMutablePointer<Bool>) -> Int {
            let head = UInt32(fold(bytes[start])) | UInt32(fold(bytes[start + 1])) << 8
                | UInt32(fold(bytes[start + 2])) << 16 | UInt32(fold(bytes[start + 3])) << 24
            var marked = 0
            var entry = Int(bucketStarts[hash])
            let end = Int(bucketStarts[hash + 1])
            while entry < end {
                let index = Int(bucketLiterals[entry])
                entry += 1
                let slot = Int(slotOf[index])
                if found[slot] { continue }
                if heads[index] == head, tailMatches(index, bytes, count, at: start + 4) {
                    found[slot] = true
                    marked += 1
                }
            }
            return marked
        }

        /// Whether literal `index`'s bytes after its head occur at `start`, A-Z folded.
        private func tailMatches(_ index: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int, at start: Int) -> Bool {
            let tailStart = Int(tailStarts[index])
            let length = Int(tailStarts[index + 1]) - tailStart
            guard start + length <= count else { return false }
            var offset = 0
            while offset < length {
                if fold(bytes[start + offset]) != tails[tailStart + offset] { return false }
                offset += 1
            }
            return true
        }
    }
}
