/// Message levels: parsing a message and the messages embedded in it, releasing each
/// decoded level's buffer before the next one is parsed.
///
/// A message whose last entity is a transfer-encoded `message/rfc822` is parsed in two
/// steps: everything but that entity (a `Level`), then the decoded embedded message, which
/// may end the same way. Decoding happens only once nothing at the outer level is left to
/// parse, so the outer decoded buffer can go (its parts refer to it through a re-decodable
/// `PartSource`): peak memory holds two levels, not all of them. The order in which parts
/// are counted and defects reported is the same as parsing depth first.
extension MessageParser {
    /// An embedded message left for the driver to decode and parse.
    struct PendingTail {
        var range: Range<Int>
        var encoding: String
        var inReport: Bool
        /// The depth the embedded message is parsed at.
        var depth: Int
    }

    /// A message parsed except for its pending embedded message.
    struct Level {
        var headers: [MIMEHeader]
        var content: Content
        var defects: [String]
        var depth: Int
        var source: PartSource
        var tail: PendingTail?
    }

    /// Parses a whole message (headers and body) from `bytes[range]`.
    ///
    /// - Parameter source: How the leaves find `bytes` again; `.bytes(bytes)` when nil.
    mutating func parseMessage(
        _ bytes: [UInt8], range: Range<Int>, depth: Int, initialDefects: [String] = [], source: PartSource? = nil
    ) -> MIMEMessage {
        var levels: [Level] = []
        var level = parseLevel(bytes, range: range, depth: depth, initialDefects: initialDefects,
                               source: source ?? .bytes(bytes))
        // The decoded buffer of the level being parsed; the only reference to it once that
        // level's parts are built, so replacing it frees the previous level.
        var buffer: [UInt8] = []
        while let tail = level.tail {
            let decoded = TransferDecoder.decode(levels.isEmpty ? bytes : buffer, range: tail.range, encoding: tail.encoding)
            if let defect = decoded.defect { level.defects.append(defect) }
            // The pending part is the level's last leaf: nothing was parsed after it.
            if let last = level.content.leaves.indices.last {
                level.content.leaves[last].decodedSize = decoded.bytes.count
            }
            let innerSource = PartSource.decoded(DecodedSource(parent: level.source, range: tail.range, encoding: tail.encoding))
            levels.append(level)
            buffer = decoded.bytes
            level = parseLevel(buffer, range: 0..<buffer.count, depth: tail.depth, initialDefects: [], source: innerSource)
        }
        var message = finish(level)
        while var outer = levels.popLast() {
            if let last = outer.content.leaves.indices.last {
                outer.content.leaves[last].message = message
            }
            // A delivery report's returned message is not something a person forwarded.
            if outer.tail?.inReport == false { outer.content.attached.append(message) }
            message = finish(outer)
        }
        return message
    }

    /// Parses a message's headers and body, except a pending embedded message at its end.
    private mutating func parseLevel(
        _ bytes: [UInt8], range: Range<Int>, depth: Int, initialDefects: [String], source: PartSource
    ) -> Level {
        let outerDefects = defects
        let outerSource = self.source
        let outerTail = pendingTail
        defects = initialDefects
        self.source = source
        pendingTail = nil
        partCount += 1
        let header = HeaderBlockParser.parse(bytes, range: range, limits: limits)
        defects += header.defects
        let content = parseBody(bytes, range: header.bodyStart..<range.upperBound, headers: header.headers,
                                depth: depth, defaultType: "text/plain", section: [], inReport: false, isTail: true)
        let level = Level(headers: header.headers, content: content, defects: defects, depth: depth,
                          source: source, tail: pendingTail)
        defects = outerDefects
        self.source = outerSource
        pendingTail = outerTail
        return level
    }

    /// The public message of a level whose embedded message (if any) is attached.
    private func finish(_ level: Level) -> MIMEMessage {
        var defects = level.defects
        if level.depth == 0 { defects += limitDefects }
        var unique = Set<String>()
        // Deep or repetitive input repeats the same defect; once is enough to explain it.
        let distinct = defects.filter { unique.insert($0).inserted }
        return MIMEMessage(assembling: level.headers, content: level.content, defects: distinct, limits: limits)
    }
}
