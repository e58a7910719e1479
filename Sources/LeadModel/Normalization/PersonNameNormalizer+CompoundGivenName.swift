extension PersonNameNormalizer {
    /// Spanish compound given names, lowercase without accents: the first word, then the
    /// second words it is commonly paired with (`María José`, `José Luis`, `Juan Carlos`).
    /// Only these: a second word is otherwise a first surname (`Maria Gonzalez Ruiz`).
    static let compoundGivenNames: [String: Set<String>] = [
        "maria": ["jose", "elena", "fernanda", "isabel", "teresa", "luisa", "guadalupe", "cristina", "eugenia",
                  "victoria", "alejandra", "jesus", "ines", "lourdes", "pilar", "dolores", "carmen", "antonia",
                  "laura", "gabriela", "mercedes", "rosa", "belen", "paz", "soledad", "angeles"],
        "jose": ["luis", "antonio", "manuel", "maria", "miguel", "carlos", "angel", "juan", "ramon", "francisco",
                 "alberto", "eduardo", "javier", "pablo", "ignacio", "enrique", "alfredo", "guadalupe"],
        "juan": ["carlos", "pablo", "jose", "manuel", "antonio", "luis", "francisco", "miguel", "ramon", "diego",
                 "martin", "andres", "david", "ignacio", "esteban", "cruz"],
        "ana": ["maria", "isabel", "sofia", "lucia", "belen", "laura", "cristina", "paula", "teresa", "rosa"],
        "luis": ["miguel", "fernando", "alberto", "enrique", "carlos", "antonio", "angel", "eduardo", "javier", "manuel", "felipe"],
        "miguel": ["angel"],
        "francisco": ["javier", "jose"],
        "luz": ["maria", "elena"],
        "carlos": ["alberto", "eduardo", "andres"],
    ]

    /// `name` with a compound given name whole in `first` (`María José García López` →
    /// `María José` / `García López`), when its first and last are one word and two or
    /// more: a surname stays.
    static func withCompoundGivenName(_ name: PersonName) -> PersonName {
        guard let first = name.first, let last = name.last, name.middle == nil,
              let space = last.utf8.firstIndex(of: 0x20),
              let seconds = compoundGivenNames[foldedKey(first)] else { return name }
        let second = String(last[..<space])
        guard seconds.contains(foldedKey(second)) else { return name }
        var result = name
        result.first = first + " " + second
        result.last = String(last[last.index(after: space)...])
        return result
    }

    /// `word` lowercase, a Latin letter with an accent as its base letter.
    private static func foldedKey(_ word: String) -> String {
        LatinLetterFolding.withFolded(word) { String(decoding: $0, as: UTF8.self) } ?? word.lowercased()
    }
}
