import Foundation

/// The bytes of an email file named on the command line.
enum MessageFile {
    /// Reads `path`; an unreadable file is a CLI error naming it.
    static func read(_ path: String) throws -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CLIError("cannot read \(path): \((error as NSError).localizedDescription)")
        }
    }
}
