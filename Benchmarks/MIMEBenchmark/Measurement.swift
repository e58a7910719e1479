/// Repeated timings of one engine over one mix.
struct Measurement {
    struct Trial {
        var messages: Int
        var bytes: Int
        var seconds: Double

        var messagesPerSecond: Double { Double(messages) / seconds }
        var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
    }

    var trials: [Trial]
    /// Messages the engine refused (threw on); ours never throws.
    var failures: Int = 0

    /// The fastest trial: the least disturbed by the other jobs on the machine.
    var best: Trial { trials.max { $0.messagesPerSecond < $1.messagesPerSecond }! }

    /// The median trial, reported beside the best because the machine is shared.
    var median: Trial { trials.sorted { $0.messagesPerSecond < $1.messagesPerSecond }[trials.count / 2] }
}
