import Foundation
import PostgresNIO

/// The insert of one accepted message copy, as a named prepared statement: it runs once
/// per accepted message, so each connection parses and plans it once instead of every time.
struct InsertInboundItem: PostgresPreparedStatement {
    static let name = "lead_intake_insert_inbound_item"
    static let sql = """
        INSERT INTO inbound_items
            (id, builder_id, channel, raw, size, sha256, dedup_key, message_id, mail_from, rcpt_to, client_ip, helo,
             tls_protocol, tls_cipher)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        ON CONFLICT (builder_id, dedup_key) DO NOTHING
        RETURNING id
        """
    typealias Row = UUID

    var id: UUID
    var builderID: UUID
    var channel: String
    var raw: ByteBuffer
    var size: Int
    var sha256: ByteBuffer
    var dedupKey: ByteBuffer
    var messageID: String?
    var mailFrom: String?
    var recipients: [String]
    var clientAddress: String?
    var helo: String?
    var tlsProtocol: String?
    var tlsCipher: String?

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 14)
        bindings.append(self.id)
        bindings.append(self.builderID)
        bindings.append(self.channel)
        bindings.append(self.raw)
        bindings.append(self.size)
        bindings.append(self.sha256)
        bindings.append(self.dedupKey)
        bindings.append(self.messageID)
        bindings.append(self.mailFrom)
        bindings.append(self.recipients)
        bindings.append(self.clientAddress)
        bindings.append(self.helo)
        bindings.append(self.tlsProtocol)
        bindings.append(self.tlsCipher)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> UUID {
        try row.decode(UUID.self)
    }
}
