import Foundation
import Logging
import Synchronization

/// Logs go to stderr, one line each, so stdout stays clean for command output (JSON,
/// raw messages) that other tools read.
enum LoggingBootstrap {
    private static let done = Mutex(false)

    static func once(level: Logger.Level) {
        let first = self.done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
