/// One leaf of a message's MIME tree: a body text, an attachment, an inline image, or an
/// embedded message.
///
/// Parts do not hold decoded bytes. They keep a reference to the input buffer (shared,
/// not copied) and the range of their encoded body, so a 25 MB message with attachments
/// costs little more than its own bytes; `decodedBody()` decodes on demand. Parts inside a
/// transfer-encoded embedded message (a base64 forward) may instead keep how to decode
/// that message again, so nested forwards do not keep every level's decoded copy alive.
public struct MIMEPart: Sendable {
    /// How the sender asked for the part to be shown (`Content-Disposition`).
    public enum Disposition: String, Sendable, Equatable {
        /// Shown in the body (`inline`), e.g. an image referenced by the HTML.
        case inline
        /// Offered as a file (`attachment`).
        case attachment
    }

    /// The part's own header fields, in order.
    public var headers: [MIMEHeader]
    /// The media type, lowercased (`text/plain`, `image/png`); the type's default when
    /// the header is missing or malformed.
    public var contentType: String
    /// Content-Type parameters by lowercased name, RFC 2231 continuations joined and decoded.
    public var contentTypeParameters: [String: String]
    /// The Content-Disposition, when present and recognised.
    public var disposition: Disposition?
    /// The file name: the disposition's `filename` (RFC 2231 / RFC 2047 decoded), else the
    /// content type's `name`.
    public var filename: String?
    /// The Content-ID without angle brackets (what `cid:` URLs in HTML refer to).
    public var contentID: String?
    /// The Content-Transfer-Encoding, lowercased; `7bit` when not given.
    public var transferEncoding: String
    /// The size of the body after transfer decoding, in bytes (for attachments computed
    /// without decoding them; body text is decoded anyway and measured then).
    public var decodedSize: Int
    /// IMAP-style position in the tree: `"1"` for a single-part message, `"2.1"` for the
    /// first child of the second part.
    public var section: String
    /// Whether this part is not body text: anything but a text/plain or text/html part
    /// without a file name and not marked as an attachment.
    public var isAttachment: Bool

    /// The buffer the body range points into (shared copy-on-write storage), or how to
    /// decode it again.
    let source: PartSource
    /// The encoded body within `source`.
    let bodyRange: Range<Int>
    /// The embedded message, boxed in an array so the two types can contain each other.
    private var embedded: [MIMEMessage]

    /// The parsed message inside a `message/rfc822` (or `message/global`) part.
    public var message: MIMEMessage? {
        get { embedded.first }
        set { embedded = newValue.map { [$0] } ?? [] }
    }

    /// Whether the part is meant to be shown in place: marked `inline`, or unmarked but
    /// referenced by a Content-ID (inline images of multipart/related).
    public var isInline: Bool {
        disposition == .inline || (disposition == nil && contentID != nil)
    }

    /// The encoded body bytes exactly as they appear in the message.
    public var encodedBody: ArraySlice<UInt8> {
        source.materialized()[bodyRange]
    }

    /// The body after undoing its transfer encoding (base64, quoted-printable), decoded now.
    ///
    /// Undecodable input is decoded best-effort, as everywhere in this module: base64
    /// garbage is skipped and malformed quoted-printable escapes are kept as written.
    public func decodedBody() -> [UInt8] {
        TransferDecoder.decode(source.materialized(), range: bodyRange, encoding: transferEncoding).bytes
    }

    /// A `text/plain` part's text, decoded now as body text is (transfer encoding, declared
    /// charset, `\n` line endings, no byte order mark), cut to at most `maximumBytes` of
    /// decoded bytes at a character boundary; nil for any other type.
    ///
    /// For a text file sent as an attachment, which is where some mail puts what a person
    /// wrote (a carrier's MMS gateway sends the text message as `text_0.txt`).
    public func decodedText(maximumBytes: Int) -> String? {
        guard contentType == "text/plain", maximumBytes >= 0 else { return nil }
        var bytes = decodedBody()
        if bytes.count > maximumBytes {
            let cut = bytes.withUnsafeBufferPointer { LenientUTF8.boundary($0, atOrBefore: maximumBytes) }
            bytes.removeSubrange(cut...)
        }
        return TextNormalizer.droppingByteOrderMark(CharsetDecoder.decodeText(&bytes, charset: contentTypeParameters["charset"]).text)
    }

    init(
        headers: [MIMEHeader],
        contentType: String,
        contentTypeParameters: [String: String],
        disposition: Disposition?,
        filename: String?,
        contentID: String?,
        transferEncoding: String,
        decodedSize: Int,
        section: String,
        isAttachment: Bool,
        source: PartSource,
        bodyRange: Range<Int>,
        message: MIMEMessage? = nil
    ) {
        self.headers = headers
        self.contentType = contentType
        self.contentTypeParameters = contentTypeParameters
        self.disposition = disposition
        self.filename = filename
        self.contentID = contentID
        self.transferEncoding = transferEncoding
        self.decodedSize = decodedSize
        self.section = section
        self.isAttachment = isAttachment
        self.source = source
        self.bodyRange = bodyRange
        self.embedded = message.map { [$0] } ?? []
    }
}
