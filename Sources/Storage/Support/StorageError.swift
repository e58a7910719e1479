/// A storage failure a person can act on. The message names what was wrong; it never
/// carries lead data (names, emails, bodies).
public struct StorageError: Error, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case invalidDatabaseURL, embeddedPostgres, notFound, conflict, invalidInput }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        public static let invalidDatabaseURL = Code(.invalidDatabaseURL)
        public static let embeddedPostgres = Code(.embeddedPostgres)
        public static let notFound = Code(.notFound)
        public static let conflict = Code(.conflict)
        public static let invalidInput = Code(.invalidInput)
        public var description: String { self.base.rawValue }
    }

    public let code: Code
    public let message: String
    public let file: String
    public let line: Int

    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { self.message }
}
