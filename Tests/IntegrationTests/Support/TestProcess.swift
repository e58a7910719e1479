import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A child process for end-to-end tests: the real `lead-intake` binary or the Python SMTP
/// client. Output goes to files so a killed child cannot leave a reader hanging.
final class TestProcess: Sendable {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String

    private init(pid: pid_t, stdoutPath: String, stderrPath: String) {
        self.pid = pid
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
    }

    static func start(_ argv: [String], environment: [String: String] = [:]) throws -> TestProcess {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("li-test-\(UUID().uuidString)").path
        let (out, err) = (base + ".out", base + ".err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        var cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        var cArgs = argv.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
        guard status == 0 else { throw TestFailure("cannot start \(argv[0]): errno \(status)") }
        return TestProcess(pid: pid, stdoutPath: out, stderrPath: err)
    }

    /// Starts, waits for exit, returns status and output.
    static func run(_ argv: [String], environment: [String: String] = [:], timeout: Duration = .seconds(120)) async throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let process = try self.start(argv, environment: environment)
        guard let status = await process.wait(timeout: timeout) else {
            process.signal(SIGKILL)
            _ = await process.wait(timeout: .seconds(5))
            throw TestFailure("\(argv.joined(separator: " ")) did not finish within \(timeout): \(process.stderr)")
        }
        return (status, process.stdout, process.stderr)
    }

    func signal(_ signal: Int32) {
        kill(self.pid, signal)
    }

    /// The exit status (128+N for a signal), or nil when still running after `timeout` or
    /// when the waiting task is cancelled (a cancelled `Task.sleep` returns at once: polling
    /// on would spin a thread of the cooperative pool that the servers under test need).
    func wait(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while true {
            var raw: Int32 = 0
            let result = waitpid(self.pid, &raw, WNOHANG)
            if result == self.pid {
                return (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
            }
            if result == -1 { return -1 }
            if ContinuousClock.now > deadline { return nil }
            do { try await Task.sleep(for: .milliseconds(20)) } catch { return nil }
        }
    }

    var stdout: String { (try? String(contentsOfFile: self.stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: self.stderrPath, encoding: .utf8)) ?? "" }

    deinit {
        var raw: Int32 = 0
        if waitpid(self.pid, &raw, WNOHANG) == 0 {
            kill(self.pid, SIGKILL)
            waitpid(self.pid, &raw, 0)
        }
        unlink(self.stdoutPath)
        unlink(self.stderrPath)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A free loopback TCP port (bound and released; good enough for tests on one machine).
func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(
    timeout: Duration = .seconds(30), _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("timed out waiting for: \(what)", sourceLocation: sourceLocation)
    throw TestFailure("timed out waiting for: \(what)")
}

/// Runs the project's SMTP client script (Python's smtplib).
func smtpSend(port: Int, from: String = "sender@example.org", to recipients: [String], files: [String]) async throws -> [String] {
    let result = try await TestProcess.run(
        ["python3", Repository.smtpClientScript, "send", "127.0.0.1", String(port), from,
         recipients.joined(separator: ",")] + files)
    #expect(result.status == 0, "smtp client failed: \(result.stderr)")
    return result.stdout.split(separator: "\n").map(String.init)
}

/// Writes bytes to a temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], suffix: String = ".eml") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("li-\(UUID().uuidString)\(suffix)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// Runs `bodies` at the same moment, each in its own task (as parallel workers would), and
/// waits for all; the first error is thrown.
func atOnce(_ bodies: [@Sendable () async throws -> Void]) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for body in bodies { group.addTask { try await body() } }
        try await group.waitForAll()
    }
}
