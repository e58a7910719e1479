import ArgumentParser
import Foundation
import Logging
import Storage

/// Options every command that touches the database takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Configuration file of 'key = value' lines (env LEAD_INTAKE_CONFIG; default ./lead-intake.conf if present).")
    var config: String?

    @Option(name: .customLong("database-url"),
            help: "PostgreSQL to use, postgres://USER[:PASS]@HOST:PORT/DB (env DATABASE_URL). Without it the embedded cluster is used.")
    var databaseURL: String?

    @Option(name: .customLong("data-dir"), help: "Directory of the embedded cluster (env LEAD_INTAKE_DATA_DIR; default ./.lead-intake).")
    var dataDir: String?

    @Option(name: .customLong("pg-bin-dir"), help: "Directory with initdb and pg_ctl (env LEAD_INTAKE_PG_BIN_DIR; default: found under /usr/lib/postgresql).")
    var pgBinDir: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (env LOG_LEVEL; default info).")
    var logLevel: String?

    func resolver() throws -> SettingsResolver {
        try SettingsResolver(configPath: self.config)
    }

    /// Where the database is: an explicit server, or the embedded cluster.
    func databaseLocation(_ settings: SettingsResolver) throws -> DatabaseLocation {
        if let url = settings.lookup(flag: self.databaseURL, key: "database-url", env: "DATABASE_URL") {
            do {
                return .server(try DatabaseURL(url.value))
            } catch let error as StorageError {
                throw CLIError("\(url.origin): \(error.message.replacingOccurrences(of: "--database-url: ", with: ""))")
            }
        }
        return .embedded(EmbeddedPostgres.Configuration(
            root: settings.string(flag: self.dataDir, key: "data-dir", env: "LEAD_INTAKE_DATA_DIR", default: ".lead-intake"),
            binDirectory: settings.optionalString(flag: self.pgBinDir, key: "pg-bin-dir", env: "LEAD_INTAKE_PG_BIN_DIR")))
    }

    func makeLogger(_ settings: SettingsResolver, label: String = "lead-intake") throws -> Logger {
        let found = settings.lookup(flag: self.logLevel, key: "log-level", env: "LOG_LEVEL") ?? ("info", "default")
        guard let level = Logger.Level(rawValue: found.value.lowercased()) else {
            throw CLIError("\(found.origin): unknown log level '\(found.value)' (trace, debug, info, notice, warning, error, critical)")
        }
        LoggingBootstrap.once(level: level)
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

enum DatabaseLocation {
    case server(DatabaseURL)
    case embedded(EmbeddedPostgres.Configuration)
}
