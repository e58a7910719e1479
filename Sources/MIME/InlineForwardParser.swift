/// Finds forwarded originals written inline in a message's text by the common clients
/// (Gmail, Outlook desktop and web, Apple Mail incl. iOS's `>`-quoted form, Yahoo,
/// Thunderbird), in English, Spanish, French and German, including forwards of forwards.
///
/// One pass over the lines: each header block found moves the scan past itself, so the
/// work is linear in the text (header blocks are capped at `maximumHeaderLines`).
enum InlineForwardParser {
    /// One text line with its `>` quote markers counted and separated out.
    struct Line {
        /// The line without its line break.
        var raw: Substring
        /// How many `>` markers precede the content.
        var depth: Int
        /// The line after its quote markers.
        var content: Substring

        var isBlank: Bool { content.utf8.allSatisfy { $0 == 32 || $0 == 9 } }
    }

    /// A header block that was found, with where it sits in the lines.
    struct Block {
        var style: ForwardStyle
        var isAmbiguous: Bool
        var fields: ForwardHeaderFields
        /// The separator line, or the first header line when there is no separator.
        var start: Int
        /// The first body line (after the header block and blank lines).
        var bodyStart: Int
        /// Quote depth of the header block; the body loses this many `>` levels.
        var depth: Int
    }

    /// Header lines read at most per block, so a hostile run of labels stays cheap.
    static let maximumHeaderLines = 40

    /// All forwarded originals in `text`, innermost first.
    static func parse(_ text: String, subject: String? = nil, limits: MIMELimits) -> [ForwardedOriginal] {
        guard limits.maximumForwardDepth > 0, !text.isEmpty else { return [] }
        // Most texts hold no forward header field at all: then there is nothing to split.
        if text.utf8.withContiguousStorageIfAvailable({ ForwardHeaderLabel.mayHoldFields($0) }) == false { return [] }
        let lines = makeLines(text)
        var blocks: [Block] = []
        // The subject that sets the context, classified only when an ambiguous block needs
        // it (most messages have no block at all); nil after a quoted reply's attribution.
        var contextSubject: String?? = .some(subject)
        var contactFormChecked: Bool?
        var index = 0
        while index < lines.count, blocks.count < limits.maximumForwardDepth {
            guard let block = block(at: index, in: lines, text: text, contactForm: &contactFormChecked) else {
                // "On ... wrote:" over deeper-quoted lines: what follows is a quoted reply.
                if deeperQuoteFollows(lines, at: index), let end = QuotedReply.attributionEnd(lines, at: index) {
                    contextSubject = nil
                    index = end
                } else {
                    index += 1
                }
                continue
            }
            // Each block's subject is the context for blocks inside it: under "RE:" an
            // Outlook block is the quoted message being answered, not a forward.
            let isQuotedReply = block.isAmbiguous
                && (contextSubject.map { ForwardSubjectPrefix.classify($0) } ?? .reply) == .reply
            contextSubject = .some(block.fields.subject)
            index = max(block.bodyStart, index + 1)
            if !isQuotedReply { blocks.append(block) }
        }
        guard !blocks.isEmpty else { return [] }

        var originals: [ForwardedOriginal] = []
        originals.reserveCapacity(blocks.count)
        var leading = joined(lines, 0..<blocks[0].start, stripping: 0)
        for (offset, block) in blocks.enumerated() {
            let end = offset + 1 < blocks.count ? blocks[offset + 1].start : lines.count
            let body = joined(lines, block.bodyStart..<max(end, block.bodyStart), stripping: block.depth)
            originals.append(block.fields.original(body: body, style: block.style, leadingText: leading))
            leading = body
        }
        return originals.reversed()
    }

    /// The header block starting at line `index`, if one does. `contactForm` caches whether
    /// `text` is a contact-form notification (checked only when needed).
    static func block(at index: Int, in lines: [Line], text: String, contactForm: inout Bool?) -> Block? {
        // (Fields of `lines[index]` are read in place: a copy of the line costs two
        // retains and releases, and this runs on every line.)
        if let separator = ForwardSeparator.parse(lines[index].content) {
            var fields = ForwardHeaderFields()
            let glued = separator.style == .yahoo
            if !separator.remainder.isEmpty {
                for field in ForwardHeaderLabel.parseGlued(separator.remainder) { fields.set(field.label, field.value) }
            }
            var start = index + 1
            var skipped = 0
            while fields.isEmpty, start < lines.count, lines[start].isBlank, skipped < 3 {
                start += 1
                skipped += 1
            }
            let depth = fields.isEmpty && start < lines.count ? lines[start].depth : lines[index].depth
            let end = readHeader(lines, from: start, depth: depth, glued: glued, into: &fields)
            if fields.isEmpty || (separator.isAmbiguous && fields.from == nil) { return nil }
            return Block(style: separator.style, isAmbiguous: separator.isAmbiguous, fields: fields,
                         start: index, bodyStart: skipBlank(lines, from: end), depth: depth)
        }
        // No separator: Outlook desktop and Outlook rendered from HTML. Demand the full shape
        // (From first, then a date and a recipient or subject, line after line) so a web
        // form's "From: / Subject:" fields are not mistaken for a forward.
        guard ForwardHeaderLabel.startsWithFrom(lines[index].content) else { return nil }
        let depth = lines[index].depth
        var fields = ForwardHeaderFields()
        let end = readHeader(lines, from: index, depth: depth, glued: false, into: &fields)
        guard fields.from != nil, fields.date != nil, fields.to != nil || fields.subject != nil, end - index >= 3 else {
            return nil
        }
        if index == 0 {
            // A form notification whose body starts with field lines: Contact Form 7 signs
            // its mail "This e-mail was sent from a contact form on ...".
            if contactForm == nil { contactForm = text.lowercased().contains("sent from a contact form") }
            if contactForm == true { return nil }
        }
        return Block(style: .headerBlock, isAmbiguous: true, fields: fields,
                     start: index, bodyStart: skipBlank(lines, from: end), depth: depth)
    }

    /// Reads label lines from `start` into `fields`; returns the first line after them.
    /// Stops at a blank line, a line of another quote depth, a repeated label (Outlook 2019
    /// puts the body right under the header, and a body may begin with "Date: ...") or a line
    /// that is no label and no continuation of a recipient list.
    private static func readHeader(_ lines: [Line], from start: Int, depth: Int, glued: Bool, into fields: inout ForwardHeaderFields) -> Int {
        var index = start
        while index < lines.count, index - start < maximumHeaderLines {
            let line = lines[index]
            if line.isBlank || line.depth != depth { break }
            if glued {
                let found = ForwardHeaderLabel.parseGlued(line.content)
                guard !found.isEmpty else { break }
                for field in found { fields.set(field.label, field.value) }
            } else if let (label, value) = ForwardHeaderLabel.parse(line.content) {
                if fields.has(label) { break }
                var value = value
                if value.isEmpty, index + 1 < lines.count, !lines[index + 1].isBlank,
                   lines[index + 1].depth == depth, ForwardHeaderLabel.label(of: lines[index + 1].content) == nil {
                    // HTML tables rendered with label and value cells on separate lines.
                    index += 1
                    value = HeaderBlockParser.trimmed(String(lines[index].content))
                }
                fields.set(label, value)
            } else if let first = line.content.first, first == " " || first == "\t" || fields.lastValueContinues,
                      fields.appendContinuation(HeaderBlockParser.trimmed(String(line.content))) {
                // Long recipient lists wrap onto indented lines.
            } else {
                break
            }
            index += 1
        }
        return index
    }

    /// Whether one of the three lines after `index` is quoted deeper than it.
    private static func deeperQuoteFollows(_ lines: [Line], at index: Int) -> Bool {
        let depth = lines[index].depth
        var next = index + 1
        while next < min(index + 4, lines.count) {
            if lines[next].depth > depth { return true }
            next += 1
        }
        return false
    }

    private static func skipBlank(_ lines: [Line], from start: Int) -> Int {
        var index = start
        while index < lines.count, lines[index].isBlank { index += 1 }
        return index
    }

    /// Lines `range` joined with `\n`, each without `levels` quote markers, trimmed.
    private static func joined(_ lines: [Line], _ range: Range<Int>, stripping levels: Int) -> String {
        var output = String()
        for index in range {
            if index > range.lowerBound { output.append("\n") }
            output.append(contentsOf: levels == 0 ? lines[index].raw : stripQuotes(lines[index], levels: levels))
        }
        return HeaderBlockParser.trimmed(output)
    }

    /// Splits `text` into lines (LF or CRLF) and counts each line's `>` markers. Works on
    /// UTF-8 bytes: every line of every message passes through here.
    static func makeLines(_ text: String) -> [Line] {
        // A native string's bytes are read in place, with plain offsets; only the two
        // substrings of each line are made from them.
        if let lines = text.utf8.withContiguousStorageIfAvailable({ makeLines(text, $0) }) { return lines }
        let bytes = text.utf8
        var lines: [Line] = []
        var lineStart = bytes.startIndex
        while true {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            lines.append(makeLine(text, lineStart, lineEnd))
            guard lineEnd < bytes.endIndex else { break }
            lineStart = bytes.index(after: lineEnd)
        }
        return lines
    }

    /// ``makeLines(_:)`` over `text`'s contiguous UTF-8 `bytes`.
    private static func makeLines(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        let count = bytes.count
        var newlines = 0
        for byte in bytes where byte == 0x0A { newlines += 1 }
        var lines: [Line] = []
        lines.reserveCapacity(newlines + 1)
        let utf8 = text.utf8
        // O(1) for a native string: the offset is the index.
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var lineStart = 0
        while true {
            let lineEnd = ByteScanner.firstIndex(of: 0x0A, in: bytes, from: lineStart) ?? count
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            var position = lineStart
            var contentStart = lineStart
            var depth = 0
            while position < end {
                let byte = bytes[position]
                if byte == 0x20 || byte == 0x09 {
                    position += 1
                } else if byte == UInt8(ascii: ">") {
                    depth += 1
                    position += 1
                    contentStart = position
                } else {
                    break
                }
            }
            if depth > 0, contentStart < end, bytes[contentStart] == 0x20 { contentStart += 1 }
            let endIndex = index(end)
            let raw = text[index(lineStart)..<endIndex]
            let content = depth == 0 ? raw : text[index(contentStart)..<endIndex]
            lines.append(Line(raw: raw, depth: depth, content: content))
            guard lineEnd < count else { break }
            lineStart = lineEnd + 1
        }
        return lines
    }

    private static func makeLine(_ text: String, _ start: String.Index, _ lineEnd: String.Index) -> Line {
        let bytes = text.utf8
        var end = lineEnd
        if end > start, bytes[bytes.index(before: end)] == 0x0D { end = bytes.index(before: end) }
        var index = start
        var contentStart = index
        var depth = 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                index = bytes.index(after: index)
            } else if byte == UInt8(ascii: ">") {
                depth += 1
                index = bytes.index(after: index)
                contentStart = index
            } else {
                break
            }
        }
        if depth > 0, contentStart < end, bytes[contentStart] == 0x20 { contentStart = bytes.index(after: contentStart) }
        return Line(raw: text[start..<end], depth: depth, content: text[contentStart..<end])
    }

    /// The line without its first `levels` quote markers (and the space after each).
    private static func stripQuotes(_ line: Line, levels: Int) -> Substring {
        if line.depth <= levels { return line.content }
        let bytes = line.raw.utf8
        var index = bytes.startIndex
        var removed = 0
        while removed < levels, index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                index = bytes.index(after: index)
            } else if byte == UInt8(ascii: ">") {
                index = bytes.index(after: index)
                if index < bytes.endIndex, bytes[index] == 0x20 { index = bytes.index(after: index) }
                removed += 1
            } else {
                break
            }
        }
        return line.raw[index...]
    }
}
