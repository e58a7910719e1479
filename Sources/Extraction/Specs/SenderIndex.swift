/// Which of a spec set's detectors can match a message's sender side, found from the
/// sender address and the Reply-To addresses with a few hash lookups, so detection asks
/// those detectors (and the ones that must always be asked) instead of every one.
///
/// A superset, never less: a detector left out cannot match. Detector `i` is bit `i` of a
/// mask; a detector is always asked when it has no sender side (its content decides), has
/// sender patterns (regular expressions, not indexed) or lists a non-ASCII domain or
/// address (compared as Strings, with canonical equivalence), and every detector with a
/// sender side is asked for a message whose sender or Reply-To address is not ASCII.
/// For ASCII text the listed domains and addresses compare byte for byte, as
/// ``DomainName`` and String equality do there: then a detector the lookups found is
/// known to match on the sender side (``Candidates/senderMatched``), and detection does
/// not ask it again.
struct SenderIndex: Sendable {
    /// At most this many detectors: one bit each in a mask.
    static let capacity = 64

    /// Detectors asked whatever the sender.
    let alwaysAsked: UInt64
    /// Detectors with both a sender and a content side.
    let bothSides: UInt64
    /// Detectors with a sender side (for a non-ASCII sender: all of them).
    private let senderSided: UInt64
    /// Detectors with Reply-To domains (for a non-ASCII Reply-To address).
    private let replyToSided: UInt64
    /// Sender (and Reply-To) domains listed for the sender's own domain, by domain.
    private let senderDomains: ByteKeyTable
    /// Reply-To domains listed, for the Reply-To addresses' domains.
    private let replyToDomains: ByteKeyTable
    /// Sender addresses listed.
    private let senderAddresses: ByteKeyTable

    /// nil when there are more detectors than a mask holds (detection then asks them all).
    init?(_ detectors: [SpecDetector]) {
        guard detectors.count <= Self.capacity else { return nil }
        var alwaysAsked: UInt64 = 0
        var bothSides: UInt64 = 0
        var senderSided: UInt64 = 0
        var replyToSided: UInt64 = 0
        var senderDomains: [[UInt8]: UInt64] = [:]
        var replyToDomains: [[UInt8]: UInt64] = [:]
        var senderAddresses: [[UInt8]: UInt64] = [:]
        for (index, detector) in detectors.enumerated() {
            let bit: UInt64 = 1 << UInt64(index)
            if detector.hasSenderSide && detector.hasContentSide { bothSides |= bit }
            guard detector.hasSenderSide else {
                alwaysAsked |= bit
                continue
            }
            senderSided |= bit
            if !detector.replyToDomains.isEmpty { replyToSided |= bit }
            let domains = detector.senderDomains + detector.replyToDomains
            if !detector.senderPatterns.isEmpty
                || domains.contains(where: { $0.ascii?.isEmpty ?? true })
                || detector.senderAddresses.contains(where: { !$0.utf8.allSatisfy { $0 < 0x80 } }) {
                alwaysAsked |= bit
                continue
            }
            for domain in domains { senderDomains[domain.ascii ?? [], default: 0] |= bit }
            for domain in detector.replyToDomains { replyToDomains[domain.ascii ?? [], default: 0] |= bit }
            for address in detector.senderAddresses { senderAddresses[Array(address.utf8), default: 0] |= bit }
        }
        self.alwaysAsked = alwaysAsked
        self.bothSides = bothSides
        self.senderSided = senderSided
        self.replyToSided = replyToSided
        self.senderDomains = ByteKeyTable(senderDomains)
        self.replyToDomains = ByteKeyTable(replyToDomains)
        self.senderAddresses = ByteKeyTable(senderAddresses)
    }

    /// The detectors to ask, and those among them whose sender side is known to match.
    struct Candidates {
        var asked: UInt64
        var senderMatched: UInt64
    }

    /// The detectors to ask for a message with this (lowercased) sender address and
    /// these Reply-To addresses (read only when some detector lists Reply-To domains).
    func candidates(senderAddress: String, replyTo: () -> [String]) -> Candidates {
        let sender = senderAddress.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            Self.lookUp(address: bytes, domains: senderDomains, addresses: senderAddresses)
        }
        guard var found = sender ?? nil else { return Candidates(asked: alwaysAsked | senderSided, senderMatched: 0) }
        if replyToSided & ~found != 0 {
            for address in replyTo() {
                let replyFound = address.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
                    Self.lookUp(address: bytes, domains: replyToDomains, addresses: nil)
                }
                guard let replyMask = replyFound ?? nil else {
                    return Candidates(asked: alwaysAsked | found | replyToSided, senderMatched: 0)
                }
                found |= replyMask
            }
        }
        // Every address read was ASCII: the lookups answered exactly for the indexed detectors.
        return Candidates(asked: alwaysAsked | found, senderMatched: found & ~alwaysAsked)
    }

    /// The detectors whose listed domains hold the domain of ASCII `address` (after its
    /// last "@", A-Z folded, as `domainOf` gives it) or, with `addresses`, that list the
    /// whole address (A-Z folded, as the lowercased sender address is); nil when the
    /// address is not ASCII.
    ///
    /// One pass from the end: the hash of the bytes after each "." of the domain, and of
    /// the whole domain, is the hash of a suffix the domain is "within".
    private static func lookUp(address bytes: UnsafeBufferPointer<UInt8>, domains: ByteKeyTable,
                               addresses: ByteKeyTable?) -> UInt64? {
        var domainMask: UInt64 = 0
        var sawAt = false
        var hash = ByteKeyTable.seed
        var index = bytes.count
        while index > 0 {
            index -= 1
            let raw = bytes[index]
            guard raw < 0x80 else { return nil }
            let byte = ByteKeyTable.folded(raw)
            if !sawAt {
                if byte == UInt8(ascii: "@") {
                    sawAt = true
                    if index + 1 < bytes.count { domainMask |= domains.mask(hash: hash, key: bytes, from: index + 1) }
                } else if byte == UInt8(ascii: ".") {
                    domainMask |= domains.mask(hash: hash, key: bytes, from: index + 1)
                }
            }
            hash = ByteKeyTable.step(hash, byte)
        }
        // Without an "@" there is no domain (and the suffixes looked up were none).
        var mask = sawAt ? domainMask : 0
        if let addresses, !bytes.isEmpty {
            mask |= addresses.mask(hash: hash, key: bytes, from: 0)
        }
        return mask
    }
}

/// A small open-addressing table from ASCII keys to detector masks, looked up by a hash of
/// the key's bytes taken from the last to the first (so one backward pass over a domain
/// gives the hashes of all its suffixes). A text's bytes are compared with A-Z folded, a
/// key's as listed (the lists are lowercased when loaded; a key that is not never matches
/// a folded text, as it never equals a lowercased one).
struct ByteKeyTable: Sendable {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private struct Entry: Sendable {
        let hash: UInt64
        let key: [UInt8]
        let mask: UInt64
    }

    /// Entry index + 1 per slot, 0 for empty; a power of two long.
    private let slots: [Int32]
    private let entries: [Entry]

    init(_ keys: [[UInt8]: UInt64]) {
        var size = 8
        while size < keys.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        var entries: [Entry] = []
        // Sorted, so the table does not depend on the dictionary's order.
        for (key, mask) in keys.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let hash = key.reversed().reduce(Self.seed) { Self.step($0, $1) }
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            entries.append(Entry(hash: hash, key: key, mask: mask))
            slots[slot] = Int32(entries.count)
        }
        self.slots = slots
        self.entries = entries
    }

    /// The mask of the key `bytes[start...]` (A-Z folded), whose hash is `hash`; 0 when absent.
    func mask(hash: UInt64, key bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64 {
        // Entries read in place through pointers: a copy of one retained and released its key.
        slots.withUnsafeBufferPointer { slots -> UInt64 in
            entries.withUnsafeBufferPointer { entries -> UInt64 in
                guard !entries.isEmpty else { return 0 }
                let size = slots.count
                var slot = Int(truncatingIfNeeded: hash) & (size - 1)
                while slots[slot] != 0 {
                    let entry = Int(slots[slot]) - 1
                    if entries[entry].hash == hash, Self.keyEquals(entries[entry].key, bytes, from: start) {
                        return entries[entry].mask
                    }
                    slot = (slot + 1) & (size - 1)
                }
                return 0
            }
        }
    }

    /// Whether `key` is `bytes[start...]` with A-Z folded.
    private static func keyEquals(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard key.count == bytes.count - start else { return false }
        var offset = 0
        while offset < key.count {
            guard key[offset] == folded(bytes[start + offset]) else { return false }
            offset += 1
        }
        return true
    }
}
