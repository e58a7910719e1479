import Foundation

/// The bytes of an email file named on the command line.
enum MessageFile {
    /// Reads `path`; an unreadable file is a CLI error naming it.
    static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("cannot read \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CLIError("cannot read \(path): it is a directory, not an email file") }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CLIError("cannot read \(path): \((error as NSError).localizedDescription)")
        }
    }
}
