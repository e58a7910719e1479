import Foundation

/// Runs a helper program (initdb, pg_ctl, createdb) to completion and returns its exit
/// status and combined output.
///
/// Output goes to a temporary file, not a pipe: `pg_ctl start` leaves the postmaster
/// holding its inherited descriptors, so reading a pipe to end-of-file would wait for the
/// database to exit.
struct ProcessRunner: Sendable {
    struct Result: Sendable {
        let status: Int32
        let output: String
        var succeeded: Bool { self.status == 0 }
    }

    /// When set, commands run as this OS user through `runuser` (we are root).
    let runAsUser: String?

    func run(_ executable: String, _ arguments: [String]) async throws -> Result {
        let outputURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("lead-intake-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }

        let process = Process()
        if let user = self.runAsUser {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output

        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        return Result(status: status, output: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
