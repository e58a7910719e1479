public import Foundation
import LeadModel
import MIME

/// One fixture's result: did `NAME.eml` extract to exactly `NAME.expected.json`?
public struct SpecFixtureResult: Sendable, Hashable {
    /// The spec (file stem) the fixture belongs to.
    public var spec: String
    /// The fixture name (`new-lead-custom-home`), or empty for a problem with the spec's
    /// fixture directory itself.
    public var fixture: String
    /// Whether the output matched.
    public var passed: Bool
    /// The first key (dotted: `address.city`, `fields.email.rule`) whose value differs.
    public var differingKey: String?
    /// That key's expected value, as compact JSON (`null` when absent).
    public var expected: String?
    /// That key's actual value, as compact JSON.
    public var actual: String?
    /// Why the fixture could not be compared (missing expected file, no fixtures, ...).
    public var problem: String?

    /// Creates a result row.
    public init(spec: String, fixture: String, passed: Bool, differingKey: String? = nil,
                expected: String? = nil, actual: String? = nil, problem: String? = nil) {
        self.spec = spec
        self.fixture = fixture
        self.passed = passed
        self.differingKey = differingKey
        self.expected = expected
        self.actual = actual
        self.problem = problem
    }
}

/// Runs every spec's fixtures: `parsers/fixtures/<spec>/NAME.eml` through the whole
/// ``LeadExtractor`` (so detection is tested too), compared with `NAME.expected.json`.
///
/// The engine behind `lead-intake parsers test` and the fixture test.
public enum SpecFixtureRunner {
    /// Loads the specs of `directory` and runs their fixtures.
    ///
    /// - Parameters:
    ///   - directory: The `parsers/` directory.
    ///   - update: Rewrite every `NAME.expected.json` with the actual output (review the
    ///     diff by eye before committing).
    /// - Returns: One row per fixture, specs in name order, and a failing `(pattern cost)`
    ///   row for each pattern ``SpecPatternCost`` finds too slow; a spec without fixtures gets
    ///   one failing row saying so.
    /// - Throws: ``SpecError`` when a spec does not load.
    public static func run(directory: URL, update: Bool = false, only: Set<String>? = nil) throws -> [SpecFixtureResult] {
        run(specs: try SpecSet.load(directory: directory), directory: directory, update: update, only: only)
    }

    /// Runs the fixtures of already-loaded specs found under `directory/fixtures`.
    public static func run(
        specs: SpecSet, directory: URL, update: Bool = false, only: Set<String>? = nil
    ) -> [SpecFixtureResult] {
        let extractor = LeadExtractor(specs: specs)
        let fixturesRoot = directory.appendingPathComponent("fixtures", isDirectory: true)
        let files = FileManager.default
        var results: [SpecFixtureResult] = []
        for spec in specs.specs.sorted(by: { $0.name < $1.name }) where only?.contains(spec.name) ?? true {
            let folder = fixturesRoot.appendingPathComponent(spec.name, isDirectory: true)
            let names = ((try? files.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
            if names.isEmpty {
                results.append(SpecFixtureResult(spec: spec.name, fixture: "", passed: false,
                                                 problem: "no fixtures in fixtures/\(spec.name)/"))
                continue
            }
            for name in names {
                results.append(runFixture(name, in: folder, spec: spec.name, extractor: extractor, update: update))
            }
            for slow in SpecPatternCost.slowPatterns(in: spec) {
                results.append(SpecFixtureResult(
                    spec: spec.name, fixture: "(pattern cost)", passed: false,
                    problem: "\(slow.place) pattern grows faster than its input (\(milliseconds(slow.smallElapsed)) ms on 1 KiB, "
                        + "\(milliseconds(slow.elapsed)) ms on 8 KiB of \(slow.text); bound its repeats, "
                        + "e.g. [^:\\n]{1,80}? for [^:]+?): '\(slow.source)'"))
            }
        }
        let specNames = Set(specs.specs.map(\.name))
        for folder in ((try? files.contentsOfDirectory(atPath: fixturesRoot.path)) ?? []).sorted()
        where !specNames.contains(folder) && !folder.hasPrefix(".") && only == nil {
            results.append(SpecFixtureResult(spec: folder, fixture: "", passed: false,
                                             problem: "fixtures/\(folder)/ has no spec \(folder).yaml"))
        }
        return results
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration / .milliseconds(1))
    }

    private static func runFixture(
        _ name: String, in folder: URL, spec: String, extractor: LeadExtractor, update: Bool
    ) -> SpecFixtureResult {
        let emlURL = folder.appendingPathComponent("\(name).eml")
        let expectedURL = folder.appendingPathComponent("\(name).expected.json")
        guard let bytes = FileManager.default.contents(atPath: emlURL.path) else {
            return SpecFixtureResult(spec: spec, fixture: name, passed: false, problem: "cannot read \(name).eml")
        }
        let outcome = extractor.extract(from: MIMEMessage.parse([UInt8](bytes)))
        guard let actualData = try? outcome.jsonData() else {
            return SpecFixtureResult(spec: spec, fixture: name, passed: false, problem: "cannot encode the outcome")
        }
        if update {
            do {
                try actualData.write(to: expectedURL)
            } catch {
                return SpecFixtureResult(spec: spec, fixture: name, passed: false, problem: "cannot write \(name).expected.json")
            }
            return SpecFixtureResult(spec: spec, fixture: name, passed: true)
        }
        guard let expectedData = FileManager.default.contents(atPath: expectedURL.path) else {
            return SpecFixtureResult(spec: spec, fixture: name, passed: false,
                                     problem: "missing \(name).expected.json (run with update to create it, then review it)")
        }
        guard let expected = try? JSONSerialization.jsonObject(with: expectedData, options: [.fragmentsAllowed]) else {
            return SpecFixtureResult(spec: spec, fixture: name, passed: false, problem: "\(name).expected.json is not valid JSON")
        }
        let actual = (try? JSONSerialization.jsonObject(with: actualData, options: [.fragmentsAllowed])) ?? NSNull()
        if let (key, expectedValue, actualValue) = firstDifference(expected, actual, path: "") {
            return SpecFixtureResult(spec: spec, fixture: name, passed: false, differingKey: key,
                                     expected: expectedValue, actual: actualValue)
        }
        return SpecFixtureResult(spec: spec, fixture: name, passed: true)
    }

    /// The first differing key path (sorted key order, depth first) with both values as JSON.
    static func firstDifference(_ expected: Any?, _ actual: Any?, path: String) -> (String, String, String)? {
        if let left = expected as? [String: Any], let right = actual as? [String: Any] {
            for key in Set(left.keys).union(right.keys).sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let difference = firstDifference(left[key], right[key], path: child) { return difference }
            }
            return nil
        }
        if let left = expected as? [Any], let right = actual as? [Any], left.count == right.count {
            for index in left.indices {
                if let difference = firstDifference(left[index], right[index], path: "\(path)[\(index)]") {
                    return difference
                }
            }
            return nil
        }
        let left = compactJSON(expected)
        let right = compactJSON(actual)
        return left == right ? nil : (path.isEmpty ? "(whole document)" : path, left, right)
    }

    private static func compactJSON(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return expectedAbsent }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) else {
            return String(describing: value)
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static let expectedAbsent = "null"
}
