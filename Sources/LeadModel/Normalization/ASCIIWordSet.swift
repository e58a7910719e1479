/// A fixed set of lowercase ASCII words whose lookup reads an ASCII word's bytes in an
/// ``ASCIIWordTable`` instead of hashing the String: the answers of the `Set` it is made
/// from, at a fraction of the cost (a `Set<String>` lookup hashes the whole word first).
package struct ASCIIWordSet: Sendable {
    /// The words, for a word that is not ASCII.
    private let words: Set<String>
    private let table: ASCIIWordTable

    package init(_ words: Set<String>) {
        self.words = words
        table = ASCIIWordTable(words.map { ($0, 1) })
    }

    /// Whether `word` is in the set. An ASCII word equals a member (every member is ASCII)
    /// exactly when their bytes are equal; another word is looked up in the `Set`.
    package func contains(_ word: String) -> Bool {
        var copy = word
        if let found = copy.withUTF8({ bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return table.value(of: bytes, 0..<bytes.count) != 0
        }) {
            return found
        }
        return words.contains(word)
    }
}
