import ArgumentParser
import Extraction
import Matching
import Foundation
import Intake
import Logging
import PostgresNIO
import SMTPServer
import ServiceLifecycle
import UnixSignals
import Storage
import WebIntake

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the gateway: SMTP intake, HTTP health and metrics, and the workers.",
        discussion: """
            Every setting is taken from its flag, else its environment variable, else the
            configuration file, else the default. Without --database-url the gateway starts
            (and on exit stops) its own PostgreSQL cluster under --data-dir.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "SMTP listener, HOST:PORT (env LEAD_INTAKE_SMTP; default 127.0.0.1:2525).")
    var smtp: String?

    @Option(help: "HTTP listener for /healthz and /metrics, HOST:PORT (env LEAD_INTAKE_HTTP; default 127.0.0.1:8080).")
    var http: String?

    @Option(help: "LMTP listener, HOST:PORT or unix:/path/to/socket (env LEAD_INTAKE_LMTP; default: none).")
    var lmtp: String?

    @Option(name: .customLong("tls-cert"),
            help: "PEM certificate chain for STARTTLS (env LEAD_INTAKE_TLS_CERT; default: a self-signed one made under --data-dir/tls; 'off' disables STARTTLS).")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key for --tls-cert (env LEAD_INTAKE_TLS_KEY).")
    var tlsKey: String?

    @Option(help: "Worker tasks in this process (env LEAD_INTAKE_WORKERS; default 2; 0 = accept only).")
    var workers: Int?

    @Option(name: .customLong("intake-domains"),
            help: "Comma-separated domains where leads+SLUG@DOMAIN reaches builder SLUG (env LEAD_INTAKE_INTAKE_DOMAINS; default intake.localhost).")
    var intakeDomains: String?

    @Option(help: "Name in the SMTP greeting (env LEAD_INTAKE_HOSTNAME; default this host's name).")
    var hostname: String?

    @Option(name: .customLong("max-message-size"), help: "Largest message in bytes (env LEAD_INTAKE_MAX_MESSAGE_SIZE; default 26214400).")
    var maxMessageSize: Int?

    @Option(name: .customLong("max-connections"),
            help: "Concurrent SMTP/LMTP sessions; more get 421 4.3.2 (env LEAD_INTAKE_MAX_CONNECTIONS; default 500).")
    var maxConnections: Int?

    @Option(name: .customLong("max-connections-per-client"),
            help: "Concurrent sessions from one client IP; more get 421 4.7.0 (env LEAD_INTAKE_MAX_CONNECTIONS_PER_CLIENT; default 20).")
    var maxConnectionsPerClient: Int?

    @Option(name: .customLong("command-timeout"),
            help: "Seconds a client may be silent waiting for a command, then 421 4.4.2 (env LEAD_INTAKE_COMMAND_TIMEOUT; default 300).")
    var commandTimeout: Int?

    @Option(name: .customLong("data-block-timeout"),
            help: "Seconds a client may be silent inside a message, then 421 4.4.2 (env LEAD_INTAKE_DATA_BLOCK_TIMEOUT; default 180).")
    var dataBlockTimeout: Int?

    @Option(name: .customLong("data-timeout"),
            help: "Seconds from 354 to the final dot, then 421 4.4.2 (env LEAD_INTAKE_DATA_TIMEOUT; default 600).")
    var dataTimeout: Int?

    @Option(name: .customLong("max-attempts"), help: "Tries per item before it is marked failed (env LEAD_INTAKE_MAX_ATTEMPTS; default 5).")
    var maxAttempts: Int?

    @Option(name: .customLong("lease-seconds"),
            help: "Seconds an item stays claimed by a worker that stopped answering before another takes it (env LEAD_INTAKE_LEASE_SECONDS; default 60).")
    var leaseSeconds: Int?

    @OptionGroup var specs: ParserSpecsOption
    @OptionGroup var matching: MatchingOptions

    @Option(name: .customLong("suggest-source-after"),
            help: "Leads from one unknown ('other') source before a parser spec is suggested for it (env LEAD_INTAKE_SUGGEST_SOURCE_AFTER; default 3).")
    var suggestSourceAfter: Int?

    @Flag(help: "Create a 'demo' builder at start and print its intake address.")
    var demo = false

    func run() async throws {
        let settings = try self.global.resolver()
        let logger = try self.global.makeLogger(settings)
        let smtpAddress = try settings.listenAddress(flag: self.smtp, key: "smtp", env: "LEAD_INTAKE_SMTP", default: "127.0.0.1:2525")
        let httpAddress = try settings.listenAddress(flag: self.http, key: "http", env: "LEAD_INTAKE_HTTP", default: "127.0.0.1:8080")
        let workerCount = try settings.int(flag: self.workers, key: "workers", env: "LEAD_INTAKE_WORKERS", default: 2, range: 0...256)
        let maxSize = try settings.int(flag: self.maxMessageSize, key: "max-message-size", env: "LEAD_INTAKE_MAX_MESSAGE_SIZE",
                                       default: 25 * 1024 * 1024, range: 1024...(1 << 30))
        let maxConnections = try settings.int(flag: self.maxConnections, key: "max-connections", env: "LEAD_INTAKE_MAX_CONNECTIONS",
                                              default: 500, range: 1...1_000_000)
        let maxPerClient = try settings.int(flag: self.maxConnectionsPerClient, key: "max-connections-per-client",
                                            env: "LEAD_INTAKE_MAX_CONNECTIONS_PER_CLIENT", default: 20, range: 1...1_000_000)
        let commandTimeout = try settings.int(flag: self.commandTimeout, key: "command-timeout", env: "LEAD_INTAKE_COMMAND_TIMEOUT",
                                              default: 300, range: 1...86_400)
        let dataBlockTimeout = try settings.int(flag: self.dataBlockTimeout, key: "data-block-timeout",
                                                env: "LEAD_INTAKE_DATA_BLOCK_TIMEOUT", default: 180, range: 1...86_400)
        let dataTimeout = try settings.int(flag: self.dataTimeout, key: "data-timeout", env: "LEAD_INTAKE_DATA_TIMEOUT",
                                           default: 600, range: 1...86_400)
        // The listener limits; runServices adds address, name, size and TLS.
        var smtpLimits = SMTPServer.Configuration()
        smtpLimits.maximumConnections = maxConnections
        smtpLimits.maximumConnectionsPerClient = maxPerClient
        smtpLimits.commandTimeout = .seconds(commandTimeout)
        smtpLimits.dataBlockTimeout = .seconds(dataBlockTimeout)
        smtpLimits.dataTerminationTimeout = .seconds(dataTimeout)
        let maxAttempts = try settings.int(flag: self.maxAttempts, key: "max-attempts", env: "LEAD_INTAKE_MAX_ATTEMPTS",
                                           default: 5, range: 1...100)
        let leaseSeconds = try settings.int(flag: self.leaseSeconds, key: "lease-seconds", env: "LEAD_INTAKE_LEASE_SECONDS",
                                            default: 60, range: 1...86_400)
        let domains = Set(settings.string(flag: self.intakeDomains, key: "intake-domains", env: "LEAD_INTAKE_INTAKE_DOMAINS",
                                          default: "intake.localhost")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
        let hostname = settings.string(flag: self.hostname, key: "hostname", env: "LEAD_INTAKE_HOSTNAME",
                                       default: LocalHost.name)
        let demo = self.demo || settings.optionalString(flag: nil, key: "demo", env: "LEAD_INTAKE_DEMO") == "true"
        let lmtpAddress = try settings.lmtpAddress(flag: self.lmtp, key: "lmtp", env: "LEAD_INTAKE_LMTP")
        let startTLS = try await self.startTLS(settings, hostname: hostname, logger: logger)
        // Every spec is loaded and checked before anything starts: a bad one stops start-up.
        let specs = try self.specs.load(settings)
        let specDirectory = try self.specs.resolve(settings).path
        logger.info("parser specs loaded", metadata: ["specs": "\(specs.specs.count)", "directory": "\(specDirectory)"])
        let matchThresholds = try self.matching.thresholds(settings)
        let suggestAfter = try settings.int(flag: self.suggestSourceAfter, key: "suggest-source-after",
                                            env: "LEAD_INTAKE_SUGGEST_SOURCE_AFTER", default: 3, range: 1...1_000_000)

        // The embedded cluster belongs to `serve`: started (or adopted after a crash) here,
        // stopped when the gateway stops.
        var embedded: EmbeddedPostgres?
        let url: DatabaseURL
        switch try self.global.databaseLocation(settings) {
        case .server(let server):
            url = server
        case .embedded(let configuration):
            let cluster = EmbeddedPostgres(configuration: configuration, logger: logger)
            try await cluster.start()
            embedded = cluster
            url = cluster.databaseURL
        }
        do {
            try await self.setUp(url: url, demo: demo, domains: domains, logger: logger)
            try await self.runServices(
                url: url, smtpAddress: smtpAddress, lmtpAddress: lmtpAddress, startTLS: startTLS, httpAddress: httpAddress,
                smtpLimits: smtpLimits, workers: workerCount, maxSize: maxSize, maxAttempts: maxAttempts, lease: .seconds(leaseSeconds),
                domains: domains, hostname: hostname, reloader: SpecReloader(directory: URL(fileURLWithPath: specDirectory), live: LiveSpecs(specs), logger: logger),
                suggestAfter: suggestAfter, matchThresholds: matchThresholds, logger: logger)
        } catch {
            await embedded?.stop()
            throw error
        }
        await embedded?.stop()
    }

    /// The STARTTLS certificate: configured, else a self-signed one for local runs. A
    /// configured pair that cannot be used is an error; failing to make the self-signed
    /// one only disables STARTTLS, with a warning.
    private func startTLS(_ settings: SettingsResolver, hostname: String, logger: Logger) async throws -> STARTTLSContext? {
        let cert = settings.lookup(flag: self.tlsCert, key: "tls-cert", env: "LEAD_INTAKE_TLS_CERT")
        let key = settings.lookup(flag: self.tlsKey, key: "tls-key", env: "LEAD_INTAKE_TLS_KEY")
        if cert?.value.lowercased() == "off" { return nil }
        switch (cert, key) {
        case let (cert?, key?):
            do {
                return try STARTTLSContext(certificateChainFile: cert.value, privateKeyFile: key.value)
            } catch {
                throw CLIError("\(cert.origin): \(error)")
            }
        case let (cert?, nil):
            throw CLIError("\(cert.origin) needs --tls-key (LEAD_INTAKE_TLS_KEY, tls-key) as well")
        case let (nil, key?):
            throw CLIError("\(key.origin) needs --tls-cert (LEAD_INTAKE_TLS_CERT, tls-cert) as well")
        case (nil, nil):
            let dataDir = settings.string(flag: self.global.dataDir, key: "data-dir", env: "LEAD_INTAKE_DATA_DIR", default: ".lead-intake")
            let directory = URL(fileURLWithPath: dataDir).appendingPathComponent("tls").path
            do {
                let files = try await STARTTLSContext.selfSignedFiles(in: directory, hostname: hostname)
                logger.info("STARTTLS with a self-signed certificate", metadata: ["certificate": "\(files.certificate)"])
                return try STARTTLSContext(certificateChainFile: files.certificate, privateKeyFile: files.key)
            } catch {
                logger.warning("STARTTLS disabled: no --tls-cert and no self-signed certificate", metadata: ["reason": "\(error)"])
                return nil
            }
        }
    }

    /// Migrations and the demo builder, before any listener opens.
    private func setUp(url: DatabaseURL, demo: Bool, domains: Set<String>, logger: Logger) async throws {
        try await DatabaseSession.withClient(url, logger: logger, migrate: true) { client in
            guard demo else { return }
            let domain = domains.sorted().first ?? "intake.localhost"
            let builders = BuilderStore(client: client, logger: logger)
            let builder = try await builders.add(slug: "demo", name: "Demo Homes", address: "demo@\(domain)")
            let addresses = try await builders.addresses(of: builder)
            // Unbuffered: whoever started us may be waiting for this line on a pipe.
            FileHandle.standardOutput.write(Data(
                "demo builder intake addresses: \((addresses + ["leads+demo@\(domain)"]).joined(separator: ", "))\n".utf8))
        }
    }

    private func runServices(
        url: DatabaseURL, smtpAddress: ListenAddress, lmtpAddress: LMTPAddress?, startTLS: STARTTLSContext?,
        httpAddress: ListenAddress, smtpLimits: SMTPServer.Configuration, workers: Int, maxSize: Int, maxAttempts: Int, lease: Duration, domains: Set<String>,
        hostname: String, reloader: SpecReloader, suggestAfter: Int, matchThresholds: MatchThresholds, logger: Logger
    ) async throws {
        let client = PostgresClient(configuration: url.configuration, backgroundLogger: logger)
        let metrics = IntakeMetrics()
        let inbox = InboxStore(client: client, logger: logger)
        var policy = InboxQueue.Policy()
        policy.maximumAttempts = maxAttempts
        policy.lease = lease
        let acceptor = MessageAcceptor(
            builders: BuilderStore(client: client, logger: logger), inbox: inbox, intakeDomains: domains,
            metrics: metrics, logger: logger)

        var smtpConfiguration = smtpLimits
        smtpConfiguration.host = smtpAddress.host
        smtpConfiguration.port = smtpAddress.port
        smtpConfiguration.hostname = hostname
        smtpConfiguration.maximumMessageSize = maxSize
        smtpConfiguration.startTLS = startTLS
        let smtp = SMTPServer(configuration: smtpConfiguration, acceptor: acceptor, logger: logger)
        var lmtp: SMTPServer?
        if let lmtpAddress {
            var configuration = smtpConfiguration
            configuration.dialect = .lmtp
            configuration.startTLS = nil
            switch lmtpAddress {
            case .tcp(let address):
                configuration.host = address.host
                configuration.port = address.port
            case .unix(let path):
                configuration.unixSocketPath = path
            }
            lmtp = SMTPServer(configuration: configuration, acceptor: acceptor, logger: logger)
        }
        let http = HTTPServer.makeApplication(
            host: httpAddress.host, port: httpAddress.port, inbox: inbox, metrics: metrics, logger: logger)

        // Shutdown runs in reverse: HTTP, SMTP (no new mail), workers (finish their item),
        // and the pool last, so everything before it can still write.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: client)]
        if workers > 0 {
            var workerConfiguration = WorkerPool.Configuration()
            workerConfiguration.workers = workers
            services.append(.init(service: WorkerPool(
                configuration: workerConfiguration, queue: InboxQueue(client: client, logger: logger, policy: policy),
                leads: LeadStore(client: client, logger: logger, sourceSuggestionThreshold: suggestAfter, matchThresholds: matchThresholds),
                processor: ItemProcessor(specs: reloader.live),
                metrics: metrics, logger: logger,
                identity: { [builders = BuilderStore(client: client, logger: logger)] id in
                    try await builders.identity(of: id, intakeDomains: domains)
                })))
        }
        let dataTimeout = smtpConfiguration.dataTerminationTimeout
        services.append(.init(service: reloader))
        services.append(.init(service: SpoolSweeper(
            spool: inbox.spool, age: max(.seconds(3600), dataTimeout * 2), logger: logger)))
        services.append(.init(service: smtp))
        if let lmtp { services.append(.init(service: lmtp)) }
        services.append(.init(service: http))
        let group = ServiceGroup(configuration: .init(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("gateway starting", metadata: [
            "smtp": "\(smtpAddress)", "lmtp": "\(lmtpAddress.map { "\($0)" } ?? "off")", "http": "\(httpAddress)", "workers": "\(workers)", "database": "\(url)",
        ])
        try await group.run()
        logger.info("gateway stopped")
    }
}

/// Where the LMTP listener is: `HOST:PORT`, or `unix:/path/to/socket`.
enum LMTPAddress: Equatable, CustomStringConvertible {
    case tcp(ListenAddress)
    case unix(String)

    var description: String {
        switch self {
        case .tcp(let address): return address.description
        case .unix(let path): return "unix:\(path)"
        }
    }
}

extension SettingsResolver {
    /// The LMTP listener, or nil when none is configured (the default).
    func lmtpAddress(flag: String?, key: String, env: String) throws -> LMTPAddress? {
        guard let found = self.lookup(flag: flag, key: key, env: env) else { return nil }
        if found.value.hasPrefix("unix:") {
            let path = String(found.value.dropFirst(5))
            // sun_path holds 108 bytes including the terminator.
            guard !path.isEmpty, path.utf8.count < 108 else {
                throw CLIError("\(found.origin): expected unix:/path/to/socket (under 108 bytes), got '\(found.value)'")
            }
            return .unix(path)
        }
        guard let address = ListenAddress(found.value) else {
            throw CLIError("\(found.origin): expected HOST:PORT or unix:/path/to/socket, got '\(found.value)'")
        }
        return .tcp(address)
    }
}
