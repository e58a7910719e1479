/// One blocking key of a person record: what the storage layer indexes (`lead_match_keys`:
/// builder, kind, value, lead) to find the candidates of an incoming lead.
///
/// Keys are only ever compared within one builder. Two records that share no key are never
/// compared, so the set of kinds decides the recall ceiling (pair completeness); see
/// ``BlockingKeys`` for what each kind holds.
public struct MatchKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What a key is made of. The raw values are the `kind` column of `lead_match_keys`.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// ``EmailNormalizer/matchingKey(_:)`` of a non-relay address.
        case email
        /// E.164 of a non-relay number, without its extension.
        case phone
        /// First initial + phonetic code of the last name + ZIP3 (or city and state).
        case nameZip = "name_zip"
        /// The nickname-canonical name tokens sorted (`robert smith`), so that swapped first
        /// and last names still meet.
        case nameSorted = "name_sorted"
        /// ``USAddressKey/address(_:)`` of the street address.
        case address
    }

    /// The kind of key.
    public var kind: Kind
    /// The key's value, already normalised; compare as an opaque string.
    public var value: String

    /// Creates a key.
    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// `kind:value`, for logs at debug level (a key contains personal data).
    public var description: String { self.kind.rawValue + ":" + self.value }
}
