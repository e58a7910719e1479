/// A person's name taken apart: what a lead stores (first, last) and what matching needs
/// besides (suffix to keep Jr and Sr apart, a partner named in the same phrase).
public struct PersonName: Sendable, Equatable, Hashable {
    /// Given name, case fixed (`"John"`).
    public var first: String?
    /// Middle initials (`"Q."`), kept out of `last`.
    public var middle: String?
    /// Family name with particles (`"van der Berg"`, `"O'Brien"`, `"McDonald"`).
    public var last: String?
    /// `"Jr."`, `"Sr."`, `"III"`, `"PhD"`, as conventionally written.
    public var suffix: String?
    /// `"Mr."`, `"Dr."` ... as conventionally written.
    public var honorific: String?
    /// The second person of a couple (`"John and Mary Smith"` → `"Mary"`).
    public var partnerFirst: String?

    /// Creates a name.
    public init(first: String? = nil, middle: String? = nil, last: String? = nil, suffix: String? = nil,
                honorific: String? = nil, partnerFirst: String? = nil) {
        self.first = first
        self.middle = middle
        self.last = last
        self.suffix = suffix
        self.honorific = honorific
        self.partnerFirst = partnerFirst
    }
}
