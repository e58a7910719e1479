/// A fixed set of lowercase ASCII words, looked up among the words of ASCII text without
/// making a `String` per word: a prefilter for vocabularies whose phrases each need one of
/// the words.
///
/// A word of the text is a run of ASCII letters, digits and apostrophes (what
/// `TextScanning.words` makes of ASCII text), compared after folding A-Z to a-z; it
/// counts when it is in the set, or is a word of the set plus `s` (the vocabularies' plural
/// folding).
struct ASCIIWordSet: Sendable {
    /// The words, by first byte.
    private let byFirstByte: [[[UInt8]]]

    init(_ words: [String]) {
        var byFirstByte = [[[UInt8]]](repeating: [], count: 256)
        for word in words {
            let bytes = Array(word.utf8)
            precondition(!bytes.isEmpty, "empty word")
            byFirstByte[Int(bytes[0])].append(bytes)
        }
        self.byFirstByte = byFirstByte
    }

    /// Whether some word of ASCII `text` is in the set (or is one of its words plus `s`).
    func containsWord(in text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ containsWord(inBytes: $0) }) { return found }
        var copy = text
        return copy.withUTF8 { containsWord(inBytes: $0) }
    }

    func containsWord(inBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        @inline(__always) func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27
        }
        var index = 0
        let count = bytes.count
        while index < count {
            guard isWordByte(lower(bytes[index])) else { index += 1; continue }
            var end = index + 1
            while end < count, isWordByte(lower(bytes[end])) { end += 1 }
            for candidate in byFirstByte[Int(lower(bytes[index]))] {
                let length = end - index
                guard length == candidate.count || (length == candidate.count + 1 && lower(bytes[end - 1]) == 0x73) else { continue }
                var offset = 1
                while offset < candidate.count, lower(bytes[index + offset]) == candidate[offset] { offset += 1 }
                if offset == candidate.count { return true }
            }
            index = end
        }
        return false
    }
}
