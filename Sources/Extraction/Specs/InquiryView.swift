import Foundation
import HTMLText
import LeadModel
import MIME

/// One message as detection and field rules see it: the innermost forwarded original
/// (or the message itself), with everything derived from it computed at most once.
final class InquiryView {
    let message: MIMEMessage
    let inquiry: Inquiry
    /// The steps every spec-pattern search of this message may take together.
    let patternBudget = PatternBudget()

    init(message: MIMEMessage, identity: BuilderIdentity = BuilderIdentity()) {
        // (The inquiry first, from the message borrowed; then the message is stored.)
        inquiry = Inquiry(message: message, identity: identity)
        self.message = message
    }

    /// The prospect-side sender: the original's From, or the message's.
    var sender: Mailbox? { inquiry.sender }

    /// The sender's address, lowercased.
    lazy var senderAddress: String = Self.lowercased(sender?.address ?? "")

    /// `text.lowercased()`: for ASCII, A-Z folded on the bytes, and the text itself when it
    /// has no capital (most addresses), without the general lowercasing's copy.
    static func lowercased(_ text: String) -> String {
        let folded = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var capitals = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x41 && byte <= 0x5A { capitals = true }
            }
            guard capitals else { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for index in bytes.indices {
                    let byte = bytes[index]
                    buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
        return (folded ?? nil) ?? text.lowercased()
    }

    lazy var senderDomain: String? = domainOf(senderAddress)

    /// Reply-To of the original: the attached message's header, the `Reply-To:` line of an
    /// inline forward's header block (Thunderbird and iOS Mail show it; a marketplace's relay
    /// to the prospect may be only there), or the message's own. None for the forwarder's
    /// own sent mail: that Reply-To is his.
    var replyTo: [Mailbox] {
        if inquiry.originalIsForwardersOwn { return [] }
        if let attached = inquiry.attachedOriginal { return attached.replyTo }
        return inquiry.original?.replyTo ?? message.replyTo
    }

    /// The To and Cc recipients of each forwarded original, in ``MIMEMessage/forwarded``
    /// order, read once: an inline forward's are parsed from its header line on every read,
    /// and both the builder's side and the check for a foreign addressee ask for them.
    lazy var forwardedRecipients: [(to: [Mailbox], cc: [Mailbox])] = message.forwarded.map { ($0.to, $0.cc) }

    /// The subject, bounded.
    lazy var subject: String = SpecPattern.bounded(inquiry.subject ?? "")

    /// The prospect-side text (the original's body), bounded.
    lazy var text: String = SpecPattern.bounded(inquiry.body)

    /// Whether ``subject`` and ``text`` are all ASCII, worked out once for all the patterns
    /// run on them (see ``SpecPattern/isASCII(_:)``).
    lazy var subjectIsASCII = SpecPattern.isASCII(subject)
    lazy var textIsASCII = SpecPattern.isASCII(text)

    /// The HTML that carries the original: the embedded message's for an attached
    /// forward, else the message's own (an inline forward quotes the original's HTML).
    lazy var html: String? = {
        if let attached = inquiry.attachedOriginal { return attached.html }
        return message.html
    }()

    lazy var boundedHTML: String = SpecPattern.bounded(html ?? "")

    /// ``html`` parsed, for table rows, `xpath:` rules and meta tags: the message's own
    /// document, which MIME already parsed to render an HTML-only message's text (else
    /// parsed here, once). Nil when there is no HTML or it is empty.
    lazy var htmlDocument: HTMLDocument? = {
        guard let html, !html.isEmpty else { return nil }
        if let attached = inquiry.attachedOriginal { return attached.htmlDocument }
        return message.htmlDocument
    }()

    lazy var labels = LabelIndex(text: text)

    /// Label → value of HTML table rows whose first cell is the label (innermost rows only;
    /// the first row wins for a repeated label).
    lazy var tableRows: [String: String] = {
        guard let htmlDocument else { return [:] }
        let tableRows = htmlDocument.innermostTableRows()
        var rows: [String: String] = [:]
        rows.reserveCapacity(tableRows.count)
        for row in tableRows {
            let key = LabelIndex.key(row.label)
            // The first row wins: one hash lookup through the `[key]` accessor.
            if !key.isEmpty { Self.keepFirst(row.value, in: &rows[key]) }
        }
        return rows
    }()

    private static func keepFirst(_ value: String, in slot: inout String?) {
        if slot == nil { slot = value }
    }

    /// ``tableRows`` for the keys of `table` only, by slot: the first innermost row whose
    /// label has that key gives its value. A label nobody asks for is matched on its bytes
    /// and its value never rendered.
    func tableRowValues(for table: LabelKeyTable) -> [String?] {
        var values = table.noValues
        guard table.count > 0, let htmlDocument else { return values }
        htmlDocument.visitInnermostTableRows { plainLabel, label, value in
            // A plain label is matched on the cell's bytes (the key ignores the whitespace
            // rendering would collapse): no rendering, no String.
            let slot = if let plainLabel { table.slot(ofASCIILabel: plainLabel) } else { table.slot(ofLabel: label()) }
            guard let slot, values[slot] == nil else { return }
            values[slot] = value()
        }
        return values
    }

    /// ``labels`` for the keys of `table` only.
    func labelValues(for table: LabelKeyTable) -> TextLabelValues {
        TextLabelValues(text: text, table: table)
    }

    /// A header's value and where it was read, for `header:` rules. `From-name` and
    /// `Reply-To-name` give display names.
    func header(_ name: String) -> (value: String, location: String)? {
        let lower = name.lowercased()
        let prefix = inquiry.original == nil ? "" : (inquiry.attachedOriginal == nil ? "forwarded original " : "attached original message ")
        switch lower {
        case "from":
            guard let address = sender?.address, !address.isEmpty else { return nil }
            return (address, "\(prefix)From header")
        case "from-name":
            guard let display = sender?.name, !display.isEmpty else { return nil }
            return (display, "\(prefix)From header display name")
        case "reply-to":
            guard let address = replyTo.first?.address, !address.isEmpty else { return nil }
            return (address, "\(prefix)Reply-To header")
        case "reply-to-name":
            guard let display = replyTo.first?.name, !display.isEmpty else { return nil }
            return (display, "\(prefix)Reply-To header display name")
        case "subject":
            guard let subject = inquiry.subject, !subject.isEmpty else { return nil }
            return (subject, inquiry.subjectSource)
        default:
            let source: MIMEMessage? = inquiry.original == nil ? message : inquiry.attachedOriginal
            guard let value = source?.header(name), !value.isEmpty else { return nil }
            return (value, "\(prefix)\(name) header")
        }
    }

    /// "forwarded original body line 12".
    func textLocation(line: Int) -> String {
        Self.location(inquiry.bodySource, line: line)
    }

    /// `prefix + " line " + String(line)`, written into the String's storage in one go (a
    /// concatenation appends twice and formats the number through `description`).
    static func location(_ prefix: String, line: Int) -> String {
        guard line >= 0 else { return prefix + " line " + String(line) }
        var digits = 1
        var rest = line / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var prefix = prefix
        return prefix.withUTF8 { prefix in
            let separator: StaticString = " line "
            return String(unsafeUninitializedCapacity: prefix.count + separator.utf8CodeUnitCount + digits) { buffer in
                var count = 0
                for byte in prefix {
                    buffer[count] = byte
                    count += 1
                }
                for byte in UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount) {
                    buffer[count] = byte
                    count += 1
                }
                var number = line
                count += digits
                var position = count
                repeat {
                    position -= 1
                    buffer[position] = UInt8(ascii: "0") + UInt8(number % 10)
                    number /= 10
                } while number > 0
                return count
            }
        }
    }

    /// The 1-based line of a UTF-8 offset in ``text``.
    func line(ofUTF8Offset offset: Int) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 1 }
            let end = min(max(offset, 0), bytes.count)
            var line = 1
            var position = 0
            // LF by LF (libc's memchr looks at many bytes at a time).
            while position < end, let found = memchr(base + position, 0x0A, end - position) {
                line += 1
                position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return line
        }
    }
}
