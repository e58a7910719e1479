import Foundation
import Synchronization

/// Process-wide counters, exposed at `GET /metrics` in the Prometheus text format.
///
/// Counters are per process (a restart starts from zero, as Prometheus expects); queue
/// depth is read from Postgres at scrape time because it is shared by every process.
public final class IntakeMetrics: Sendable {
    /// A counter family: name, help text, and the label its series differ by.
    public struct Family: Sendable, Hashable {
        public let name: String
        public let help: String
        public let label: String?

        public static let accepted = Family(
            name: "lead_intake_items_accepted_total", help: "Inbound items committed to the inbox.", label: "channel")
        public static let duplicates = Family(
            name: "lead_intake_items_duplicate_total", help: "Deliveries of a message already stored for the builder.", label: "channel")
        public static let processed = Family(
            name: "lead_intake_items_processed_total", help: "Items processed to an end state.", label: "outcome")
        public static let failed = Family(
            name: "lead_intake_items_failed_total", help: "Items marked failed after their last attempt.", label: nil)
        public static let retried = Family(
            name: "lead_intake_items_retried_total", help: "Failed attempts scheduled for a retry.", label: nil)
        public static let smtpSessions = Family(
            name: "lead_intake_smtp_sessions_total", help: "SMTP connections accepted.", label: nil)
        public static let smtpTemporaryFailures = Family(
            name: "lead_intake_smtp_temporary_failures_total", help: "451 replies because storage was unavailable.", label: nil)

        static let all: [Family] = [.accepted, .duplicates, .processed, .failed, .retried, .smtpSessions, .smtpTemporaryFailures]
    }

    private struct Key: Hashable {
        let family: Family
        let value: String
    }

    private let counts = Mutex<[Key: Int]>([:])

    public init() {}

    public func increment(_ family: Family, _ labelValue: String = "", by amount: Int = 1) {
        self.counts.withLock { $0[Key(family: family, value: labelValue), default: 0] += amount }
    }

    public func value(_ family: Family, _ labelValue: String = "") -> Int {
        self.counts.withLock { $0[Key(family: family, value: labelValue)] ?? 0 }
    }

    /// The exposition text of every counter, followed by `gauges` (name -> [label value: value]).
    public func render(gauges: [(name: String, help: String, label: String, values: [(String, Int)])] = []) -> String {
        let snapshot = self.counts.withLock { $0 }
        var out = ""
        for family in Family.all {
            out += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) counter\n"
            let series = snapshot.filter { $0.key.family == family }.sorted { $0.key.value < $1.key.value }
            if series.isEmpty, family.label == nil { out += "\(family.name) 0\n" }
            for (key, value) in series {
                if let label = family.label {
                    out += "\(family.name){\(label)=\"\(Self.escape(key.value))\"} \(value)\n"
                } else {
                    out += "\(family.name) \(value)\n"
                }
            }
        }
        for gauge in gauges {
            out += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n"
            for (labelValue, value) in gauge.values {
                out += gauge.label.isEmpty
                    ? "\(gauge.name) \(value)\n"
                    : "\(gauge.name){\(gauge.label)=\"\(Self.escape(labelValue))\"} \(value)\n"
            }
        }
        return out
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
