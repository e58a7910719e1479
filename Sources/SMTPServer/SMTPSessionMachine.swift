/// The SMTP conversation as a pure state machine: command lines in, actions out.
///
/// It owns sequencing (503 out of order), syntax (500/501), limits and reply texts; the
/// channel code performs the actions (look up a recipient, store a message) and reports
/// back. `Recipient` is whatever the lookup resolved an address to (a builder).
struct SMTPSessionMachine<Recipient: Sendable> {
    struct Limits {
        var maximumMessageSize: Int
        var maximumRecipients: Int
        var maximumErrors: Int
    }

    /// A complete envelope, handed over with the message bytes at the end of DATA.
    struct Envelope {
        var helo: String
        var mailFrom: String
        /// Accepted recipients with what they resolved to, in RCPT order.
        var recipients: [(address: String, recipient: Recipient)]
    }

    enum Action {
        case reply(SMTPReply)
        /// Reply, then close the connection.
        case close(SMTPReply)
        /// Look the address up, then call ``recipientResolved(_:to:)`` or ``recipientLookupFailed()``.
        case lookUpRecipient(String)
        /// Send the 354 and switch the framer to message mode.
        case startData(SMTPReply)
    }

    private enum State {
        case connected
        case greeted
        case mail(from: String)
        case data(from: String)
        case closed
    }

    let hostname: String
    let limits: Limits
    private var state: State = .connected
    private(set) var helo: String = ""
    private var recipients: [(address: String, recipient: Recipient)] = []
    private var errors = 0

    init(hostname: String, limits: Limits) {
        self.hostname = hostname
        self.limits = limits
    }

    var greeting: SMTPReply { SMTPReply(220, nil, "\(self.hostname) ESMTP lead-intake ready") }

    var isClosed: Bool { if case .closed = self.state { return true } else { return false } }

    mutating func command(_ line: String) -> Action {
        switch SMTPCommand.parse(line) {
        case .ehlo(let name):
            self.helo = name
            self.resetTransaction(to: .greeted)
            return .reply(SMTPReply(250, nil, lines: [
                "\(self.hostname) greets \(name)",
                "PIPELINING",
                "SIZE \(self.limits.maximumMessageSize)",
                "8BITMIME",
                "ENHANCEDSTATUSCODES",
            ]))
        case .helo(let name):
            self.helo = name
            self.resetTransaction(to: .greeted)
            return .reply(SMTPReply(250, nil, "\(self.hostname) greets \(name)"))
        case .mail(let from, let parameters):
            switch self.state {
            case .connected: return self.error(SMTPReply(503, "5.5.1", "Send EHLO or HELO first"))
            case .mail, .data: return self.error(SMTPReply(503, "5.5.1", "Nested MAIL command"))
            case .closed: return .close(SMTPReply(421, "4.3.2", "Closing"))
            case .greeted: break
            }
            if let size = parameters["SIZE"] {
                guard let declared = Int(size), declared >= 0 else {
                    return self.error(SMTPReply(501, "5.5.4", "SIZE parameter must be a number"))
                }
                if declared > self.limits.maximumMessageSize {
                    return self.error(SMTPReply(552, "5.3.4", "Message size exceeds fixed limit of \(self.limits.maximumMessageSize) bytes"))
                }
            }
            if let body = parameters["BODY"], !["7BIT", "8BITMIME"].contains(body.uppercased()) {
                return self.error(SMTPReply(501, "5.5.4", "BODY must be 7BIT or 8BITMIME"))
            }
            if !from.isEmpty, !Self.looksLikeMailbox(from) {
                return self.error(SMTPReply(501, "5.1.7", "Bad sender address syntax"))
            }
            self.state = .mail(from: from)
            self.recipients = []
            return .reply(SMTPReply(250, "2.1.0", "Sender OK"))
        case .rcpt(let to, _):
            guard case .mail = self.state else {
                return self.error(SMTPReply(503, "5.5.1", "Send MAIL first"))
            }
            guard Self.looksLikeMailbox(to) else {
                return self.error(SMTPReply(501, "5.1.3", "Bad recipient address syntax"))
            }
            guard self.recipients.count < self.limits.maximumRecipients else {
                return .reply(SMTPReply(452, "4.5.3", "Too many recipients"))
            }
            return .lookUpRecipient(to)
        case .data:
            guard case .mail(let from) = self.state else {
                return self.error(SMTPReply(503, "5.5.1", "Send MAIL first"))
            }
            guard !self.recipients.isEmpty else {
                return self.error(SMTPReply(554, "5.5.1", "No valid recipients"))
            }
            self.state = .data(from: from)
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
            return .reply(SMTPReply(214, "2.0.0", "Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT"))
        case .starttls:
            return self.error(SMTPReply(502, "5.5.1", "STARTTLS not available on this listener"))
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

    /// The message ended; returns the envelope to store. The transaction is over either way.
    mutating func messageReceived() -> Envelope? {
        guard case .data(let from) = self.state else {
            self.resetTransaction(to: .greeted)
            return nil
        }
        let envelope = Envelope(helo: self.helo, mailFrom: from, recipients: self.recipients)
        self.resetTransaction(to: .greeted)
        return envelope
    }

    /// The message was over the size limit and discarded.
    mutating func messageTooLarge() -> SMTPReply {
        self.resetTransaction(to: .greeted)
        return SMTPReply(552, "5.3.4", "Message size exceeds fixed limit of \(self.limits.maximumMessageSize) bytes")
    }

    /// Graceful shutdown: refuse further commands.
    mutating func shutdown() -> SMTPReply {
        self.state = .closed
        return SMTPReply(421, "4.3.2", "\(self.hostname) shutting down, try again later")
    }

    // MARK: - Helpers

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
        return at != address.startIndex && address.index(after: at) != address.endIndex
    }
}
