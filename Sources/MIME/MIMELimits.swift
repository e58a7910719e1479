/// Bounds on the work done for one message, so hostile input costs at most linear time.
public struct MIMELimits: Sendable, Equatable {
    /// Bytes of input considered at all; the rest is dropped with a defect.
    public var maximumSize: Int
    /// Multipart / embedded-message nesting depth beyond which parts are ignored.
    public var maximumDepth: Int
    /// Total MIME entities parsed (across all levels) before parsing stops.
    public var maximumParts: Int
    /// Bytes of one header block; headers past this are skipped.
    public var maximumHeaderBytes: Int
    /// Bytes of one decoded text or HTML part that are turned into a string.
    public var maximumTextBytes: Int
    /// Bytes of one unfolded header field kept; the rest of a longer field is dropped
    /// with a defect. Body lines are not limited: HTML often has no line breaks at all,
    /// and every scanner is linear regardless of line length.
    public var maximumLineLength: Int
    /// Nesting depth of inline forwards (forward of a forward of ...) that is unwrapped.
    public var maximumForwardDepth: Int

    /// The defaults: 25 MiB, depth 20, 1000 parts, 256 KiB of headers, 2 MiB of text,
    /// 128 KiB per header field, 20 forwards.
    public init(
        maximumSize: Int = 25 * 1024 * 1024,
        maximumDepth: Int = 20,
        maximumParts: Int = 1000,
        maximumHeaderBytes: Int = 256 * 1024,
        maximumTextBytes: Int = 2 * 1024 * 1024,
        maximumForwardDepth: Int = 20,
        maximumLineLength: Int = 128 * 1024
    ) {
        self.maximumSize = maximumSize
        self.maximumDepth = maximumDepth
        self.maximumParts = maximumParts
        self.maximumHeaderBytes = maximumHeaderBytes
        self.maximumTextBytes = maximumTextBytes
        self.maximumForwardDepth = maximumForwardDepth
        self.maximumLineLength = maximumLineLength
    }
}
