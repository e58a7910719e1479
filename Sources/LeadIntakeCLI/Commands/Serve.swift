import ArgumentParser
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

    @Option(help: "Worker tasks in this process (env LEAD_INTAKE_WORKERS; default 2; 0 = accept only).")
    var workers: Int?

    @Option(name: .customLong("intake-domains"),
            help: "Comma-separated domains where leads+SLUG@DOMAIN reaches builder SLUG (env LEAD_INTAKE_INTAKE_DOMAINS; default intake.localhost).")
    var intakeDomains: String?

    @Option(help: "Name in the SMTP greeting (env LEAD_INTAKE_HOSTNAME; default this host's name).")
    var hostname: String?

    @Option(name: .customLong("max-message-size"), help: "Largest message in bytes (env LEAD_INTAKE_MAX_MESSAGE_SIZE; default 26214400).")
    var maxMessageSize: Int?

    @Option(name: .customLong("max-attempts"), help: "Tries per item before it is marked failed (env LEAD_INTAKE_MAX_ATTEMPTS; default 5).")
    var maxAttempts: Int?

    @Option(name: .customLong("lease-seconds"),
            help: "Seconds an item stays claimed by a worker that stopped answering before another takes it (env LEAD_INTAKE_LEASE_SECONDS; default 60).")
    var leaseSeconds: Int?

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
                url: url, smtpAddress: smtpAddress, httpAddress: httpAddress, workers: workerCount, maxSize: maxSize,
                maxAttempts: maxAttempts, lease: .seconds(leaseSeconds), domains: domains, hostname: hostname, logger: logger)
        } catch {
            await embedded?.stop()
            throw error
        }
        await embedded?.stop()
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
        url: DatabaseURL, smtpAddress: ListenAddress, httpAddress: ListenAddress, workers: Int, maxSize: Int,
        maxAttempts: Int, lease: Duration, domains: Set<String>, hostname: String, logger: Logger
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

        var smtpConfiguration = SMTPServer.Configuration(host: smtpAddress.host, port: smtpAddress.port)
        smtpConfiguration.hostname = hostname
        smtpConfiguration.maximumMessageSize = maxSize
        let smtp = SMTPServer(configuration: smtpConfiguration, acceptor: acceptor, logger: logger)
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
                leads: LeadStore(client: client, logger: logger), processor: ItemProcessor(), metrics: metrics, logger: logger)))
        }
        services.append(.init(service: smtp))
        services.append(.init(service: http))
        let group = ServiceGroup(configuration: .init(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("gateway starting", metadata: [
            "smtp": "\(smtpAddress)", "http": "\(httpAddress)", "workers": "\(workers)", "database": "\(url)",
        ])
        try await group.run()
        logger.info("gateway stopped")
    }
}
