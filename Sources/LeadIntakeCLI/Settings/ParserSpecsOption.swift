import ArgumentParser
import Extraction
import Foundation
import YAMLFiles

/// `--parsers DIR`: where the source specs are. Shared by every command that extracts leads.
struct ParserSpecsOption: ParsableArguments {
    @Option(name: .customLong("parsers"),
            help: "Directory of parser specs (env LEAD_INTAKE_PARSERS; default ./parsers, else the one beside the build).")
    var directory: String?

    /// The directory to use: the flag, the environment, the config file, else `./parsers`,
    /// else the `parsers/` of the source tree the binary was built in (so tests and
    /// `make run` work from anywhere in the checkout).
    func resolve(_ settings: SettingsResolver?) throws -> URL {
        if let chosen = settings?.lookup(flag: self.directory, key: "parsers", env: "LEAD_INTAKE_PARSERS")
            ?? self.directory.map({ ($0, "--parsers") })
            ?? ProcessInfo.processInfo.environment["LEAD_INTAKE_PARSERS"].map({ ($0, "LEAD_INTAKE_PARSERS") })
        {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: chosen.0, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIError("\(chosen.1): parser spec directory '\(chosen.0)' does not exist")
            }
            return URL(fileURLWithPath: chosen.0)
        }
        let candidates = [
            URL(fileURLWithPath: "parsers"),
            // .build/<triple>/<configuration>/lead-intake -> the package root.
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("parsers"),
        ]
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
        }
        throw CLIError("no parser specs: ./parsers does not exist; give --parsers DIR (or LEAD_INTAKE_PARSERS, or 'parsers' in the config file)")
    }

    /// Every spec of the directory; an invalid one is an error naming its file, line and column.
    func load(_ settings: SettingsResolver?) throws -> SpecSet {
        try Self.specs(in: try self.resolve(settings))
    }

    /// Every spec of `directory`. An invalid one is an error naming its file, line and
    /// column; so is a directory without any: a wrong `--parsers` path would otherwise make
    /// every marketplace email an unknown source.
    static func specs(in directory: URL) throws -> SpecSet {
        let specs: SpecSet
        do {
            specs = try SpecSet.load(directory: directory)
        } catch let error as SpecError {
            throw CLIError("invalid parser spec: \(error.description)")
        }
        guard !specs.specs.isEmpty else { throw Self.noSpec(in: directory) }
        return specs
    }

    /// The error for a spec directory without any spec.
    static func noSpec(in directory: URL) -> CLIError {
        CLIError("parser spec directory '\(directory.path)' holds no spec (*.yaml files)")
    }
}
