import LeadModel

/// A last name from the writer's email address, for a name signed with a first name alone:
/// `Dana` signing from `dana.k.ellis@gmail.com`, `dana_ellis@...` or `dana.ellis77@...`
/// gives last name `Ellis`.
///
/// Only when the address's local part (digits at its end and a `+tag` dropped) is the
/// signed first name, at most one initial, and one more word, split at `.`, `_` or `-`: the
/// first word the first name (ignoring case), the last two or more letters with a vowel,
/// not the first name again, and no company's, place's, title's or other stop word (`dana.homes`,
/// `dana.tx`, `dana.sales`). A local part that is one word (`dkellis`, `danaellis`), names
/// the first name elsewhere (`mark.dana`) or has more words (`dana.and.mark`) gives nothing:
/// where the surname starts cannot be told, or it is someone else's.
extension SignatureNameFinder {
    /// Local parts' last words that are no surname.
    private static let notSurnames: Set<String> = [
        "home", "homes", "house", "build", "builds", "builder", "family", "fam", "mail", "email", "info", "contact",
        "office", "work", "sales", "jr", "sr", "mom", "dad", "wife", "hubby", "husband", "atx", "tx", "usa", "realtor",
        "realty", "homes", "art", "arts", "photo", "photography", "music", "design", "designs", "law", "cpa", "md", "rn",
    ]

    /// The capitalised last name `email`'s local part gives for the signed first name
    /// `first` (see the type's notes), or nil.
    static func surname(signedFirst first: String, email: String) -> String? {
        var copy = email
        let words: [String]? = copy.withUTF8 { bytes in
            guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, at <= 64 else { return nil }
            var end = bytes[..<at].firstIndex(of: UInt8(ascii: "+")) ?? at
            while end > 0, bytes[end - 1] &- 0x30 < 10 { end -= 1 }
            var words: [String] = []
            var start = 0
            for index in 0...end where index == end || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "_") || bytes[index] == UInt8(ascii: "-") {
                let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                guard !word.isEmpty, word.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }), words.count < 3 else { return nil }
                words.append(String(decoding: word.map { $0 | 0x20 }, as: UTF8.self))
                start = index + 1
            }
            return words
        }
        guard let words, words.count == 2 || (words.count == 3 && words[1].utf8.count == 1),
              let last = words.last, words[0] == first.lowercased(), last != words[0], last.utf8.count >= 2,
              last.utf8.contains(where: { [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79].contains($0) }),
              !notSurnames.contains(last), !unsignedStopWords.contains(last), !notNames.contains(last),
              !placeLeads.contains(last) else { return nil }
        return PersonNameNormalizer.recased(last)
    }

    /// The last name `email` gives a name signed with a first name alone, or with a last
    /// initial the address's last word starts with (`Dana W.` from `dana.whitfield@...`);
    /// nil for a couple's name, a surname already written, or an address that gives none
    /// (``surname(signedFirst:email:)``).
    static func surname(for name: PersonName, email: String) -> String? {
        guard let first = name.first, name.partnerFirst == nil else { return nil }
        var initial: UInt8?
        if let last = name.last {
            // (An initial as ``PersonNameNormalizer`` writes it: `W.`.)
            let bytes = Array(last.utf8)
            guard bytes.count == 2, bytes[1] == UInt8(ascii: "."), (bytes[0] | 0x20) >= 0x61, (bytes[0] | 0x20) <= 0x7A else { return nil }
            initial = bytes[0] | 0x20
        }
        guard let surname = surname(signedFirst: first, email: email) else { return nil }
        if let initial, surname.utf8.first.map({ $0 | 0x20 }) != initial { return nil }
        return surname
    }
}
