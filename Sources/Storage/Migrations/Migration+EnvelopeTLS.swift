extension Migration {
    /// The TLS session a message arrived over (STARTTLS), kept with its envelope. Null for
    /// plaintext SMTP, LMTP and channels without TLS.
    static let envelopeTLS = Migration(
        version: 2,
        name: "envelope_tls",
        sql: #"""
        ALTER TABLE inbound_items ADD COLUMN tls_protocol text;
        ALTER TABLE inbound_items ADD COLUMN tls_cipher text;
        """#
    )
}
