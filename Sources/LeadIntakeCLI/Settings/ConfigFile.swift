import Foundation

/// A `key = value` configuration file: one setting per line, `#` comments, blank lines
/// ignored. Keys are the long option names without dashes' prefix (`smtp`, `http`,
/// `database-url`, ...). Unknown keys and malformed lines are errors naming file and line.
struct ConfigFile {
    let path: String
    private(set) var values: [String: (value: String, line: Int)] = [:]

    static let knownKeys: Set<String> = [
        "smtp", "http", "database-url", "data-dir", "pg-bin-dir", "workers", "intake-domains",
        "hostname", "log-level", "max-message-size", "max-attempts", "lease-seconds", "demo",
        "lmtp", "tls-cert", "tls-key",
        "max-connections", "max-connections-per-client", "command-timeout", "data-block-timeout", "data-timeout",
        "parsers", "suggest-source-after", "merge-threshold", "review-threshold",
    ]

    init(path: String) throws {
        self.path = path
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CLIError("--config: cannot read \(path)")
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw CLIError("\(path):\(index + 1): expected 'key = value'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard Self.knownKeys.contains(key) else {
                throw CLIError("\(path):\(index + 1): unknown setting '\(key)' (known: \(Self.knownKeys.sorted().joined(separator: ", ")))")
            }
            self.values[key] = (value, index + 1)
        }
    }

    func value(_ key: String) -> (value: String, origin: String)? {
        self.values[key].map { ($0.value, "\(self.path):\($0.line)") }
    }
}

/// A user-facing error: one line, naming the option, file or value at fault.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
