import ArgumentParser
import Extraction
import Foundation
import Intake
import LeadModel
import MIME

struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the gateway would extract from an email file, without storing anything.",
        discussion: """
            Without options, or with --lead-json: one JSON object (other tools rely on exactly \
            these keys): is_lead, ignored_reason, source, source_detail, source_lead_id, first_name, \
            last_name, email, phone, phone_extension, address {street, city, state, postal_code}, \
            project_type, budget_low, budget_high, timeline, lot_status, financing, subject, message, \
            is_forwarded, needs_review, review_reasons (why, one sentence each), contact_channels [{kind, value, relay}], and fields (for each \
            extracted field, the spec and rule or heuristic that produced it, and where).
            With --mime-json: one JSON object describing the parsed message (message_id, subject, \
            from, to, cc, reply_to, date, text, html, attachments, parts, defects, forwarded); \
            other tools rely on exactly these keys.
            """)

    @Flag(name: .customLong("mime-json"), help: "Print the parsed message (headers, bodies, attachments, forwards) instead of the lead.")
    var mimeJSON = false

    @Flag(name: .customLong("lead-json"), help: "Print the lead contract object (the default).")
    var leadJSON = false

    @OptionGroup var specs: ParserSpecsOption

    @Option(name: .customLong("builder-mailbox"),
            help: "An address of the builder's own (local@domain, or @domain), as `builders add --mailbox` records it; repeatable.")
    var builderMailboxes: [String] = []

    @Option(name: .customLong("intake-address"),
            help: "An address (local@domain, or *@domain) or @domain where the builder's inquiries arrive, as the gateway knows them; repeatable.")
    var intakeAddresses: [String] = []

    @Argument(help: "An RFC 5322 message (.eml).")
    var file: String

    func validate() throws {
        for mailbox in self.builderMailboxes where !BuilderIdentity.isMailbox(mailbox.lowercased()) {
            throw ValidationError("--builder-mailbox '\(mailbox)': expected local@domain or @domain")
        }
        for address in self.intakeAddresses where !BuilderIdentity.isMailbox(address.lowercased().replacingOccurrences(of: "*@", with: "@")) {
            throw ValidationError("--intake-address '\(address)': expected local@domain, *@domain or @domain")
        }
    }

    func run() async throws {
        let bytes = try MessageFile.read(self.file)
        if self.mimeJSON && self.leadJSON {
            throw CLIError("--mime-json and --lead-json are alternatives; give one")
        }
        if self.mimeJSON {
            FileHandle.standardOutput.write(try MIMEMessage.parse(bytes).mimeJSON())
            return
        }
        let processor = ItemProcessor(specs: try self.specs.load(nil))
        let identity = BuilderIdentity(
            mailboxes: self.builderMailboxes,
            intakeAddresses: self.intakeAddresses.filter { !$0.hasPrefix("@") },
            intakeDomains: self.intakeAddresses.filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) })
        FileHandle.standardOutput.write(try processor.process(bytes, builder: identity).outcome.jsonData())
    }
}
