/// The recursive part of MIME parsing: walks headers and bodies, collecting the text
/// alternatives and embedded messages, and enforces `MIMELimits` across the whole tree
/// (the part count is shared by embedded messages so nesting cannot reset it).
struct MessageParser {
    /// What a subtree contributes to the message: text candidates and embedded messages.
    struct Content {
        var plain: [String] = []
        var html: [String] = []
        var attached: [MIMEMessage] = []

        mutating func append(_ other: Content) {
            plain += other.plain
            html += other.html
            attached += other.attached
        }
    }

    let limits: MIMELimits
    private var partCount = 0
    private var defects: [String] = []
    private var depthLimitReported = false
    private var partLimitReported = false

    init(limits: MIMELimits) {
        self.limits = limits
    }

    /// Parses a whole message (headers and body) from `bytes[range]`.
    mutating func parseMessage(_ bytes: [UInt8], range: Range<Int>, depth: Int, initialDefects: [String] = []) -> MIMEMessage {
        let outerDefects = defects
        defects = initialDefects
        partCount += 1
        let header = HeaderBlockParser.parse(bytes, range: range, limits: limits)
        defects += header.defects
        let content = parseBody(bytes, range: header.bodyStart..<range.upperBound, headers: header.headers,
                                depth: depth, defaultType: "text/plain")
        let message = MIMEMessage(assembling: header.headers, content: content, defects: defects, limits: limits)
        defects = outerDefects
        return message
    }

    private mutating func parseEntity(_ bytes: [UInt8], range: Range<Int>, depth: Int, defaultType: String) -> Content {
        partCount += 1
        if partCount > limits.maximumParts {
            if !partLimitReported {
                defects.append("more than \(limits.maximumParts) MIME parts; the rest were ignored")
                partLimitReported = true
            }
            return Content()
        }
        let header = HeaderBlockParser.parse(bytes, range: range, limits: limits)
        // A part may legitimately start with its body; that is not worth a defect.
        defects += header.defects.filter { !$0.hasPrefix("message does not start") }
        return parseBody(bytes, range: header.bodyStart..<range.upperBound, headers: header.headers,
                         depth: depth, defaultType: defaultType)
    }

    private mutating func parseBody(_ bytes: [UInt8], range: Range<Int>, headers: [MIMEHeader], depth: Int, defaultType: String) -> Content {
        let contentTypeHeader = firstHeader(headers, "content-type")
        var contentType = ParameterizedValue.parse(contentTypeHeader?.rawValue ?? "")
        if !contentType.value.contains("/") {
            if contentTypeHeader != nil { defects.append("malformed Content-Type; assumed \(defaultType)") }
            contentType.value = defaultType
        }
        let disposition = ParameterizedValue.parse(firstHeader(headers, "content-disposition")?.rawValue ?? "")
        let transferEncoding = HeaderBlockParser.trimmed(
            (firstHeader(headers, "content-transfer-encoding")?.value ?? "").lowercased())

        if contentType.mediaType == "multipart" {
            guard depth < limits.maximumDepth else {
                reportDepthLimit()
                return Content()
            }
            guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else {
                defects.append("\(contentType.value) without boundary; treated as text/plain")
                return textContent(bytes, range: range, html: false, charset: nil, transferEncoding: transferEncoding)
            }
            return parseMultipart(bytes, range: range, contentType: contentType, boundary: boundary, depth: depth)
        }
        if contentType.value == "message/rfc822" || contentType.value == "message/global" {
            guard depth < limits.maximumDepth else {
                reportDepthLimit()
                return Content()
            }
            // Decode first: Gmail has been seen base64-encoding message/rfc822 parts.
            let decoded = decodeTransfer(bytes, range: range, encoding: transferEncoding, limit: nil)
            var content = Content()
            content.attached.append(parseMessage(decoded, range: 0..<decoded.count, depth: depth + 1))
            return content
        }
        if disposition.value == "attachment" {
            return Content()
        }
        if contentType.value == "text/plain" || contentType.value == "text/html" {
            return textContent(bytes, range: range, html: contentType.subtype == "html",
                               charset: contentType.parameters["charset"], transferEncoding: transferEncoding)
        }
        return Content()
    }

    private mutating func parseMultipart(_ bytes: [UInt8], range: Range<Int>, contentType: ParameterizedValue, boundary: String, depth: Int) -> Content {
        let remaining = max(1, limits.maximumParts - partCount + 1)
        let split = MultipartSplitter.split(bytes, range: range, boundary: boundary, maximumParts: remaining)
        if split.parts.isEmpty {
            defects.append("\(contentType.value) has no parts (boundary not found)")
            return Content()
        }
        if !split.closed && !split.truncated {
            defects.append("\(contentType.value) is missing its final boundary")
        }
        let childDefault = contentType.subtype == "digest" ? "message/rfc822" : "text/plain"
        var children: [Content] = []
        for part in split.parts {
            children.append(parseEntity(bytes, range: part, depth: depth + 1, defaultType: childDefault))
        }
        if split.truncated && !partLimitReported {
            defects.append("more than \(limits.maximumParts) MIME parts; the rest were ignored")
            partLimitReported = true
        }
        guard contentType.subtype == "alternative" else {
            var combined = Content()
            for child in children { combined.append(child) }
            return combined
        }
        // Alternatives are the same content twice: take one plain and one HTML rendering.
        var chosen = Content()
        chosen.plain = children.first { !$0.plain.isEmpty }?.plain ?? []
        chosen.html = children.first { !$0.html.isEmpty }?.html ?? []
        chosen.attached = children.flatMap(\.attached)
        return chosen
    }

    private mutating func textContent(_ bytes: [UInt8], range: Range<Int>, html: Bool, charset: String?, transferEncoding: String) -> Content {
        let decoded = decodeTransfer(bytes, range: range, encoding: transferEncoding, limit: limits.maximumTextBytes)
        let result = CharsetDecoder.decode(decoded, charset: charset)
        if let defect = result.defect { defects.append(defect) }
        var content = Content()
        let text = TextNormalizer.normalizeNewlines(result.text)
        if html { content.html.append(text) } else { content.plain.append(text) }
        return content
    }

    private mutating func decodeTransfer(_ bytes: [UInt8], range: Range<Int>, encoding: String, limit: Int?) -> [UInt8] {
        var slice = range
        if let limit, range.count > limit * 2 {
            // Encoded text is at most about twice its decoded size; cut before decoding.
            slice = range.lowerBound..<(range.lowerBound + limit * 2)
        }
        var output: [UInt8]
        switch encoding {
        case "base64":
            let result = Base64Decoder.decode(bytes[slice])
            if result.skipped > 0 { defects.append("base64 body contained \(result.skipped) invalid characters (skipped)") }
            output = result.bytes
        case "quoted-printable":
            let result = QuotedPrintableDecoder.decode(Array(bytes[slice]))
            if result.malformed > 0 { defects.append("quoted-printable body contained \(result.malformed) malformed escapes") }
            output = result.bytes
        case "", "7bit", "8bit", "binary":
            output = Array(bytes[slice])
        default:
            defects.append("unknown Content-Transfer-Encoding; body used as is")
            output = Array(bytes[slice])
        }
        if let limit, output.count > limit {
            defects.append("text part longer than \(limit) bytes; truncated")
            output.removeSubrange(limit...)
        }
        return output
    }

    private mutating func reportDepthLimit() {
        guard !depthLimitReported else { return }
        defects.append("MIME nesting deeper than \(limits.maximumDepth) levels; deeper parts ignored")
        depthLimitReported = true
    }

    private func firstHeader(_ headers: [MIMEHeader], _ name: String) -> MIMEHeader? {
        headers.first { $0.name.lowercased() == name }
    }
}
