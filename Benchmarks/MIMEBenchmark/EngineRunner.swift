import MIME

/// Times our engine the same way the Python script times the peers: whole passes over the
/// in-memory corpus until `minimumSeconds` have elapsed, `trials` times, single-threaded.
enum EngineRunner {
    /// What each timed call does with a message.
    enum Mode: String {
        /// `MIMEMessage.parse`, then read what the peers produce: subject, addresses, the
        /// decoded text/plain and text/html bodies, and each attachment's size
        /// (`decodedSize`, computed without decoding).
        case parse = "ours: parse (plain, html, attachment sizes)"
        /// As `parse`, plus `decodedBody()` of every attachment: what the peers do.
        case parseAndDecode = "ours: parse + decode attachments"
        /// As `parse`, plus what the peers do not do at all: HTML-only bodies rendered to
        /// text (libxml2), forwarded originals recovered, defects collected.
        case full = "ours: parse + text + forwards (more than the peers do)"
    }

    static func bench(_ messages: [[UInt8]], mode: Mode, minimumSeconds: Double, trials: Int) -> Measurement {
        let size = messages.reduce(0) { $0 + $1.count }
        let clock = ContinuousClock()
        var sink = 0
        var results: [Measurement.Trial] = []
        for _ in 0..<trials {
            var passes = 0
            let start = clock.now
            var elapsed = 0.0
            repeat {
                for message in messages {
                    sink &+= touch(MIMEMessage.parse(message), mode: mode)
                }
                passes += 1
                let duration = clock.now - start
                elapsed = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            } while elapsed < minimumSeconds
            results.append(.init(messages: passes * messages.count, bytes: passes * size, seconds: elapsed))
        }
        // Printed so the optimiser cannot drop the work.
        if sink == 42 { print("") }
        return Measurement(trials: results)
    }

    /// Reads the fields a caller reads, so lazily computed values are paid for as peers pay.
    @inline(never)
    static func touch(_ message: MIMEMessage, mode: Mode) -> Int {
        var touched = (message.subject?.utf8.count ?? 0) + message.from.count + message.to.count
        touched += (message.plainText?.utf8.count ?? 0) + (message.html?.utf8.count ?? 0)
        if mode == .full {
            touched += (message.text?.utf8.count ?? 0) + message.forwarded.count + message.defects.count
        }
        for part in message.attachments {
            touched += mode == .parseAndDecode ? part.decodedBody().count : part.decodedSize
        }
        return touched
    }
}
