public import Foundation
public import PostgresNIO

/// A `postgres://` URL turned into a pool configuration.
///
/// Accepted form: `postgres[ql]://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require][&host=/socket/dir]`.
/// A `host` query parameter naming a directory connects over that directory's Unix socket
/// (`DIR/.s.PGSQL.PORT`), as libpq does.
public struct DatabaseURL: Sendable, CustomStringConvertible {
    public let configuration: PostgresClient.Configuration
    /// The URL with the password masked, safe to log.
    public let description: String

    public init(_ string: String) throws {
        guard let components = URLComponents(string: string),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme)
        else {
            throw StorageError(.invalidDatabaseURL, "--database-url: expected postgres://USER@HOST:PORT/DATABASE")
        }
        let user = components.user.flatMap { $0.removingPercentEncoding ?? $0 } ?? "postgres"
        let password = components.password.flatMap { $0.removingPercentEncoding ?? $0 }
        let database = components.path.isEmpty ? nil : String(components.path.dropFirst())
        let port = components.port ?? 5432
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") },
            uniquingKeysWith: { _, last in last })

        if let socketDir = query["host"], socketDir.hasPrefix("/") {
            self.configuration = .init(
                unixSocketPath: "\(socketDir)/.s.PGSQL.\(port)",
                username: user, password: password, database: database)
        } else {
            guard let host = components.host, !host.isEmpty else {
                throw StorageError(.invalidDatabaseURL, "--database-url: missing host in \(Self.masked(string))")
            }
            let tls: PostgresClient.Configuration.TLS
            switch query["sslmode"] ?? "prefer" {
            case "disable": tls = .disable
            case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
            case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
            case let other:
                throw StorageError(.invalidDatabaseURL, "--database-url: unknown sslmode '\(other)' (disable, prefer, require)")
            }
            self.configuration = .init(
                host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        self.description = Self.masked(string)
    }

    /// A configuration for a Unix-socket server such as the embedded cluster.
    public init(socketDirectory: String, port: Int, user: String, database: String) {
        self.configuration = .init(
            unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)",
            username: user, password: nil, database: database)
        self.description = "postgres://\(user)@/\(database)?host=\(socketDirectory)&port=\(port)"
    }

    static func masked(_ string: String) -> String {
        guard var components = URLComponents(string: string) else { return "<unparseable>" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "<unparseable>"
    }
}
