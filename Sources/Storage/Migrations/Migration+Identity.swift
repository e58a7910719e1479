extension Migration {
    /// Identity and assignment (issue 6): blocking keys for candidate lookup, the merge
    /// review queue and merge history (undoable), household links, every source and project
    /// interest of a lead, project managers, routing rules, round-robin counters and the
    /// routing decisions with their explanations.
    static let identity = Migration(
        version: 5,
        name: "identity_and_assignment",
        sql: #"""
        -- Blocking keys (Matching.BlockingKeys): candidates of an incoming lead are the leads of
        -- the same builder sharing any key; the count per (kind, value) weighs the evidence.
        CREATE TABLE lead_match_keys (
            builder_id  uuid NOT NULL REFERENCES builders(id),
            kind        text NOT NULL,
            value       text NOT NULL,
            lead_id     uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            PRIMARY KEY (builder_id, kind, value, lead_id)
        );
        CREATE INDEX lead_match_keys_lead_idx ON lead_match_keys (lead_id);

        ALTER TABLE leads ADD COLUMN name_suffix text;
        ALTER TABLE leads ADD COLUMN latest_source text;
        ALTER TABLE leads ADD COLUMN merged_into uuid REFERENCES leads(id);
        ALTER TABLE leads ADD COLUMN assigned_manager text;
        CREATE INDEX leads_open_assignee_idx ON leads (builder_id, assigned_manager)
            WHERE assigned_manager IS NOT NULL AND status NOT IN ('merged', 'won', 'lost', 'closed', 'archived');

        -- Possible duplicates for a person to decide: `lead_id` (the newer lead) may be the
        -- same person as `candidate_lead_id` (the existing one).
        CREATE TABLE merge_candidates (
            id                 uuid PRIMARY KEY,
            builder_id         uuid NOT NULL REFERENCES builders(id),
            lead_id            uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            candidate_lead_id  uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            score              double precision NOT NULL,
            explanation        text NOT NULL,
            status             text NOT NULL DEFAULT 'pending'
                               CHECK (status IN ('pending', 'accepted', 'rejected', 'undone')),
            merge_id           uuid,
            created_at         timestamptz NOT NULL DEFAULT now(),
            decided_at         timestamptz,
            UNIQUE (lead_id, candidate_lead_id)
        );
        CREATE INDEX merge_candidates_pending_idx ON merge_candidates (builder_id, created_at) WHERE status = 'pending';

        -- Every merge, automatic (an inquiry attached to a known lead) or accepted from review
        -- (a lead absorbed into another), with what it changed, so it can be explained and undone.
        CREATE TABLE lead_merges (
            id                uuid PRIMARY KEY,
            builder_id        uuid NOT NULL REFERENCES builders(id),
            survivor_lead_id  uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            absorbed_lead_id  uuid REFERENCES leads(id) ON DELETE SET NULL,
            inbound_item_id   uuid REFERENCES inbound_items(id),
            kind              text NOT NULL CHECK (kind IN ('automatic', 'accepted')),
            score             double precision,
            explanation       text NOT NULL,
            changes           jsonb NOT NULL DEFAULT '{}',
            created_at        timestamptz NOT NULL DEFAULT now(),
            undone_at         timestamptz
        );
        CREATE INDEX lead_merges_survivor_idx ON lead_merges (survivor_lead_id);

        -- People who share a phone, email or address but are not the same person (spouses,
        -- Jr/Sr): linked, never merged.
        CREATE TABLE lead_relations (
            id               uuid PRIMARY KEY,
            builder_id       uuid NOT NULL REFERENCES builders(id),
            lead_id          uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            related_lead_id  uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            kind             text NOT NULL,
            explanation      text NOT NULL,
            created_at       timestamptz NOT NULL DEFAULT now(),
            UNIQUE (lead_id, related_lead_id, kind)
        );

        -- Attribution: every touch, so first and latest source survive merges.
        CREATE TABLE lead_sources (
            id               uuid PRIMARY KEY,
            builder_id       uuid NOT NULL REFERENCES builders(id),
            lead_id          uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            source           text NOT NULL,
            source_detail    text,
            source_lead_id   text,
            inbound_item_id  uuid REFERENCES inbound_items(id),
            touched_at       timestamptz NOT NULL,
            created_at       timestamptz NOT NULL DEFAULT now()
        );
        CREATE UNIQUE INDEX lead_sources_item_key ON lead_sources (lead_id, inbound_item_id) WHERE inbound_item_id IS NOT NULL;
        CREATE INDEX lead_sources_lead_idx ON lead_sources (lead_id, touched_at);

        -- What a person is interested in; a known person asking about another lot or another
        -- kind of project gets a second interest instead of an overwritten lead.
        CREATE TABLE project_interests (
            id               uuid PRIMARY KEY,
            builder_id       uuid NOT NULL REFERENCES builders(id),
            lead_id          uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            project_type     text,
            address          text,
            city             text,
            state            text,
            postal_code      text,
            budget_low       numeric(14,2),
            budget_high      numeric(14,2),
            timeline         text,
            lot_status       text,
            inbound_item_id  uuid REFERENCES inbound_items(id),
            created_at       timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX project_interests_lead_idx ON project_interests (lead_id);

        CREATE TABLE project_managers (
            id              uuid PRIMARY KEY,
            builder_id      uuid NOT NULL REFERENCES builders(id),
            key             text NOT NULL,
            name            text NOT NULL,
            email           text,
            active          boolean NOT NULL DEFAULT true,
            max_open_leads  integer,
            updated_at      timestamptz NOT NULL DEFAULT now(),
            UNIQUE (builder_id, key)
        );

        -- The builder's routing rules (Routing.RoutingRules as JSON), loaded from a file.
        CREATE TABLE routing_rule_sets (
            builder_id   uuid PRIMARY KEY REFERENCES builders(id),
            rules        jsonb NOT NULL,
            source_file  text,
            loaded_at    timestamptz NOT NULL DEFAULT now()
        );

        -- Round-robin turns, shared by every worker and process: incremented atomically.
        CREATE TABLE routing_counters (
            builder_id  uuid NOT NULL REFERENCES builders(id),
            rule        text NOT NULL,
            value       bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (builder_id, rule)
        );

        CREATE TABLE routing_decisions (
            id               uuid PRIMARY KEY,
            builder_id       uuid NOT NULL REFERENCES builders(id),
            lead_id          uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            inbound_item_id  uuid REFERENCES inbound_items(id),
            manager          text,
            rule             text,
            strategy         text,
            outcome          text NOT NULL,
            explanation      text NOT NULL,
            decided_at       timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX routing_decisions_lead_idx ON routing_decisions (lead_id, decided_at);
        """#
    )
}
