/// A person leads can be assigned to.
///
/// In a rules file:
/// ```yaml
/// managers:
///   - key: dana                # stable id, referenced by rules and stored on leads
///     name: Dana Whitfield
///     email: dana@example.com
///     active: true             # optional, default true; inactive managers are never picked
///     max_open_leads: 25       # optional cap; at the cap the manager takes no new leads
/// ```
public struct ProjectManager: Sendable, Hashable, Codable {
    /// Stable identifier, unique within the builder's rules; what a lead's assignee column holds.
    public var key: String
    /// Display name.
    public var name: String
    /// Where lead notifications go.
    public var email: String?
    /// Inactive managers (on leave, left the company) are skipped by every rule and the fallback.
    public var isActive: Bool
    /// At most this many open leads: a manager at the cap is skipped by every strategy until
    /// some of their leads are closed. Nil: no cap.
    public var maxOpenLeads: Int?

    /// Creates a manager.
    public init(key: String, name: String, email: String? = nil, isActive: Bool = true, maxOpenLeads: Int? = nil) {
        self.key = key
        self.name = name
        self.email = email
        self.isActive = isActive
        self.maxOpenLeads = maxOpenLeads
    }

    enum CodingKeys: String, CodingKey {
        case key, name, email
        case isActive = "active"
        case maxOpenLeads = "max_open_leads"
    }

    /// Decodes a manager; `active` defaults to true.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        name = try c.decode(String.self, forKey: .name)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        isActive = try c.decodeIfPresent(Bool.self, forKey: .isActive) ?? true
        maxOpenLeads = try c.decodeIfPresent(Int.self, forKey: .maxOpenLeads)
    }
}
