@testable import Extraction
import Foundation
import YAMLFiles

/// Paths and loaded specs shared by the spec and extractor tests.
enum SpecTestSupport {
    /// `<repo>/parsers`, found from this file's path (symlinks resolved).
    static let parsersDirectory: URL = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()  // ExtractionTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo root
        .appendingPathComponent("parsers", isDirectory: true)

    private static let loaded: Result<SpecSet, SpecError> = {
        do {
            return .success(try SpecSet.load(directory: parsersDirectory))
        } catch let error as SpecError {
            return .failure(error)
        } catch {
            return .failure(SpecError(code: .unreadableFile, file: parsersDirectory.path, line: 1, column: 1, reason: "\(error)"))
        }
    }()

    /// The repository's specs, loaded once.
    static func repositorySpecs() throws -> SpecSet {
        try loaded.get()
    }

    /// Every pattern of the repository's specs: detection (subjects, body markers,
    /// senders), `ignore` rules and field rules.
    static func repositoryPatterns() throws -> [SpecPattern] {
        try repositorySpecs().specs.flatMap { $0.patterns.map(\.pattern) }
    }

    /// A spec from YAML text.
    static func spec(_ yaml: String, name: String = "test-spec") throws -> ParserSpec {
        try SpecSet.parse(yaml: yaml, name: name)
    }
}
