public import Foundation
public import Logging
public import PostgresNIO
public import Routing

/// A builder's routing rules and managers in Postgres, and the database half of routing a
/// lead: open-lead counts, the round-robin counter (one atomic row per rule, so turns are
/// fair across restarts, workers and processes), the assignment and its explanation.
public struct RoutingStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Stores `rules` as the builder's routing and upserts its project managers (a manager
    /// left out of the file is kept, marked inactive, so old assignments still resolve).
    public func load(_ rules: RoutingRules, builderID: UUID, sourceFile: String?) async throws {
        let json = String(decoding: try JSONEncoder().encode(rules), as: UTF8.self)
        let logger = self.logger
        try await self.client.withTransaction(logger: logger) { tx in
            try await tx.query(
                """
                INSERT INTO routing_rule_sets (builder_id, rules, source_file, loaded_at)
                VALUES (\(builderID), \(json)::jsonb, \(sourceFile), now())
                ON CONFLICT (builder_id) DO UPDATE SET rules = EXCLUDED.rules, source_file = EXCLUDED.source_file, loaded_at = now()
                """, logger: logger)
            try await tx.query(
                "UPDATE project_managers SET active = false, updated_at = now() WHERE builder_id = \(builderID) AND NOT (key = ANY(\(rules.managers.map(\.key))))",
                logger: logger)
            for manager in rules.managers {
                try await tx.query(
                    """
                    INSERT INTO project_managers (id, builder_id, key, name, email, active, max_open_leads)
                    VALUES (\(UUID.v7()), \(builderID), \(manager.key), \(manager.name), \(manager.email), \(manager.isActive), \(manager.maxOpenLeads))
                    ON CONFLICT (builder_id, key) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
                        active = EXCLUDED.active, max_open_leads = EXCLUDED.max_open_leads, updated_at = now()
                    """, logger: logger)
            }
        }
    }

    /// The builder's rules, or nil when none were loaded.
    public func rules(builderID: UUID) async throws -> RoutingRules? {
        try await self.client.withConnection { try await Self.rules(builderID: builderID, on: $0, logger: self.logger) }
    }

    static func rules(builderID: UUID, on connection: PostgresConnection, logger: Logger) async throws -> RoutingRules? {
        guard let json = try await connection.query(
            "SELECT rules::text FROM routing_rule_sets WHERE builder_id = \(builderID)", logger: logger
        ).decode(String.self).firstElement() else { return nil }
        return try JSONDecoder().decode(RoutingRules.self, from: Data(json.utf8))
    }

    /// Decides without writing anything (`lead-intake routing explain`): round-robin shows
    /// the turn the counter would give next.
    public func explain(_ input: RoutingInput, builderID: UUID) async throws -> RoutingDecision? {
        try await self.client.withConnection { connection in
            guard let rules = try await Self.rules(builderID: builderID, on: connection, logger: self.logger) else { return nil }
            let plan = rules.plan(input)
            let counts = try await Self.openLeads(plan.openLeadCountsNeeded, builderID: builderID, on: connection, logger: self.logger)
            var counters: [String: Int] = [:]
            if let rule = plan.roundRobinCounterRule(openLeads: counts) {
                counters[rule] = try await connection.query(
                    "SELECT value::int8 FROM routing_counters WHERE builder_id = \(builderID) AND rule = \(rule)", logger: self.logger
                ).decode(Int.self).firstElement() ?? 0
            }
            return plan.decide(RoutingState(openLeads: counts, counters: counters))
        }
    }

    /// Routes a lead inside the caller's transaction: assigns it and records the decision.
    /// Returns nil (and assigns nothing) when the builder has no routing rules.
    @discardableResult
    static func route(leadID: UUID, input: RoutingInput, builderID: UUID, itemID: UUID?,
                      on tx: PostgresConnection, logger: Logger) async throws -> RoutingDecision? {
        guard let rules = try await self.rules(builderID: builderID, on: tx, logger: logger) else { return nil }
        let plan = rules.plan(input)
        let counts = try await self.openLeads(plan.openLeadCountsNeeded, builderID: builderID, on: tx, logger: logger)
        var counters: [String: Int] = [:]
        if let rule = plan.roundRobinCounterRule(openLeads: counts) {
            counters[rule] = try await self.takeTurn(rule: rule, builderID: builderID, on: tx, logger: logger)
        }
        let decision = plan.decide(RoutingState(openLeads: counts, counters: counters))
        try await self.record(decision, leadID: leadID, builderID: builderID, itemID: itemID, assign: true, on: tx, logger: logger)
        return decision
    }

    /// An inquiry merged into a lead keeps the lead's assignee; the decision says so.
    static func keepAssignee(leadID: UUID, builderID: UUID, itemID: UUID?, on tx: PostgresConnection, logger: Logger) async throws {
        guard let assignee = try await tx.query(
            "SELECT assigned_manager FROM leads WHERE id = \(leadID)", logger: logger
        ).decode(String?.self).firstElement() ?? nil else { return }
        let rules = try await self.rules(builderID: builderID, on: tx, logger: logger)
        let decision = rules?.keptAssignee(assignee) ?? RoutingDecision.keptAssignee(assignee)
        try await self.record(decision, leadID: leadID, builderID: builderID, itemID: itemID, assign: false, on: tx, logger: logger)
    }

    /// The next turn of a round-robin rule: the counter's value before this increment.
    static func takeTurn(rule: String, builderID: UUID, on tx: PostgresConnection, logger: Logger) async throws -> Int {
        try await tx.query(
            """
            INSERT INTO routing_counters (builder_id, rule, value) VALUES (\(builderID), \(rule), 1)
            ON CONFLICT (builder_id, rule) DO UPDATE SET value = routing_counters.value + 1
            RETURNING (value - 1)::int8
            """, logger: logger
        ).decode(Int.self).firstElement() ?? 0
    }

    static func openLeads(_ managers: [String], builderID: UUID, on connection: PostgresConnection,
                          logger: Logger) async throws -> [String: Int] {
        guard !managers.isEmpty else { return [:] }
        var counts: [String: Int] = [:]
        for try await (manager, count) in try await connection.query(
            """
            SELECT assigned_manager, count(*)::int8 FROM leads
            WHERE builder_id = \(builderID) AND assigned_manager = ANY(\(managers))
              AND status NOT IN ('merged', 'won', 'lost', 'closed', 'archived')
            GROUP BY assigned_manager
            """, logger: logger
        ).decode((String, Int).self) {
            counts[manager] = count
        }
        return counts
    }

    private static func record(_ decision: RoutingDecision, leadID: UUID, builderID: UUID, itemID: UUID?, assign: Bool,
                               on tx: PostgresConnection, logger: Logger) async throws {
        if assign, let manager = decision.manager {
            try await tx.query(
                """
                UPDATE leads SET assigned_manager = \(manager),
                    assigned_to = (SELECT id FROM project_managers WHERE builder_id = \(builderID) AND key = \(manager)),
                    updated_at = now()
                WHERE id = \(leadID)
                """, logger: logger)
        }
        try await tx.query(
            """
            INSERT INTO routing_decisions (id, builder_id, lead_id, inbound_item_id, manager, rule, strategy, outcome, explanation)
            VALUES (\(UUID.v7()), \(builderID), \(leadID), \(itemID), \(decision.manager), \(decision.rule),
                    \(decision.strategy?.rawValue), \(decision.outcome.rawValue), \(decision.explanation))
            """, logger: logger)
    }
}
