import Foundation
import MIME

/// `--file PATH`: times each stage on one message, for chasing a slow input (a fuzzer
/// timeout, a customer's mail) without a profiler.
enum FileTiming {
    static func run(path: String) -> Int32 {
        guard let bytes = MemoryProbe.readWholeFile(path) else {
            print("cannot read \(path)")
            return 2
        }
        let clock = ContinuousClock()
        var start = clock.now
        let message = MIMEMessage.parse(bytes)
        let parse = clock.now - start
        start = clock.now
        let decoded = message.parts.reduce(0) { $0 + $1.decodedBody().count }
        let decode = clock.now - start
        start = clock.now
        let derived = (message.text?.utf8.count ?? 0) + message.forwarded.count
        let lazy = clock.now - start
        start = clock.now
        let json = (try? message.mimeJSON())?.count ?? -1
        let encode = clock.now - start
        print("\(path): \(bytes.count) bytes, \(message.parts.count) parts, \(message.defects.count) defects")
        print("  parse \(parse), text + forwarded (lazy) \(lazy) (\(derived)), decodedBody() of all parts \(decode) (\(decoded) bytes), mimeJSON \(encode) (\(json) bytes)")
        print("  peak RSS \(Report.megabytes(MemoryProbe.highWaterMark()))")
        return 0
    }
}
