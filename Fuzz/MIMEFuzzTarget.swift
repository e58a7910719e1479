// libFuzzer entry for the MIME engine. Not a SwiftPM target (it has no main, and
// `-sanitize=fuzzer` supplies one): Fuzz/run-mime-fuzzer.sh compiles it with swiftc
// against MIME and HTMLText built as separate modules. See Fuzz/README.md.
import Foundation
import MIME

/// Parses one input and touches everything a caller can ask for, so lazily computed
/// values (part bodies, JSON) run under the sanitizers too.
@_cdecl("LLVMFuzzerTestOneInput")
public func mimeFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let message = MIMEMessage.parse(bytes)
    var touched = (message.text?.utf8.count ?? 0) + (message.html?.utf8.count ?? 0)
    for part in message.parts {
        // The size is computed without decoding; decoding must agree with it.
        let decoded = part.decodedBody()
        if decoded.count != part.decodedSize {
            fatalError("decodedSize \(part.decodedSize) != decodedBody().count \(decoded.count) in part \(part.section)")
        }
        touched += decoded.count
    }
    if let json = try? message.mimeJSON() {
        touched += json.count
    } else {
        fatalError("mimeJSON() threw")
    }
    return touched == -1 ? 1 : 0
}
