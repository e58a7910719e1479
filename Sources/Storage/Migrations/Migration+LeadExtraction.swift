extension Migration {
    /// What lead extraction (issue 5) records beyond the first lead columns.
    ///
    /// - `leads`: the marketplace's own lead id (unique per builder and source, so a
    ///   marketplace re-sending a lead never makes a second one), the address split into
    ///   `address` (street line, the platform's column) and `city` / `state` / `postal_code`,
    ///   `needs_review` for leads a person should look at, and `field_sources`, where each
    ///   field's value came from (the `fields` object of `lead-intake parse --lead-json`).
    /// - `lead_contact_channels`: every email and phone seen for a lead; marketplace relays
    ///   and proxied numbers are kept with `is_relay`, so a reply through the relay finds
    ///   its lead, while matching (issue 6) never takes them for identity.
    /// - `source_suggestions`: an ad-hoc source (`other`) seen often enough to deserve a spec.
    /// - `inbound_items.extraction`: the whole outcome, for "why is this lead like this?".
    /// - An index on `inbound_items (builder_id, message_id)` for threading replies.
    static let leadExtraction = Migration(
        version: 4,
        name: "lead_extraction",
        sql: #"""
        ALTER TABLE leads ADD COLUMN source_lead_id text;
        ALTER TABLE leads ADD COLUMN city text;
        ALTER TABLE leads ADD COLUMN state text;
        ALTER TABLE leads ADD COLUMN postal_code text;
        ALTER TABLE leads ADD COLUMN subject text;
        ALTER TABLE leads ADD COLUMN needs_review boolean NOT NULL DEFAULT false;
        ALTER TABLE leads ADD COLUMN field_sources jsonb NOT NULL DEFAULT '{}';
        CREATE UNIQUE INDEX leads_source_lead_id_key ON leads (builder_id, source, source_lead_id)
            WHERE source_lead_id IS NOT NULL;
        CREATE INDEX leads_review_idx ON leads (builder_id, created_at DESC) WHERE needs_review;

        CREATE TABLE lead_contact_channels (
            id          uuid PRIMARY KEY,
            lead_id     uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            builder_id  uuid NOT NULL REFERENCES builders(id),
            kind        text NOT NULL CHECK (kind IN ('email', 'phone')),
            value       text NOT NULL,
            is_relay    boolean NOT NULL DEFAULT false,
            created_at  timestamptz NOT NULL DEFAULT now(),
            UNIQUE (lead_id, kind, value)
        );
        CREATE INDEX lead_contact_channels_value_idx ON lead_contact_channels (builder_id, kind, lower(value));

        CREATE TABLE source_suggestions (
            id             uuid PRIMARY KEY,
            builder_id     uuid NOT NULL REFERENCES builders(id),
            source_detail  text NOT NULL,
            lead_count     integer NOT NULL,
            suggested_at   timestamptz NOT NULL DEFAULT now(),
            UNIQUE (builder_id, source_detail)
        );

        ALTER TABLE inbound_items ADD COLUMN extraction jsonb;
        CREATE INDEX inbound_items_message_id_idx ON inbound_items (builder_id, message_id) WHERE message_id IS NOT NULL;
        CREATE INDEX leads_other_detail_idx ON leads (builder_id, source_detail) WHERE source = 'other';
        """#
    )
}
