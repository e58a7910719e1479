import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking SMTP client connection on plain sockets (one per load thread).
final class SMTPClientConnection {
    let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 4096)
    private var pending: [UInt8] = []

    /// `source`: the loopback address to connect from. The server allows 20 sessions per
    /// client IP, so load threads spread over 127.0.0.10, .11, ... (8 threads each).
    init(port: Int, source: String? = nil) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: errno \(errno)") }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let rc = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard rc == 0 else { close(fd); throw BenchError("bind \(source): errno \(errno)") }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { close(fd); throw BenchError("connect 127.0.0.1:\(port): errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        self.fd = fd
    }

    deinit { close(self.fd) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(self.fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw BenchError("send: errno \(errno)") }
            offset += n
        }
    }

    func send(_ text: String) throws { try self.send(Array(text.utf8)) }

    /// Reads one (possibly multi-line) reply; returns its code.
    func reply() throws -> Int {
        while true {
            if let newline = self.pending.firstIndex(of: 0x0A) {
                let line = Array(self.pending[..<newline])
                self.pending.removeFirst(newline + 1)
                guard line.count >= 3, let code = Int(String(decoding: line[0..<3], as: UTF8.self)) else {
                    throw BenchError("bad reply line: \(String(decoding: line, as: UTF8.self))")
                }
                if line.count > 3, line[3] == UInt8(ascii: "-") { continue }
                return code
            }
            let n = self.buffer.withUnsafeMutableBytes { recv(self.fd, $0.baseAddress!, 4096, 0) }
            guard n > 0 else { throw BenchError("connection closed (errno \(errno))") }
            self.pending.append(contentsOf: self.buffer[0..<n])
        }
    }

    func expect(_ code: Int, after command: String) throws {
        if !command.isEmpty { try self.send(command) }
        let got = try self.reply()
        guard got == code else { throw BenchError("expected \(code) after \(command.trimmingCharacters(in: .newlines)), got \(got)") }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Typical lead notifications, 2-50 KB: a marketplace-style HTML inquiry with a text part,
/// lines under 200 octets, no line starting with "." (so no dot-stuffing is needed).
struct Corpus {
    let bodies: [[UInt8]]  // everything after the Message-ID line, ending with CRLF . CRLF
    let run = UUID().uuidString.prefix(8)

    init(count: Int = 64) {
        var generator = SystemRandomNumberGenerator()
        var bodies: [[UInt8]] = []
        let names = ["David Chen", "Maria Lopez", "Sam Patel", "Olivia Brown", "Noah Kim", "Ava Garcia"]
        for i in 0..<count {
            // Sizes spread over 2-50 KB, weighted toward the small end as lead mail is.
            let fraction = Double(i) / Double(max(1, count - 1))
            let target = 2_000 + Int(48_000 * fraction * fraction)
            let name = names[i % names.count]
            let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.org"
            var text = """
                From: "Zillow New Construction" <leads@mail.zillow.example>\r
                To: leads+bench@intake.localhost\r
                Subject: New inquiry for The Aspen plan from \(name)\r
                Date: Sat, 21 Nov 2026 02:00:00 +0000\r
                MIME-Version: 1.0\r
                Content-Type: multipart/alternative; boundary="b\(i)"\r
                \r
                --b\(i)\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                Name: \(name)\r
                Email: \(email)\r
                Phone: (737) 555-01\(10 + i % 80)\r
                Message: I'm interested in The Aspen plan at Willow Creek. Is a model home open this weekend?\r
                \r
                --b\(i)\r
                Content-Type: text/html; charset=utf-8\r
                \r
                <html><body><table><tr><td>Name</td><td>\(name)</td></tr><tr><td>Email</td><td>\(email)</td></tr>\r

                """
            while text.utf8.count < target - 60 {
                let n = UInt32.random(in: 0..<1_000_000, using: &generator)
                text += "<tr><td style=\"padding:4px;color:#333\">Listing detail \(n)</td><td>Community amenity, lot and plan notes</td></tr>\r\n"
            }
            text += "</table></body></html>\r\n--b\(i)--\r\n.\r\n"
            bodies.append(Array(text.utf8))
        }
        self.bodies = bodies
    }

    var averageSize: Int { self.bodies.reduce(0) { $0 + $1.count } / self.bodies.count }
}

struct CellResult {
    var completed = 0
    var failed = 0
    var seconds = 0.0
    var latencies: [Double] = []  // ms
    var firstError: String?

    var rate: Double { seconds > 0 ? Double(completed) / seconds : 0 }
    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return .nan }
        let sorted = latencies.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
}

/// Drives one load cell: `concurrency` threads, each opening connections that send
/// `perConnection` messages, until `maxMessages` were sent or `seconds` passed. With `rate`,
/// sends are paced to that many messages/s overall (open loop within the thread budget).
func runCell(port: Int, corpus: Corpus, concurrency: Int, perConnection: Int, maxMessages: Int, seconds: Double,
             rate: Double? = nil, recipient: String) -> CellResult {
    final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var issued = 0
        var result = CellResult()
        var lastFinish: Date
        init(_ start: Date) { self.lastFinish = start }
    }
    let start = Date()
    let deadline = start.addingTimeInterval(seconds)
    let shared = Shared(start)

    @Sendable func ticket() -> Int? {
        shared.lock.lock(); defer { shared.lock.unlock() }
        guard shared.issued < maxMessages, Date() < deadline else { return nil }
        shared.issued += 1
        return shared.issued
    }

    let group = DispatchGroup()
    for index in 0..<concurrency {
        let source = sourceAddress(index)
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            var latencies: [Double] = []
            var completed = 0, failed = 0
            var firstError: String?
            outer: while true {
                guard var next = ticket() else { break }
                do {
                    let c = try SMTPClientConnection(port: port, source: source)
                    try c.expect(220, after: "")
                    try c.expect(250, after: "EHLO bench.localhost\r\n")
                    for k in 0..<perConnection {
                        if k > 0 { guard let t = ticket() else { break } ; next = t }
                        if let rate {
                            let due = start.addingTimeInterval(Double(next - 1) / rate)
                            let wait = due.timeIntervalSinceNow
                            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                        }
                        let body = corpus.bodies[next % corpus.bodies.count]
                        try c.expect(250, after: "MAIL FROM:<leads@mail.zillow.example>\r\n")
                        try c.expect(250, after: "RCPT TO:<\(recipient)>\r\n")
                        try c.expect(354, after: "DATA\r\n")
                        try c.send("Message-ID: <bench-\(corpus.run)-\(next)@mail.zillow.example>\r\n")
                        try c.send(body)
                        let sent = DispatchTime.now().uptimeNanoseconds
                        let code = try c.reply()
                        let ms = Double(DispatchTime.now().uptimeNanoseconds - sent) / 1e6
                        if code == 250 { completed += 1; latencies.append(ms) } else {
                            failed += 1
                            if firstError == nil { firstError = "DATA answered \(code)" }
                        }
                    }
                    try? c.send("QUIT\r\n")
                    _ = try? c.reply()
                } catch {
                    failed += 1
                    if firstError == nil { firstError = "\(error)" }
                    if failed > 50 { break outer }
                }
            }
            shared.lock.lock()
            shared.result.completed += completed
            shared.result.failed += failed
            shared.result.latencies += latencies
            if shared.result.firstError == nil { shared.result.firstError = firstError }
            shared.lastFinish = max(shared.lastFinish, Date())
            shared.lock.unlock()
        }
        thread.stackSize = 256 * 1024
        thread.start()
    }
    group.wait()
    var result = shared.result
    result.seconds = shared.lastFinish.timeIntervalSince(start)
    return result
}

/// Opens `count` connections that read the greeting and say EHLO, then sit idle.
func openIdle(port: Int, count: Int) throws -> [SMTPClientConnection] {
    var connections: [SMTPClientConnection] = []
    for index in 0..<count {
        let c = try SMTPClientConnection(port: port, source: sourceAddress(index))
        try c.expect(220, after: "")
        try c.expect(250, after: "EHLO idle.localhost\r\n")
        connections.append(c)
    }
    return connections
}

func residentMB(pid: Int32) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return nil
}

/// 8 connections per loopback source address (the server's per-client limit is 20).
func sourceAddress(_ index: Int) -> String { "127.0.0.\(10 + index / 8)" }
