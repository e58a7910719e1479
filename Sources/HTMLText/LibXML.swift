internal import CLibXML2

/// The one place that talks to libxml2's parser entry points.
///
/// libxml2 (2.9) parses documents safely on several threads at once, provided
/// `xmlInitParser()` ran once before any of them started; a lazily initialised global
/// gives exactly that (Swift runs the initialiser once, thread-safely).
enum LibXML {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Runs `xmlInitParser()` once per process; call before any other libxml2 function.
    static func ensureInitialized() {
        precondition(initialized)
    }

    /// Parser options: recover from anything, never print, never touch the network.
    ///
    /// `HTML_PARSE_HUGE` is deliberately absent so libxml2 keeps its own limits (nesting
    /// depth 256, text node size). `HTML_PARSE_IGNORE_ENC` because callers hand over UTF-8
    /// already decoded by the MIME layer: a `<meta charset=iso-8859-1>` left in the markup
    /// must not make libxml2 decode those UTF-8 bytes a second time.
    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue)

    /// What libxml2 produced; the caller owns `document` and frees it with `xmlFreeDoc`
    /// (``HTMLDocument`` does, in its deinit).
    struct Parsed {
        /// The tree; nil when libxml2 produced none (empty input, out of memory).
        var document: htmlDocPtr?
        /// libxml2 stopped before the end of the input (nesting deeper than 256, a text
        /// run over 10 MB): the tree holds only what came before.
        var stoppedEarly: Bool
    }

    /// Parses UTF-8 HTML. The tree does not refer to `bytes` afterwards.
    ///
    /// Inputs longer than `Int32.max` bytes (libxml2's length type) are cut there.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        ensureInitialized()
        guard let base = bytes.baseAddress, !bytes.isEmpty, let context = htmlNewParserCtxt() else {
            return Parsed(document: nil, stoppedEarly: false)
        }
        defer { htmlFreeParserCtxt(context) }
        // NOERROR silences the parser; this catches the few reports that bypass it.
        cxml_silence_generic_errors_on_this_thread()
        let length = Int32(clamping: bytes.count)
        let document = base.withMemoryRebound(to: CChar.self, capacity: Int(length)) {
            htmlCtxtReadMemory(context, $0, length, "message.html", "UTF-8", options)
        }
        // A parser that gave up sets disableSAX and skips the rest of the input.
        let stoppedEarly = context.pointee.disableSAX != 0 || bytes.count > Int(Int32.max)
        return Parsed(document: document, stoppedEarly: stoppedEarly)
    }

    /// Same as the buffer overload for any byte collection; contiguous storage (arrays,
    /// native strings' UTF-8 views) is used in place, anything else is copied once.
    static func parse<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> Parsed {
        if let parsed = bytes.withContiguousStorageIfAvailable({ parse(utf8: $0) }) {
            return parsed
        }
        return Array(bytes).withUnsafeBufferPointer { parse(utf8: $0) }
    }
}
