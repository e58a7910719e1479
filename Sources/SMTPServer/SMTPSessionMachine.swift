/// The SMTP (or LMTP) conversation as a pure state machine: command lines in, actions out.
///
/// It owns sequencing (503 out of order), syntax (500/501), limits and reply texts; the
/// channel code performs the actions (look up a recipient, store a message, start TLS) and
/// reports back. `Recipient` is whatever the lookup resolved an address to (a builder).
///
/// One machine serves both dialects: LMTP (RFC 2033) differs from ESMTP only in its
/// greeting verb (LHLO) and in answering the end of data once per accepted recipient.
struct SMTPSessionMachine<Recipient: Sendable> {
    struct Limits {
        var maximumMessageSize: Int
        var maximumRecipients: Int
        var maximumErrors: Int
    }

    enum Dialect: Sendable {
        case smtp
        case lmtp
    }

    /// A complete envelope, handed over with the message bytes at the end of DATA.
    struct Envelope {
        var helo: String
        var mailFrom: String
        /// Accepted recipients with what they resolved to, in RCPT order.
        var recipients: [(address: String, recipient: Recipient)]
        /// The `with` protocol of the Received header (RFC 3848, RFC 6531 section 3.7.3).
        var protocolName: String
        /// The negotiated TLS session, when the message came over STARTTLS.
        var tls: TLSDetails?
    }

    enum Action {
        case reply(SMTPReply)
        /// Reply, then close the connection.
        case close(SMTPReply)
        /// Look the address up, then call ``recipientResolved(_:to:)`` or ``recipientLookupFailed()``.
        case lookUpRecipient(String)
        /// Send the 354 and switch the framer to message mode.
        case startData(SMTPReply)
        /// Send the 220 and install TLS in the same event-loop tick, then call ``tlsStarted()``.
        case startTLS(SMTPReply)
    }

    private struct Transaction {
        var from: String
        /// The client declared `SMTPUTF8` on MAIL: UTF-8 addresses are allowed (RFC 6531).
        var smtpUTF8: Bool
    }

    private enum State {
        case connected
        case greeted
        case mail(Transaction)
        case data(Transaction)
        /// Between BDAT chunks (RFC 3030), with the octets received so far.
        case chunking(Transaction, size: Int)
        case closed
    }

    /// What to do with a BDAT chunk.
    enum ChunkOutcome {
        /// Answer; keep the chunk's bytes when ``isChunking``, else drop everything so far.
        case reply(SMTPReply)
        /// The message went over the size limit; everything so far is dropped.
        case tooLarge([SMTPReply])
        /// The LAST chunk: store everything received, with this envelope.
        case store(Envelope)
        /// Too many errors: reply, then close the connection.
        case close(SMTPReply)
    }

    let hostname: String
    let limits: Limits
    let dialect: Dialect
    /// Whether STARTTLS can be offered (a certificate is configured).
    let startTLSAvailable: Bool
    private var state: State = .connected
    private(set) var helo: String = ""
    /// EHLO (or LHLO) rather than HELO: the session uses extensions.
    private var extended = false
    private(set) var isTLSActive = false
    /// Version and cipher, filled in by the session once the handshake is over.
    private(set) var tls: TLSDetails?
    private var recipients: [(address: String, recipient: Recipient)] = []
    private var errors = 0

    init(hostname: String, limits: Limits, dialect: Dialect = .smtp, startTLSAvailable: Bool = false) {
        self.hostname = hostname
        self.limits = limits
        self.dialect = dialect
        self.startTLSAvailable = startTLSAvailable && dialect == .smtp
    }

    var greeting: SMTPReply {
        SMTPReply(220, nil, "\(self.hostname) \(self.dialect == .lmtp ? "LMTP" : "ESMTP") lead-intake ready")
    }

    var isClosed: Bool { if case .closed = self.state { return true } else { return false } }

    /// True after STARTTLS until the session has reported the negotiated parameters.
    var needsTLSDetails: Bool { self.isTLSActive && self.tls == nil }

    mutating func command(_ line: String) -> Action {
        switch SMTPCommand.parse(line) {
        case .ehlo(let name):
            guard self.dialect == .smtp else { return self.error(SMTPReply(500, "5.5.1", "This is an LMTP server: use LHLO")) }
            return self.greet(name, extended: true)
        case .helo(let name):
            guard self.dialect == .smtp else { return self.error(SMTPReply(500, "5.5.1", "This is an LMTP server: use LHLO")) }
            return self.greet(name, extended: false)
        case .lhlo(let name):
            guard self.dialect == .lmtp else { return self.error(SMTPReply(500, "5.5.2", "Command not recognized")) }
            return self.greet(name, extended: true)
        case .mail(let from, let parameters):
            switch self.state {
            case .connected:
                return self.error(SMTPReply(503, "5.5.1", "Send \(self.dialect == .lmtp ? "LHLO" : "EHLO or HELO") first"))
            case .mail, .data, .chunking: return self.error(SMTPReply(503, "5.5.1", "Nested MAIL command"))
            case .closed: return .close(SMTPReply(421, "4.3.2", "Closing"))
            case .greeted: break
            }
            var smtpUTF8 = false
            for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
                switch name {
                case "SIZE":
                    guard let declared = Int(value), declared >= 0 else {
                        return self.error(SMTPReply(501, "5.5.4", "SIZE parameter must be a number"))
                    }
                    if declared > self.limits.maximumMessageSize {
                        return self.error(SMTPReply(552, "5.3.4", "Message size exceeds fixed limit of \(self.limits.maximumMessageSize) bytes"))
                    }
                case "BODY":
                    guard ["7BIT", "8BITMIME"].contains(value.uppercased()) else {
                        return self.error(SMTPReply(501, "5.5.4", "BODY must be 7BIT or 8BITMIME"))
                    }
                case "SMTPUTF8":
                    guard value.isEmpty else { return self.error(SMTPReply(501, "5.5.4", "SMTPUTF8 takes no value")) }
                    smtpUTF8 = true
                default:
                    // RFC 5321 4.1.1.11: a parameter we did not announce.
                    return self.error(SMTPReply(555, "5.5.4", "MAIL parameter \(Self.printable(name)) not supported"))
                }
            }
            if !from.isEmpty, !Self.looksLikeMailbox(from) {
                return self.error(SMTPReply(501, "5.1.7", "Bad sender address syntax"))
            }
            if !smtpUTF8, Self.isNonASCII(from) {
                return self.error(SMTPReply(553, "5.6.7", "Non-ASCII sender address requires SMTPUTF8 on MAIL"))
            }
            self.state = .mail(Transaction(from: from, smtpUTF8: smtpUTF8))
            self.recipients = []
            return .reply(SMTPReply(250, "2.1.0", "Sender OK"))
        case .rcpt(let to, let parameters):
            guard case .mail(let transaction) = self.state else {
                return self.error(SMTPReply(503, "5.5.1", "Send MAIL first"))
            }
            if let name = parameters.keys.sorted().first {
                return self.error(SMTPReply(555, "5.5.4", "RCPT parameter \(Self.printable(name)) not supported"))
            }
            // RFC 5321 4.1.1.3: `<Postmaster>` needs no domain.
            guard Self.looksLikeMailbox(to) || to.lowercased() == "postmaster" else {
                return self.error(SMTPReply(501, "5.1.3", "Bad recipient address syntax"))
            }
            if !transaction.smtpUTF8, Self.isNonASCII(to) {
                return self.error(SMTPReply(553, "5.6.7", "Non-ASCII recipient address requires SMTPUTF8 on MAIL"))
            }
            guard self.recipients.count < self.limits.maximumRecipients else {
                return .reply(SMTPReply(452, "4.5.3", "Too many recipients"))
            }
            return .lookUpRecipient(to)
        case .data:
            if case .chunking = self.state {
                return self.error(SMTPReply(503, "5.5.1", "DATA not allowed after BDAT"))
            }
            guard case .mail(let transaction) = self.state else {
                return self.error(SMTPReply(503, "5.5.1", "Send MAIL first"))
            }
            guard !self.recipients.isEmpty else {
                return self.error(SMTPReply(554, "5.5.1", "No valid recipients"))
            }
            self.state = .data(transaction)
            return .startData(SMTPReply(354, nil, "Start mail input; end with <CRLF>.<CRLF>"))
        case .rset:
            self.resetTransaction(to: self.helo.isEmpty ? .connected : .greeted)
            return .reply(SMTPReply(250, "2.0.0", "Reset"))
        case .noop:
            return .reply(SMTPReply(250, "2.0.0", "OK"))
        case .quit:
            self.state = .closed
            return .close(SMTPReply(221, "2.0.0", "\(self.hostname) closing connection"))
        case .vrfy:
            // Never confirm or deny an address: it would let anyone enumerate builders.
            return .reply(SMTPReply(252, "2.1.5", "Cannot VRFY; send mail and it will be delivered if the address exists"))
        case .expn:
            return .reply(SMTPReply(502, "5.5.1", "EXPN not available"))
        case .help:
            let greeting = self.dialect == .lmtp ? "LHLO" : "EHLO HELO"
            let tls = self.startTLSAvailable ? " STARTTLS" : ""
            return .reply(SMTPReply(214, "2.0.0", "Commands: \(greeting) MAIL RCPT DATA BDAT RSET NOOP QUIT\(tls)"))
        case .starttls:
            return self.startTLS()
        case .syntaxError(let text):
            return self.error(SMTPReply(501, "5.5.4", text))
        case .unknown:
            return self.error(SMTPReply(500, "5.5.2", "Command not recognized"))
        }
    }

    /// The lookup for `address` found the recipient (or nil: not ours).
    mutating func recipientResolved(_ address: String, to recipient: Recipient?) -> SMTPReply {
        guard case .mail = self.state else { return SMTPReply(503, "5.5.1", "Send MAIL first") }
        guard let recipient else {
            self.errors += 1
            return SMTPReply(550, "5.1.1", "No such intake address")
        }
        self.recipients.append((address, recipient))
        return SMTPReply(250, "2.1.5", "Recipient OK")
    }

    /// Storage did not answer the lookup: the client should try again later.
    mutating func recipientLookupFailed() -> SMTPReply {
        SMTPReply(451, "4.3.0", "Temporary failure looking up recipient, try again later")
    }

    /// A command line over the limit was discarded.
    mutating func lineTooLong() -> Action {
        self.error(SMTPReply(500, "5.5.6", "Line too long"))
    }

    /// TLS is installed. RFC 3207 4.2: the client must start over with EHLO, and nothing it
    /// said before (HELO name, a transaction) carries into the protected session.
    mutating func tlsStarted() {
        self.isTLSActive = true
        self.helo = ""
        self.extended = false
        self.resetTransaction(to: .connected)
    }

    /// The handshake is over; records what was negotiated for the envelope.
    mutating func tlsNegotiated(_ details: TLSDetails) {
        self.tls = details
    }

    /// The message ended; returns the envelope to store. The transaction is over either way.
    mutating func messageReceived() -> Envelope? {
        guard case .data(let transaction) = self.state else {
            self.resetTransaction(to: .greeted)
            return nil
        }
        let envelope = Envelope(
            helo: self.helo, mailFrom: transaction.from, recipients: self.recipients,
            protocolName: self.protocolName(smtpUTF8: transaction.smtpUTF8), tls: self.tls)
        self.resetTransaction(to: .greeted)
        return envelope
    }

    /// Whether a BDAT chunk arriving now would be kept: a transaction has recipients.
    var acceptsChunkData: Bool {
        switch self.state {
        case .chunking: return true
        case .mail: return !self.recipients.isEmpty
        case .connected, .greeted, .data, .closed: return false
        }
    }

    /// Whether a BDAT transaction is collecting chunks.
    var isChunking: Bool { if case .chunking = self.state { return true } else { return false } }

    /// A `BDAT size [LAST]` chunk was read (RFC 3030); `fits` is false when the framer
    /// discarded it for being over the size limit on its own.
    mutating func chunkReceived(size: Int, fits: Bool, last: Bool) -> ChunkOutcome {
        let transaction: Transaction
        let received: Int
        switch self.state {
        case .mail(let current):
            guard !self.recipients.isEmpty else {
                return Self.outcome(self.error(SMTPReply(554, "5.5.1", "No valid recipients")))
            }
            (transaction, received) = (current, 0)
        case .chunking(let current, let size):
            (transaction, received) = (current, size)
        case .connected, .greeted, .data:
            return Self.outcome(self.error(SMTPReply(503, "5.5.1", "Send MAIL first")))
        case .closed:
            return .reply(SMTPReply(421, "4.3.2", "Closing"))
        }
        let total = received + size
        guard fits, total <= self.limits.maximumMessageSize else {
            return .tooLarge(self.messageTooLarge())
        }
        guard last else {
            self.state = .chunking(transaction, size: total)
            return .reply(SMTPReply(250, "2.0.0", "\(size) octets received"))
        }
        let envelope = Envelope(
            helo: self.helo, mailFrom: transaction.from, recipients: self.recipients,
            protocolName: self.protocolName(smtpUTF8: transaction.smtpUTF8), tls: self.tls)
        self.resetTransaction(to: .greeted)
        return .store(envelope)
    }

    /// An error answer (``error(_:)`` gives only `.reply` or `.close`) as a chunk outcome.
    private static func outcome(_ action: Action) -> ChunkOutcome {
        switch action {
        case .close(let reply): return .close(reply)
        case .reply(let reply), .startData(let reply), .startTLS(let reply): return .reply(reply)
        case .lookUpRecipient: return .reply(SMTPReply(451, "4.3.0", "Try again later"))
        }
    }

    /// The replies to the end of data. `itemIDs` has the stored item for each envelope
    /// recipient, in RCPT order, or is nil when storing failed.
    ///
    /// SMTP answers once, naming every item; LMTP (RFC 2033 4.2) answers once per accepted
    /// recipient, so the relay in front knows the fate of each.
    func deliveryReplies(for envelope: Envelope, itemIDs: [String]?) -> [SMTPReply] {
        let failure = SMTPReply(451, "4.3.0", "Temporary failure storing message, try again later")
        switch self.dialect {
        case .smtp:
            guard let itemIDs else { return [failure] }
            var unique: [String] = []
            for id in itemIDs where !unique.contains(id) { unique.append(id) }
            return [SMTPReply(250, "2.0.0", "OK queued as \(unique.joined(separator: ","))")]
        case .lmtp:
            guard let itemIDs, itemIDs.count == envelope.recipients.count else {
                return Array(repeating: failure, count: max(1, envelope.recipients.count))
            }
            return itemIDs.map { SMTPReply(250, "2.0.0", "OK queued as \($0)") }
        }
    }

    /// The message was over the size limit and discarded: one 552, or one per recipient in LMTP.
    mutating func messageTooLarge() -> [SMTPReply] {
        let count = self.dialect == .lmtp ? max(1, self.recipients.count) : 1
        self.resetTransaction(to: .greeted)
        let reply = SMTPReply(552, "5.3.4", "Message size exceeds fixed limit of \(self.limits.maximumMessageSize) bytes")
        return Array(repeating: reply, count: count)
    }

    /// Graceful shutdown: refuse further commands.
    mutating func shutdown() -> SMTPReply {
        self.state = .closed
        return SMTPReply(421, "4.3.2", "\(self.hostname) shutting down, try again later")
    }

    // MARK: - Helpers

    private mutating func greet(_ name: String, extended: Bool) -> Action {
        self.helo = name
        self.extended = extended
        self.resetTransaction(to: .greeted)
        guard extended else { return .reply(SMTPReply(250, nil, "\(self.hostname) greets \(name)")) }
        var lines = [
            "\(self.hostname) greets \(name)",
            "PIPELINING",
            "SIZE \(self.limits.maximumMessageSize)",
            "8BITMIME",
            "SMTPUTF8",
            "CHUNKING",
        ]
        // RFC 3207 4.2: not offered again once TLS is active.
        if self.startTLSAvailable && !self.isTLSActive { lines.append("STARTTLS") }
        lines.append("ENHANCEDSTATUSCODES")
        return .reply(SMTPReply(250, nil, lines: lines))
    }

    private mutating func startTLS() -> Action {
        if self.isTLSActive { return self.error(SMTPReply(503, "5.5.1", "TLS already active")) }
        guard self.startTLSAvailable else { return self.error(SMTPReply(502, "5.5.1", "STARTTLS not available")) }
        switch self.state {
        case .connected: return self.error(SMTPReply(503, "5.5.1", "Send EHLO first"))
        case .mail, .data, .chunking: return self.error(SMTPReply(503, "5.5.1", "STARTTLS not allowed during a mail transaction"))
        case .closed: return .close(SMTPReply(421, "4.3.2", "Closing"))
        case .greeted: return .startTLS(SMTPReply(220, "2.0.0", "Ready to start TLS"))
        }
    }

    /// RFC 3848 and RFC 6531 3.7.3 names: ESMTP, ESMTPS, UTF8SMTPS, LMTP, ... ("A" for
    /// authenticated never applies: the gateway has no AUTH).
    private func protocolName(smtpUTF8: Bool) -> String {
        let base: String
        switch self.dialect {
        case .lmtp: base = smtpUTF8 ? "UTF8LMTP" : "LMTP"
        case .smtp: base = smtpUTF8 ? "UTF8SMTP" : (self.extended || self.isTLSActive ? "ESMTP" : "SMTP")
        }
        return self.isTLSActive ? base + "S" : base
    }

    private mutating func resetTransaction(to state: State) {
        self.state = state
        self.recipients = []
    }

    private mutating func error(_ reply: SMTPReply) -> Action {
        self.errors += 1
        if self.errors >= self.limits.maximumErrors {
            self.state = .closed
            return .close(SMTPReply(421, "4.7.0", "Too many errors, closing connection"))
        }
        return .reply(reply)
    }

    private static func looksLikeMailbox(_ address: String) -> Bool {
        guard address.utf8.count <= 320, let at = address.lastIndex(of: "@") else { return false }
        // U+FFFD: the line was not valid UTF-8, so this is not the address the client meant.
        guard !address.unicodeScalars.contains(where: { $0.value == 0xFFFD || $0.value < 0x20 || $0.value == 0x7F }) else { return false }
        return at != address.startIndex && address.index(after: at) != address.endIndex
    }

    private static func isNonASCII(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x80 }
    }

    /// A client-chosen token safe to echo in a reply.
    private static func printable(_ token: String) -> String {
        String(token.unicodeScalars.prefix(32).map { $0.isASCII && $0.value >= 0x21 && $0.value < 0x7F ? Character($0) : "?" })
    }
}
