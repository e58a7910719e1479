extension Migration {
    /// The builder's own mailboxes (`local@domain`, or `@domain` for all of a domain): mail
    /// from them is the builder's (a reply-all, an outgoing message copied to the intake
    /// address), recorded for the person it went to; none is ever a prospect's email.
    static let builderMailboxes = Migration(
        version: 8,
        name: "builder_mailboxes",
        sql: #"""
        CREATE TABLE builder_mailboxes (
            builder_id uuid NOT NULL REFERENCES builders (id) ON DELETE CASCADE,
            mailbox    text NOT NULL CHECK (mailbox = lower(mailbox) AND position('@' in mailbox) >= 1),
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (builder_id, mailbox)
        );
        """#
    )
}
