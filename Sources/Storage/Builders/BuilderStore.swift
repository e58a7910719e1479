public import Foundation
public import LeadModel
public import Logging
public import PostgresNIO

/// Builders and the addresses their inquiries arrive at.
public struct BuilderStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Creates the builder if it does not exist and attaches `address` to it.
    ///
    /// - Throws: ``StorageError`` `.invalidInput` for a bad slug or address, `.conflict` when
    ///   the address already belongs to another builder.
    @discardableResult
    public func add(slug: String, name: String? = nil, address: String?) async throws -> Builder {
        guard Builder.isValidSlug(slug) else {
            throw StorageError(.invalidInput, "builder slug '\(slug)': use lowercase letters, digits and inner hyphens (1-64)")
        }
        let intake: IntakeAddress?
        if let address {
            guard let parsed = IntakeAddress(address) else {
                throw StorageError(.invalidInput, "--address '\(address)': expected local@domain")
            }
            intake = parsed
        } else {
            intake = nil
        }
        let logger = self.logger
        return try await self.client.withTransaction(logger: logger) { tx in
            let newID = UUID.v7()
            let displayName = name ?? slug
            try await tx.query(
                "INSERT INTO builders (id, slug, name) VALUES (\(newID), \(slug), \(displayName)) ON CONFLICT (slug) DO NOTHING",
                logger: logger)
            var builder: Builder?
            for try await (id, s, n) in try await tx.query(
                "SELECT id, slug, name FROM builders WHERE slug = \(slug)", logger: logger
            ).decode((UUID, String, String).self) {
                builder = Builder(id: id, slug: s, name: n)
            }
            guard let builder else { throw StorageError(.notFound, "builder '\(slug)' vanished while being added") }
            if let intake {
                try await tx.query(
                    "INSERT INTO intake_addresses (address, builder_id) VALUES (\(intake.address), \(builder.id)) ON CONFLICT (address) DO NOTHING",
                    logger: logger)
                for try await owner in try await tx.query(
                    "SELECT builder_id FROM intake_addresses WHERE address = \(intake.address)", logger: logger
                ).decode(UUID.self) where owner != builder.id {
                    throw StorageError(.conflict, "address \(intake.address) already belongs to another builder")
                }
            }
            return builder
        }
    }

    /// The builder an envelope recipient belongs to, or nil when the address is not ours.
    ///
    /// An exact `intake_addresses` row wins; then `anything+SLUG@DOMAIN` resolves to the
    /// builder `SLUG` when `DOMAIN` is one of `intakeDomains`; last, a per-domain catch-all
    /// row `*@DOMAIN` (added with `builders add SLUG --address '*@DOMAIN'`) takes any other
    /// local part of that domain.
    public func resolve(_ recipient: IntakeAddress, intakeDomains: Set<String>) async throws -> Builder? {
        for try await (id, slug, name) in try await self.client.query(
            """
            SELECT b.id, b.slug, b.name FROM intake_addresses a JOIN builders b ON b.id = a.builder_id
            WHERE a.address = \(recipient.address)
            """, logger: self.logger
        ).decode((UUID, String, String).self) {
            return Builder(id: id, slug: slug, name: name)
        }
        if recipient.localPart == "postmaster", let operatorBuilder = try await self.postmaster(at: recipient.domain, intakeDomains: intakeDomains) {
            return operatorBuilder
        }
        if let tag = recipient.plusTag, intakeDomains.contains(recipient.domain), Builder.isValidSlug(tag),
           let builder = try await self.find(slug: tag)
        {
            return builder
        }
        let catchAll = "*@\(recipient.domain)"
        for try await (id, slug, name) in try await self.client.query(
            """
            SELECT b.id, b.slug, b.name FROM intake_addresses a JOIN builders b ON b.id = a.builder_id
            WHERE a.address = \(catchAll)
            """, logger: self.logger
        ).decode((UUID, String, String).self) {
            return Builder(id: id, slug: slug, name: name)
        }
        return nil
    }

    /// The reserved postmaster builder (``Builder/postmasterID``) for `postmaster@domain` at a
    /// domain the gateway receives for (an intake domain, or one with an intake address), or
    /// for a bare `postmaster` (empty domain). RFC 5321 4.5.1: a mail server must accept mail
    /// to postmaster at every domain it serves. Nil for other domains (the gateway relays
    /// nothing) or when the reserved builder was not created.
    func postmaster(at domain: String, intakeDomains: Set<String>) async throws -> Builder? {
        if !domain.isEmpty, !intakeDomains.contains(domain) {
            let served = try await self.client.query(
                "SELECT EXISTS (SELECT 1 FROM intake_addresses WHERE split_part(address, '@', 2) = \(domain))", logger: self.logger
            ).decode(Bool.self).firstElement() ?? false
            guard served else { return nil }
        }
        for try await (id, slug, name) in try await self.client.query(
            "SELECT id, slug, name FROM builders WHERE id = \(Builder.postmasterID)", logger: self.logger
        ).decode((UUID, String, String).self) {
            return Builder(id: id, slug: slug, name: name)
        }
        return nil
    }

    public func find(slug: String) async throws -> Builder? {
        for try await (id, s, name) in try await self.client.query(
            "SELECT id, slug, name FROM builders WHERE slug = \(slug)", logger: self.logger
        ).decode((UUID, String, String).self) {
            return Builder(id: id, slug: s, name: name)
        }
        return nil
    }

    /// Adds the builder's own mailboxes (`local@domain`, or `@domain`), lowercased.
    ///
    /// - Throws: ``StorageError`` `.invalidInput` for a value without a domain.
    public func addMailboxes(_ mailboxes: [String], to builder: Builder) async throws {
        for mailbox in mailboxes {
            let lower = mailbox.lowercased()
            guard BuilderIdentity.isMailbox(lower) else {
                throw StorageError(.invalidInput, "--mailbox '\(mailbox)': expected local@domain or @domain")
            }
            try await self.client.query(
                "INSERT INTO builder_mailboxes (builder_id, mailbox) VALUES (\(builder.id), \(lower)) ON CONFLICT DO NOTHING",
                logger: self.logger)
        }
    }

    /// Removes some of the builder's own mailboxes (compared lowercased). Nothing is removed
    /// unless every one is recorded.
    ///
    /// - Throws: ``StorageError`` `.notFound` naming the first that is not one of them.
    public func removeMailboxes(_ mailboxes: [String], from builder: Builder) async throws {
        let lowered = mailboxes.map { $0.lowercased() }
        let logger = self.logger
        try await self.client.withTransaction(logger: logger) { tx in
            for mailbox in lowered {
                let rows = try await tx.query(
                    "DELETE FROM builder_mailboxes WHERE builder_id = \(builder.id) AND mailbox = \(mailbox) RETURNING mailbox",
                    logger: logger)
                guard try await rows.decode(String.self).firstElement() != nil else {
                    throw StorageError(.notFound, "'\(mailbox)' is not one of builder \(builder.slug)'s mailboxes")
                }
            }
        }
    }

    /// Every builder with its intake addresses and own mailboxes, by slug.
    public func all() async throws -> [(builder: Builder, addresses: [String], mailboxes: [String])] {
        var result: [(builder: Builder, addresses: [String], mailboxes: [String])] = []
        for try await (id, slug, name, addresses, mailboxes) in try await self.client.query(
            """
            SELECT b.id, b.slug, b.name,
                   COALESCE((SELECT array_agg(a.address ORDER BY a.address) FROM intake_addresses a WHERE a.builder_id = b.id), '{}'),
                   COALESCE((SELECT array_agg(m.mailbox ORDER BY m.mailbox) FROM builder_mailboxes m WHERE m.builder_id = b.id), '{}')
            FROM builders b ORDER BY b.slug
            """, logger: self.logger
        ).decode((UUID, String, String, [String], [String]).self) {
            result.append((Builder(id: id, slug: slug, name: name), addresses, mailboxes))
        }
        return result
    }

    /// A builder's own mailboxes, sorted.
    public func mailboxes(of builderID: UUID) async throws -> [String] {
        var result: [String] = []
        for try await mailbox in try await self.client.query(
            "SELECT mailbox FROM builder_mailboxes WHERE builder_id = \(builderID) ORDER BY mailbox", logger: self.logger
        ).decode(String.self) {
            result.append(mailbox)
        }
        return result
    }

    /// What extraction needs to know of a builder: own mailboxes and intake addresses (with
    /// the domains where `anything+SLUG@DOMAIN` reaches them).
    public func identity(of builderID: UUID, intakeDomains: Set<String>) async throws -> BuilderIdentity {
        BuilderIdentity(
            mailboxes: try await self.mailboxes(of: builderID), intakeAddresses: try await self.addresses(of: builderID),
            intakeDomains: intakeDomains.sorted())
    }

    /// Every exact intake address of a builder, sorted.
    public func addresses(of builder: Builder) async throws -> [String] {
        try await self.addresses(of: builder.id)
    }

    private func addresses(of builderID: UUID) async throws -> [String] {
        var result: [String] = []
        for try await address in try await self.client.query(
            "SELECT address FROM intake_addresses WHERE builder_id = \(builderID) ORDER BY address", logger: self.logger
        ).decode(String.self) {
            result.append(address)
        }
        return result
    }
}
