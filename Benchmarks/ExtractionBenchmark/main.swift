// extraction-bench: how much lead classification + extraction adds to MIME parsing over the
// fixture corpus (issue 5: at most 50%). A benchmark, not a test: build it in release.
//
//   swift build -c release --product extraction-bench && .build/release/extraction-bench
// Options: --min-seconds S (default 2) per measurement, --trials N (default 5, median kept),
//   --top N (the N messages whose extraction costs most), --dump FILE (every outcome as a JSON
//   line, to compare before and after a change), --profile leads|mime (only parse + extract,
//   for perf; with --passes N a fixed N passes instead of --min-seconds, for callgrind, and
//   --stage parse to run the parse alone, --stage derive parse + derive),
//   --repeat N with --profile: each message N times in a row, caches warm on it),
//   --split yes with --profile: the parse and the extraction of each message timed apart in
//   the same pass, beside a parse-only pass),
//   --match SUBSTRING (only files whose path has it; with --scaling, only shapes whose name has it),
//   --scaling yes (hostile generated messages of many shapes at 16 KiB, 128 KiB and 1 MiB:
//   parse and extraction µs, µs per KiB, growth per 8x of size, super-linear shapes flagged;
//   see ExtractionScaling.swift; --skip SUBSTRING leaves out the shapes whose name has it),
//   --corpus leads|mime|all (default: print leads and mime separately).
//
// Three timings per corpus pass, in the same run, interleaved trial by trial:
//   parse    MIMEMessage.parse(bytes) only (bodies and forwards are lazy);
//   derive   parse + the message text (HTML rendered) + forwarded originals, i.e. the MIME
//            work extraction needs, done by the MIME engine;
//   extract  parse + LeadExtractor.extract (classification, spec detection, rules,
//            normalisers, heuristics; it derives the text itself).
// "adds" = (extract - parse) / parse, and (extract - derive) / derive.
import Extraction
import Foundation
import LeadModel
import MIME

func say(_ s: String = "") { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }

var options: [String: String] = [:]
do {
    var i = 1
    let args = CommandLine.arguments
    while i < args.count {
        guard args[i].hasPrefix("--"), i + 1 < args.count else { say("usage: see the header of Benchmarks/ExtractionBenchmark/main.swift"); exit(2) }
        options[String(args[i].dropFirst(2))] = args[i + 1]
        i += 2
    }
}
let minSeconds = Double(options["min-seconds"] ?? "2") ?? 2
let trials = Int(options["trials"] ?? "5") ?? 5

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func emails(under relative: String, only: String) -> [[UInt8]] {
    let base = root.appendingPathComponent(relative)
    guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
    var paths: [String] = []
    for case let url as URL in walker where url.pathExtension == "eml" { paths.append(url.path) }
    return paths.sorted().filter { only.isEmpty || $0.contains(only) }
        .compactMap { FileManager.default.contents(atPath: $0).map { Array($0) } }
}

let specs: SpecSet
do {
    specs = try SpecSet.load(directory: root.appendingPathComponent("parsers"))
} catch {
    say("parsers/ does not load: \(error)")
    exit(1)
}
let extractor = LeadExtractor(specs: specs)

/// Seconds per corpus pass: repeats `body` until `minSeconds` have passed.
func secondsPerPass(_ corpus: [[UInt8]], _ body: ([UInt8]) -> Int) -> Double {
    var passes = 0
    var sink = 0
    let clock = ContinuousClock()
    let start = clock.now
    var elapsed = 0.0
    repeat {
        for message in corpus { sink &+= body(message) }
        passes += 1
        let d = clock.now - start
        elapsed = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    } while elapsed < minSeconds
    if sink == 42 { say("") }  // keep the work
    return elapsed / Double(passes)
}

func parseOnly(_ bytes: [UInt8]) -> Int { MIMEMessage.parse(bytes).headers.count }
func derive(_ bytes: [UInt8]) -> Int {
    let message = MIMEMessage.parse(bytes)
    return (message.text?.utf8.count ?? 0) + message.forwarded.count
}
func extract(_ bytes: [UInt8]) -> Int {
    let outcome = extractor.extract(from: MIMEMessage.parse(bytes))
    return outcome.lead == nil ? 0 : 1
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func measure(_ name: String, _ corpus: [[UInt8]]) {
    let bytes = corpus.reduce(0) { $0 + $1.count }
    var parse: [Double] = [], derived: [Double] = [], extracted: [Double] = []
    for _ in 0..<trials {
        parse.append(secondsPerPass(corpus, parseOnly))
        derived.append(secondsPerPass(corpus, derive))
        extracted.append(secondsPerPass(corpus, extract))
    }
    let p = median(parse), d = median(derived), e = median(extracted)
    let leads = corpus.filter { extractor.extract(from: MIMEMessage.parse($0)).lead != nil }.count
    say("corpus \(name): \(corpus.count) messages, \(bytes / 1024) KiB, \(leads) leads; median of \(trials) trials, ≥ \(minSeconds) s each")
    say(String(format: "  parse            %9.3f ms/pass  %8.1f µs/msg", p * 1e3, p * 1e6 / Double(corpus.count)))
    say(String(format: "  parse + derive   %9.3f ms/pass  %8.1f µs/msg", d * 1e3, d * 1e6 / Double(corpus.count)))
    say(String(format: "  parse + extract  %9.3f ms/pass  %8.1f µs/msg", e * 1e3, e * 1e6 / Double(corpus.count)))
    say(String(format: "  extraction adds %+.0f%% to parse (target ≤ +50%%), %+.0f%% to parse + derive", (e - p) / p * 100, (e - d) / d * 100))
}

let leadCorpus = emails(under: "parsers/fixtures", only: options["match"] ?? "") + emails(under: "fixtures/email", only: options["match"] ?? "")
let mimeCorpus = emails(under: "fixtures/mime", only: options["match"] ?? "")
let which = options["corpus"] ?? "both"
if options["scaling"] != nil {
    ExtractionScaling.run(extractor: extractor, match: options["match"] ?? "", skip: options["skip"] ?? "", say: say)
    exit(0)
}
if let dump = options["dump"] {
    // Every outcome, one JSON line per message (corpus order), to compare before and after a change.
    var out = ""
    for message in leadCorpus + mimeCorpus {
        let json = (try? extractor.extract(from: MIMEMessage.parse(message)).jsonData()).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        out += json.replacingOccurrences(of: "\n", with: " ") + "\n"
    }
    try! out.write(toFile: dump, atomically: true, encoding: .utf8)
    exit(0)
}
if options["profile"] != nil {
    // For a profiler: only parse + extract over the lead corpus (--profile mime: the mime
    // corpus), for --min-seconds; --match SUBSTRING keeps only the files whose path has it.
    let corpus = options["profile"] == "mime" ? mimeCorpus : leadCorpus
    if let passes = options["passes"].flatMap(Int.init) {
        // A fixed amount of work, for `perf stat -e instructions:u` (steadier than time on a busy machine).
        // --stage parse: MIME parse alone, the baseline the target is relative to;
        // --stage derive: parse + derive, the MIME engine's whole work (mime-bench's parse row).
        let stage: (name: String, body: ([UInt8]) -> Int) = switch options["stage"] {
        case "parse": ("parse", parseOnly)
        case "derive": ("parse + derive", derive)
        default: ("parse + extract", extract)
        }
        var sink = 0
        for _ in 0..<passes { for message in corpus { sink &+= stage.body(message) } }
        say("\(stage.name): \(passes) passes over \(corpus.count) messages (\(sink))")
        exit(0)
    }
    // --split yes: time the parse and the extraction of each message apart inside the same
    // corpus pass, to see how much slower the parse itself runs when extraction runs between
    // parses (both cold) than in the parse-only pass.
    if options["split"] != nil {
        let clock = ContinuousClock()
        var timed = TimedApart()
        let start = clock.now
        repeat {
            for bytes in corpus { timed.run(bytes, extractor, clock) }
        } while clock.now - start < .seconds(minSeconds)
        let perMessage = { (d: Duration) in
            (Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12) / Double(timed.messages)
        }
        let parseAlone = secondsPerPass(corpus, parseOnly) * 1e6 / Double(corpus.count)
        say(String(format: "parse alone %.1f µs/msg; in the parse + extract pass: parse %.1f, extract %.1f µs/msg (%d)",
                   parseAlone, perMessage(timed.parse), perMessage(timed.extract), timed.leads % 2))
        exit(0)
    }
    // --repeat N: each message N times in a row (caches and branch predictors warm on it), to
    // compare with the corpus pass and see which stages pay for going cold between messages.
    let repeats = options["repeat"].flatMap(Int.init) ?? 1
    let seconds = secondsPerPass(corpus) { message in
        var sink = 0
        for _ in 0..<repeats { sink &+= extract(message) }
        return sink
    } / Double(repeats)
    say(String(format: "parse + extract %.1f µs/msg over %d messages", seconds * 1e6 / Double(corpus.count), corpus.count))
    exit(0)
}
if let top = options["top"].flatMap(Int.init) {
    // Where extraction time goes: the messages whose extraction (beyond parse) costs most.
    var rows: [(Double, Double, Int)] = []
    let corpus = leadCorpus + mimeCorpus
    for (index, message) in corpus.enumerated() {
        let p = secondsPerPass([message], parseOnly), e = secondsPerPass([message], extract)
        rows.append((e - p, p, index))
    }
    var paths: [String] = []
    for relative in ["parsers/fixtures", "fixtures/email", "fixtures/mime"] {
        let base = root.appendingPathComponent(relative)
        var found: [String] = []
        for case let url as URL in FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)! where url.pathExtension == "eml" { found.append(url.path) }
        paths += found.sorted()
    }
    for (extra, parse, index) in rows.sorted(by: { $0.0 > $1.0 }).prefix(top) {
        say(String(format: "%8.1f µs extract  %8.1f µs parse  ", extra * 1e6, parse * 1e6) + paths[index].dropFirst(root.path.count + 1))
    }
    say(String(format: "total extract %.1f µs, parse %.1f µs", rows.reduce(0) { $0 + $1.0 } * 1e6, rows.reduce(0) { $0 + $1.1 } * 1e6))
    exit(0)
}
say("extraction-bench: \(specs.specs.count) specs; load average \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?")")
if which == "leads" || which == "both" { measure("leads (parsers/fixtures + fixtures/email)", leadCorpus) }
if which == "mime" || which == "both" { measure("mime (fixtures/mime, hostile messages included)", mimeCorpus) }
if which == "all" { measure("all", leadCorpus + mimeCorpus) }
