/// A phone number in E.164 with its extension kept apart.
public struct NormalizedPhone: Sendable, Equatable, Hashable {
    /// `+15125550143`, `+442079460958`.
    public var e164: String
    /// Extension digits (`"204"`), when one was written.
    public var phoneExtension: String?
    /// Whether the number is a valid North American (NANP, `+1`) number.
    public var isNANP: Bool

    /// Creates a normalised phone.
    public init(e164: String, phoneExtension: String? = nil, isNANP: Bool) {
        self.e164 = e164
        self.phoneExtension = phoneExtension
        self.isNANP = isNANP
    }
}
