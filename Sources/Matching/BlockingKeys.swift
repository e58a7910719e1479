import LeadModel

/// The blocking keys of a record: the values under which the storage layer indexes a lead and
/// looks up the candidates of an incoming one (`lead_match_keys`, per builder).
///
/// A record gets, when the values exist:
/// - ``MatchKey/Kind/email``: ``EmailNormalizer/matchingKey(_:)`` of each non-relay address
///   (case folded, `+tag` removed, Gmail dots folded, `googlemail.com` → `gmail.com`);
/// - ``MatchKey/Kind/phone``: E.164 of each non-relay number, extension dropped;
/// - ``MatchKey/Kind/nameZip``: initial of the nickname-canonical given name (`Bob` → `r`),
///   ``Metaphone`` of the family name, and ZIP3 (or, without a ZIP, city and state):
///   `r|SM0|787` for Bob Smith in 78704 and Robert Smyth in 78745; and a second one, the
///   nickname-canonical given name with ZIP5 (`g:robert|78704`), which still meets when the
///   family name is misspelt past its phonetic code (`Herrera` / `Hrerera`);
/// - ``MatchKey/Kind/nameSorted``: both name tokens nickname-canonical, sorted:
///   `robert smith` for Bob Smith and for Smith Robert (swapped fields); no geography, so
///   it also finds a record without an address;
/// - ``MatchKey/Kind/address``: house number and USPS street name (``USAddressKey/street(_:)``
///   without the unit), `14851 FOX CHASE LN`: without the place, so that a record with a ZIP
///   meets one with only a city; a builder's leads come from one region, and the scorer
///   compares the place and the unit.
///
/// - Important: Look candidates up only within the incoming record's builder, and skip a key
///   whose value is shared by more than ``MatchThresholds/maximumBlockSize`` leads (a portal
///   no-reply sender, a sales-office phone, "John Smith"): such a block costs time and
///   carries no evidence. The record's other keys still find its real duplicates.
public enum BlockingKeys {
    /// The keys of `record`, without duplicates, in the order listed above.
    public static func keys(for record: PersonRecord) -> [MatchKey] {
        let n = record.normalized
        var keys: [MatchKey] = []
        for email in n.emailKeys { keys.append(MatchKey(kind: .email, value: email)) }
        for phone in n.phoneKeys { keys.append(MatchKey(kind: .phone, value: phone)) }
        if let key = nameZipValue(n) { keys.append(MatchKey(kind: .nameZip, value: key)) }
        if let key = givenZipValue(n) { keys.append(MatchKey(kind: .nameZip, value: key)) }
        if let key = nameSortedValue(n) { keys.append(MatchKey(kind: .nameSorted, value: key)) }
        if let address = addressValue(n) { keys.append(MatchKey(kind: .address, value: address)) }
        return keys
    }

    static func nameZipValue(_ n: PersonRecord.Normalized) -> String? {
        guard !n.first.isEmpty, !n.last.isEmpty else { return nil }
        let place: String
        if let zip3 = n.zip3 {
            place = zip3
        } else if let city = n.city {
            place = city + "," + (n.state ?? "")
        } else {
            return nil
        }
        let code = Metaphone.code(letters: Array(n.last.uppercased().utf8))
        guard let initial = canonicalName(n.first).first else { return nil }
        return String(initial) + "|" + code + "|" + place
    }

    /// ``NicknameTable/canonical(_:)`` applied until it settles: the table lists `john` as a
    /// nickname of `johnathan`, so `Johnny` → `john` → `johnathan` and `John` → `johnathan`;
    /// one application would give the two different keys.
    static func canonicalName(_ name: String) -> String {
        var current = name
        for _ in 0..<4 {
            let next = NicknameTable.canonical(current)
            if next == current { break }
            current = next
        }
        return current
    }

    static func givenZipValue(_ n: PersonRecord.Normalized) -> String? {
        guard !n.first.isEmpty, n.first.utf8.count > 1, let zip = n.zip5 else { return nil }
        return "g:" + canonicalName(n.first) + "|" + zip
    }

    static func addressValue(_ n: PersonRecord.Normalized) -> String? {
        guard let number = n.streetNumber, let name = n.streetName else { return nil }
        return number + " " + name
    }

    static func nameSortedValue(_ n: PersonRecord.Normalized) -> String? {
        guard !n.first.isEmpty, !n.last.isEmpty else { return nil }
        let a = canonicalName(n.first)
        let b = canonicalName(n.last)
        return a <= b ? a + " " + b : b + " " + a
    }
}
