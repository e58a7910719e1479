extension Migration {
    /// Builders, their intake addresses, the inbox queue, leads and their activities.
    ///
    /// `leads` uses the platform's column names (see README, "Postgres contract"); pipeline
    /// columns such as `score` and `stage_id` belong to other services and are only created here.
    static let coreSchema = Migration(
        version: 1,
        name: "core_schema",
        sql: #"""
        CREATE TABLE builders (
            id          uuid PRIMARY KEY,
            slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'),
            name        text NOT NULL,
            created_at  timestamptz NOT NULL DEFAULT now()
        );

        -- Exact intake addresses. Plus addresses (leads+SLUG@intake-domain) resolve by slug
        -- and need no row here.
        CREATE TABLE intake_addresses (
            address     text PRIMARY KEY CHECK (address = lower(address) AND position('@' in address) > 1),
            builder_id  uuid NOT NULL REFERENCES builders(id) ON DELETE CASCADE,
            created_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX intake_addresses_builder_idx ON intake_addresses (builder_id);

        CREATE TABLE leads (
            id                  uuid PRIMARY KEY,
            builder_id          uuid NOT NULL REFERENCES builders(id),
            source              text NOT NULL,
            source_detail       text,
            utm_source          text,
            utm_medium          text,
            utm_campaign        text,
            first_name          text,
            last_name           text,
            email               text,
            phone               text,
            phone_extension     text,
            address             text,
            lot_address         text,
            project_type        text,
            budget_range_low    numeric(14,2),
            budget_range_high   numeric(14,2),
            timeline            text,
            lot_status          text,
            financing_status    text,
            message             text,
            score               integer,
            stage_id            uuid,
            assigned_to         uuid,
            status              text NOT NULL DEFAULT 'new',
            -- The inbox item that created the lead: makes reprocessing update, never duplicate.
            created_from_item_id uuid UNIQUE,
            created_at          timestamptz NOT NULL DEFAULT now(),
            updated_at          timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX leads_builder_created_idx ON leads (builder_id, created_at DESC);

        CREATE TABLE inbound_items (
            id            uuid PRIMARY KEY,
            builder_id    uuid NOT NULL REFERENCES builders(id),
            channel       text NOT NULL CHECK (channel IN ('smtp', 'lmtp', 'imap', 'webhook', 'cli')),
            raw           bytea NOT NULL,
            size          integer NOT NULL,
            sha256        bytea NOT NULL,
            -- Identity of a delivery: Message-ID plus body hash when there is a Message-ID,
            -- else the hash of the whole message. Re-delivery of the same message to the same
            -- builder hits the unique key and is a no-op.
            dedup_key     bytea NOT NULL,
            message_id    text,
            mail_from     text,
            rcpt_to       text[] NOT NULL DEFAULT '{}',
            client_ip     text,
            helo          text,
            received_at   timestamptz NOT NULL DEFAULT now(),
            status        text NOT NULL DEFAULT 'queued'
                          CHECK (status IN ('queued', 'processing', 'done', 'ignored', 'failed')),
            attempts      integer NOT NULL DEFAULT 0,
            available_at  timestamptz NOT NULL DEFAULT now(),
            locked_by     text,
            locked_until  timestamptz,
            last_error    text,
            ignored_reason text,
            lead_id       uuid REFERENCES leads(id),
            processed_at  timestamptz,
            UNIQUE (builder_id, dedup_key)
        );
        CREATE INDEX inbound_items_ready_idx ON inbound_items (available_at) WHERE status = 'queued';
        CREATE INDEX inbound_items_lease_idx ON inbound_items (locked_until) WHERE status = 'processing';
        CREATE INDEX inbound_items_status_idx ON inbound_items (status, received_at DESC);

        CREATE TABLE lead_activities (
            id               uuid PRIMARY KEY,
            lead_id          uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            builder_id       uuid NOT NULL REFERENCES builders(id),
            kind             text NOT NULL,
            inbound_item_id  uuid REFERENCES inbound_items(id),
            subject          text,
            body             text,
            occurred_at      timestamptz NOT NULL DEFAULT now(),
            created_at       timestamptz NOT NULL DEFAULT now(),
            UNIQUE (inbound_item_id, kind)
        );
        CREATE INDEX lead_activities_lead_idx ON lead_activities (lead_id, occurred_at);
        """#
    )
}
