import Extraction
import Foundation
import Intake
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads `parsers/` on SIGHUP (`kill -HUP`, `systemctl reload`): every spec is loaded and
/// checked as at start-up; only when all load do they replace the specs in use. A spec that
/// does not load is logged with its file, line and reason, and the gateway keeps extracting
/// with the specs it had: a typo in a spec edit never stops intake.
struct SpecReloader: Service {
    let directory: URL
    /// The specs the workers use.
    let live: LiveSpecs
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            self.reload()
        }
    }

    func reload() {
        do {
            let loaded = try ParserSpecsOption.specs(in: self.directory)
            self.live.replace(with: loaded)
            self.logger.notice("parser specs reloaded", metadata: [
                "specs": "\(loaded.specs.count)", "directory": "\(self.directory.path)"])
        } catch let error as CLIError {
            self.logger.error("parser specs not reloaded: \(error.description); the specs loaded before stay in use",
                              metadata: ["specs": "\(self.live.specs.specs.count)"])
        } catch {
            self.logger.error("parser specs not reloaded: \(error); the specs loaded before stay in use",
                              metadata: ["specs": "\(self.live.specs.specs.count)"])
        }
    }
}
