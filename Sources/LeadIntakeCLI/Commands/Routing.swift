import ArgumentParser
import Extraction
import Foundation
import Intake
import LeadModel
import Routing
import Storage

struct RoutingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing",
        abstract: "Per-builder routing of new leads to project managers.",
        subcommands: [Load.self, Explain.self])

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a routing rules file and store it (with its project managers) for a builder.",
            discussion: "The file format is in deploy/routing.example.yaml. A bad file is an error naming its line and column; nothing is stored.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "The builder's slug.")
        var builder: String

        @Argument(help: "A routing rules file (YAML).")
        var file: String

        func run() async throws {
            let rules: RoutingRules
            do {
                rules = try RoutingRules.load(file: URL(fileURLWithPath: self.file))
            } catch let error as RoutingRulesError {
                throw CLIError("invalid routing rules: \(error)")
            }
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let (slug, path) = (self.builder, self.file)
            try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                guard let builder = try await BuilderStore(client: client, logger: logger).find(slug: slug) else {
                    throw CLIError("--builder \(slug): no such builder")
                }
                try await RoutingStore(client: client, logger: logger).load(rules, builderID: builder.id, sourceFile: path)
            }
            print("routing for \(slug): \(rules.rules.count) rules and a fallback, \(rules.managers.count) managers (\(rules.managers.filter(\.isActive).count) active)")
        }
    }

    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which project manager an email's lead would go to, and why, without writing anything.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var specs: ParserSpecsOption

        @Option(help: "The builder's slug.")
        var builder: String

        @Argument(help: "An RFC 5322 message (.eml).")
        var file: String

        func run() async throws {
            let bytes = try MessageFile.read(self.file)
            let settings = try self.global.resolver()
            let outcome = try ItemProcessor(specs: try self.specs.load(settings)).process(bytes).outcome
            guard let lead = outcome.lead else {
                print("not a lead (\(outcome.ignoredReason ?? "")): nothing to route")
                return
            }
            let logger = try self.global.makeLogger(settings)
            let slug = self.builder
            let decision = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                guard let builder = try await BuilderStore(client: client, logger: logger).find(slug: slug) else {
                    throw CLIError("--builder \(slug): no such builder")
                }
                return try await RoutingStore(client: client, logger: logger).explain(RoutingInput(lead: lead), builderID: builder.id)
            }
            let who = [lead.firstName, lead.lastName].compactMap { $0 }.joined(separator: " ")
            print("lead: \(who.isEmpty ? "(no name)" : who), source \(lead.source), project \(lead.projectType ?? "-"), "
                + "\(lead.address?.city ?? "-") \(lead.address?.state ?? "") \(lead.address?.postalCode ?? "")")
            guard let decision else {
                print("builder \(slug) has no routing rules (lead-intake routing load --builder \(slug) FILE): the lead would stay unassigned")
                return
            }
            print("manager: \(decision.manager ?? "none")")
            print("rule: \(decision.rule ?? "none")\(decision.strategy.map { " (\($0.rawValue))" } ?? "")")
            print(decision.explanation)
        }
    }
}
