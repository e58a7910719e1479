/// The label keys (``LabelIndex/key(_:)``) one spec's `label:` or `table_row:` rules ask
/// for, each with a slot number, made when the spec is loaded.
///
/// A message's labels are looked up here from their bytes: a label's key is hashed as
/// ``LabelIndex/key(_:)`` would write it, without writing it, and compared byte by byte
/// only with a key of the same hash. A label nobody asks for costs no String, no
/// dictionary entry and no SipHash (most are turned away by their first two bytes). Rules
/// then read their values by slot.
///
/// A class: rules, specs and per-message lookups share one table without copying (and
/// retaining) its arrays.
final class LabelKeyTable: Sendable {
    /// The keys by slot.
    let keys: [String]
    /// The keys' UTF-8 bytes, one after another; key `slot` is
    /// `keyBytes[keyStarts[slot]..<keyStarts[slot + 1]]`.
    private let keyBytes: [UInt8]
    private let keyStarts: [Int]
    /// Open addressing: a slot, or -1 for an empty bucket; the count is a power of two at
    /// least twice the number of keys, so a probe ends at an empty bucket.
    private let buckets: [Int32]
    /// Each slot's key hash, compared before its bytes.
    private let keyHashes: [Int]
    /// 1,024 bits: set for each key's first two bytes (see ``openingBit(_:_:)``), so most
    /// lines are turned away after two bytes.
    private let openings: [UInt64]
    /// The longest key in bytes: a label whose key grows past it is no wanted label.
    private let maximumKeyLength: Int
    /// Whether one of the labels the table was made from keys to "" (all decoration): no
    /// slot (nothing is indexed under ""), but a multi-line value stops at such a line.
    let hasEmptyKey: Bool

    /// How many slots.
    var count: Int { keys.count }

    /// A value per slot, none yet, and ``TextLabelValues``'s entries (two per slot), none
    /// yet: a message's lookups start as copies of these. (A new array of them is allocated
    /// through the standard library's unspecialised path, which looks up the array's type
    /// metadata at run time for every message; the copy made on the first write is
    /// specialised here.)
    let noValues: [String?]
    let noTextEntries: [TextLabelValues.Stored]

    /// A table of `keys` in order of first appearance (duplicates share a slot; an empty key
    /// gets none).
    init(keys: some Sequence<String>) {
        var unique: [String] = []
        var seen: Set<String> = []
        var hasEmptyKey = false
        for key in keys {
            if key.isEmpty {
                hasEmptyKey = true
            } else if seen.insert(key).inserted {
                unique.append(key)
            }
        }
        var bytes: [UInt8] = []
        var starts = [0]
        for key in unique {
            bytes.append(contentsOf: key.utf8)
            starts.append(bytes.count)
        }
        var bucketCount = 4
        while bucketCount < unique.count * 2 { bucketCount *= 2 }
        var buckets = [Int32](repeating: -1, count: bucketCount)
        let hashes = unique.indices.map { Self.hash(bytes[starts[$0]..<starts[$0 + 1]]) }
        for slot in unique.indices {
            var bucket = hashes[slot] & (bucketCount - 1)
            while buckets[bucket] >= 0 { bucket = (bucket + 1) & (bucketCount - 1) }
            buckets[bucket] = Int32(slot)
        }
        self.keys = unique
        keyBytes = bytes
        keyStarts = starts
        self.buckets = buckets
        keyHashes = hashes
        var openings = [UInt64](repeating: 0, count: 16)
        for slot in unique.indices {
            let start = starts[slot]
            let bit = Self.openingBit(bytes[start], starts[slot + 1] - start > 1 ? bytes[start + 1] : 0)
            openings[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.openings = openings
        maximumKeyLength = unique.map(\.utf8.count).max() ?? 0
        self.hasEmptyKey = hasEmptyKey
        noValues = Array(repeating: nil, count: unique.count)
        noTextEntries = Array(repeating: TextLabelValues.Stored(), count: 2 * unique.count)
    }

    /// The slot of a key as ``LabelIndex/key(_:)`` made it; nil when the table lacks it.
    func slot(ofKey key: String) -> Int? {
        guard !key.isEmpty, key.utf8.count <= maximumKeyLength else { return nil }
        var key = key
        return key.withUTF8 { find($0, hash: Self.hash($0)) }
    }

    /// The slot of `LabelIndex.key(label)`, for any label.
    func slot(ofLabel label: String) -> Int? {
        var label = label
        let ascii: Int?? = label.withUTF8 { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? .some(slot(ofASCIILabel: bytes)) : nil
        }
        if let ascii { return ascii }
        return slot(ofKey: LabelIndex.key(label))
    }

    /// The slot of `LabelIndex.key` of an ASCII label (every byte below 0x80), made on the
    /// bytes; nil when no wanted key is the label's.
    func slot(ofASCIILabel label: UnsafeBufferPointer<UInt8>) -> Int? {
        let found = lookUp(asciiLabel: label)
        return found >= 0 ? found : nil
    }

    /// Whether `LabelIndex.key` of an ASCII label is one of the keys the table was made
    /// from, "" included.
    func containsKey(ofASCIILabel label: UnsafeBufferPointer<UInt8>) -> Bool {
        let found = lookUp(asciiLabel: label)
        return found >= 0 || (found == Self.emptyKey && hasEmptyKey)
    }

    /// The slots of the two labels a plain ASCII line (trimmed, `bytes[start..<end]`) can be
    /// indexed under, in one pass over at most its first 61 bytes: `colon`, the key of the
    /// text before its first ":" when that is at most ``LabelIndex/maximumLabelLength``
    /// bytes; `line`, the key of the whole line when the line is that short and has no
    /// `Label:` shape (``LabelIndex/colonSplit(_:)`` gives nil). Nil for a key the table
    /// lacks. (The caller still decides the line's shape.)
    func slots(ofLine bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (colon: Int?, line: Int?) {
        let maximumLabel = LabelIndex.maximumLabelLength
        let scanEnd = min(end, start + maximumLabel + 1)
        // Most lines are no label a rule asks for: their keys' first two bytes tell.
        var first = start
        while first < scanEnd, Self.isSeparator(bytes[first]) { first += 1 }
        guard first < scanEnd else { return (nil, nil) }
        let opening = Self.lowercased(bytes[first])
        if first + 1 < end, !Self.isSeparator(bytes[first + 1]) {
            guard mayOpen(opening, Self.lowercased(bytes[first + 1])) else { return (nil, nil) }
        } else {
            // The label may end here (a one-byte key) or go on after a space.
            guard mayOpen(opening, 0) || mayOpen(opening, 0x20) else { return (nil, nil) }
        }
        let capacity = maximumKeyLength
        var key = KeyHasher()
        var sawColon = false
        var colonSlot: Int?
        var index = start
        while index < scanEnd {
            let byte = bytes[index]
            index += 1
            if Self.isSeparator(byte) {
                if byte == UInt8(ascii: ":"), !sawColon {
                    sawColon = true
                    let colon = index - 1
                    // The label's key so far is the key of the text before the colon.
                    if key.count > 0 { colonSlot = probe(Self.finish(key.hash), key.count, bytes, start, colon) }
                    // When that text reads as a label (as `LabelIndex.colonSplit` has it), the
                    // line is a `Label: value` line: its whole-line key is never asked for.
                    if colon > start,
                       LabelIndex.spaceSeparatedWords(UnsafeBufferPointer(rebasing: bytes[start..<colon])) <= LabelIndex.maximumLabelWords,
                       !LabelIndex.containsHTTP(bytes[start..<colon]) {
                        return (colonSlot, nil)
                    }
                }
                key.separator()
                continue
            }
            // Longer than every key: neither label can be one, whatever follows.
            guard key.add(byte, capacity: capacity) else { return (colonSlot, nil) }
        }
        guard end - start <= maximumLabel, key.count > 0 else { return (colonSlot, nil) }
        return (colonSlot, probe(Self.finish(key.hash), key.count, bytes, start, end))
    }

    /// Whether a line that is not plain ASCII (it has a byte over 0x7F or a CR), untrimmed,
    /// may be indexed under one of the table's keys (as its `Label:` label or as a bare
    /// label); false only when it cannot.
    ///
    /// Decided only for a line starting with an ASCII letter or digit followed by two ASCII
    /// bytes that are not CR: then nothing is trimmed off its start (no whitespace, no
    /// bullet), its first two Characters are those two bytes (no combining mark joins
    /// them), and both keys it could have start with what they give, as for a plain line
    /// (see ``slots(ofLine:from:to:)``). Otherwise: true.
    func mayBeLabelLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 3 else { return true }
        let first = line[0]
        let second = line[1]
        guard Self.isASCIILetterOrDigit(first), second < 0x80, second != 0x0D, line[2] < 0x80 else { return true }
        let opening = Self.lowercased(first)
        if !Self.isSeparator(second) { return mayOpen(opening, Self.lowercased(second)) }
        // The label may end here (a one-byte key) or go on after a space.
        return mayOpen(opening, 0) || mayOpen(opening, 0x20)
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Whether a key may start with `first` then `second` (0: the key ends after `first`).
    private func mayOpen(_ first: UInt8, _ second: UInt8) -> Bool {
        let bit = Self.openingBit(first, second)
        return openings[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    private static func openingBit(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) &* 67 &+ Int(second)) & 1023
    }

    /// The slot whose key has `hash` and `count` bytes and is the key of `bytes[start..<end]`.
    private func probe(_ hash: Int, _ count: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let mask = buckets.count - 1
        var bucket = hash & mask
        while true {
            let slot = Int(buckets[bucket])
            guard slot >= 0 else { return nil }
            if keyHashes[slot] == hash, keyStarts[slot + 1] - keyStarts[slot] == count,
               keyEquals(slot, keyOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                return slot
            }
            bucket = (bucket + 1) & mask
        }
    }

    /// Whether `key` (made by ``LabelIndex/key(_:)``) is one of the keys the table was made
    /// from, "" included.
    func contains(key: String) -> Bool {
        key.isEmpty ? hasEmptyKey : slot(ofKey: key) != nil
    }

    private static let emptyKey = -2
    private static let absent = -1

    /// The slot of the label's key, ``emptyKey`` when the key is "", else ``absent``.
    ///
    /// Two passes over the label, neither writing anything: the first makes the key's
    /// length and hash as `LabelIndex.asciiKey` would write it (lowercase, decoration and
    /// whitespace runs one space between words); only when a slot has that length and hash
    /// does the second compare the key with it byte by byte.
    private func lookUp(asciiLabel label: UnsafeBufferPointer<UInt8>) -> Int {
        let capacity = maximumKeyLength
        var key = KeyHasher()
        for byte in label {
            if Self.isSeparator(byte) {
                key.separator()
                continue
            }
            // Past the longest key: no key of the table.
            guard key.add(byte, capacity: capacity) else { return Self.absent }
        }
        let count = key.count
        if count == 0 { return Self.emptyKey }
        let finished = Self.finish(key.hash)
        let mask = buckets.count - 1
        var bucket = finished & mask
        while true {
            let slot = Int(buckets[bucket])
            guard slot >= 0 else { return Self.absent }
            if keyHashes[slot] == finished, keyStarts[slot + 1] - keyStarts[slot] == count,
               keyEquals(slot, keyOf: label) {
                return slot
            }
            bucket = (bucket + 1) & mask
        }
    }

    /// Whether key `slot` is `LabelIndex.asciiKey` of `label` (whose key has its length).
    private func keyEquals(_ slot: Int, keyOf label: UnsafeBufferPointer<UInt8>) -> Bool {
        keyBytes.withUnsafeBufferPointer { stored in
            var index = keyStarts[slot]
            var pendingSpace = false
            var written = false
            for byte in label {
                if Self.isSeparator(byte) {
                    pendingSpace = written
                    continue
                }
                if pendingSpace {
                    guard stored[index] == 0x20 else { return false }
                    index += 1
                    pendingSpace = false
                }
                guard stored[index] == Self.lowercased(byte) else { return false }
                index += 1
                written = true
            }
            return true
        }
    }

    /// Whitespace and the decoration `LabelIndex.key` drops, in ASCII: tab to CR, space,
    /// `*`, `-`, `=`, `_`, `#`, `:`, `?`, `|`, `[`, `]`.
    ///
    /// A bit test rather than a `switch`, which compiles to a jump table: an indirect jump
    /// per byte, and in a pass run once per message each one is a branch-target miss.
    @inline(__always) static func isSeparator(_ byte: UInt8) -> Bool {
        // Bit n: byte n, in the first word; byte 0x40 + n, in the second.
        let below40: UInt64 = 0x3E00 | 1 << 0x20 | 1 << 0x23 | 1 << 0x2A | 1 << 0x2D | 1 << 0x3A | 1 << 0x3D | 1 << 0x3F
        let from40: UInt64 = 1 << (0x5B - 0x40) | 1 << (0x5D - 0x40) | 1 << (0x5F - 0x40) | 1 << (0x7C - 0x40)
        let mask = byte < 0x40 ? below40 : from40
        return byte < 0x80 && (mask >> UInt64(byte & 0x3F)) & 1 != 0
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The slot whose key is `key`, probing from its hash bucket.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        let mask = buckets.count - 1
        var bucket = hash & mask
        while true {
            let slot = Int(buckets[bucket])
            guard slot >= 0 else { return nil }
            let start = keyStarts[slot]
            if keyHashes[slot] == hash, keyStarts[slot + 1] - start == key.count, keyBytes.withUnsafeBufferPointer({ stored in
                var index = 0
                while index < key.count, stored[start + index] == key[index] { index += 1 }
                return index == key.count
            }) {
                return slot
            }
            bucket = (bucket + 1) & mask
        }
    }

    // FNV-1a: a few instructions a byte, plenty for a handful of keys.
    private static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A key's hash as its bytes are read: separator runs between words are one space
    /// (none before the first word), A-Z folded; `count` is the key's length so far.
    private struct KeyHasher {
        var hash = LabelKeyTable.hashSeed
        var count = 0
        var pendingSpace = false

        mutating func separator() {
            pendingSpace = count > 0
        }

        /// Adds a byte that is no separator (after the space a separator run left); false,
        /// adding nothing more, when the key has reached `capacity` bytes before it.
        @inline(__always)
        mutating func add(_ byte: UInt8, capacity: Int) -> Bool {
            if pendingSpace {
                hash = LabelKeyTable.mix(hash, 0x20)
                count += 1
                pendingSpace = false
            }
            guard count < capacity else { return false }
            hash = LabelKeyTable.mix(hash, LabelKeyTable.lowercased(byte))
            count += 1
            return true
        }
    }

    private static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    private static func finish(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    private static func hash(_ bytes: some Sequence<UInt8>) -> Int {
        finish(bytes.reduce(hashSeed, mix))
    }
}
