/// The recursive part of MIME parsing: walks headers and bodies, collecting the leaf
/// parts, the text alternatives and embedded messages, and enforces `MIMELimits` across
/// the whole tree (the part count is shared by embedded messages so nesting cannot reset it).
struct MessageParser {
    /// What a subtree contributes to the message: leaves, text candidates, embedded messages.
    struct Content {
        var plain: [String] = []
        var html: [String] = []
        /// Embedded messages that count as forwarded originals (not those of a delivery report).
        var attached: [MIMEMessage] = []
        var leaves: [MIMEPart] = []

        mutating func append(_ other: Content) {
            plain += other.plain
            html += other.html
            attached += other.attached
            leaves += other.leaves
        }
    }

    let limits: MIMELimits
    // Internal rather than private: the message-level driver is in MessageParser+Levels.swift.
    var partCount = 0
    var defects: [String] = []
    private var depthLimitReported = false
    private var partLimitReported = false
    /// Limit defects are reported on the outermost message even when hit deep inside an
    /// embedded one: that is where a reader looks for why parts are missing.
    var limitDefects: [String] = []
    /// Where the leaves of the message level being parsed find their bytes.
    var source: PartSource = .bytes([])
    /// Set when the last entity of a message level is a transfer-encoded embedded message,
    /// whose decoding is left to the driver (see `parseMessage`).
    var pendingTail: PendingTail?

    init(limits: MIMELimits) {
        self.limits = limits
    }

    private mutating func parseEntity(
        _ bytes: [UInt8], range: Range<Int>, depth: Int, defaultType: String, section: [Int], inReport: Bool,
        isTail: Bool
    ) -> Content {
        partCount += 1
        if partCount > limits.maximumParts {
            reportPartLimit()
            return Content()
        }
        let header = HeaderBlockParser.parse(bytes, range: range, limits: limits)
        // A part may legitimately start with its body; that is not worth a defect.
        defects += header.defects.filter { !$0.hasPrefix("message does not start") }
        return parseBody(bytes, range: header.bodyStart..<range.upperBound, headers: header.headers,
                         depth: depth, defaultType: defaultType, section: section, inReport: inReport, isTail: isTail)
    }

    /// Parses one entity's body. `isTail`: nothing of this message level is parsed after it
    /// (it is the last part of every enclosing multipart).
    mutating func parseBody(
        _ bytes: [UInt8], range: Range<Int>, headers: [MIMEHeader], depth: Int, defaultType: String,
        section: [Int], inReport: Bool, isTail: Bool
    ) -> Content {
        let contentTypeHeader = MIMEHeader.first(headers, "content-type")
        var contentType = ParameterizedValue.parse(contentTypeHeader?.rawValue ?? "")
        if !contentType.value.contains("/") {
            if contentTypeHeader != nil { defects.append("malformed Content-Type; assumed \(defaultType)") }
            contentType.value = defaultType
        }
        let transferEncoding = HeaderBlockParser.trimmed(
            (MIMEHeader.first(headers, "content-transfer-encoding")?.value ?? "").lowercased())

        if contentType.mediaType == "multipart" {
            guard depth < limits.maximumDepth else {
                reportDepthLimit()
                return Content()
            }
            if let boundary = contentType.parameters["boundary"], !boundary.isEmpty {
                return parseMultipart(bytes, range: range, contentType: contentType, boundary: boundary,
                                      depth: depth, section: section, isTail: isTail)
            }
            defects.append("\(contentType.value) without boundary; treated as text/plain")
            contentType = ParameterizedValue(value: "text/plain", parameters: [:])
        }

        let disposition = ParameterizedValue.parse(MIMEHeader.first(headers, "content-disposition")?.rawValue ?? "")
        var part = makeLeaf(bytes, range: range, headers: headers, contentType: contentType,
                            disposition: disposition, transferEncoding: transferEncoding, section: section)
        var content = Content()

        if contentType.value == "message/rfc822" || contentType.value == "message/global" {
            guard depth < limits.maximumDepth else {
                reportDepthLimit()
                part.decodedSize = TransferDecoder.decodedLength(bytes, range: range, encoding: part.transferEncoding)
                content.leaves.append(part)
                return content
            }
            let embedded: MIMEMessage
            if TransferDecoder.isIdentity(transferEncoding) {
                // Parse in place: no copy of what may be a large forwarded message.
                part.decodedSize = range.count
                embedded = parseMessage(bytes, range: range, depth: depth + 1, source: source)
            } else if isTail {
                // Gmail base64-encodes forwarded messages, and a forward of a forward nests
                // them: decoded here, every level's decoded copy would stay alive at once.
                // As the last thing of this level, the driver decodes it after this level's
                // buffer is no longer needed (MessageParser+Levels.swift).
                pendingTail = PendingTail(range: range, encoding: transferEncoding, inReport: inReport, depth: depth + 1)
                content.leaves.append(part)
                return content
            } else {
                // Gmail has been seen base64-encoding message/rfc822 parts.
                let decoded = decodeTransfer(bytes, range: range, encoding: transferEncoding, limit: nil)
                part.decodedSize = decoded.bytes.count
                embedded = parseMessage(decoded.bytes, range: 0..<decoded.bytes.count, depth: depth + 1)
            }
            part.message = embedded
            // A delivery report's returned message is not something a person forwarded.
            if !inReport { content.attached.append(embedded) }
        } else if !part.isAttachment {
            let isHTML = contentType.subtype == "html"
            let decoded = decodeText(bytes, range: range, charset: contentType.parameters["charset"],
                                     transferEncoding: transferEncoding)
            part.decodedSize = decoded.decodedSize
            if isHTML {
                content.html.append(decoded.text)
            } else {
                // RFC 3676 is defined for text/plain only.
                let flowed = FlowedText.format(contentType.parameters)
                content.plain.append(flowed.isFlowed ? FlowedText.unflowed(decoded.text, delSp: flowed.delSp) : decoded.text)
            }
        } else {
            part.decodedSize = TransferDecoder.decodedLength(bytes, range: range, encoding: part.transferEncoding)
        }
        content.leaves.append(part)
        return content
    }

    private mutating func makeLeaf(
        _ bytes: [UInt8], range: Range<Int>, headers: [MIMEHeader], contentType: ParameterizedValue,
        disposition: ParameterizedValue, transferEncoding: String, section: [Int]
    ) -> MIMEPart {
        let dispositionKind: MIMEPart.Disposition?
        switch disposition.value {
        case "inline": dispositionKind = .inline
        case "attachment": dispositionKind = .attachment
        case "": dispositionKind = nil
        default:
            // RFC 2183: an unrecognised disposition is treated as "attachment".
            dispositionKind = .attachment
        }
        var filename = disposition.parameters["filename"] ?? contentType.parameters["name"]
        if let name = filename {
            let cleaned = HeaderBlockParser.trimmed(name)
            filename = cleaned.isEmpty ? nil : cleaned
        }
        let contentID = MIMEHeader.first(headers, "content-id").map { MessageIDList.stripAngles($0.value) }
        let isBodyText = (contentType.value == "text/plain" || contentType.value == "text/html")
            && dispositionKind != .attachment && filename == nil
        let encoding = transferEncoding.isEmpty ? "7bit" : transferEncoding
        return MIMEPart(
            headers: headers,
            contentType: contentType.value,
            contentTypeParameters: contentType.parameters,
            disposition: dispositionKind,
            filename: filename,
            contentID: contentID?.isEmpty == false ? contentID : nil,
            transferEncoding: encoding,
            // Set by the caller: body text learns its size from decoding it (one pass, not
            // two), attachments by counting without decoding.
            decodedSize: 0,
            section: section.isEmpty ? "1" : section.map(String.init).joined(separator: "."),
            isAttachment: !isBodyText,
            source: source,
            bodyRange: range
        )
    }

    private mutating func parseMultipart(
        _ bytes: [UInt8], range: Range<Int>, contentType: ParameterizedValue, boundary: String, depth: Int,
        section: [Int], isTail: Bool
    ) -> Content {
        let remaining = max(1, limits.maximumParts - partCount + 1)
        let split = MultipartSplitter.split(bytes, range: range, boundary: boundary, maximumParts: remaining)
        if split.parts.isEmpty {
            // Best effort: a body whose boundary never appears is still somebody's text.
            defects.append("\(contentType.value) has no parts (boundary not found); body treated as text/plain")
            let plain = ParameterizedValue(value: "text/plain", parameters: [:])
            var leaf = makeLeaf(bytes, range: range, headers: [], contentType: plain,
                                disposition: ParameterizedValue(value: "", parameters: [:]),
                                transferEncoding: "", section: section)
            var content = Content()
            let decoded = decodeText(bytes, range: range, charset: nil, transferEncoding: "")
            leaf.decodedSize = decoded.decodedSize
            content.plain.append(decoded.text)
            content.leaves.append(leaf)
            return content
        }
        if !split.closed && !split.truncated {
            defects.append("\(contentType.value) is missing its final boundary")
        }
        let childDefault = contentType.subtype == "digest" ? "message/rfc822" : "text/plain"
        let inReport = contentType.subtype == "report"
        var children: [Content] = []
        children.reserveCapacity(split.parts.count)
        for (index, part) in split.parts.enumerated() {
            // A truncated list reports the limit after its parts, so its last part is no tail.
            let childIsTail = isTail && !split.truncated && index == split.parts.count - 1
            children.append(parseEntity(bytes, range: part, depth: depth + 1, defaultType: childDefault,
                                        section: section + [index + 1], inReport: inReport, isTail: childIsTail))
        }
        if split.truncated {
            reportPartLimit()
        }
        var combined = Content()
        for child in children { combined.append(child) }
        guard contentType.subtype == "alternative" else {
            return combined
        }
        // Alternatives are the same content twice: take one plain and one HTML rendering.
        combined.plain = children.first { !$0.plain.isEmpty }?.plain ?? []
        combined.html = children.first { !$0.html.isEmpty }?.html ?? []
        return combined
    }

    /// Transfer-decodes and charset-decodes a body text part, bounded by `maximumTextBytes`,
    /// and reports the part's full decoded size (measured from the same decoding when the
    /// whole body was decoded, so the bytes are not scanned twice).
    private mutating func decodeText(
        _ bytes: [UInt8], range: Range<Int>, charset: String?, transferEncoding: String
    ) -> (text: String, decodedSize: Int) {
        let limit = limits.maximumTextBytes
        var decoded = decodeTransfer(bytes, range: range, encoding: transferEncoding, limit: limit)
        let decodedSize = decoded.isComplete
            ? decoded.bytes.count
            : TransferDecoder.decodedLength(bytes, range: range, encoding: transferEncoding.isEmpty ? "7bit" : transferEncoding)
        if decoded.bytes.count > limit {
            defects.append("text part longer than \(limit) bytes; truncated")
            let cut = decoded.bytes.withUnsafeBufferPointer { LenientUTF8.boundary($0, atOrBefore: limit) }
            decoded.bytes.removeSubrange(cut...)
        }
        let result = CharsetDecoder.decodeText(&decoded.bytes, charset: charset)
        if let defect = result.defect { defects.append(defect) }
        return (TextNormalizer.droppingByteOrderMark(result.text), decodedSize)
    }

    /// Transfer-decodes `bytes[range]`; with a `limit`, only a prefix long enough to yield
    /// `limit` decoded bytes (`isComplete` is false when the input was cut).
    private mutating func decodeTransfer(
        _ bytes: [UInt8], range: Range<Int>, encoding: String, limit: Int?
    ) -> (bytes: [UInt8], isComplete: Bool) {
        var slice = range
        if let limit, range.count > limit * 2 + 4 {
            // Encoded text is at most about twice its decoded size; cut before decoding
            // (a little over, so the truncation defect still fires after decoding).
            slice = range.lowerBound..<(range.lowerBound + limit * 2 + 4)
        }
        let result = TransferDecoder.decode(bytes, range: slice, encoding: encoding)
        if let defect = result.defect { defects.append(defect) }
        return (result.bytes, slice == range)
    }

    private mutating func reportDepthLimit() {
        guard !depthLimitReported else { return }
        limitDefects.append("MIME nesting deeper than \(limits.maximumDepth) levels; deeper parts ignored")
        depthLimitReported = true
    }

    private mutating func reportPartLimit() {
        guard !partLimitReported else { return }
        limitDefects.append("more than \(limits.maximumParts) MIME parts; the rest were ignored")
        partLimitReported = true
    }
}
