extension Migration {
    /// Why a lead needs review (`leads.review_reasons`, one sentence each, as the extraction
    /// outcome's `review_reasons`): `needs_review` alone told the person working the review
    /// queue nothing about what to check. Leads written before this migration keep an empty
    /// list; their `inbound_items.extraction` still holds the outcome they were made from.
    static let reviewReasons = Migration(
        version: 6,
        name: "review_reasons",
        sql: #"""
        ALTER TABLE leads ADD COLUMN review_reasons text[] NOT NULL DEFAULT '{}';
        """#
    )

    /// When a person cleared `needs_review` (`lead-intake leads reviewed`); the reasons stay,
    /// for the record.
    static let reviewedAt = Migration(
        version: 7,
        name: "reviewed_at",
        sql: #"""
        ALTER TABLE leads ADD COLUMN reviewed_at timestamptz;
        """#
    )
}
