import Foundation

/// Looks a setting up in precedence order: command-line flag, environment variable,
/// configuration file, default. Each value remembers where it came from, so an error can
/// name the option (`--smtp`), the variable (`LEAD_INTAKE_SMTP`) or the file and line.
struct SettingsResolver {
    let file: ConfigFile?
    let environment: [String: String]

    /// Loads `--config`, else `LEAD_INTAKE_CONFIG`, else `./lead-intake.conf` when present.
    init(configPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.environment = environment
        if let path = configPath ?? environment["LEAD_INTAKE_CONFIG"] {
            self.file = try ConfigFile(path: path)
        } else if FileManager.default.fileExists(atPath: "lead-intake.conf") {
            self.file = try ConfigFile(path: "lead-intake.conf")
        } else {
            self.file = nil
        }
    }

    /// The raw value and a name for where it came from.
    func lookup(flag: String?, key: String, env: String) -> (value: String, origin: String)? {
        if let flag { return (flag, "--\(key)") }
        if let value = self.environment[env], !value.isEmpty { return (value, env) }
        return self.file?.value(key)
    }

    func string(flag: String?, key: String, env: String, default value: String) -> String {
        self.lookup(flag: flag, key: key, env: env)?.value ?? value
    }

    func optionalString(flag: String?, key: String, env: String) -> String? {
        self.lookup(flag: flag, key: key, env: env)?.value
    }

    func int(flag: Int?, key: String, env: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let found = self.lookup(flag: flag.map(String.init), key: key, env: env) else { return value }
        guard let number = Int(found.value), range.contains(number) else {
            throw CLIError("\(found.origin): expected a whole number in \(range.lowerBound)...\(range.upperBound), got '\(found.value)'")
        }
        return number
    }

    func fraction(flag: Double?, key: String, env: String, default value: Double) throws -> Double {
        guard let found = self.lookup(flag: flag.map { String($0) }, key: key, env: env) else { return value }
        guard let number = Double(found.value), number > 0, number <= 1 else {
            throw CLIError("\(found.origin): expected a number above 0 and at most 1, got '\(found.value)'")
        }
        return number
    }

    func listenAddress(flag: String?, key: String, env: String, default value: String) throws -> ListenAddress {
        let found = self.lookup(flag: flag, key: key, env: env) ?? (value, "default")
        guard let address = ListenAddress(found.value) else {
            throw CLIError("\(found.origin): expected HOST:PORT (e.g. 127.0.0.1:2525), got '\(found.value)'")
        }
        return address
    }
}

/// `HOST:PORT` or `[IPv6]:PORT`.
struct ListenAddress: Equatable, CustomStringConvertible {
    let host: String
    let port: Int

    init?(_ text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else { return nil }
        self.host = String(host)
        self.port = port
    }

    var description: String { self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)" }
}
