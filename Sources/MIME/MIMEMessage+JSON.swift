public import Foundation

extension MIMEMessage {
    /// The message as the JSON object of the command-line contract
    /// (`lead-intake parse --mime-json FILE`), which tools outside the project rely on.
    ///
    /// Exactly these keys, sorted, pretty-printed with a trailing newline:
    /// `attachments` (list of `{"content_type", "filename" (or null), "size"}`),
    /// `cc`, `from`, `reply_to`, `to` (lists of `{"address", "name" (or null)}`),
    /// `date` (ISO 8601 UTC such as `2026-05-12T14:41:02Z`, or null), `defects` (strings),
    /// `forwarded` (innermost first, each `{"date", "from" (object or null), "subject", "text"}`),
    /// `html` (decoded HTML or null), `message_id` (no angle brackets, or null),
    /// `parts` (number of leaf parts), `subject` (decoded, or null), `text` (best plain
    /// text with `\n` line endings, or null).
    ///
    /// - Returns: UTF-8 JSON.
    /// - Throws: Never in practice; `throws` keeps the contract free to validate later.
    public func mimeJSON() throws -> Data {
        Data(mimeJSONValue().prettyPrinted())
    }

    func mimeJSONValue() -> JSONValue {
        func mailboxes(_ list: [Mailbox]) -> JSONValue {
            .array(list.map(Self.mailboxJSON))
        }
        let attachmentValues: [JSONValue] = attachments.map { part in
            .object([
                ("filename", .optional(part.filename)),
                ("content_type", .string(part.contentType)),
                ("size", .int(part.decodedSize)),
            ])
        }
        let forwardedValues: [JSONValue] = forwarded.map { original in
            .object([
                ("from", original.from.map(Self.mailboxJSON) ?? .null),
                ("date", .optional(original.date)),
                ("subject", .optional(original.subject)),
                ("text", .string(original.body)),
            ])
        }
        return .object([
            ("message_id", .optional(messageID)),
            ("subject", .optional(subject)),
            ("from", mailboxes(from)),
            ("to", mailboxes(to)),
            ("cc", mailboxes(cc)),
            ("reply_to", mailboxes(replyTo)),
            ("date", .optional(date.map(Self.iso8601UTC))),
            ("text", .optional(text)),
            ("html", .optional(html)),
            ("attachments", .array(attachmentValues)),
            ("parts", .int(parts.count)),
            ("defects", .array(defects.map(JSONValue.string))),
            ("forwarded", .array(forwardedValues)),
        ])
    }

    private static func mailboxJSON(_ mailbox: Mailbox) -> JSONValue {
        .object([("name", .optional(mailbox.name)), ("address", .string(mailbox.address))])
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, computed arithmetically (no formatter, no locale).
    static func iso8601UTC(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Howard Hinnant's civil_from_days.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))Z"
    }
}
