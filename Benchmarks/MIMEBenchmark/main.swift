// mime-bench: throughput of the MIME engine beside Python's `email` and `fast-mail-parser`,
// and the peak memory of one 25 MB message. A benchmark, not a test: run it in release.
//
// Usage (from the package root, so `fixtures/` is found):
//   swift run -c release mime-bench                      # both mixes, peers, memory (~1.5 min after the build)
//   swift run -c release mime-bench --no-peers           # our engine only (quick loop while optimising)
//   swift run -c release mime-bench --mix small          # one mix: small | attachments | fixtures (not in the default run)
//   swift run -c release mime-bench --memory             # only the 25 MB peak-RSS probe
//   swift run -c release mime-bench --file X.eml         # time parse, lazy text+forwards, decode, mimeJSON of one file
//   swift run -c release mime-bench --scaling            # hostile shapes at 1x and 4x: is parse time linear?
// Options: --min-seconds S (default 2) per trial, --trials N (default 3), --work DIR
//   (default Benchmarks/corpus, generated corpora; gitignored), --fixtures DIR (default fixtures),
//   --python EXE (default python3; needs `pip install fast-mail-parser`), --small-count N
//   (default 2000), --attachment-mb N (default 100), --skip-memory.
// In the scratch package: swift run -c release --scratch-path /work/pure-pkg/.build-bench-rel mime-bench
//
// Each engine parses the same in-memory corpus, in passes, until a trial has lasted
// --min-seconds; the best of --trials is reported with the median beside it (the machine is
// shared). Peers are timed inside their own Python process: start-up and file reading are
// excluded on both sides. The generated messages come from fixed seeds, so every run and
// every engine sees identical bytes. See BENCHMARKS.md for results.
import Foundation

var options = [String: String]()
var flags = Set<String>()
var argumentIndex = 1
let arguments = CommandLine.arguments
while argumentIndex < arguments.count {
    let argument = arguments[argumentIndex]
    if ["--no-peers", "--memory", "--skip-memory", "--scaling"].contains(argument) {
        flags.insert(argument)
    } else if ["--min-seconds", "--trials", "--work", "--fixtures", "--python", "--small-count", "--attachment-mb",
                "--mix", "--file", "--memory-child", "--memory-decode-child"].contains(argument), argumentIndex + 1 < arguments.count {
        options[argument] = arguments[argumentIndex + 1]
        argumentIndex += 1
    } else {
        FileHandle.standardError.write(Data("mime-bench: unknown argument \(argument); see the top of main.swift\n".utf8))
        exit(64)
    }
    argumentIndex += 1
}

if let child = options["--memory-child"] {
    exit(MemoryProbe.runChild(path: child, mode: .parse))
}
if let child = options["--memory-decode-child"] {
    exit(MemoryProbe.runChild(path: child, mode: .parseAndDecode))
}
if let file = options["--file"] {
    exit(FileTiming.run(path: file))
}
if flags.contains("--scaling") {
    ScalingProbe.run()
    exit(0)
}

let minimumSeconds = Double(options["--min-seconds"] ?? "2") ?? 2
let trials = Int(options["--trials"] ?? "3") ?? 3
let workDirectory = options["--work"] ?? "Benchmarks/corpus"
let fixturesDirectory = options["--fixtures"] ?? "fixtures"
let python = options["--python"] ?? "python3"
let smallCount = Int(options["--small-count"] ?? "2000") ?? 2000
let attachmentMegabytes = Int(options["--attachment-mb"] ?? "100") ?? 100
let mixes = options["--mix"].map { [$0] } ?? ["small", "attachments"]

try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
let script = workDirectory + "/peers.py"
try PythonPeers.writeScript(to: script)

print("mime-bench  \(Report.machineLine())")
print("trials: best of \(trials), each ≥ \(minimumSeconds) s, single-threaded; load average at start: \(Report.loadAverage())")

if !flags.contains("--memory") {
    for mix in mixes {
        var generator = CorpusGenerator(seed: mix == "small" ? 0x5EED_0001 : 0x5EED_0002)
        let corpus: [[UInt8]]
        switch mix {
        case "small":
            // Fixtures over 64 KB are the hostile ones (10 MB header, 10,000 parts): not lead mail.
            corpus = CorpusPack.emlFiles(in: fixturesDirectory + "/email", maximumSize: 64 * 1024)
                + CorpusPack.emlFiles(in: fixturesDirectory + "/mime", maximumSize: 64 * 1024)
                + generator.smallMessages(count: smallCount)
        case "fixtures":
            // Only the hand-written fixtures (1-5 KB each): per-message fixed costs dominate.
            corpus = CorpusPack.emlFiles(in: fixturesDirectory + "/email", maximumSize: 64 * 1024)
                + CorpusPack.emlFiles(in: fixturesDirectory + "/mime", maximumSize: 64 * 1024)
        case "attachments":
            corpus = generator.attachmentMessages(totalBytes: attachmentMegabytes * 1_000_000)
        default:
            print("unknown mix \(mix) (small | attachments | fixtures)")
            exit(64)
        }
        let pack = workDirectory + "/\(mix).pack"
        try CorpusPack.write(corpus, to: pack)
        let size = corpus.reduce(0) { $0 + $1.count }
        print("")
        print("mix \(mix): \(corpus.count) messages, \(Report.megabytes(size)) (corpus: \(pack))")

        var ours: [(String, Measurement)] = []
        for mode in [EngineRunner.Mode.parse, .parseAndDecode, .full] {
            ours.append((mode.rawValue, EngineRunner.bench(corpus, mode: mode, minimumSeconds: minimumSeconds, trials: trials)))
            Report.row(mode.rawValue, ours[ours.count - 1].1)
        }
        var rows: [(String, Measurement)] = []
        if !flags.contains("--no-peers") {
            for (engine, label) in PythonPeers.engines {
                guard let measurement = PythonPeers.bench(python: python, script: script, pack: pack, engine: engine,
                                                          minimumSeconds: minimumSeconds, trials: trials) else { continue }
                rows.append((label, measurement))
                Report.row(label, measurement)
            }
        }
        Report.ratios(ours: ours, peers: rows, mix: mix)
    }
}

if !flags.contains("--skip-memory") {
    print("")
    Report.memory(workDirectory: workDirectory, python: flags.contains("--no-peers") ? nil : python, script: script)
}
