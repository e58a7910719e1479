import Foundation
import LeadModel
import PostgresNIO
import Storage
import Testing

/// Where an extracted lead lands: a new lead, the lead of the same marketplace lead id, or
/// the lead of the conversation a reply continues. Real Postgres, real stores.
@Suite("Lead recording: marketplace ids, threads, relays, ad-hoc sources")
struct LeadRecordingTests {
    /// Claims the next item and records `outcome` for it.
    static func record(_ outcome: ExtractionOutcome, thread: ThreadHints = ThreadHints(), client: PostgresClient) async throws
        -> ProcessingResult
    {
        let queue = InboxQueue(client: client, logger: TestDatabase.logger)
        let item = try #require(try await queue.claim(worker: "test"))
        return try await LeadStore(client: client, logger: TestDatabase.logger, sourceSuggestionThreshold: 3)
            .record(outcome, thread: thread, for: item)
    }

    static func lead(_ source: String = "houzz", id: String? = nil, email: String? = nil, phone: String? = nil,
                     city: String? = nil, relay: String? = nil, detail: String? = nil) -> ExtractionOutcome {
        var channels: [ContactChannel] = []
        if let relay { channels.append(ContactChannel(kind: .email, value: relay, isRelay: true)) }
        return .lead(ExtractedLead(
            source: source, sourceDetail: detail, sourceLeadId: id, firstName: "Maria", lastName: "Lopez", email: email,
            phone: phone, address: city.map { PostalAddress(city: $0, state: "TX") }, message: "We want a custom home.",
            contactChannels: channels, fields: ["email": FieldProvenance(spec: source, rule: "label 'Email'")]))
    }

    @Test("the same marketplace lead id again is one lead: an activity on it, its empty fields filled, known ones kept")
    func sameSourceLeadID() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                _ = try await Seed.items(client, builder: builder, count: 2)
                guard case .lead(let first, true) = try await Self.record(
                    Self.lead(id: "HZ-1001", email: "maria@example.org"), client: client)
                else { Issue.record("first copy creates the lead"); return }
                guard case .lead(let second, false) = try await Self.record(
                    Self.lead(id: "HZ-1001", email: "other@example.org", phone: "+15125550143", city: "Austin"), client: client)
                else { Issue.record("second copy is attached"); return }
                #expect(first == second)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_activities WHERE lead_id = \(first)") == 2)
                for try await (email, phone, city) in try await client.query(
                    "SELECT email, phone, city FROM leads WHERE id = \(first)").decode((String?, String?, String?).self)
                {
                    #expect(email == "maria@example.org", "a known field is not overwritten")
                    #expect(phone == "+15125550143" && city == "Austin", "empty fields are filled")
                }
                // Another source with the same id is another lead.
                _ = try await Seed.items(client, builder: builder, count: 1)
                guard case .lead(_, true) = try await Self.record(Self.lead("angi", id: "HZ-1001"), client: client) else {
                    Issue.record("ids are per source"); return
                }
            }
        }
    }

    @Test("a reply (In-Reply-To an item of a lead) or a message through a relay already on a lead is a reply activity on it")
    func threadsAndRelays() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                let tag = UUID().uuidString
                _ = try await Seed.items(client, builder: builder, count: 3, tag: tag)
                guard case .lead(let lead, true) = try await Self.record(
                    Self.lead("zillow", relay: "x7f3k2@convo.zillow.com"), client: client)
                else { Issue.record("the first message makes a lead"); return }
                guard case .lead(let replied, false) = try await Self.record(
                    Self.lead("direct_inquiry", email: "maria@example.org"),
                    thread: ThreadHints(references: ["\(tag)-0@test.example"]), client: client)
                else { Issue.record("a reply is not a new lead"); return }
                guard case .lead(let relayed, false) = try await Self.record(
                    Self.lead("zillow", relay: "X7F3K2@convo.zillow.com"), client: client)
                else { Issue.record("the relay finds its lead"); return }
                #expect(replied == lead && relayed == lead)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_activities WHERE kind = 'reply'") == 2)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM lead_contact_channels WHERE is_relay AND value = 'x7f3k2@convo.zillow.com'") == 1)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM lead_contact_channels WHERE NOT is_relay AND value = 'maria@example.org'") == 1,
                    "the prospect's own address from the reply is kept on the lead")
            }
        }
    }

    static func person(_ first: String, _ last: String, email: String, phone: String? = nil,
                       source: String = "direct_inquiry", id: String? = nil) -> ExtractionOutcome {
        .lead(ExtractedLead(
            source: source, sourceLeadId: id, firstName: first, lastName: last, email: email, phone: phone,
            message: "We would like to build on our lot.", contactChannels: [],
            fields: ["email": FieldProvenance(rule: "sender address")]))
    }

    @Test("someone else writing in a lead's conversation (a neighbour's reply-all, another marketplace lead) makes their own lead, for review, and the first lead gains none of their details")
    func anotherPersonInAConversation() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                let tag = UUID().uuidString
                _ = try await Seed.items(client, builder: builder, count: 4, tag: tag)
                guard case .lead(let dana, true) = try await Self.record(
                    Self.person("Dana", "Kowalski", email: "dana@example.org"), client: client)
                else { Issue.record("the first message makes a lead"); return }
                let thread = ThreadHints(references: ["\(tag)-0@test.example"])
                guard case .lead(let pat, true) = try await Self.record(
                    Self.person("Pat", "Quinn", email: "pat.quinn@example.org", phone: "+15125550166"), thread: thread, client: client)
                else { Issue.record("a neighbour's inquiry in the thread is a lead of its own"); return }
                #expect(pat != dana)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM leads WHERE id = \(pat) AND needs_review AND review_reasons[1] LIKE 'arrived in the conversation of another lead%'") == 1)
                guard case .lead(let kim, true) = try await Self.record(
                    Self.person("Kim", "Nguyen", email: "kim.nguyen@example.net", source: "houzz", id: "48560001"), thread: thread, client: client)
                else { Issue.record("a marketplace lead with its own id is never a reply by thread headers"); return }
                #expect(kim != dana && kim != pat)
                guard case .lead(let reply, false) = try await Self.record(
                    Self.person("Dana", "Kowalski", email: "dana@example.org"), thread: thread, client: client)
                else { Issue.record("the lead's own person answering is a reply"); return }
                #expect(reply == dana)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_contact_channels WHERE lead_id = \(dana)") == 1,
                        "Dana's lead gains neither Pat's nor Kim's address or phone")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_sources WHERE lead_id = \(dana) AND source_lead_id IS NOT NULL") == 0)
            }
        }
    }

    @Test("an ad-hoc source ('other') seen three times records one suggestion to add it as a source")
    func sourceSuggestion() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                _ = try await Seed.items(client, builder: builder, count: 4)
                for index in 0..<4 {
                    _ = try await Self.record(
                        Self.lead("other", email: "p\(index)@example.org", detail: "leads.newportal.example"), client: client)
                    let suggestions = try await client.scalar("SELECT count(*)::int8 FROM source_suggestions")
                    #expect(suggestions == (index >= 2 ? 1 : 0), "after \(index + 1) leads")
                }
                #expect(try await client.scalar("SELECT lead_count::int8 FROM source_suggestions") == 4)

                // What the operations person reads: the suggestion, with the newest such item to
                // start the spec's fixtures from.
                let suggestions = try await LeadStore(client: client, logger: TestDatabase.logger).sourceSuggestions()
                #expect(suggestions.map(\.sourceDetail) == ["leads.newportal.example"])
                #expect(suggestions.first?.leadCount == 4 && suggestions.first?.builder == builder.slug)
                var newest: UUID?
                for try await id in try await client.query(
                    "SELECT created_from_item_id FROM leads ORDER BY created_at DESC, id DESC LIMIT 1", logger: TestDatabase.logger
                ).decode(UUID.self) { newest = id }
                #expect(suggestions.first?.latestItemID == newest)
                let cli = try await TestProcess.run([Repository.binary, "parsers", "suggestions", "--database-url", db.urlString])
                #expect(cli.status == 0, "\(cli.stderr)")
                #expect(cli.stdout.contains("leads.newportal.example") && cli.stdout.contains(newest?.uuidString.lowercased() ?? "?"))
            }
        }
    }

    @Test("three leads of one ad-hoc source recorded at the same time by parallel workers still record the suggestion")
    func sourceSuggestionUnderParallelWorkers() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                let rounds = 8
                _ = try await Seed.items(client, builder: builder, count: 3 * rounds)
                let queue = InboxQueue(client: client, logger: TestDatabase.logger)
                let store = LeadStore(client: client, logger: TestDatabase.logger, sourceSuggestionThreshold: 3)
                for round in 0..<rounds {
                    var items: [ClaimedItem] = []
                    for _ in 0..<3 { items.append(try #require(try await queue.claim(worker: "test"))) }
                    try await atOnce(items.enumerated().map { index, item in
                        let outcome = Self.lead("other", email: "r\(round)p\(index)@example.org", detail: "portal\(round).example")
                        return { _ = try await store.record(outcome, for: item) }
                    })
                }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM source_suggestions WHERE lead_count = 3") == rounds)
            }
        }
    }

    @Test("a lead flagged for review keeps its reasons; the review queue lists only flagged leads, with them")
    func reviewReasons() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                _ = try await Seed.items(client, builder: builder, count: 2)
                let reason = "unknown source: an automated sender (leads.newportal.example) that no spec in parsers/ matches"
                guard case .lead(var flagged) = Self.lead("other", email: "pat@example.org", detail: "leads.newportal.example") else {
                    Issue.record("not a lead")
                    return
                }
                flagged.flagForReview(reason)
                let flaggedResult = try await Self.record(.lead(flagged), client: client)
                _ = try await Self.record(Self.lead(email: "maria@example.org"), client: client)

                let store = LeadStore(client: client, logger: TestDatabase.logger)
                let queue = try await store.list(needingReview: true)
                #expect(queue.map(\.email) == ["pat@example.org"])
                #expect(queue.first?.reviewReasons == [reason])
                guard case .lead(let flaggedID, _) = flaggedResult else {
                    Issue.record("the flagged outcome made no lead")
                    return
                }
                #expect(queue.first?.id == flaggedID)
                let all = try await store.list()
                #expect(all.count == 2)
                #expect(all.first { $0.email == "maria@example.org" }.map { !$0.needsReview && $0.reviewReasons.isEmpty } == true)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM inbound_items WHERE extraction->'review_reasons'->>0 = \(reason)") == 1)

                let cli = try await TestProcess.run(
                    [Repository.binary, "leads", "list", "--needs-review", "--json", "--database-url", db.urlString])
                #expect(cli.status == 0, "\(cli.stderr)")
                let listed = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [[String: Any]]
                #expect(listed?.count == 1)
                #expect(listed?.first?["review_reasons"] as? [String] == [reason])

                // Looked at: off the queue, the reasons kept; a second time, or an unflagged
                // lead, is said and exits 1.
                let id = flaggedID.uuidString.lowercased()
                let reviewed = try await TestProcess.run([Repository.binary, "leads", "reviewed", id, "--database-url", db.urlString])
                #expect(reviewed.status == 0 && reviewed.stdout.contains("\(id): reviewed"), "\(reviewed.stdout)\(reviewed.stderr)")
                #expect(try await store.list(needingReview: true).isEmpty)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM leads WHERE id = \(flaggedID) AND reviewed_at IS NOT NULL AND cardinality(review_reasons) = 1") == 1)
                let again = try await TestProcess.run([Repository.binary, "leads", "reviewed", id, "--database-url", db.urlString])
                #expect(again.status == 1 && again.stdout.contains("not on the review queue"))
                let bad = try await TestProcess.run([Repository.binary, "leads", "reviewed", "nope", "--database-url", db.urlString])
                #expect(bad.status != 0 && bad.stderr.contains("lead id 'nope': expected a UUID"))

                // Reprocessing its item: the same reason stays reviewed; a new one re-queues it.
                var createdFrom: UUID?
                for try await id in try await client.query(
                    "SELECT created_from_item_id FROM leads WHERE id = \(flaggedID)", logger: TestDatabase.logger
                ).decode(UUID.self) { createdFrom = id }
                let item = try #require(createdFrom)
                let inbox = InboxQueue(client: client, logger: TestDatabase.logger)
                #expect(try await inbox.reprocess(id: item))
                _ = try await Self.record(.lead(flagged), client: client)
                #expect(try await store.list(needingReview: true).isEmpty)
                var changed = flagged
                changed.flagForReview("the message text is unreadable")
                #expect(try await inbox.reprocess(id: item))
                _ = try await Self.record(.lead(changed), client: client)
                #expect(try await store.list(needingReview: true).first?.reviewReasons == [reason, "the message text is unreadable"])
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE id = \(flaggedID) AND reviewed_at IS NULL") == 1)
            }
        }
    }

    @Test("an ignored message keeps its reason and full extraction; `inbox list` shows the reason")
    func ignoredReason() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                _ = try await Seed.items(client, builder: builder, count: 1)
                #expect(try await Self.record(.ignored(reason: "Houzz newsletter"), client: client) == .ignored(reason: "Houzz newsletter"))
                let rows = try await InboxStore(client: client, logger: TestDatabase.logger).list(status: .ignored)
                #expect(rows.count == 1 && rows.first?.note == "Houzz newsletter")
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM inbound_items WHERE extraction->>'ignored_reason' = 'Houzz newsletter'") == 1)
            }
        }
    }
}
