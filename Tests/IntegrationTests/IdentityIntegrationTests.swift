import Foundation
import LeadModel
import PostgresNIO
import Routing
import Storage
import Testing

/// Deduplication and assignment against real Postgres: blocking keys in `lead_match_keys`,
/// automatic merges, households, the review queue with accept and undo, kept assignees.
@Suite("Identity in Postgres: merge, relate, review, undo")
struct IdentityIntegrationTests {
    static func lead(_ first: String, _ last: String, email: String? = nil, phone: String? = nil, city: String? = "Austin",
                     zip: String? = nil, project: String? = nil, source: String = "direct_inquiry") -> ExtractionOutcome {
        .lead(ExtractedLead(
            source: source, firstName: first, lastName: last, email: email, phone: phone,
            address: PostalAddress(city: city, state: "TX", postalCode: zip), projectType: project,
            message: "Inquiry from \(first)."))
    }

    static func record(_ outcome: ExtractionOutcome, client: PostgresClient) async throws -> ProcessingResult {
        try await LeadRecordingTests.record(outcome, client: client)
    }

    static let fixedAna = """
        managers: [{key: ana, name: Ana Ruiz}, {key: ben, name: Ben Cho}]
        rules:
          - {name: everyone, managers: [ana, ben], strategy: round_robin}
        fallback: {managers: [ana], strategy: fixed}
        """

    @Test("one person's two inquiries recorded at the same moment by two workers are one lead, not two")
    func parallelInquiriesOfOnePersonMerge() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                let surnames = ["Alvarez", "Brennan", "Castillo", "Dawson", "Ellison", "Fischer", "Garrison", "Holloway"]
                _ = try await Seed.items(client, builder: builder, count: 2 * surnames.count)
                let queue = InboxQueue(client: client, logger: TestDatabase.logger)
                let store = LeadStore(client: client, logger: TestDatabase.logger)
                for (index, surname) in surnames.enumerated() {
                    let email = "jordan.\(surname.lowercased())@example.org"
                    let phone = "+1512555\(String(format: "%04d", 100 + index))"
                    // The builder's forward and the marketplace's own copy, a moment apart.
                    let copies = [Self.lead("Jordan", surname, email: email, phone: phone, zip: "78704"),
                                  Self.lead("Jordan", surname, email: email, phone: phone, zip: "78704", source: "houzz")]
                    var items: [ClaimedItem] = []
                    for _ in copies { items.append(try #require(try await queue.claim(worker: "test"))) }
                    try await atOnce(zip(copies, items).map { copy, item in { _ = try await store.record(copy, for: item) } })
                }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE builder_id = \(builder.id)") == surnames.count)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_merges WHERE kind = 'automatic'") == surnames.count)
            }
        }
    }

    @Test("Bob after Robert (same phone) merges into his lead: one lead, both sources, a second project interest, the assignee kept; his wife sharing the email is linked, not merged; another builder never matches")
    func mergeRelateAndTenancy() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                let other = try await Seed.builder(client, slug: "other-homes", address: "leads@other.example")
                try await RoutingStore(client: client, logger: TestDatabase.logger)
                    .load(try RoutingRules(yaml: Self.fixedAna, file: "t.yaml"), builderID: builder.id, sourceFile: nil)
                _ = try await Seed.items(client, builder: builder, count: 3)
                guard case .lead(let robert, true) = try await Self.record(
                    Self.lead("Robert", "Smith", email: "bob.smith@gmail.com", phone: "+15125550143", zip: "78704", project: "custom_home"),
                    client: client)
                else { Issue.record("first inquiry makes a lead"); return }
                guard case .lead(let merged, false) = try await Self.record(
                    Self.lead("Bob", "Smith", phone: "+15125550143", zip: "78704", project: "addition", source: "zillow"), client: client)
                else { Issue.record("Bob merges"); return }
                #expect(merged == robert)
                guard case .lead(let mary, true) = try await Self.record(
                    Self.lead("Mary", "Smith", email: "bob.smith@gmail.com", zip: "78704"), client: client)
                else { Issue.record("Mary is her own lead"); return }
                #expect(mary != robert)

                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE builder_id = \(builder.id)") == 2)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_merges WHERE kind = 'automatic' AND survivor_lead_id = \(robert)") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_sources WHERE lead_id = \(robert)") == 2)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE id = \(robert) AND source = 'direct_inquiry' AND latest_source = 'zillow'") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM project_interests WHERE lead_id = \(robert)") == 2,
                        "custom home and addition")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE id = \(robert) AND project_type = 'custom_home'") == 1,
                        "the known project is not overwritten")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_relations WHERE lead_id = \(mary) AND related_lead_id = \(robert) AND kind = 'household'") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM routing_decisions WHERE lead_id = \(robert) AND outcome = 'kept_assignee'") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE id = \(robert) AND assigned_manager IS NOT NULL") == 1)

                // The same person at another builder: never a candidate.
                _ = try await Seed.items(client, builder: other, count: 1)
                guard case .lead(let elsewhere, true) = try await Self.record(
                    Self.lead("Robert", "Smith", email: "bob.smith@gmail.com", phone: "+15125550143", zip: "78704"), client: client)
                else { Issue.record("another builder's lead is separate"); return }
                #expect(elsewhere != robert)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_merges WHERE builder_id = \(other.id)") == 0)
            }
        }
    }

    @Test("a review candidate accepted absorbs the newer lead (fields filled, activities moved); undo brings everything back")
    func acceptAndUndo() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                _ = try await Seed.items(client, builder: builder, count: 2)
                guard case .lead(let senior, true) = try await Self.record(
                    Self.lead("Robert", "Hale", phone: "+16155550100", city: "Franklin", zip: "37064"), client: client)
                else { Issue.record("first lead"); return }
                guard case .lead(let junior, true) = try await Self.record(
                    Self.lead("Robert", "Hale Jr.", email: "rhale.jr@example.org", phone: "+16155550100", city: "Franklin", zip: "37064",
                              project: "remodel"), client: client)
                else { Issue.record("a suffix on one side only is not merged automatically"); return }
                let store = MergeStore(client: client, logger: TestDatabase.logger)
                let pending = try await store.list(builderSlug: builder.slug)
                try #require(pending.count == 1, "one candidate for review: \(pending)")
                #expect(pending[0].leadID == junior && pending[0].candidateLeadID == senior)
                #expect(!pending[0].explanation.isEmpty)

                _ = try await store.accept(pending[0].id)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE id = \(junior) AND status = 'merged' AND merged_into = \(senior)") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_activities WHERE lead_id = \(senior)") == 2)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE id = \(senior) AND email = 'rhale.jr@example.org' AND project_type = 'remodel'") == 1,
                        "empty fields filled from the absorbed lead")
                #expect(try await store.list(builderSlug: nil).isEmpty)

                try await store.undo(pending[0].id)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE id = \(junior) AND status = 'new' AND merged_into IS NULL") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_activities WHERE lead_id = \(senior)") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_activities WHERE lead_id = \(junior)") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE id = \(senior) AND email IS NULL AND project_type IS NULL") == 1,
                        "fields filled by the merge are emptied again")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_match_keys WHERE lead_id = \(junior)") > 0)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM merge_candidates WHERE status = 'undone'") == 1)
                await #expect(throws: StorageError.self) { try await store.undo(pending[0].id) }
            }
        }
    }

    @Test("a merge accepted while the absorbed person's next inquiry is being recorded leaves nothing on the absorbed lead")
    func acceptWhileRecording() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                let surnames = ["Hale", "Price", "Quinn", "Roth", "Sallis", "Tate", "Upton", "Voss"]
                _ = try await Seed.items(client, builder: builder, count: 3 * surnames.count)
                let queue = InboxQueue(client: client, logger: TestDatabase.logger)
                let leads = LeadStore(client: client, logger: TestDatabase.logger)
                let merges = MergeStore(client: client, logger: TestDatabase.logger)
                for (index, surname) in surnames.enumerated() {
                    let phone = "+1615555\(String(format: "%04d", 200 + index))"
                    let email = "r.\(surname.lowercased()).jr@example.org"
                    _ = try await Self.record(Self.lead("Robert", surname, phone: phone, city: "Franklin", zip: "37064"), client: client)
                    _ = try await Self.record(Self.lead("Robert", "\(surname) Jr.", email: email, phone: phone, city: "Franklin", zip: "37064"),
                                              client: client)
                    let candidate = try #require(try await merges.list(builderSlug: builder.slug).first)
                    let item = try #require(try await queue.claim(worker: "test"))
                    let next = Self.lead("Robert", "\(surname) Jr.", email: email, phone: phone, city: "Franklin", zip: "37064", project: "addition")
                    try await atOnce([{ _ = try await merges.accept(candidate.id) }, { _ = try await leads.record(next, for: item) }])
                }
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM lead_activities a JOIN leads l ON l.id = a.lead_id WHERE l.merged_into IS NOT NULL") == 0)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM inbound_items i JOIN leads l ON l.id = i.lead_id WHERE l.merged_into IS NOT NULL") == 0)
            }
        }
    }

    @Test("an inquiry with both email and phone links an email-only lead and a phone-only lead of the same person: one absorbs the other (undoable)")
    func followUpMerge() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                _ = try await Seed.items(client, builder: builder, count: 3)
                _ = try await Self.record(Self.lead("Annika", "Lindqvist", email: "annika.l@example.org", city: nil), client: client)
                _ = try await Self.record(Self.lead("Annika", "Lindqvist", phone: "+15125550177", city: "Denver"), client: client)
                let before = try await client.scalar("SELECT count(*)::int8 FROM leads WHERE merged_into IS NULL")
                _ = try await Self.record(
                    Self.lead("Annika", "Lindqvist", email: "annika.l@example.org", phone: "+15125550177", city: "Denver"), client: client)
                #expect(before == 2, "email-only and phone-only inquiries are two leads at first")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE merged_into IS NULL") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_merges WHERE kind = 'automatic' AND absorbed_lead_id IS NOT NULL") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_activities") == 3)
                let mergeID = try #require(try await client.query(
                    "SELECT id FROM lead_merges WHERE absorbed_lead_id IS NOT NULL").decode(UUID.self).first { _ in true })
                try await MergeStore(client: client, logger: TestDatabase.logger).undo(mergeID)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE merged_into IS NULL") == 2)
            }
        }
    }
}
