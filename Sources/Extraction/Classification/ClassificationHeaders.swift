import MIME

/// The headers the not-a-lead rules read, found in one pass over a message's headers
/// (each value is that of the first header of the name, ASCII case ignored, as
/// `MIMEMessage.header(_:)` gives it) instead of one pass per lookup. A class: each rule
/// gets one reference, not a copy of ten strings to retain and release.
final class ClassificationHeaders {
    var contentType: String?
    var autoSubmitted: String?
    var precedenceValue: String?
    var xAutoreply: String?
    var xAutorespond: String?
    var xAutoResponseSuppress: String?
    var xGoogleGroupID: String?
    var listID: String?
    var xSpamFlag: String?
    var xSpamStatus: String?
    /// People's mail never carries one: it marks a program's (see ``LeadExtractor``).
    var listUnsubscribe: String?
    /// Exchange's mark on a non-delivery report, whatever its content type (often empty).
    var xMSExchangeMessageIsNdr: String?

    init(_ headers: [MIMEHeader]) {
        for header in headers {
            let name = header.name.utf8
            // The length rules out almost every header before a byte is compared.
            switch name.count {
            case 7:
                if listID == nil, Self.name(name, is: "list-id") { listID = header.value }
            case 10:
                if precedenceValue == nil, Self.name(name, is: "precedence") { precedenceValue = header.value }
            case 11:
                if xAutoreply == nil, Self.name(name, is: "x-autoreply") {
                    xAutoreply = header.value
                } else if xSpamFlag == nil, Self.name(name, is: "x-spam-flag") {
                    xSpamFlag = header.value
                }
            case 12:
                if contentType == nil, Self.name(name, is: "content-type") { contentType = header.value }
            case 13:
                if xAutorespond == nil, Self.name(name, is: "x-autorespond") {
                    xAutorespond = header.value
                } else if xSpamStatus == nil, Self.name(name, is: "x-spam-status") {
                    xSpamStatus = header.value
                }
            case 14:
                if autoSubmitted == nil, Self.name(name, is: "auto-submitted") { autoSubmitted = header.value }
            case 16:
                if listUnsubscribe == nil, Self.name(name, is: "list-unsubscribe") { listUnsubscribe = header.value }
            case 17:
                if xGoogleGroupID == nil, Self.name(name, is: "x-google-group-id") { xGoogleGroupID = header.value }
            case 24:
                if xAutoResponseSuppress == nil, Self.name(name, is: "x-auto-response-suppress") {
                    xAutoResponseSuppress = header.value
                }
            case 28:
                if xMSExchangeMessageIsNdr == nil, Self.name(name, is: "x-ms-exchange-message-is-ndr") {
                    xMSExchangeMessageIsNdr = header.value
                }
            default:
                break
            }
        }
    }

    /// `MIMEMessage.precedence`, from the value found in the one pass.
    var precedence: String? { precedenceValue.flatMap(MIMEMessage.leadingToken(of:)) }

    /// Whether `name` (same length as `lowercased`) equals `lowercased` ignoring ASCII case.
    private static func name(_ name: String.UTF8View, is lowercased: StaticString) -> Bool {
        let expected = lowercased.utf8Start
        // Read in place (a header name is a short or native string): most names of the
        // length differ in their first bytes, and the view's iterator cost more to set up.
        if let equal = name.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard bytes.count == lowercased.utf8CodeUnitCount else { return false }
            for offset in bytes.indices {
                let byte = bytes[offset]
                guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == expected[offset] else { return false }
            }
            return true
        }) {
            return equal
        }
        var offset = 0
        for byte in name {
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard folded == expected[offset] else { return false }
            offset += 1
        }
        return offset == lowercased.utf8CodeUnitCount
    }
}
