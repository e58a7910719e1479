/// What a STARTTLS handshake negotiated, kept with the envelope and shown in `Received:`.
public struct TLSDetails: Sendable, Equatable {
    /// `TLSv1.2` or `TLSv1.3`.
    public var protocolVersion: String
    /// The IANA cipher suite name, e.g. `TLS_AES_256_GCM_SHA384` (or `0xC0FF` when unknown).
    public var cipher: String

    public init(protocolVersion: String, cipher: String) {
        self.protocolVersion = protocolVersion
        self.cipher = cipher
    }
}
