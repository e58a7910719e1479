import Foundation
import LeadModel
import Logging
import Matching
import PostgresNIO

/// The statements that place one extracted lead, inside ``LeadStore/record(_:thread:for:)``'s
/// transaction: find the lead it belongs to or create it, and record its contact channels.
struct LeadWriter {
    let tx: PostgresConnection
    let logger: Logger
    let item: ClaimedItem
    let lead: ExtractedLead
    let thresholds: MatchThresholds

    /// The lead this item belongs to, whether it was created now, and the activity kind.
    /// Runs under the builder's ``LeadPlacementLock`` (``LeadStore/record(_:thread:for:)``
    /// takes it): every lookup below sees the leads of every placement before.
    func place(thread: ThreadHints) async throws -> (id: UUID, created: Bool, kind: String) {
        if let id = try await self.uuid("SELECT id FROM leads WHERE created_from_item_id = \(self.item.id)") {
            try await self.overwrite(id)
            return (id, false, "inbound_email")
        }
        if let id = try await self.uuid("SELECT lead_id FROM inbound_items WHERE id = \(self.item.id) AND lead_id IS NOT NULL") {
            let kind = try await self.tx.query(
                "SELECT kind FROM lead_activities WHERE inbound_item_id = \(self.item.id) ORDER BY created_at LIMIT 1",
                logger: self.logger
            ).decode(String.self).firstElement()
            return (id, false, kind ?? "inbound_email")
        }
        if let id = try await self.leadWithSameSourceID() {
            try await self.fillEmpty(id)
            return (id, false, "inbound_email")
        }
        // A message in a known conversation is a reply on its lead when its writer is that
        // lead's person (an address or phone already on it). A marketplace lead with its own
        // id is never a reply by thread headers (the same id was looked up just above).
        var writer = self
        if self.lead.sourceLeadId == nil, let id = try await self.conversation(thread) {
            if try await !self.writesAsAnotherPerson(on: id) {
                return (id, false, "reply")
            }
            // Someone not on that lead wrote in its thread: a neighbour's reply-all with their
            // own inquiry, or the builder's own reply. A new lead (or a match) for a person to
            // look at, never an activity that would hide a new person's inquiry.
            var flagged = self.lead
            flagged.flagForReview("arrived in the conversation of another lead (\(id.uuidString.lowercased())) from an address not on it: a new person, or the builder's own reply?")
            writer = LeadWriter(tx: self.tx, logger: self.logger, item: self.item, lead: flagged, thresholds: self.thresholds)
        }
        if let placed = try await writer.matchOrCreate() {
            return placed
        }
        // Another worker created the lead with this marketplace id a moment ago.
        guard let id = try await self.leadWithSameSourceID() else {
            throw StorageError(.conflict, "lead with source id vanished while recording; will retry")
        }
        try await self.fillEmpty(id)
        return (id, false, "inbound_email")
    }

    /// A person the builder already has (within this builder only): the inquiry merges into
    /// their lead; otherwise a new lead, with a merge candidate or household link when the
    /// matcher says so. Nil when the insert ran into a lead with the same marketplace id.
    private func matchOrCreate() async throws -> (id: UUID, created: Bool, kind: String)? {
        let newID = UUID.v7()
        let record = PersonRecord(lead: self.lead, id: newID, builderID: self.item.builderID)
        let keys = BlockingKeys.keys(for: record)
        let lookup = try await CandidateLookup.find(
            keys: keys, builderID: self.item.builderID, thresholds: self.thresholds, on: self.tx, logger: self.logger)
        let decision = Matcher.decide(
            incoming: record, candidates: lookup.candidates, keyFrequency: { lookup.frequencies[$0] ?? 0 },
            thresholds: self.thresholds)
        if case .merge(let survivor, let score, let explanation) = decision {
            let changes = try await self.fillEmpty(survivor)
            try await self.addProjectInterestIfNew(to: survivor)
            try await self.tx.query(
                """
                INSERT INTO lead_merges (id, builder_id, survivor_lead_id, inbound_item_id, kind, score, explanation, changes)
                VALUES (\(UUID.v7()), \(self.item.builderID), \(survivor), \(self.item.id), 'automatic', \(score),
                        \(explanation), \(changes)::jsonb)
                """, logger: self.logger)
            try await CandidateLookup.store(keys, leadID: survivor, builderID: self.item.builderID, on: self.tx, logger: self.logger)
            self.logger.info("inquiry merged into a known lead", metadata: ["lead_id": "\(survivor)", "score": "\(score)"])
            try await self.followUpMerges(survivor: survivor, incoming: record, candidates: lookup.candidates)
            return (survivor, false, "inbound_email")
        }
        if let id = try await self.insert(id: newID) {
            try await CandidateLookup.store(keys, leadID: id, builderID: self.item.builderID, on: self.tx, logger: self.logger)
            switch decision {
            case .review(let candidate, let score, let explanation):
                try await self.tx.query(
                    """
                    INSERT INTO merge_candidates (id, builder_id, lead_id, candidate_lead_id, score, explanation)
                    VALUES (\(UUID.v7()), \(self.item.builderID), \(id), \(candidate), \(score), \(explanation))
                    ON CONFLICT (lead_id, candidate_lead_id) DO NOTHING
                    """, logger: self.logger)
            case .related(let other, _, let explanation):
                try await self.tx.query(
                    """
                    INSERT INTO lead_relations (id, builder_id, lead_id, related_lead_id, kind, explanation)
                    VALUES (\(UUID.v7()), \(self.item.builderID), \(id), \(other), 'household', \(explanation))
                    ON CONFLICT DO NOTHING
                    """, logger: self.logger)
            case .merge, .new:
                break
            }
            return (id, true, "inbound_email")
        }
        return nil
    }

    /// The inquiry may be what links its survivor to another existing lead of the same person
    /// (an email-only lead and a phone-only lead, and now an inquiry with both): the survivor,
    /// with the inquiry absorbed, absorbs each such lead on direct evidence (an automatic
    /// lead-into-lead merge, recorded and undoable like an accepted one).
    private func followUpMerges(survivor: UUID, incoming: PersonRecord, candidates: [PersonRecord]) async throws {
        guard candidates.count > 1, let base = candidates.first(where: { $0.id == survivor }) else { return }
        let merged = base.absorbing(incoming)
        let frequencies = try await CandidateLookup.frequencies(
            BlockingKeys.keys(for: merged), builderID: self.item.builderID, thresholds: self.thresholds, excluding: survivor,
            on: self.tx, logger: self.logger)
        let followUps = Matcher.followUpMerges(
            survivor: merged, candidates: candidates.filter { $0.id != survivor }, keyFrequency: { frequencies[$0] ?? 0 },
            scorer: MatchScorer(thresholds: self.thresholds))
        for followUp in followUps {
            let changes = try await MergeStore.absorb(followUp.absorbed, into: survivor, on: self.tx, logger: self.logger)
            try await self.tx.query(
                """
                INSERT INTO lead_merges (id, builder_id, survivor_lead_id, absorbed_lead_id, inbound_item_id, kind, score, explanation, changes)
                VALUES (\(UUID.v7()), \(self.item.builderID), \(survivor), \(followUp.absorbed), \(self.item.id), 'automatic',
                        \(followUp.score), \(followUp.explanation), \(changes)::jsonb)
                """, logger: self.logger)
            self.logger.info("known lead merged into the inquiry's lead", metadata: ["lead_id": "\(survivor)", "absorbed": "\(followUp.absorbed)"])
        }
    }

    /// Every email and phone of the lead, relays flagged; known ones are left as they are.
    func addChannels(to leadID: UUID) async throws {
        var channels = self.lead.contactChannels
        if let email = self.lead.email, !channels.contains(where: { $0.kind == .email && $0.value == email }) {
            channels.append(ContactChannel(kind: .email, value: email))
        }
        if let phone = self.lead.phone, !channels.contains(where: { $0.kind == .phone && $0.value == phone }) {
            channels.append(ContactChannel(kind: .phone, value: phone))
        }
        for channel in channels {
            try await self.tx.query(
                """
                INSERT INTO lead_contact_channels (id, lead_id, builder_id, kind, value, is_relay)
                VALUES (\(UUID.v7()), \(leadID), \(self.item.builderID), \(channel.kind.rawValue), \(channel.value), \(channel.isRelay))
                ON CONFLICT (lead_id, kind, value) DO NOTHING
                """, logger: self.logger)
        }
    }

    /// Attribution: this item's source as a touch on the lead (first and latest survive merges).
    func addSourceTouch(to leadID: UUID) async throws {
        try await self.tx.query(
            """
            INSERT INTO lead_sources (id, builder_id, lead_id, source, source_detail, source_lead_id, inbound_item_id, touched_at)
            VALUES (\(UUID.v7()), \(self.item.builderID), \(leadID), \(self.lead.source), \(self.lead.sourceDetail),
                    \(self.lead.sourceLeadId), \(self.item.id), \(self.item.receivedAt))
            ON CONFLICT (lead_id, inbound_item_id) WHERE inbound_item_id IS NOT NULL DO NOTHING
            """, logger: self.logger)
        try await self.tx.query(
            """
            UPDATE leads SET latest_source = (SELECT source FROM lead_sources WHERE lead_id = \(leadID)
                                              ORDER BY touched_at DESC, created_at DESC LIMIT 1)
            WHERE id = \(leadID)
            """, logger: self.logger)
    }

    /// The project the inquiry is about, as the lead's first project interest.
    func addProjectInterest(to leadID: UUID) async throws {
        let l = self.lead
        guard l.projectType != nil || l.address != nil || l.budgetLow != nil || l.budgetHigh != nil || l.timeline != nil else { return }
        let a = l.address
        try await self.tx.query(
            """
            INSERT INTO project_interests (id, builder_id, lead_id, project_type, address, city, state, postal_code,
                                           budget_low, budget_high, timeline, lot_status, inbound_item_id)
            SELECT \(UUID.v7()), \(self.item.builderID), \(leadID), \(l.projectType), \(a?.street), \(a?.city), \(a?.state),
                   \(a?.postalCode), \(l.budgetLow), \(l.budgetHigh), \(l.timeline), \(l.lotStatus), \(self.item.id)
            WHERE NOT EXISTS (SELECT 1 FROM project_interests WHERE lead_id = \(leadID) AND inbound_item_id = \(self.item.id))
            """, logger: self.logger)
    }

    /// Records a suggestion once an ad-hoc source detail has made `threshold` leads.
    func suggestSource(detail: String, threshold: Int) async throws {
        // Counted under ``LeadPlacementLock`` (see ``place(thread:)``): the count sees
        // every lead of this detail placed before.
        let count = try await self.tx.query(
            """
            SELECT count(*)::int8 FROM leads
            WHERE builder_id = \(self.item.builderID) AND source = 'other' AND source_detail = \(detail)
            """, logger: self.logger
        ).decode(Int.self).firstElement() ?? 0
        guard count >= threshold else { return }
        try await self.tx.query(
            """
            INSERT INTO source_suggestions (id, builder_id, source_detail, lead_count)
            VALUES (\(UUID.v7()), \(self.item.builderID), \(detail), \(count))
            ON CONFLICT (builder_id, source_detail) DO UPDATE SET lead_count = EXCLUDED.lead_count
            """, logger: self.logger)
        self.logger.notice("source suggestion: ad-hoc source seen often enough to deserve a parser spec",
                           metadata: ["source_detail": "\(detail)", "leads": "\(count)"])
    }

    // MARK: - Finding the lead

    private func leadWithSameSourceID() async throws -> UUID? {
        guard let sourceLeadID = self.lead.sourceLeadId else { return nil }
        // Any touch carries the id: the lead may have been made by another source's inquiry.
        return try await self.uuid(
            """
            SELECT coalesce(
                (SELECT id FROM leads WHERE builder_id = \(self.item.builderID) AND source = \(self.lead.source)
                                        AND source_lead_id = \(sourceLeadID)),
                (SELECT s.lead_id FROM lead_sources s JOIN leads l ON l.id = s.lead_id AND l.merged_into IS NULL
                 WHERE s.builder_id = \(self.item.builderID) AND s.source = \(self.lead.source)
                   AND s.source_lead_id = \(sourceLeadID) LIMIT 1))
            """)
    }

    /// The lead of the conversation this message continues: one a referenced message made
    /// or touched, else one that already has this message's relay address.
    /// Whether this inquiry, found in lead `id`'s conversation, is written by someone else:
    /// it has its own email, none of its channels (email, phone, relays) is on that lead, and
    /// the lead has an email of its own that differs. (A lead known only by a relay may be
    /// answered from the person's own address: that is the person.)
    private func writesAsAnotherPerson(on id: UUID) async throws -> Bool {
        guard let email = self.lead.email else { return false }
        var values = self.lead.contactChannels.map { $0.value.lowercased() }
        values.append(email.lowercased())
        if let phone = self.lead.phone { values.append(phone.lowercased()) }
        let known = try await self.tx.query(
            """
            SELECT bool_or(lower(value) = ANY(\(values))), bool_or(kind = 'email' AND NOT is_relay)
            FROM lead_contact_channels WHERE lead_id = \(id)
            """, logger: self.logger
        ).decode((Bool?, Bool?).self).firstElement()
        let (shares, hasOwnEmail) = known ?? (nil, nil)
        return shares != true && hasOwnEmail == true
    }

    private func conversation(_ thread: ThreadHints) async throws -> UUID? {
        let references = Array(thread.references.prefix(100))
        if !references.isEmpty, let id = try await self.uuid(
            """
            SELECT lead_id FROM inbound_items
            WHERE builder_id = \(self.item.builderID) AND message_id = ANY(\(references)) AND lead_id IS NOT NULL
            ORDER BY received_at DESC LIMIT 1
            """)
        {
            return id
        }
        for relay in self.lead.contactChannels where relay.isRelay {
            if let id = try await self.uuid(
                """
                SELECT lead_id FROM lead_contact_channels
                WHERE builder_id = \(self.item.builderID) AND kind = \(relay.kind.rawValue) AND is_relay
                  AND lower(value) = lower(\(relay.value))
                ORDER BY created_at LIMIT 1
                """)
            {
                return id
            }
        }
        return nil
    }

    // MARK: - Writing the lead

    private var fieldSources: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self.lead.fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private func insert(id: UUID) async throws -> UUID? {
        let l = self.lead
        let a = l.address
        let suffix = l.lastName.flatMap { PersonNameNormalizer.parse(($0)).flatMap(\.suffix) }
        return try await self.uuid(
            """
            INSERT INTO leads (id, builder_id, source, source_detail, source_lead_id, first_name, last_name, email, phone,
                               phone_extension, address, city, state, postal_code, project_type, budget_range_low,
                               budget_range_high, timeline, lot_status, financing_status, subject, message, needs_review,
                               review_reasons, field_sources, name_suffix, created_from_item_id, created_at, updated_at)
            VALUES (\(id), \(self.item.builderID), \(l.source), \(l.sourceDetail), \(l.sourceLeadId), \(l.firstName),
                    \(l.lastName), \(l.email), \(l.phone), \(l.phoneExtension), \(a?.street), \(a?.city), \(a?.state),
                    \(a?.postalCode), \(l.projectType), \(l.budgetLow), \(l.budgetHigh), \(l.timeline), \(l.lotStatus),
                    \(l.financing), \(l.subject), \(l.message), \(l.needsReview), \(l.reviewReasons), \(self.fieldSources)::jsonb,
                    \(suffix),
                    \(self.item.id), \(self.item.receivedAt), now())
            ON CONFLICT (builder_id, source, source_lead_id) WHERE source_lead_id IS NOT NULL DO NOTHING
            RETURNING id
            """)
    }

    /// Reprocessing the item that created the lead: its fields are this extraction's. A lead
    /// a person already reviewed stays off the review queue when the new reasons are among
    /// those reviewed; a new reason puts it back (and clears `reviewed_at`).
    private func overwrite(_ id: UUID) async throws {
        let l = self.lead
        let a = l.address
        try await self.tx.query(
            """
            UPDATE leads SET source = \(l.source), source_detail = \(l.sourceDetail), source_lead_id = \(l.sourceLeadId),
                first_name = \(l.firstName), last_name = \(l.lastName), email = \(l.email), phone = \(l.phone),
                phone_extension = \(l.phoneExtension), address = \(a?.street), city = \(a?.city), state = \(a?.state),
                postal_code = \(a?.postalCode), project_type = \(l.projectType), budget_range_low = \(l.budgetLow),
                budget_range_high = \(l.budgetHigh), timeline = \(l.timeline), lot_status = \(l.lotStatus),
                financing_status = \(l.financing), subject = \(l.subject), message = \(l.message),
                needs_review = \(l.needsReview) AND NOT (reviewed_at IS NOT NULL AND \(l.reviewReasons)::text[] <@ review_reasons),
                reviewed_at = CASE WHEN \(l.needsReview) AND NOT (\(l.reviewReasons)::text[] <@ review_reasons) THEN NULL
                                   ELSE reviewed_at END,
                review_reasons = \(l.reviewReasons), field_sources = \(self.fieldSources)::jsonb, updated_at = now()
            WHERE id = \(id) AND builder_id = \(self.item.builderID)
            """, logger: self.logger)
    }

    /// A later inquiry of the same person (or copy of the same marketplace lead): fills what
    /// the lead does not know yet, never overwrites what it does. Returns what changed, as
    /// JSON `{"column": {"before": ..., "after": ...}}`, for the merge record.
    @discardableResult
    func fillEmpty(_ id: UUID) async throws -> String {
        let l = self.lead
        let a = l.address
        return try await self.tx.query(
            """
            WITH before AS (SELECT to_jsonb(l) AS j FROM leads l WHERE id = \(id)),
            changed AS (UPDATE leads SET first_name = coalesce(first_name, \(l.firstName)), last_name = coalesce(last_name, \(l.lastName)),
                email = coalesce(email, \(l.email)), phone = coalesce(phone, \(l.phone)),
                phone_extension = coalesce(phone_extension, \(l.phoneExtension)), address = coalesce(address, \(a?.street)),
                city = coalesce(city, \(a?.city)), state = coalesce(state, \(a?.state)),
                postal_code = coalesce(postal_code, \(a?.postalCode)), project_type = coalesce(project_type, \(l.projectType)),
                budget_range_low = coalesce(budget_range_low, \(l.budgetLow)),
                budget_range_high = coalesce(budget_range_high, \(l.budgetHigh)), timeline = coalesce(timeline, \(l.timeline)),
                lot_status = coalesce(lot_status, \(l.lotStatus)), financing_status = coalesce(financing_status, \(l.financing)),
                message = coalesce(message, \(l.message)), updated_at = now()
            WHERE id = \(id) AND builder_id = \(self.item.builderID)
            RETURNING to_jsonb(leads) AS j)
            SELECT coalesce(jsonb_object_agg(a.key, jsonb_build_object('before', b.j -> a.key, 'after', a.value)), '{}')::text
            FROM changed, before b, jsonb_each(changed.j) a
            WHERE a.key <> 'updated_at' AND (b.j -> a.key) IS DISTINCT FROM a.value
            """, logger: self.logger
        ).decode(String.self).firstElement() ?? "{}"
    }

    /// A known person asking about another project (another type, another lot): a new
    /// project interest instead of an overwritten lead.
    func addProjectInterestIfNew(to leadID: UUID) async throws {
        let l = self.lead
        guard l.projectType != nil || l.address?.street != nil else { return }
        let known = try await self.tx.query(
            """
            SELECT count(*)::int8 FROM project_interests
            WHERE lead_id = \(leadID) AND project_type IS NOT DISTINCT FROM \(l.projectType)
              AND (address IS NULL OR \(l.address?.street)::text IS NULL OR lower(address) = lower(\(l.address?.street)))
            """, logger: self.logger
        ).decode(Int.self).firstElement() ?? 0
        if known == 0 { try await self.addProjectInterest(to: leadID) }
    }

    private func uuid(_ query: PostgresQuery) async throws -> UUID? {
        try await self.tx.query(query, logger: self.logger).decode(UUID?.self).firstElement() ?? nil
    }
}
