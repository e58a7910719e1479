import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (initdb, pg_ctl, createdb) to completion and returns its exit
/// status and combined output.
///
/// Output goes to a temporary file, not a pipe: `pg_ctl start` leaves the postmaster
/// holding its inherited descriptors, so reading a pipe to end-of-file would wait for the
/// database to exit. The child is spawned with posix_spawn and reaped with a blocking
/// waitpid on its own thread; Foundation's `Process` missed the exit of a short-lived
/// child here and left the caller waiting forever.
package struct ProcessRunner: Sendable {
    package struct Result: Sendable {
        package let status: Int32
        package let output: String
        package var succeeded: Bool { self.status == 0 }
    }

    /// When set, commands run as this OS user through `runuser` (we are root).
    let runAsUser: String?

    package init(runAsUser: String? = nil) {
        self.runAsUser = runAsUser
    }

    package func run(_ executable: String, _ arguments: [String]) async throws -> Result {
        let argv: [String]
        if let user = self.runAsUser {
            argv = ["/usr/sbin/runuser", "-u", user, "--", executable] + arguments
        } else {
            argv = [executable] + arguments
        }
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("lead-intake-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }

        let pid = try Self.spawn(argv, outputPath: outputPath)
        let status: Int32 = await withCheckedContinuation { continuation in
            let thread = Thread {
                var raw: Int32 = 0
                while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
                let exited = (raw & 0x7F) == 0
                continuation.resume(returning: exited ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F))
            }
            thread.start()
        }
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return Result(status: status, output: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func spawn(_ argv: [String], outputPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
        guard result == 0 else {
            throw StorageError(.embeddedPostgres, "cannot run \(argv[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }
}
