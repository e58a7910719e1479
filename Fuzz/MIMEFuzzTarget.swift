// libFuzzer entry for the MIME engine. Not a SwiftPM target (it has no main, and
// `-sanitize=fuzzer` supplies one): Fuzz/run-mime-fuzzer.sh compiles it with swiftc
// against MIME and HTMLText built as separate modules. See Fuzz/README.md.
import Foundation
import MIME

/// Tiny limits, so every limit's cut-off (mid-header, mid-part, mid-character) is reached
/// by ordinary fuzz inputs and not only by megabyte-sized ones.
private func tightLimits(size: Int) -> MIMELimits {
    var limits = MIMELimits()
    limits.maximumSize = max(1, size - size / 3)
    limits.maximumDepth = 2
    limits.maximumParts = 4
    limits.maximumHeaderBytes = 96
    limits.maximumTextBytes = 64
    limits.maximumLineLength = 40
    limits.maximumForwardDepth = 1
    return limits
}

/// Parses one input and touches everything a caller can reach, so lazily computed values
/// (part bodies, JSON) run under the sanitizers too. Inputs of odd length are parsed a
/// second time with tight limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func mimeFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    exercise(MIMEMessage.parse(bytes))
    if size % 2 == 1 {
        exercise(MIMEMessage.parse(bytes, limits: tightLimits(size: size)))
    }
    return 0
}

private func exercise(_ message: MIMEMessage) {
    var touched = (message.text?.utf8.count ?? 0) + (message.html?.utf8.count ?? 0)
    for part in message.parts {
        // The size is computed without decoding; decoding must agree with it, or the
        // attachment sizes in `--mime-json` are wrong.
        let decoded = part.decodedBody()
        if decoded.count != part.decodedSize {
            fatalError("decodedSize \(part.decodedSize) != decodedBody().count \(decoded.count) in part \(part.section)")
        }
        touched += decoded.count
        if let embedded = part.message { touched += embedded.parts.count }
    }
    guard let json = try? message.mimeJSON() else { fatalError("mimeJSON() threw") }
    // The JSON must be one well-formed object: tools outside the project parse it.
    guard (try? JSONSerialization.jsonObject(with: json)) is [String: Any] else {
        fatalError("mimeJSON() is not a JSON object")
    }
    if touched == -1 { print("unreachable") }
}
