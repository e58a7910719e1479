/// Finds forwarded originals written inline in a message's text by the common clients
/// (Gmail, Outlook, Apple Mail, Thunderbird/Yahoo), including `>`-quoted blocks and
/// forwards of forwards. Returns the innermost original first.
///
/// Line-based and linear per level; nesting is bounded by `maximumForwardDepth`.
enum InlineForwardParser {
    /// One text line with its `>` quote markers separated out.
    private struct Line {
        var raw: Substring
        var depth: Int
        var content: Substring

        var isBlank: Bool { content.allSatisfy { $0 == " " || $0 == "\t" } }
    }

    /// All forwarded originals in `text`, innermost first.
    static func parse(_ text: String, limits: MIMELimits) -> [ForwardedOriginal] {
        var chain: [ForwardedOriginal] = []
        var current = text
        var level = 0
        while level < limits.maximumForwardDepth, let original = firstOriginal(in: current) {
            chain.append(original)
            current = original.body
            level += 1
        }
        return chain.reversed()
    }

    /// The first forwarded original in `text` (its body may contain further forwards).
    static func firstOriginal(in text: String) -> ForwardedOriginal? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(makeLine)
        var index = 0
        while index < lines.count {
            if let style = separatorStyle(lines[index].content) {
                if var original = readOriginal(lines, headerStart: index + 1, style: style, requireFrom: style == .outlookUnderscores) {
                    original.leadingText = leadingText(lines, before: index)
                    return original
                }
            } else if ForwardHeaderLabel.parse(lines[index].content)?.label == .from,
                      looksLikeHeaderBlock(lines, from: index),
                      var original = readOriginal(lines, headerStart: index, style: .headerBlock, requireFrom: true) {
                original.leadingText = leadingText(lines, before: index)
                return original
            }
            index += 1
        }
        return nil
    }

    private static func leadingText(_ lines: [Line], before index: Int) -> String {
        HeaderBlockParser.trimmed(lines[..<index].map { String($0.raw) }.joined(separator: "\n"))
    }

    private static func makeLine(_ raw: Substring) -> Line {
        var content = raw
        if content.last == "\r" { content = content.dropLast() }
        var depth = 0
        while true {
            let trimmed = content.drop { $0 == " " || $0 == "\t" }
            guard trimmed.first == ">" else { break }
            depth += 1
            content = trimmed.dropFirst()
        }
        if depth > 0, content.first == " " { content = content.dropFirst() }
        return Line(raw: raw, depth: depth, content: content)
    }

    private static func separatorStyle(_ content: Substring) -> ForwardStyle? {
        let trimmed = content.drop { $0 == " " || $0 == "\t" || $0 == "*" }
        guard let first = trimmed.first else { return nil }
        let head = String(trimmed.prefix(80))
        let lower = head.lowercased()
        if first == "-" {
            if head.contains("Forwarded message") { return .gmail }
            if lower.contains("forwarded message") { return .thunderbird }
            if lower.contains("original message") { return .outlookOriginalMessage }
            return nil
        }
        if lower.hasPrefix("begin forwarded message") { return .appleMail }
        if first == "_", trimmed.count >= 8, trimmed.allSatisfy({ $0 == "_" || $0 == " " }) {
            return .outlookUnderscores
        }
        return nil
    }

    /// A `From:` line followed closely by a date and a recipient or subject line.
    private static func looksLikeHeaderBlock(_ lines: [Line], from start: Int) -> Bool {
        var sawDate = false
        var sawOther = false
        var index = start + 1
        while index < lines.count, index <= start + 6, !lines[index].isBlank {
            switch ForwardHeaderLabel.parse(lines[index].content)?.label {
            case .date: sawDate = true
            case .to, .subject, .cc: sawOther = true
            default: break
            }
            index += 1
        }
        return sawDate && sawOther
    }

    private static func readOriginal(_ lines: [Line], headerStart: Int, style: ForwardStyle, requireFrom: Bool) -> ForwardedOriginal? {
        var index = headerStart
        var skipped = 0
        while index < lines.count, lines[index].isBlank, skipped < 3 {
            index += 1
            skipped += 1
        }
        let quoteDepth = index < lines.count ? lines[index].depth : 0
        var fields: [ForwardHeaderLabel: String] = [:]
        var lastLabel: ForwardHeaderLabel?
        var headerLines = 0
        while index < lines.count, headerLines < 40 {
            let line = lines[index]
            if line.isBlank { break }
            if let (label, value) = ForwardHeaderLabel.parse(line.content) {
                if fields[label] == nil { fields[label] = value }
                lastLabel = label
            } else if let last = lastLabel, last == .to || last == .cc,
                      line.content.first == " " || line.content.first == "\t" || (fields[last]?.hasSuffix(",") ?? false) {
                // Long recipient lists wrap onto indented lines.
                fields[last, default: ""] += " " + HeaderBlockParser.trimmed(String(line.content))
            } else {
                break
            }
            headerLines += 1
            index += 1
        }
        if requireFrom && fields[.from] == nil { return nil }
        if style == .headerBlock && fields.isEmpty { return nil }

        while index < lines.count, lines[index].isBlank { index += 1 }
        var bodyLines: [Substring] = []
        bodyLines.reserveCapacity(lines.count - index)
        while index < lines.count {
            bodyLines.append(stripQuotes(lines[index].raw, levels: quoteDepth))
            index += 1
        }
        let body = HeaderBlockParser.trimmed(bodyLines.joined(separator: "\n"))
        return ForwardedOriginal(
            from: fields[.from].flatMap(mailbox),
            date: fields[.date],
            subject: fields[.subject],
            to: fields[.to].map { AddressListParser.parse(stripBold($0)).mailboxes } ?? [],
            body: body,
            style: style
        )
    }

    /// The sender of a forward's `From:` line; name-only lines give an empty address.
    private static func mailbox(_ value: String) -> Mailbox? {
        let cleaned = stripBold(value)
        if var mailbox = AddressListParser.parse(cleaned).mailboxes.first {
            mailbox.name = mailbox.name.flatMap(AddressListParser.cleanName)
            return mailbox
        }
        guard let name = AddressListParser.cleanName(cleaned) else { return nil }
        return Mailbox(name: name, address: "")
    }

    private static func stripBold(_ text: String) -> String {
        String(text.filter { $0 != "*" })
    }

    private static func stripQuotes(_ line: Substring, levels: Int) -> Substring {
        var content = line
        if content.last == "\r" { content = content.dropLast() }
        var removed = 0
        while removed < levels {
            let trimmed = content.drop { $0 == " " || $0 == "\t" }
            guard trimmed.first == ">" else { break }
            content = trimmed.dropFirst()
            if content.first == " " { content = content.dropFirst() }
            removed += 1
        }
        return content
    }
}
