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
            Without options: one JSON object saying whether the message is a lead, why not, and \
            the lead's fields with where each came from.
            With --mime-json: one JSON object describing the parsed message (message_id, subject, \
            from, to, cc, reply_to, date, text, html, attachments, parts, defects, forwarded); \
            other tools rely on exactly these keys.
            """)

    @Flag(name: .customLong("mime-json"), help: "Print the parsed message (headers, bodies, attachments, forwards) instead of the lead.")
    var mimeJSON = false

    @Argument(help: "An RFC 5322 message (.eml).")
    var file: String

    func run() async throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: self.file)))
        } catch {
            throw CLIError("cannot read \(self.file): \((error as NSError).localizedDescription)")
        }
        if self.mimeJSON {
            FileHandle.standardOutput.write(try MIMEMessage.parse(bytes).mimeJSON())
            return
        }
        let outcome = try ItemProcessor().process(bytes)
        FileHandle.standardOutput.write(try outcome.jsonData())
    }
}
