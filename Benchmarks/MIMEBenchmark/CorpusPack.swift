import Foundation

/// The on-disk form of a corpus shared with the Python peers: for each message, its length
/// as 8 bytes little-endian, then its bytes. One file per mix, read whole before timing.
enum CorpusPack {
    static func write(_ messages: [[UInt8]], to path: String) throws {
        var data = Data()
        data.reserveCapacity(messages.reduce(0) { $0 + $1.count + 8 })
        for message in messages {
            withUnsafeBytes(of: UInt64(message.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(contentsOf: message)
        }
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Every `*.eml` file of `directory` no larger than `maximumSize`, sorted by name.
    static func emlFiles(in directory: String, maximumSize: Int) -> [[UInt8]] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        return names.filter { $0.hasSuffix(".eml") }.compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name), data.count <= maximumSize else {
                return nil
            }
            return [UInt8](data)
        }
    }
}
