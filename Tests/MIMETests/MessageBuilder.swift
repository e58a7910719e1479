/// A test-only serializer: a structured description of a message that writes itself out
/// as RFC 5322 / MIME bytes, and knows what a correct parser must give back.
///
/// The round-trip properties build many of these at random, serialize them, parse the bytes
/// and compare against `expectedText`, `expectedAttachments` and the header fields.
struct MessageBuilder {
    /// How a header phrase or unstructured value is written.
    enum HeaderEncoding: CaseIterable {
        /// As is, non-ASCII as raw UTF-8 (RFC 6532); phrases that need it are quoted.
        case plain
        /// RFC 2047 `B` encoded words.
        case base64
        /// RFC 2047 `Q` encoded words.
        case quotedPrintable
    }

    /// Content-Transfer-Encodings the builder can write.
    enum TransferEncoding: String, CaseIterable {
        case eightBit = "8bit"
        case quotedPrintable = "quoted-printable"
        case base64
    }

    /// A mailbox and how its display name is written.
    struct Address {
        var name: String?
        var address: String
        var nameEncoding: HeaderEncoding = .plain
        var nameCharset: Charset = .utf8
    }

    /// One node of the MIME tree.
    indirect enum Part {
        /// A text/plain or text/html leaf.
        case text(String, html: Bool, charset: Charset, encoding: TransferEncoding)
        /// An attachment leaf (always base64, `Content-Disposition: attachment`).
        case attachment(Attachment)
        /// A multipart container with a subtype such as `mixed` or `alternative`.
        case multipart(subtype: String, boundary: String, parts: [Part])
        /// An embedded `message/rfc822`.
        case message(MessageBuilder)
    }

    /// An attachment's description and content.
    struct Attachment {
        var filename: String?
        /// How a non-ASCII filename is written: RFC 2231 (`filename*=`) when true, else RFC 2047.
        var filenameUsesRFC2231: Bool
        var contentType: String
        var bytes: [UInt8]
    }

    var subject: String?
    var subjectEncoding: HeaderEncoding = .plain
    var subjectCharset: Charset = .utf8
    var from: [Address] = []
    var to: [Address] = []
    var cc: [Address] = []
    var replyTo: [Address] = []
    /// When set, `to` is written as an RFC 5322 group (`Name: a, b;`); parsers flatten it.
    var toGroupName: String?
    var messageID: String?
    var date: DateHeader?
    var body: Part = .text("", html: false, charset: .utf8, encoding: .eightBit)
    /// CRLF as on the wire, or bare LF as in many .eml files on disk.
    var lineEnding: String = "\r\n"

    /// The message as bytes.
    func serialize() -> [UInt8] {
        var writer = Writer(newline: Array(lineEnding.utf8))
        if let messageID { writer.line("Message-ID: <\(messageID)>") }
        if let date { writer.line("Date: \(date.text)") }
        if !from.isEmpty { writer.header("From", Self.addressList(from)) }
        if let toGroupName {
            writer.header("To", "\(toGroupName): \(Self.addressList(to));")
        } else if !to.isEmpty {
            writer.header("To", Self.addressList(to))
        }
        if !replyTo.isEmpty { writer.header("Reply-To", Self.addressList(replyTo)) }
        if !cc.isEmpty { writer.header("Cc", Self.addressList(cc)) }
        if let subject {
            writer.header("Subject", HeaderWordEncoder.unstructured(subject, encoding: subjectEncoding, charset: subjectCharset))
        }
        writer.line("MIME-Version: 1.0")
        write(body, into: &writer)
        return writer.bytes
    }

    private func write(_ part: Part, into writer: inout Writer) {
        switch part {
        case let .text(text, html, charset, encoding):
            writer.line("Content-Type: text/\(html ? "html" : "plain"); charset=\"\(charset.rawValue)\"")
            writer.line("Content-Transfer-Encoding: \(encoding.rawValue)")
            writer.line("")
            let bytes = BodyEncoder.bytes(of: text, charset: charset, newline: lineEnding)
            switch encoding {
            case .eightBit: writer.raw(bytes)
            case .quotedPrintable: writer.raw(BodyEncoder.quotedPrintable(bytes, newline: lineEnding))
            case .base64: writer.raw(BodyEncoder.base64(bytes, newline: lineEnding))
            }
        case let .attachment(attachment):
            var type = attachment.contentType
            var disposition = "attachment"
            if let name = attachment.filename {
                if name.utf8.allSatisfy({ $0 < 0x80 }) {
                    type += "; name=\"\(name)\""
                    disposition += "; filename=\"\(name)\""
                } else if attachment.filenameUsesRFC2231 {
                    type += "; name*=UTF-8''\(BodyEncoder.percentEncoded(name))"
                    disposition += "; " + Self.rfc2231Continuations("filename", name)
                } else {
                    // Outlook and Gmail write RFC 2047 inside quoted parameters; parsers accept it.
                    let encoded = HeaderWordEncoder.unstructured(name, encoding: .base64, charset: .utf8)
                    type += "; name=\"\(encoded)\""
                    disposition += "; filename=\"\(encoded)\""
                }
            }
            writer.header("Content-Type", type)
            writer.header("Content-Disposition", disposition)
            writer.line("Content-Transfer-Encoding: base64")
            writer.line("")
            writer.raw(BodyEncoder.base64(attachment.bytes, newline: lineEnding))
        case let .multipart(subtype, boundary, parts):
            writer.line("Content-Type: multipart/\(subtype); boundary=\"\(boundary)\"")
            writer.line("")
            writer.line("This is a multi-part message in MIME format.")
            for child in parts {
                writer.line("--\(boundary)")
                write(child, into: &writer)
                writer.line("")
            }
            writer.line("--\(boundary)--")
        case let .message(inner):
            writer.line("Content-Type: message/rfc822")
            writer.line("Content-Disposition: inline")
            writer.line("")
            var copy = inner
            copy.lineEnding = lineEnding
            writer.raw(copy.serialize())
        }
    }

    /// `filename*0*=UTF-8''...; filename*1*=...` (RFC 2231 sections 3-4): the value is
    /// cut into pieces of at most 24 encoded characters, never inside a `%XX` escape.
    static func rfc2231Continuations(_ attribute: String, _ value: String) -> String {
        var pieces: [String] = []
        var current = ""
        for character in value {
            let encoded = BodyEncoder.percentEncoded(String(character))
            if current.count + encoded.count > 24 {
                pieces.append(current)
                current = ""
            }
            current += encoded
        }
        pieces.append(current)
        return pieces.enumerated().map { index, piece in
            "\(attribute)*\(index)*=\(index == 0 ? "UTF-8''" : "")\(piece)"
        }.joined(separator: "; ")
    }

    /// An address list with each mailbox on its own folded line.
    static func addressList(_ addresses: [Address]) -> String {
        addresses.map { address in
            guard let name = address.name else { return address.address }
            let phrase = HeaderWordEncoder.phrase(name, encoding: address.nameEncoding, charset: address.nameCharset)
            return "\(phrase) <\(address.address)>"
        }.joined(separator: ", ")
    }

    // MARK: - What a parser must give back

    /// The text the parser should report: the first text/plain of each container (one per
    /// alternative), outside embedded messages. Nil when the message has no text/plain.
    var expectedText: String? {
        var texts: [String] = []
        Self.collectPlain(body, into: &texts)
        return texts.isEmpty ? nil : texts.joined(separator: "\n")
    }

    /// The first text/html outside embedded messages.
    var expectedHTML: String? {
        Self.firstHTML(body)
    }

    /// Attachments in document order, outside embedded messages.
    var expectedAttachments: [Attachment] {
        var result: [Attachment] = []
        Self.collectAttachments(body, into: &result)
        return result
    }

    /// Leaf parts (text and attachments; an embedded message counts as one leaf).
    var expectedLeafCount: Int {
        Self.leafCount(body)
    }

    private static func collectPlain(_ part: Part, into texts: inout [String]) {
        switch part {
        case let .text(text, html, _, _): if !html { texts.append(text) }
        case let .multipart(subtype, _, parts):
            if subtype == "alternative" {
                for child in parts {
                    var inner: [String] = []
                    collectPlain(child, into: &inner)
                    if !inner.isEmpty { texts += inner; break }
                }
            } else {
                for child in parts { collectPlain(child, into: &texts) }
            }
        case .attachment, .message: break
        }
    }

    private static func firstHTML(_ part: Part) -> String? {
        switch part {
        case let .text(text, html, _, _): return html ? text : nil
        case let .multipart(_, _, parts): return parts.lazy.compactMap { firstHTML($0) }.first
        case .attachment, .message: return nil
        }
    }

    private static func collectAttachments(_ part: Part, into result: inout [Attachment]) {
        switch part {
        case let .attachment(attachment): result.append(attachment)
        case let .multipart(_, _, parts): for child in parts { collectAttachments(child, into: &result) }
        case .text, .message: break
        }
    }

    private static func leafCount(_ part: Part) -> Int {
        switch part {
        case .text, .attachment, .message: 1
        case let .multipart(_, _, parts): parts.reduce(0) { $0 + leafCount($1) }
        }
    }
}

/// Accumulates header and body lines with one line ending, folding long header values.
private struct Writer {
    let newline: [UInt8]
    var bytes: [UInt8] = []

    mutating func line(_ text: String) {
        bytes += Array(text.utf8)
        bytes += newline
    }

    mutating func raw(_ data: [UInt8]) {
        bytes += data
    }

    /// Writes `name: value`, folding at spaces so no line exceeds 78 characters where possible.
    mutating func header(_ name: String, _ value: String) {
        var current = "\(name):"
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if current.utf8.count + 1 + word.utf8.count > 78 && current.utf8.count > name.utf8.count + 1 {
                line(current)
                current = ""
            }
            current += " " + word
        }
        line(current)
    }
}
