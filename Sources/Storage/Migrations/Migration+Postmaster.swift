extension Migration {
    /// The reserved builder that mail to `postmaster` is stored for (RFC 5321 4.5.1: a mail
    /// server must accept it). Its items are kept, raw, for the gateway's operator and are
    /// never read as leads. Skipped when a builder already has its id or the slug `postmaster`:
    /// then `postmaster` resolves as any other address does.
    static let postmaster = Migration(
        version: 9,
        name: "postmaster",
        sql: #"""
        INSERT INTO builders (id, slug, name)
        VALUES ('00000000-0000-7000-8000-000000000001', 'postmaster', 'Postmaster (the gateway operator)')
        ON CONFLICT DO NOTHING;
        """#
    )
}
