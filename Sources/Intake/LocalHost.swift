import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// This machine's name from `gethostname(2)`.
///
/// Not `ProcessInfo.hostName`: that one resolves the name through DNS, which blocks a
/// thread for seconds on a machine without a resolver, and stalled every task on the
/// two-thread cooperative pool while it waited.
public enum LocalHost {
    public static let name: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }()
}
