extension Migration {
    /// Large messages are streamed into `inbound_spool` while they arrive and moved into
    /// `inbound_items` by the transaction that acknowledges them (see ``MessageSpool``).
    ///
    /// UNLOGGED: a spool row is worth nothing after a crash (its session died with it, and
    /// the client was never told 250), so it need not cost WAL. The committed
    /// `inbound_items` row it becomes is logged like any other. Chunks are stored
    /// uncompressed: they live for seconds.
    ///
    /// `inbound_items.raw` is compressed with lz4 where the server has it: it is several
    /// times faster than the default pglz on mail text, which is most of the database's
    /// work per accepted message.
    static let messageSpool = Migration(
        version: 3,
        name: "message_spool",
        sql: #"""
        CREATE UNLOGGED TABLE inbound_spool (
            spool_id   uuid NOT NULL,
            seq        integer NOT NULL,
            chunk      bytea NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (spool_id, seq)
        );
        ALTER TABLE inbound_spool ALTER COLUMN chunk SET STORAGE EXTERNAL;
        CREATE INDEX inbound_spool_created_idx ON inbound_spool (created_at);
        DO $$ BEGIN ALTER TABLE inbound_items ALTER COLUMN raw SET COMPRESSION lz4; EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END $$;
        """#
    )
}
