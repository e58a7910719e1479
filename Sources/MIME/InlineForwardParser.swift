/// Finds forwarded originals written inline in a message's text by the common clients
/// (Gmail, Outlook desktop and web, Apple Mail incl. iOS's `>`-quoted form, Yahoo,
/// Thunderbird), in English, Spanish, French and German, including forwards of forwards.
///
/// One pass over the lines: each header block found moves the scan past itself, so the
/// work is linear in the text (header blocks are capped at `maximumHeaderLines`).
///
/// Works on the text's UTF-8 bytes with plain offsets: every line of every message passes
/// through here, and only the values of a header block found and the bodies become Strings.
enum InlineForwardParser {
    /// One text line, as offsets into the text's UTF-8 bytes, with its `>` quote markers
    /// counted and separated out.
    struct Line {
        /// Where the line starts.
        var start: Int
        /// Where the content after the quote markers starts (`start` without markers).
        var contentStart: Int
        /// Where the line ends, before its line break (and a CR before that).
        var end: Int
        /// How many `>` markers precede the content.
        var depth: Int
    }

    /// A text's lines over its UTF-8 bytes (which outlive this only inside the closure that
    /// lends them: see ``withLines(_:_:)``).
    struct Lines {
        let bytes: UnsafeBufferPointer<UInt8>
        let lines: [Line]

        var count: Int { lines.count }

        subscript(index: Int) -> Line {
            @inline(__always) get { lines[index] }
        }

        /// The line's content (after its quote markers), as bytes.
        @inline(__always)
        func content(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            let line = lines[index]
            return UnsafeBufferPointer(rebasing: bytes[line.contentStart..<line.end])
        }

        /// Whether the line's content is only spaces and tabs.
        @inline(__always)
        func isBlank(_ index: Int) -> Bool {
            let line = lines[index]
            for offset in line.contentStart..<line.end where bytes[offset] != 0x20 && bytes[offset] != 0x09 {
                return false
            }
            return true
        }

        /// The line's content as a String, trimmed as `HeaderBlockParser.trimmed` does.
        func trimmedContent(_ index: Int) -> String {
            let line = lines[index]
            return ForwardBytes.trimmedString(bytes, line.contentStart..<line.end)
        }

        /// The line's content as a String.
        func contentString(_ index: Int) -> String {
            let line = lines[index]
            return ForwardBytes.string(bytes, line.contentStart..<line.end)
        }

        /// Whether the line's content starts with a space or tab Character: the first byte,
        /// unless a non-ASCII scalar follows that may join it into one Character (a
        /// combining mark after a space), which the Character check then decides.
        func contentStartsWithSpaceCharacter(_ index: Int) -> Bool {
            let line = lines[index]
            guard line.contentStart < line.end else { return false }
            let first = bytes[line.contentStart]
            guard first == 0x20 || first == 0x09 else { return false }
            if line.contentStart + 1 < line.end, bytes[line.contentStart + 1] >= 0x80 {
                let character = contentString(index).first
                return character == " " || character == "\t"
            }
            return true
        }
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

    /// The bytes a line's content can start with when ``block(at:in:text:contactForm:)`` finds
    /// a block there: what ``ForwardSeparator/parse(_:)`` looks at first (after spaces, tabs
    /// and `*`: a dash, an underscore, the initials of Apple Mail's introductions) and what
    /// ``ForwardHeaderLabel/startsWithFrom(_:)`` accepts first (a filler's first byte or a
    /// `From` label's initial).
    static let blockInitials: [Bool] = {
        var initials = ForwardHeaderLabel.fromInitials
        for byte in Array(" \t*-_BbIiDdAa".utf8) + [0xC2, 0xE2] { initials[Int(byte)] = true }
        return initials
    }()

    /// Header lines read at most per block, so a hostile run of labels stays cheap.
    static let maximumHeaderLines = 40

    /// All forwarded originals in `text`, innermost first.
    static func parse(_ text: String, subject: String? = nil, limits: MIMELimits) -> [ForwardedOriginal] {
        guard limits.maximumForwardDepth > 0, !text.isEmpty else { return [] }
        var utf8Text = text
        return utf8Text.withUTF8 { bytes in
            // Most texts hold no forward header field at all: then there is nothing to split.
            guard ForwardHeaderLabel.mayHoldFields(bytes) else { return [] }
            return parse(Lines(bytes: bytes, lines: makeLines(bytes)), text: text, subject: subject, limits: limits)
        }
    }

    /// Calls `body` with `text`'s lines.
    static func withLines<Result>(_ text: String, _ body: (Lines) -> Result) -> Result {
        var utf8Text = text
        return utf8Text.withUTF8 { bytes in body(Lines(bytes: bytes, lines: makeLines(bytes))) }
    }

    private static func parse(_ lines: Lines, text: String, subject: String?, limits: MIMELimits) -> [ForwardedOriginal] {
        var blocks: [Block] = []
        // The subject that sets the context, classified only when an ambiguous block needs
        // it (most messages have no block at all); nil after a quoted reply's attribution.
        var contextSubject: String?? = .some(subject)
        var contactFormChecked: Bool?
        let blockInitials = Self.blockInitials
        var index = 0
        while index < lines.count, blocks.count < limits.maximumForwardDepth {
            // Most lines start with a byte no separator or `From` label starts with: skip the
            // full check (`block(at:)` would return nil) and go on to the quoted-reply check.
            let line = lines[index]
            let mayStartBlock = line.contentStart < line.end && blockInitials[Int(lines.bytes[line.contentStart])]
            guard mayStartBlock, let block = block(at: index, in: lines, text: text, contactForm: &contactFormChecked) else {
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
            let body = TextNormalizer.droppingByteOrderMark(
                joined(lines, block.bodyStart..<max(end, block.bodyStart), stripping: block.depth))
            originals.append(block.fields.original(body: body, style: block.style, leadingText: leading))
            leading = body
        }
        return originals.reversed()
    }

    /// The header block starting at line `index`, if one does. `contactForm` caches whether
    /// `text` is a contact-form notification (checked only when needed).
    static func block(at index: Int, in lines: Lines, text: String, contactForm: inout Bool?) -> Block? {
        let content = lines.content(index)
        if let separator = ForwardSeparator.parse(content) {
            var fields = ForwardHeaderFields()
            let glued = separator.style == .yahoo
            if !separator.remainder.isEmpty {
                let remainder = UnsafeBufferPointer(rebasing: content[separator.remainder])
                for field in ForwardHeaderLabel.parseGlued(remainder) { fields.set(field.label, field.value) }
            }
            var start = index + 1
            var skipped = 0
            while fields.isEmpty, start < lines.count, lines.isBlank(start), skipped < 3 {
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
        guard ForwardHeaderLabel.startsWithFrom(content) else { return nil }
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
    private static func readHeader(_ lines: Lines, from start: Int, depth: Int, glued: Bool, into fields: inout ForwardHeaderFields) -> Int {
        var index = start
        while index < lines.count, index - start < maximumHeaderLines {
            if lines.isBlank(index) || lines[index].depth != depth { break }
            if glued {
                let found = ForwardHeaderLabel.parseGlued(lines.content(index))
                guard !found.isEmpty else { break }
                for field in found { fields.set(field.label, field.value) }
            } else if let (label, value) = ForwardHeaderLabel.parse(lines.content(index)) {
                if fields.has(label) { break }
                var value = value
                if value.isEmpty, index + 1 < lines.count, !lines.isBlank(index + 1),
                   lines[index + 1].depth == depth, ForwardHeaderLabel.label(of: lines.content(index + 1)) == nil {
                    // HTML tables rendered with label and value cells on separate lines.
                    index += 1
                    value = lines.trimmedContent(index)
                }
                fields.set(label, value)
            } else if lines.contentStartsWithSpaceCharacter(index) || fields.lastValueContinues,
                      fields.appendContinuation(lines.trimmedContent(index)) {
                // Long recipient lists wrap onto indented lines.
            } else {
                break
            }
            index += 1
        }
        return index
    }

    /// Whether one of the three lines after `index` is quoted deeper than it.
    private static func deeperQuoteFollows(_ lines: Lines, at index: Int) -> Bool {
        let depth = lines[index].depth
        var next = index + 1
        while next < min(index + 4, lines.count) {
            if lines[next].depth > depth { return true }
            next += 1
        }
        return false
    }

    private static func skipBlank(_ lines: Lines, from start: Int) -> Int {
        var index = start
        while index < lines.count, lines.isBlank(index) { index += 1 }
        return index
    }

    /// Lines `range` joined with `\n`, each without `levels` quote markers, trimmed as
    /// `HeaderBlockParser.trimmed` does.
    static func joined(_ lines: Lines, _ range: Range<Int>, stripping levels: Int) -> String {
        var pieces: [Range<Int>] = []
        pieces.reserveCapacity(range.count)
        for index in range {
            pieces.append(levels == 0 ? lines[index].start..<lines[index].end : stripQuotes(lines, index, levels: levels))
        }
        return joinedTrimmed(lines.bytes, pieces)
    }

    /// The byte ranges `pieces` of `bytes` joined with `\n` and trimmed as
    /// `HeaderBlockParser.trimmed` does, assembled in one String buffer.
    static func joinedTrimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ pieces: [Range<Int>]) -> String {
        // The trimmed ends: leading and trailing blank pieces, then the spaces around.
        var first = 0
        var head = 0
        while first < pieces.count {
            head = pieces[first].lowerBound
            while head < pieces[first].upperBound, ForwardBytes.isTrimmed(bytes[head]) { head += 1 }
            if head < pieces[first].upperBound { break }
            first += 1
        }
        guard first < pieces.count else { return "" }
        var last = pieces.count - 1
        var tail = 0
        while last >= first {
            let lower = last == first ? head : pieces[last].lowerBound
            tail = pieces[last].upperBound
            while tail > lower, ForwardBytes.isTrimmed(bytes[tail - 1]) { tail -= 1 }
            if tail > lower { break }
            last -= 1
        }
        if first == last { return ForwardBytes.string(bytes, head..<tail) }
        var capacity = last - first
        for offset in first...last { capacity += pieces[offset].count }
        guard let base = bytes.baseAddress else { return "" }
        return String(unsafeUninitializedCapacity: capacity) { output in
            guard let out = output.baseAddress else { return 0 }
            var written = 0
            for offset in first...last {
                if offset > first {
                    out[written] = 0x0A
                    written += 1
                }
                let lower = offset == first ? head : pieces[offset].lowerBound
                let upper = offset == last ? tail : pieces[offset].upperBound
                if lower < upper {
                    (out + written).update(from: base + lower, count: upper - lower)
                    written += upper - lower
                }
            }
            return written
        }
    }

    /// Splits the UTF-8 `bytes` of a text into lines (LF or CRLF) and counts each line's `>`
    /// markers.
    static func makeLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        let count = bytes.count
        var lines: [Line] = []
        // Room for lines of 32 bytes on average (mail wraps at 72 or so) instead of a pass
        // counting the line breaks: an estimate off by a few costs one more allocation.
        lines.reserveCapacity(count / 32 + 4)
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
            lines.append(Line(start: lineStart, contentStart: depth == 0 ? lineStart : contentStart, end: end, depth: depth))
            guard lineEnd < count else { break }
            lineStart = lineEnd + 1
        }
        return lines
    }

    /// The line without its first `levels` quote markers (and the space after each), as
    /// a range of the text's bytes.
    private static func stripQuotes(_ lines: Lines, _ index: Int, levels: Int) -> Range<Int> {
        let line = lines[index]
        if line.depth <= levels { return line.contentStart..<line.end }
        let bytes = lines.bytes
        var position = line.start
        var removed = 0
        while removed < levels, position < line.end {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x09 {
                position += 1
            } else if byte == UInt8(ascii: ">") {
                position += 1
                if position < line.end, bytes[position] == 0x20 { position += 1 }
                removed += 1
            } else {
                break
            }
        }
        return position..<line.end
    }
}
