public import Foundation

/// A home builder: one tenant. Every row the gateway writes carries its id.
public struct Builder: Sendable, Equatable {
    public let id: UUID
    public let slug: String
    public let name: String

    public init(id: UUID, slug: String, name: String) {
        self.id = id
        self.slug = slug
        self.name = name
    }

    /// The reserved builder mail to `postmaster` is stored for (migration 9): RFC 5321 4.5.1
    /// requires accepting it. Its items are kept for the gateway's operator, never read as leads.
    public static let postmasterID = UUID(uuidString: "00000000-0000-7000-8000-000000000001")!

    /// Whether `slug` is acceptable: lowercase letters, digits and inner hyphens, 1-64 long.
    /// The same rule is a CHECK constraint on `builders.slug`.
    public static func isValidSlug(_ slug: String) -> Bool {
        let bytes = Array(slug.utf8)
        guard (1...64).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else {
            return false
        }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
    }
}
