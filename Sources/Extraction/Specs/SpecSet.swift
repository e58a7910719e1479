public import Foundation
import YAMLFiles

/// Every parser spec of a directory, loaded and checked once at start-up.
///
/// ```swift
/// let specs = try SpecSet.load(directory: URL(fileURLWithPath: "parsers"))
/// let extractor = LeadExtractor(specs: specs)
/// ```
public struct SpecSet: Sendable {
    /// The specs, ordered by descending priority, then file name: the order detection
    /// prefers them in.
    public let specs: [ParserSpec]
    /// Relay email domains named by any spec: an address there is never a prospect's `email`.
    let relayEmailDomains: [String]
    /// The literals of every subject, body-marker, `ignore` and text or subject field
    /// pattern, for one-pass prefiltering.
    let detectionLiterals: DetectionLiterals
    /// What detection needs of each spec, in `specs` order, prepared once.
    let detectors: [SpecDetector]
    /// Which detectors a message's sender lets match; nil for sets too large to index.
    let senderIndex: SenderIndex?

    /// No specs: every message goes the direct-inquiry / unknown-source way.
    public static let empty = SpecSet(specs: [])

    /// Creates a set from already-loaded specs.
    public init(specs: [ParserSpec]) {
        var sorted = specs.sorted {
            $0.priority != $1.priority ? $0.priority > $1.priority : $0.name < $1.name
        }
        // Number every literal: case-insensitive ones first, then exact ones (an exact
        // literal's provisional index is negative until the folded count is known).
        var folded: [String] = []
        var exact: [String] = []
        var foldedIndices: [String: Int] = [:]
        var exactIndices: [String: Int] = [:]
        for index in sorted.indices {
            Self.forEachTextPattern(in: &sorted[index]) { pattern in
                guard let literals = pattern.literals else { return }
                pattern.literalIndices = literals.alternatives.map { literal -> Int in
                    if literals.isCaseInsensitive {
                        if let existing = foldedIndices[literal] { return existing }
                        foldedIndices[literal] = folded.count
                        folded.append(literal)
                        return folded.count - 1
                    }
                    if let existing = exactIndices[literal] { return -1 - existing }
                    exactIndices[literal] = exact.count
                    exact.append(literal)
                    return -exact.count
                }
            }
        }
        for index in sorted.indices {
            Self.forEachTextPattern(in: &sorted[index]) { pattern in
                pattern.literalIndices = pattern.literalIndices?.map { $0 >= 0 ? $0 : folded.count + (-1 - $0) }
            }
        }
        self.specs = sorted
        // The spam rule's pitch prefilter rides on the same pass over each subject and text,
        // and so do the business-mail rule's trigger words (after it).
        detectionLiterals = DetectionLiterals(folded: folded, exact: exact,
                                              extra: SpamRule.presenceSlots + NotASalesInquiryRule.presenceSlots)
        detectors = sorted.map { SpecDetector($0) }
        senderIndex = SenderIndex(detectors)
        var domains: [String] = []
        for spec in specs {
            for domain in spec.relays.emailDomains where !domains.contains(domain) {
                domains.append(domain)
            }
        }
        relayEmailDomains = domains
    }

    /// Calls `body` with each pattern of `spec` that runs on a message's subject or text
    /// (not sender patterns, which see the address, nor `in: html` field patterns).
    private static func forEachTextPattern(in spec: inout ParserSpec, _ body: (inout SpecPattern) -> Void) {
        for index in spec.detection.subjects.indices { body(&spec.detection.subjects[index]) }
        for index in spec.detection.bodyMarkers.indices { body(&spec.detection.bodyMarkers[index]) }
        for index in spec.ignoreRules.indices {
            if var subject = spec.ignoreRules[index].subject {
                body(&subject)
                spec.ignoreRules[index].subject = subject
            }
            if var text = spec.ignoreRules[index].body {
                body(&text)
                spec.ignoreRules[index].body = text
            }
        }
        for field in spec.fields.indices {
            for rule in spec.fields[field].rules.indices {
                guard case .pattern(var pattern, let scope) = spec.fields[field].rules[rule].kind, scope != .html else { continue }
                body(&pattern)
                spec.fields[field].rules[rule].kind = .pattern(pattern, scope: scope)
            }
        }
    }

    /// The spec with this file stem.
    public func spec(named name: String) -> ParserSpec? {
        specs.first { $0.name == name }
    }

    /// Loads every `*.yaml` / `*.yml` file of `directory` (not its subdirectories).
    ///
    /// - Parameter directory: Usually the repository's `parsers/`.
    /// - Returns: The checked specs.
    /// - Throws: ``SpecError`` for the first file (in name order) that is unreadable or
    ///   invalid, or when two files share a stem; its description is `FILE:LINE:COL: reason`.
    public static func load(directory: URL) throws -> SpecSet {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw SpecError(code: .unreadableFile, file: directory.path, line: 1, column: 1,
                            reason: "cannot list the spec directory")
        }
        var specs: [ParserSpec] = []
        var stems: [String: String] = [:]
        for fileName in names.sorted() where fileName.hasSuffix(".yaml") || fileName.hasSuffix(".yml") {
            let url = directory.appendingPathComponent(fileName)
            let stem = url.deletingPathExtension().lastPathComponent
            if let other = stems[stem.lowercased()] {
                throw SpecError(code: .duplicateSpec, file: url.path, line: 1, column: 1,
                                reason: "spec name '\(stem)' is already used by \(other)")
            }
            stems[stem.lowercased()] = fileName
            specs.append(try load(file: url, name: stem))
        }
        return SpecSet(specs: specs)
    }

    /// Loads one spec file.
    ///
    /// - Parameters:
    ///   - file: The YAML file.
    ///   - name: The spec name; the file stem when nil.
    /// - Throws: ``SpecError``.
    public static func load(file: URL, name: String? = nil) throws -> ParserSpec {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw SpecError(code: .unreadableFile, file: file.path, line: 1, column: 1, reason: "cannot read the file")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw SpecError(code: .unreadableFile, file: file.path, line: 1, column: 1, reason: "the file is not UTF-8 text")
        }
        return try ParserSpec(yaml: yaml, name: name ?? file.deletingPathExtension().lastPathComponent, file: file.path)
    }

    /// Parses one spec from text (for tests and tools).
    public static func parse(yaml: String, name: String, file: String? = nil) throws -> ParserSpec {
        try ParserSpec(yaml: yaml, name: name, file: file ?? "\(name).yaml")
    }
}
