// identity-bench: identity and assignment at scale (issue 6), against a real PostgreSQL.
//   1. Import: a seeded CSV of --rows rows (default 100,000; a fifth are repeat inquiries of
//      earlier people: nicknames, dropped fields, Gmail dots) read, mapped and imported the
//      way `lead-intake import` does (CSVReader, ImportRow, BulkImporter in batches of 500).
//      Target: at least 2,000 rows/s.
//   2. Matching time: a builder with --small (10,000) and one with --large (1,000,000)
//      existing leads and their blocking keys; --probes (500) incoming leads each (half repeat
//      inquiries of existing people, half new people) go through the intake's key lookup and
//      matcher (`LeadStore.matchDecision`). Target: per-lead time at 1,000,000 within 2x of
//      that at 10,000.
// A benchmark, not a test: build it in release and run it under the throwaway cluster:
//   swift build -c release --product identity-bench
//   Tests/with-test-postgres.sh .build/release/identity-bench [--rows N] [--small N] [--large N] [--probes N]
import Foundation
import Intake
import LeadModel
import Logging
import Matching
import PostgresNIO
import Storage

func say(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

var options: [String: Int] = [:]
do {
    let args = CommandLine.arguments
    var i = 1
    while i + 1 < args.count, args[i].hasPrefix("--"), let value = Int(args[i + 1]) {
        options[String(args[i].dropFirst(2))] = value
        i += 2
    }
    if i < args.count { say("usage: see the header of Benchmarks/IdentityBenchmark/main.swift"); exit(2) }
}
let rowCount = options["rows"] ?? 100_000
let smallCount = options["small"] ?? 10_000
let largeCount = options["large"] ?? 1_000_000
let probeCount = options["probes"] ?? 500

guard let urlText = ProcessInfo.processInfo.environment["LEAD_INTAKE_TEST_DATABASE_URL"] else {
    say("LEAD_INTAKE_TEST_DATABASE_URL is not set: run under Tests/with-test-postgres.sh")
    exit(2)
}
var logger = Logger(label: "identity-bench")
logger.logLevel = .warning
let client = PostgresClient(configuration: try DatabaseURL(urlText).configuration, backgroundLogger: logger)

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}

try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { await client.run() }
    defer { group.cancelAll() }
    _ = try await Migrator(client: client, logger: logger).migrate()
    let builders = BuilderStore(client: client, logger: logger)
    let stamp = UInt64(Date().timeIntervalSince1970)
    say("identity-bench: load average \(loadAverage())")

    // 1. Import.
    let importer = try await builders.add(slug: "import-\(stamp)", address: nil)
    var generator = PeopleGenerator(seed: 1)
    var people: [PeopleGenerator.Person] = []
    var csv = "first_name,last_name,email,phone,street,city,state,zip,source,created_at\n"
    for index in 0..<rowCount {
        let person = (index > 100 && generator.below(5) == 0)
            ? generator.repeatInquiry(of: people[generator.below(people.count)])
            : generator.person(index: index)
        if people.count < 50_000 { people.append(person) }
        csv += "\(person.first),\(person.last),\(person.email ?? ""),\(person.phone ?? ""),\(person.street ?? ""),"
            + "\(person.city),\(person.state),\(person.zip),\(["zillow", "houzz", "website", "referral"][index % 4]),2025-\(1 + index % 12)-\(1 + index % 28)\n"
    }
    let bytes = Array(csv.utf8)
    let clock = ContinuousClock()
    let start = clock.now
    let records = try CSVReader.records(bytes)
    let columns = try ImportColumns(header: records[0].fields)
    let rows = records.dropFirst().enumerated().map { ImportRow(row: $0.offset + 1, line: $0.element.line, fields: $0.element.fields, columns: columns) }
    let parsed = clock.now
    let bulk = BulkImporter(client: client, logger: logger)
    var actions: [String: Int] = [:]
    var index = 0
    while index < rows.count {
        let slice = rows[index..<min(index + 500, rows.count)]
        index += slice.count
        for outcome in try await bulk.importBatch(slice.map { .init(row: $0.row, lead: $0.lead, createdAt: $0.createdAt) }, builderID: importer.id) {
            actions[outcome.action, default: 0] += 1
        }
    }
    let total = seconds(clock.now - start)
    say(String(format: "import: %d rows (%d KiB CSV) in %.1f s = %.0f rows/s (target >= 2,000); parse+map %.2f s; %@",
               rowCount, bytes.count / 1024, total, Double(rowCount) / total, seconds(parsed - start),
               actions.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")))

    // 2. Matching time at 10,000 and 1,000,000 existing leads.
    var results: [(Int, [Double])] = []
    for (label, count) in [("small", smallCount), ("large", largeCount)] {
        let builder = try await builders.add(slug: "\(label)-\(stamp)", address: nil)
        var seedGenerator = PeopleGenerator(seed: 7)
        var sample: [PeopleGenerator.Person] = []
        let seedStart = clock.now
        var written = 0
        while written < count {
            let chunk = min(10_000, count - written)
            var ids: [UUID] = [], firsts: [String] = [], lasts: [String] = [], emails: [String] = [], phones: [String] = []
            var streets: [String] = [], cities: [String] = [], states: [String] = [], zips: [String] = []
            var keyLeads: [UUID] = [], keyKinds: [String] = [], keyValues: [String] = []
            for i in 0..<chunk {
                let person = seedGenerator.person(index: written + i)
                if sample.count < 5_000 && seedGenerator.below(max(1, count / 5_000)) == 0 { sample.append(person) }
                let id = UUID.v7()
                let record = PersonRecord(id: id, builderID: builder.id, firstName: person.first, lastName: person.last,
                                          email: person.email, phone: person.phone, street: person.street, city: person.city,
                                          state: person.state, postalCode: person.zip)
                ids.append(id); firsts.append(person.first); lasts.append(person.last); emails.append(person.email ?? "")
                phones.append(person.phone ?? ""); streets.append(person.street ?? ""); cities.append(person.city)
                states.append(person.state); zips.append(person.zip)
                for key in BlockingKeys.keys(for: record) {
                    keyLeads.append(id); keyKinds.append(key.kind.rawValue); keyValues.append(key.value)
                }
            }
            try await client.withTransaction(logger: logger) { tx in
                try await tx.query(
                    """
                    INSERT INTO leads (id, builder_id, source, first_name, last_name, email, phone, address, city, state, postal_code)
                    SELECT v.id, \(builder.id), 'seed', v.f, v.l, nullif(v.e, ''), nullif(v.p, ''), nullif(v.s, ''), v.c, v.st, v.z
                    FROM unnest(\(ids)::uuid[], \(firsts)::text[], \(lasts)::text[], \(emails)::text[], \(phones)::text[],
                                \(streets)::text[], \(cities)::text[], \(states)::text[], \(zips)::text[]) AS v(id, f, l, e, p, s, c, st, z)
                    """, logger: logger)
                try await tx.query(
                    """
                    INSERT INTO lead_match_keys (builder_id, kind, value, lead_id)
                    SELECT \(builder.id), k.kind, k.value, k.lead
                    FROM unnest(\(keyKinds)::text[], \(keyValues)::text[], \(keyLeads)::uuid[]) AS k(kind, value, lead)
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
            written += chunk
        }
        try await client.query("ANALYZE leads", logger: logger)
        try await client.query("ANALYZE lead_match_keys", logger: logger)
        say(String(format: "seeded %d leads for %@ in %.0f s", count, label, seconds(clock.now - seedStart)))

        let store = LeadStore(client: client, logger: logger)
        var probeGenerator = PeopleGenerator(seed: 99)
        var times: [Double] = []
        var decisions: [String: Int] = [:]
        for p in 0..<(probeCount + 20) {
            let person = p % 2 == 0 ? probeGenerator.repeatInquiry(of: sample[probeGenerator.below(sample.count)])
                                    : probeGenerator.person(index: 5_000_000 + p)
            let lead = ExtractedLead(firstName: person.first, lastName: person.last, email: person.email, phone: person.phone,
                                     address: PostalAddress(street: person.street, city: person.city, state: person.state, postalCode: person.zip))
            let t0 = clock.now
            let decision = try await store.matchDecision(for: lead, builderID: builder.id)
            let elapsed = seconds(clock.now - t0)
            if p >= 20 {  // the first few warm the connection and plan caches
                times.append(elapsed)
                decisions[decision.action, default: 0] += 1
            }
        }
        times.sort()
        let mean = times.reduce(0, +) / Double(times.count)
        say(String(format: "matching with %d existing leads: %d probes, mean %.2f ms, p50 %.2f ms, p99 %.2f ms (%@)",
                   count, times.count, mean * 1e3, times[times.count / 2] * 1e3, times[times.count * 99 / 100] * 1e3,
                   decisions.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")))
        results.append((count, times))
    }
    let small = results[0].1.reduce(0, +) / Double(results[0].1.count)
    let large = results[1].1.reduce(0, +) / Double(results[1].1.count)
    say(String(format: "per-lead matching time at %d / at %d leads: %.2fx mean, %.2fx p50 (target <= 2x); load average %@",
               largeCount, smallCount, large / small, results[1].1[results[1].1.count / 2] / results[0].1[results[0].1.count / 2], loadAverage()))
}
