import ArgumentParser
import Extraction
import Foundation
import Intake
import LeadModel

struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the gateway would extract from an email file, without storing anything.",
        discussion: "Prints one JSON object: whether it is a lead, why not, and the lead's fields with where each came from.")

    @Argument(help: "An RFC 5322 message (.eml).")
    var file: String

    func run() async throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: self.file)))
        } catch {
            throw CLIError("cannot read \(self.file): \((error as NSError).localizedDescription)")
        }
        let outcome = try ItemProcessor().process(bytes)
        FileHandle.standardOutput.write(try outcome.jsonData())
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
