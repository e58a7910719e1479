import Foundation

/// The printed report: one row per engine, the ratios against the issue's targets, and the
/// memory probe.
enum Report {
    static func machineLine() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let formatter = ISO8601DateFormatter()
        return "\(formatter.string(from: Date()))  \(model), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
            .split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    static func row(_ label: String, _ measurement: Measurement) {
        let best = measurement.best
        let median = measurement.median
        let failures = measurement.failures > 0 ? "  (\(measurement.failures) of the corpus raised)" : ""
        print("  \(pad(label, 48)) \(number(best.messagesPerSecond, width: 10)) msg/s \(number(best.megabytesPerSecond, width: 8, decimals: 1)) MB/s"
              + "   median \(number(median.messagesPerSecond, width: 10)) msg/s \(number(median.megabytesPerSecond, width: 8, decimals: 1)) MB/s\(failures)")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func number(_ value: Double, width: Int = 0, decimals: Int = 0) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// Each of our modes against each peer, best against best and median against median.
    static func ratios(ours: [(String, Measurement)], peers: [(String, Measurement)], mix: String) {
        for (oursLabel, mine) in ours {
            let mode = oursLabel.hasPrefix("ours: parse + decode") ? "parse+decode"
                : oursLabel.hasPrefix("ours: parse + text") ? "parse+text+forwards" : "parse"
            for (label, peer) in peers {
                let target: String
                if label.hasPrefix("python") {
                    target = mix == "small" ? "target ≥ 25x" : "no target"
                } else {
                    target = "target ≥ 0.5x, goal > 1x"
                }
                let name = label.split(separator: " ").first.map(String.init) ?? label
                let best = mine.best.messagesPerSecond / peer.best.messagesPerSecond
                let median = mine.median.messagesPerSecond / peer.median.messagesPerSecond
                print("  ratio ours (\(mode)) / \(name == "python" ? "python email" : name): \(number(best, decimals: 2))x"
                      + " (median \(number(median, decimals: 2))x)  [\(target)]")
            }
        }
    }

    /// Peak RSS of parsing a ~25 MB message in a fresh process, minus the same process
    /// parsing a tiny message. The difference includes the input buffer itself (1x).
    static func memory(workDirectory: String, python: String?, script: String) {
        var generator = CorpusGenerator(seed: 0x5EED_0003)
        // Three 6 MB attachments: base64 with CRLF lines takes 78/57 of that, about 25 MB.
        let big = generator.attachmentMessage(attachmentSizes: [6_050_000, 6_050_000, 6_050_000])
        let tiny = generator.smallMessage(targetSize: 2048)
        let nested = generator.nestedAttachedMessages(minimumSize: 24_000_000)
        let bigPath = workDirectory + "/memory-25mb.eml"
        let tinyPath = workDirectory + "/memory-tiny.eml"
        let nestedPath = workDirectory + "/memory-nested-rfc822.eml"
        FileManager.default.createFile(atPath: bigPath, contents: Data(big))
        FileManager.default.createFile(atPath: tinyPath, contents: Data(tiny))
        FileManager.default.createFile(atPath: nestedPath, contents: Data(nested.message))

        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var engines: [(String, [String], [String])] = [
            ("ours", [executable, "--memory-child"], []),
            ("ours + decode", [executable, "--memory-decode-child"], []),
        ]
        if let python {
            for (engine, _) in PythonPeers.engines {
                engines.append((engine, ["/usr/bin/env", python, script, "memory"], [engine]))
            }
        }
        let cases = [
            ("one \(megabytes(big.count)) message (3 base64 attachments, text+HTML)", bigPath, big.count, true),
            ("one \(megabytes(nested.message.count)) forward of a forward (\(nested.levels) nested base64 message/rfc822, 1.5 MB PDF inside)",
             nestedPath, nested.message.count, false),
        ]
        for (title, path, size, withPeers) in cases {
            print("memory: \(title), peak RSS (VmHWM) of a fresh child process")
            for (name, command, suffix) in engines where withPeers || name.hasPrefix("ours") {
                guard let baseline = MemoryProbe.peakRSS(of: command + [tinyPath] + suffix),
                      let peak = MemoryProbe.peakRSS(of: command + [path] + suffix) else {
                    print("  \(name): child failed")
                    continue
                }
                let delta = peak - baseline
                let ratio = Double(delta) / Double(size)
                print("  \(pad(name, 17)) peak \(megabytes(peak)), baseline \(megabytes(baseline)), "
                      + "delta \(megabytes(delta)) = \(number(ratio, decimals: 2))x the message\(name.hasPrefix("ours") ? "  [target < 3x]" : "")")
            }
        }
    }
}
