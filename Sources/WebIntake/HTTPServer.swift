public import Hummingbird
public import Intake
public import Logging
import NIOCore
public import Storage

/// The HTTP side of the gateway. For now: `GET /healthz` and `GET /metrics`.
public enum HTTPServer {
    /// A Hummingbird application (a `Service`) serving the health and metrics routes.
    public static func makeApplication(
        host: String, port: Int, inbox: InboxStore, metrics: IntakeMetrics, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("/healthz") { _, _ -> Response in
            do {
                _ = try await withDeadline(.seconds(2)) { try await inbox.countsByStatus() }
                return Self.json(.ok, #"{"status":"ok","database":"reachable"}"#)
            } catch {
                logger.warning("health check failed", metadata: ["error": "\(String(reflecting: error))"])
                return Self.problem(.serviceUnavailable, title: "Database unreachable",
                                    detail: "The gateway cannot reach PostgreSQL; new items are refused with temporary failures.")
            }
        }
        router.get("/metrics") { _, _ -> Response in
            var gauges: [(name: String, help: String, label: String, values: [(String, Int)])] = []
            if let counts = try? await withDeadline(.seconds(2), operation: { try await inbox.countsByStatus() }) {
                gauges.append((
                    "lead_intake_queue_depth", "Inbox items waiting to be processed (queued or processing).", "status",
                    [("queued", counts[.queued] ?? 0), ("processing", counts[.processing] ?? 0)]))
                gauges.append((
                    "lead_intake_items", "Inbox items by status, across all processes.", "status",
                    ItemStatus.allCases.map { ($0.rawValue, counts[$0] ?? 0) }))
                gauges.append(("lead_intake_database_up", "1 when PostgreSQL answered this scrape.", "", [("", 1)]))
            } else {
                gauges.append(("lead_intake_database_up", "1 when PostgreSQL answered this scrape.", "", [("", 0)]))
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(string: metrics.render(gauges: gauges))))
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "lead-intake"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// An RFC 9457 problem document.
    static func problem(_ status: HTTPResponse.Status, title: String, detail: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        let body = #"{"type":"about:blank","title":"\#(title)","status":\#(status.code),"detail":"\#(detail)"}"#
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
