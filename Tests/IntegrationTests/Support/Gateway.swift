import Foundation
import Testing

/// The real `lead-intake serve` process, on private ports, against a test database.
final class Gateway: Sendable {
    let process: TestProcess
    let smtpPort: Int
    let httpPort: Int

    private init(process: TestProcess, smtpPort: Int, httpPort: Int) {
        self.process = process
        self.smtpPort = smtpPort
        self.httpPort = httpPort
    }

    /// Starts the gateway on free ports. A port found free can be taken by another test's
    /// process before the gateway binds it: then it starts again on other ports (the SMTP
    /// port stays when the caller chose it), up to three times.
    ///
    /// Ready when its own log (info, the default level) says both listeners are bound: a
    /// connection to the SMTP port alone may reach another test's gateway that took the
    /// port, while this one is exiting with "Address already in use" (a clean clone's run
    /// then sent a test's mail to the wrong gateway).
    static func start(
        databaseURL: String, workers: Int = 2, smtpPort: Int? = nil, extra: [String] = [],
        environment: [String: String] = [:]
    ) async throws -> Gateway {
        var attempt = 1
        while true {
            let smtp = smtpPort ?? freePort()
            let http = freePort()
            let process = try TestProcess.start(
                [Repository.binary, "serve", "--database-url", databaseURL, "--smtp", "127.0.0.1:\(smtp)",
                 "--http", "127.0.0.1:\(http)", "--workers", String(workers), "--intake-domains", "intake.test"] + extra,
                environment: environment)
            do {
                try await eventually(timeout: .seconds(60), "gateway listening on SMTP \(smtp)") {
                    if let status = await process.wait(timeout: .zero) {
                        throw TestFailure("gateway exited with \(status): \(process.stderr)")
                    }
                    let log = process.stderr
                    return log.contains("address=127.0.0.1:\(smtp) ") && log.contains("listening on 127.0.0.1:\(http)")
                        && Self.canConnect(port: smtp)
                }
                return Gateway(process: process, smtpPort: smtp, httpPort: http)
            } catch is TestFailure where attempt < 3 && process.stderr.contains("Address already in use") {
                attempt += 1
            }
        }
    }

    /// SIGTERM and wait: the graceful path.
    func stop() async -> Int32? {
        self.process.signal(SIGTERM)
        return await self.process.wait(timeout: .seconds(40))
    }

    /// An HTTP GET on the gateway's HTTP listener, through curl.
    func get(_ path: String) async throws -> (status: Int, body: String) {
        let result = try await TestProcess.run(
            ["curl", "-s", "-o", "-", "-w", "\n%{http_code}", "http://127.0.0.1:\(self.httpPort)\(path)"])
        var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let status = Int(lines.popLast() ?? "") ?? 0
        return (status, lines.joined(separator: "\n"))
    }

    static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
