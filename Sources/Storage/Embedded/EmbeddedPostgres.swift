import Foundation
public import Logging

/// A private PostgreSQL cluster under the gateway's data directory, created on first use
/// and started and stopped with the process.
///
/// Layout under `root` (default `./.lead-intake`): `pg/` the cluster, `run/` its Unix
/// socket, `postgres.log` its log. The server listens on the socket only (no TCP port),
/// and the socket directory is private to the server's OS user, so nothing else on the
/// machine can connect. When launched as root the server runs as the `postgres` OS user,
/// because PostgreSQL refuses to run as root.
public final class EmbeddedPostgres: Sendable {
    /// Settings for the embedded cluster.
    public struct Configuration: Sendable {
        /// Directory that holds the cluster, its socket and its log.
        public var root: String
        /// Directory with `initdb`, `pg_ctl` and `createdb`; found automatically when nil
        /// (the newest `/usr/lib/postgresql/*/bin`, then `pg_config --bindir`).
        public var binDirectory: String?
        /// Only names the socket file (`.s.PGSQL.PORT`); the server opens no TCP port.
        public var port: Int
        public var database: String
        public var user: String

        public init(root: String = ".lead-intake", binDirectory: String? = nil, port: Int = 5432,
                    database: String = "lead_intake", user: String = "lead_intake") {
            self.root = root
            self.binDirectory = binDirectory
            self.port = port
            self.database = database
            self.user = user
        }
    }

    /// How the cluster came to be running, which decides who stops it.
    public enum Start: Sendable, Equatable {
        /// This process started the server.
        case started
        /// A server for this data directory was already running (a sibling command, or an
        /// orphan left by a crashed gateway).
        case alreadyRunning(pid: Int32)
    }

    public let configuration: Configuration
    let rootURL: URL
    let logger: Logger
    private let runner: ProcessRunner

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.rootURL = URL(fileURLWithPath: configuration.root).standardizedFileURL
        self.logger = logger
        self.runner = ProcessRunner(runAsUser: geteuid() == 0 ? "postgres" : nil)
    }

    var dataDirectory: String { self.rootURL.appendingPathComponent("pg").path }
    var socketDirectory: String { self.rootURL.appendingPathComponent("run").path }
    var logFile: String { self.rootURL.appendingPathComponent("postgres.log").path }

    /// The connection settings for the running cluster.
    public var databaseURL: DatabaseURL {
        DatabaseURL(socketDirectory: self.socketDirectory, port: self.configuration.port,
                    user: self.configuration.user, database: self.configuration.database)
    }

    /// Creates the cluster if needed and makes sure it is running.
    /// - Returns: whether this call started it.
    @discardableResult
    public func start() async throws -> Start {
        let bin = try self.binDirectory()
        try self.prepareDirectories()
        if !FileManager.default.fileExists(atPath: self.dataDirectory + "/PG_VERSION") {
            try await self.initdb(bin: bin)
        }
        if let pid = self.runningPostmaster() {
            self.logger.debug("embedded postgres already running", metadata: ["pid": "\(pid)", "data": "\(self.dataDirectory)"])
            try await self.createDatabase(bin: bin)
            return .alreadyRunning(pid: pid)
        }
        self.removeStaleLockFiles()
        let options = "-c listen_addresses='' -k '\(self.socketDirectory)' -p \(self.configuration.port)"
        let result = try await self.runner.run("/usr/bin/setsid", [
            bin + "/pg_ctl", "-D", self.dataDirectory, "-l", self.logFile, "-w", "-t", "60", "-o", options, "start",
        ])
        guard result.succeeded else {
            throw StorageError(.embeddedPostgres,
                "embedded postgres did not start (see \(self.logFile)): \(Self.lastLine(result.output))")
        }
        self.logger.info("embedded postgres started", metadata: ["data": "\(self.dataDirectory)"])
        try await self.createDatabase(bin: bin)
        return .started
    }

    /// Stops the cluster (fast shutdown: open sessions are ended, committed data is safe).
    public func stop() async {
        guard let bin = try? self.binDirectory() else { return }
        guard self.runningPostmaster() != nil else { return }
        let result = try? await self.runner.run(bin + "/pg_ctl", ["-D", self.dataDirectory, "-m", "fast", "-w", "stop"])
        if result?.succeeded == true {
            self.logger.info("embedded postgres stopped")
        } else {
            self.logger.error("embedded postgres did not stop cleanly", metadata: ["output": "\(result?.output ?? "")"])
        }
    }

    // MARK: - Steps

    private func prepareDirectories() throws {
        let fm = FileManager.default
        let socketFile = self.socketDirectory + "/.s.PGSQL.\(self.configuration.port)"
        guard socketFile.utf8.count < 108 else {
            throw StorageError(.embeddedPostgres,
                "--data-dir: path too long for a Unix socket (\(socketFile.utf8.count) bytes, limit 107); choose a shorter directory")
        }
        guard !self.rootURL.path.contains("'") else {
            throw StorageError(.embeddedPostgres, "--data-dir: the path must not contain a single quote")
        }
        for dir in [self.rootURL.path, self.dataDirectory, self.socketDirectory] {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir)
            if geteuid() == 0, let pw = getpwnam("postgres") {
                guard chown(dir, pw.pointee.pw_uid, pw.pointee.pw_gid) == 0 else {
                    throw StorageError(.embeddedPostgres, "--data-dir: cannot hand \(dir) to the postgres user (errno \(errno))")
                }
            }
        }
        if geteuid() == 0 {
            guard getpwnam("postgres") != nil else {
                throw StorageError(.embeddedPostgres,
                    "running as root needs the 'postgres' OS user (apt-get install postgresql), or pass --database-url")
            }
            // Every parent must be traversable by the postgres user, or the server cannot
            // reach its own data directory.
            var url = self.rootURL.deletingLastPathComponent()
            while url.path != "/" {
                if let mode = (try? fm.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int, mode & 0o001 == 0 {
                    throw StorageError(.embeddedPostgres,
                        "--data-dir: the postgres user cannot enter \(url.path) (mode \(String(mode, radix: 8))); run `chmod o+x \(url.path)` or choose a data directory elsewhere")
                }
                url = url.deletingLastPathComponent()
            }
        }
    }

    private func initdb(bin: String) async throws {
        self.logger.info("creating embedded postgres cluster", metadata: ["data": "\(self.dataDirectory)"])
        let result = try await self.runner.run(bin + "/initdb", [
            "-D", self.dataDirectory, "-U", self.configuration.user, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8",
        ])
        guard result.succeeded else {
            throw StorageError(.embeddedPostgres, "initdb failed: \(Self.lastLine(result.output))")
        }
    }

    private func createDatabase(bin: String) async throws {
        let result = try await self.runner.run(bin + "/createdb", [
            "-h", self.socketDirectory, "-p", "\(self.configuration.port)", "-U", self.configuration.user,
            self.configuration.database,
        ])
        if !result.succeeded && !result.output.contains("already exists") {
            throw StorageError(.embeddedPostgres, "createdb failed: \(Self.lastLine(result.output))")
        }
    }

    /// The postmaster serving this data directory, when one is alive. A `postmaster.pid`
    /// whose process is gone, or whose PID now belongs to some other program, is stale.
    public func runningPostmaster() -> Int32? {
        guard let text = try? String(contentsOfFile: self.dataDirectory + "/postmaster.pid", encoding: .utf8),
              let first = text.split(separator: "\n").first, let pid = Int32(first.trimmingCharacters(in: .whitespaces)),
              pid > 0, kill(pid, 0) == 0 || errno == EPERM
        else { return nil }
        let cmdline = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
        let argv = String(decoding: cmdline.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        return argv.contains("postgres") ? pid : nil
    }

    /// After a crash of the whole machine or a kill -9 of the server, its lock files
    /// survive; PostgreSQL refuses to start when their PID has been reused by another
    /// program, so remove them once we know no postmaster owns them.
    private func removeStaleLockFiles() {
        let fm = FileManager.default
        for path in [self.dataDirectory + "/postmaster.pid",
                     self.socketDirectory + "/.s.PGSQL.\(self.configuration.port).lock",
                     self.socketDirectory + "/.s.PGSQL.\(self.configuration.port)"]
        where fm.fileExists(atPath: path) {
            self.logger.warning("removing stale postgres lock file", metadata: ["path": "\(path)"])
            try? fm.removeItem(atPath: path)
        }
    }

    private func binDirectory() throws -> String {
        if let dir = self.configuration.binDirectory {
            guard FileManager.default.isExecutableFile(atPath: dir + "/pg_ctl") else {
                throw StorageError(.embeddedPostgres, "--pg-bin-dir: no pg_ctl in \(dir)")
            }
            return dir
        }
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        for version in versions where FileManager.default.isExecutableFile(atPath: "\(base)/\(version)/bin/pg_ctl") {
            return "\(base)/\(version)/bin"
        }
        throw StorageError(.embeddedPostgres,
            "no PostgreSQL server found under \(base) (apt-get install postgresql), or pass --database-url / --pg-bin-dir")
    }

    private static func lastLine(_ output: String) -> String {
        output.split(separator: "\n").last.map(String.init) ?? "(no output)"
    }
}
