// smtp-bench: SMTP intake load on loopback (issue 4), ours beside the Python peer a
// practitioner would write (aiosmtpd + email + psycopg, peer_server.py), against the same
// throwaway PostgreSQL. A benchmark, not a test: build it in release.
//
// Usage (from the package root; `make bench-smtp` builds and runs it):
//   swift build -c release && .build/release/smtp-bench
// Options: --seconds S (default 6) and --messages N (default 3000) bound every cell;
//   --concurrency 1,8,64  --per-connection 1,10  --servers ours,peer (`ours` is the default
//   server: one transaction per message; add `gcN` for ours with group commit, N transactions
//   in flight, i.e. LEAD_INTAKE_GROUP_COMMIT=N; `nogc` is an alias of `ours`);
//   --rate 500 (paced cell, concurrency 64; 0 skips it); --idle 500 (idle connections for the
//   RSS probe; 0 skips it); --lead-intake PATH (default: next to this binary); --python EXE.
// Without LEAD_INTAKE_TEST_DATABASE_URL it re-runs itself under Tests/with-test-postgres.sh,
// which creates the throwaway cluster (fsync on) and deletes it afterwards.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered, so progress shows through a pipe.
func say(_ s: String = "") { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
let options: [String: String] = {
    var options: [String: String] = [:]
    var i = 1
    let args = CommandLine.arguments
    while i < args.count {
        guard args[i].hasPrefix("--"), i + 1 < args.count else { say("usage: see the header of Benchmarks/SMTPBenchmark/main.swift"); exit(2) }
        options[String(args[i].dropFirst(2))] = args[i + 1]
        i += 2
    }
    return options
}()
func list(_ key: String, _ fallback: String) -> [String] { (options[key] ?? fallback).split(separator: ",").map(String.init) }

let selfPath = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
guard let databaseURL = ProcessInfo.processInfo.environment["LEAD_INTAKE_TEST_DATABASE_URL"] else {
    let wrapper = Process()
    wrapper.executableURL = URL(fileURLWithPath: "Tests/with-test-postgres.sh")
    wrapper.arguments = [selfPath.path] + CommandLine.arguments.dropFirst()
    do { try wrapper.run() } catch { say("smtp-bench: run it from the package root (\(error))"); exit(1) }
    wrapper.waitUntilExit()
    exit(wrapper.terminationStatus)
}

let seconds = Double(options["seconds"] ?? "6") ?? 6
let maxMessages = Int(options["messages"] ?? "3000") ?? 3000
let concurrencies = list("concurrency", "1,8,64").compactMap(Int.init)
let perConnections = list("per-connection", "1,10").compactMap(Int.init)
let servers = list("servers", "ours,peer")
let pacedRate = Double(options["rate"] ?? "500") ?? 500
let idleCount = Int(options["idle"] ?? "500") ?? 500
let leadIntake = options["lead-intake"] ?? selfPath.deletingLastPathComponent().appendingPathComponent("lead-intake").path
let python = options["python"] ?? "python3"
let peerScript = options["peer-script"] ?? "Benchmarks/SMTPBenchmark/peer_server.py"
let work = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-bench-\(getpid())")
try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var a = sockaddr_in()
    a.sin_family = sa_family_t(AF_INET)
    a.sin_addr.s_addr = inet_addr("127.0.0.1")
    _ = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    return Int(UInt16(bigEndian: a.sin_port))
}

func run(_ exe: String, _ args: [String]) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw BenchError("\(exe) \(args.joined(separator: " ")) exited \(p.terminationStatus)") }
}

func start(_ name: String, _ exe: String, _ args: [String], env: [String: String] = [:], port: Int) throws -> Process {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
    FileManager.default.createFile(atPath: work.appendingPathComponent("\(name).log").path, contents: nil)
    let log = try FileHandle(forWritingTo: work.appendingPathComponent("\(name).log"))
    p.standardOutput = log
    p.standardError = log
    try p.run()
    for _ in 0..<300 {
        if (try? SMTPClientConnection(port: port)) != nil { return p }
        guard p.isRunning else { break }
        usleep(100_000)
    }
    p.terminate()
    throw BenchError("\(name) did not listen on \(port); see \(work.path)/\(name).log")
}

func stop(_ p: Process) {
    guard p.isRunning else { return }
    p.interrupt()
    for _ in 0..<50 where p.isRunning { usleep(100_000) }
    if p.isRunning { p.terminate() }
    p.waitUntilExit()
}

func loadAverage() -> String { (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?" }

let python3 = python.hasPrefix("/") ? python : (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    .map { "\($0)/\(python)" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/python3"

var processes: [String: (process: Process, port: Int)] = [:]
do {
    try run(leadIntake, ["migrate", "--database-url", databaseURL])
    try run(leadIntake, ["builders", "add", "bench", "--address", "bench@intake.localhost", "--database-url", databaseURL])
    for server in servers {
        let port = freePort()
        switch server {
        case "ours", "nogc", _ where server.hasPrefix("gc") && Int(server.dropFirst(2)) != nil:
            let args = ["serve", "--workers", "0", "--database-url", databaseURL, "--smtp", "127.0.0.1:\(port)",
                        "--http", "127.0.0.1:\(freePort())", "--tls-cert", "off", "--log-level", "warning",
                        "--data-dir", work.appendingPathComponent("data-\(server)").path]
            processes[server] = (try start(server, leadIntake, args, env: ["LEAD_INTAKE_GROUP_COMMIT": server.hasPrefix("gc") ? String(server.dropFirst(2)) : "0"], port: port), port)
        case "peer":
            processes[server] = (try start(server, python3, [peerScript, "--port", "\(port)", "--dsn", databaseURL], port: port), port)
        default:
            throw BenchError("unknown server \(server) (ours, nogc, gcN, peer)")
        }
    }
} catch {
    say("smtp-bench: \(error)")
    for (_, p) in processes { stop(p.process) }
    exit(1)
}

let corpus = Corpus()
say("smtp-bench: \(corpus.bodies.count) lead notifications, 2-50 KB (mean \(corpus.averageSize / 1024) KB); each cell bounded by \(maxMessages) messages or \(Int(seconds)) s; load average at start \(loadAverage())")
say("servers: " + servers.map { "\($0) on 127.0.0.1:\(processes[$0]!.port)" }.joined(separator: ", ") + "; postgres \(databaseURL)")
say("")
say("server  conc  msgs/conn  accepted  failed  msgs/s   p50 ms   p99 ms")
var table: [String: CellResult] = [:]
func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, n - s.count))
    return left ? s + fill : fill + s
}
func row(_ server: String, _ label: String, _ perConn: String, _ r: CellResult) {
    say(pad(server, 6, left: true) + "  " + pad(label, 4) + "  " + pad(perConn, 9)
          + String(format: "  %8d  %6d  %7.0f  %7.1f  %7.1f", r.completed, r.failed, r.rate, r.percentile(0.5), r.percentile(0.99))
          + (r.firstError.map { "  (\($0))" } ?? ""))
}
for perConnection in perConnections {
    for concurrency in concurrencies {
        for server in servers {
            let r = runCell(port: processes[server]!.port, corpus: corpus, concurrency: concurrency, perConnection: perConnection,
                            maxMessages: maxMessages, seconds: seconds, recipient: "bench@intake.localhost")
            table["\(server)/\(concurrency)/\(perConnection)"] = r
            row(server, "\(concurrency)", "\(perConnection)", r)
        }
    }
}
if pacedRate > 0 {
    for server in servers {
        let r = runCell(port: processes[server]!.port, corpus: corpus, concurrency: 64, perConnection: 10,
                        maxMessages: Int(pacedRate * seconds), seconds: seconds + 2, rate: pacedRate, recipient: "bench@intake.localhost")
        row(server, "64@\(Int(pacedRate))/s", "10", r)
        if server == "ours" {
            say(String(format: "  target: p99 < 50 ms at %.0f msg/s offered -> ", pacedRate) + (r.percentile(0.99) < 50 && r.failed == 0 ? "met" : "NOT met"))
        }
    }
}
if servers.contains("peer") {
    say("")
    say("ratios ours / peer (throughput; p99 latency peer / ours):")
    for server in servers where server != "peer" {
        for perConnection in perConnections {
            for concurrency in concurrencies {
                guard let o = table["\(server)/\(concurrency)/\(perConnection)"], let p = table["peer/\(concurrency)/\(perConnection)"], p.rate > 0 else { continue }
                say("  " + server + String(format: " conc %3d x%-2d  throughput %5.1fx   p99 %5.1fx", concurrency, perConnection,
                             o.rate / p.rate, p.percentile(0.99) / o.percentile(0.99)))
            }
        }
        if let o = table["\(server)/64/1"], let p = table["peer/64/1"], p.rate > 0 {
            say("  " + server + String(format: " target: >= 3x the peer at concurrency 64 (1 msg/conn) -> %.1fx ", o.rate / p.rate) + (o.rate / p.rate >= 3 ? "met" : "NOT met"))
        }
    }
}
if idleCount > 0 {
    say("")
    for server in servers where server != "peer" {
        let (process, port) = processes[server]!
        let before = residentMB(pid: process.processIdentifier) ?? .nan
        do {
            let idle = try openIdle(port: port, count: idleCount)
            sleep(2)
            let after = residentMB(pid: process.processIdentifier) ?? .nan
            say(server + String(format: " RSS: %.1f MB after the load, %.1f MB with %d idle connections (target < 150 MB) -> ", before, after, idle.count)
                  + (after < 150 ? "met" : "NOT met"))
        } catch {
            say("\(server) idle probe failed: \(error)")
        }
    }
}
say("load average at end \(loadAverage())")
for (_, p) in processes { stop(p.process) }
try? FileManager.default.removeItem(at: work)
