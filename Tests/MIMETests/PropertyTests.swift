import Foundation
import MIME
import Testing

/// Properties over thousands of generated inputs: arbitrary bytes never crash the parser or
/// make it hang, and messages written by `MessageBuilder` come back as they were built.
/// Every generator is seeded, so a failure names the seed that rebuilds it.
@Suite("Properties")
struct PropertyTests {
    /// `<repo>/fixtures/{email,mime}/*.eml`, found from this file's path.
    static let fixtures: [[UInt8]] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures")
        var result: [[UInt8]] = []
        for directory in ["email", "mime"] {
            let url = root.appendingPathComponent(directory)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            for name in names where name.hasSuffix(".eml") {
                // Huge hostile fixtures are covered by their own tests; mutate the small ones.
                if let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path), data.count <= 256 * 1024 {
                    result.append([UInt8](data))
                }
            }
        }
        return result
    }()

    // MARK: - Any byte string parses

    @Test func randomBytesNeverCrashOrHang() {
        var generator = SplitMix64(seed: 0xB1_7E5)
        // Pure noise, and noise drawn from the bytes MIME syntax is made of, which reaches
        // much deeper into the header and multipart code.
        let alphabet = Array("\r\n\r\n:;=?\"<>@,()\\ \t-_.QBqbxX0123456789abcdef/*'%\0\u{7F}".utf8) + [0xC3, 0xA9, 0xFF, 0x80]
        let headerish = Array("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Transfer-Encoding: base64\r\nSubject: =?UTF-8?B?w6k=?= =?utf-8?q?a_b?=\r\nFrom: \"A, B\" <a@b>, c@d\r\n--b--\r\n".utf8)
        var worst: (Duration, UInt64) = (.zero, 0)
        for index in 0..<4000 {
            let length = generator.below(index % 10 == 0 ? 8000 : 600)
            var bytes = [UInt8](repeating: 0, count: length)
            switch index % 3 {
            case 0: for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: generator.next()) }
            case 1: for i in bytes.indices { bytes[i] = generator.pick(alphabet) }
            default:
                for i in bytes.indices {
                    bytes[i] = generator.chance(8) ? generator.pick(alphabet) : headerish[(i + generator.below(3)) % headerish.count]
                }
            }
            let elapsed = checkInvariants(bytes)
            if elapsed > worst.0 { worst = (elapsed, UInt64(index)) }
        }
        // Inputs are at most 8 KB; even a debug build parses that in milliseconds, so a
        // second means something went superlinear.
        #expect(worst.0 < .seconds(1), "case \(worst.1) took \(worst.0)")
    }

    @Test func mutatedFixturesNeverCrashOrHang() throws {
        try #require(Self.fixtures.count >= 8, "fixtures not found next to the tests")
        var generator = SplitMix64(seed: 0xF1_7E5)
        var worst: (Duration, Int) = (.zero, 0)
        for index in 0..<4000 {
            var bytes = generator.pick(Self.fixtures)
            for _ in 0..<(1 + generator.below(4)) {
                Self.mutate(&bytes, &generator, donor: generator.pick(Self.fixtures))
            }
            let elapsed = checkInvariants(bytes)
            if elapsed > worst.0 { worst = (elapsed, index) }
        }
        #expect(worst.0 < .seconds(1), "case \(worst.1) took \(worst.0)")
    }

    // MARK: - parse(serialize(m)) gives m back

    @Test(arguments: 0..<8)
    func builtMessagesRoundTrip(batch: UInt64) {
        // 8 batches of 100: each batch is its own seeded stream so failures stay reproducible.
        var generator = SplitMix64(seed: 0xC0FFEE &+ batch)
        for index in 0..<100 {
            let built = MessageBuilder.random(&generator)
            let parsed = MIMEMessage.parse(built.serialize())
            let label = "batch \(batch) message \(index)"
            #expect(parsed.subject == built.subject, "\(label): subject")
            #expect(parsed.messageID == built.messageID, "\(label): message id")
            #expect(parsed.from == built.from.map(Self.mailbox), "\(label): from")
            #expect(parsed.to == built.to.map(Self.mailbox), "\(label): to")
            #expect(parsed.cc == built.cc.map(Self.mailbox), "\(label): cc")
            #expect(parsed.replyTo == built.replyTo.map(Self.mailbox), "\(label): reply-to")
            #expect(parsed.date == built.date?.instant, "\(label): date \(built.date?.text ?? "none")")
            // A blank plain part beside HTML gives way to the HTML rendered (PlainAlternative).
            if let text = built.expectedText, !(built.expectedHTML != nil && text.allSatisfy(\.isWhitespace)) {
                #expect(parsed.text == text, "\(label): text")
            } else {
                // HTML only (or beside blank plain text): the text is the HTML rendered, which
                // at least is not empty.
                #expect(parsed.text?.isEmpty == false, "\(label): text rendered from HTML")
            }
            #expect(parsed.html == built.expectedHTML, "\(label): html")
            #expect(parsed.parts.count == built.expectedLeafCount, "\(label): leaf part count")

            let files = parsed.attachments.filter { $0.contentType != "message/rfc822" }
            let expected = built.expectedAttachments
            #expect(files.map(\.filename) == expected.map(\.filename), "\(label): attachment filenames")
            #expect(files.map(\.contentType) == expected.map(\.contentType), "\(label): attachment content types")
            #expect(files.map(\.decodedSize) == expected.map(\.bytes.count), "\(label): attachment sizes")
            #expect(files.map { $0.decodedBody() } == expected.map(\.bytes), "\(label): attachment bytes")

            if case let .multipart(_, _, parts) = built.body {
                for case let .message(inner) in parts {
                    let embedded = parsed.attachments.first { $0.contentType == "message/rfc822" }?.message
                    #expect(embedded?.subject == inner.subject, "\(label): embedded message subject")
                    if let text = inner.expectedText, !(inner.expectedHTML != nil && text.allSatisfy(\.isWhitespace)) {
                        #expect(embedded?.text == text, "\(label): embedded message text")
                    }
                    #expect(embedded?.from == inner.from.map(Self.mailbox), "\(label): embedded message from")
                    #expect(embedded?.attachments.map(\.filename) == inner.expectedAttachments.map(\.filename),
                            "\(label): embedded message attachments")
                    let original = parsed.forwarded.first { $0.style == .attachedMessage }
                    #expect(original?.subject == inner.subject, "\(label): attached original subject")
                    #expect(original?.from == inner.from.first.map(Self.mailbox), "\(label): attached original sender")
                }
            }
            #expect(parsed.defects.isEmpty, "\(label): defects \(parsed.defects)")
        }
    }

    @Test func mimeJSONKeepsItsContractForBuiltMessages() throws {
        var generator = SplitMix64(seed: 0x15_0B)
        let keys: Set<String> = ["message_id", "subject", "from", "to", "cc", "reply_to", "date", "text", "html",
                                 "attachments", "parts", "defects", "forwarded"]
        for index in 0..<100 {
            let built = MessageBuilder.random(&generator)
            let json = try MIMEMessage.parse(built.serialize()).mimeJSON()
            let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any], "message \(index)")
            #expect(Set(object.keys) == keys, "message \(index): keys")
            #expect(object["subject"] as? String == built.subject, "message \(index): subject")
            #expect(object["message_id"] as? String == built.messageID, "message \(index): message_id")
            #expect(object["parts"] as? Int == built.expectedLeafCount, "message \(index): parts")
            let from = object["from"] as? [[String: Any]]
            #expect(from?.map { $0["address"] as? String } == built.from.map(\.address), "message \(index): from")
            let attachments = (object["attachments"] as? [[String: Any]] ?? []).filter { $0["content_type"] as? String != "message/rfc822" }
            #expect(attachments.map { $0["size"] as? Int } == built.expectedAttachments.map(\.bytes.count), "message \(index): sizes")
            #expect(attachments.map { $0["filename"] as? String } == built.expectedAttachments.map(\.filename), "message \(index): names")
            if let date = built.date {
                // ISO 8601 in UTC, as the contract promises.
                let formatter = ISO8601DateFormatter()
                #expect((object["date"] as? String).flatMap(formatter.date(from:)) == date.instant, "message \(index): date")
                #expect((object["date"] as? String)?.hasSuffix("Z") == true, "message \(index): date in UTC")
            }
        }
    }

    /// What the parser should report for a built address.
    static func mailbox(_ address: MessageBuilder.Address) -> Mailbox {
        Mailbox(name: address.name, address: address.address)
    }

    /// The properties every parse must satisfy whatever the input; returns the parse time.
    @discardableResult
    private func checkInvariants(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let message = MIMEMessage.parse(bytes)
        let elapsed = clock.now - start
        // The JSON contract promises `\n` line endings in `text`.
        #expect(message.text?.unicodeScalars.contains("\r") != true, sourceLocation: sourceLocation)
        // Attachment sizes are computed without decoding; the JSON reports them, so they
        // must match what decoding gives.
        for part in message.parts {
            #expect(part.decodedSize == part.decodedBody().count, "part \(part.section)", sourceLocation: sourceLocation)
        }
        // Lazily derived values and the JSON exist for any input, and the JSON is an object.
        _ = message.forwarded
        let json = try? message.mimeJSON()
        #expect(json.flatMap { try? JSONSerialization.jsonObject(with: $0) } is [String: Any], sourceLocation: sourceLocation)
        // Same bytes, same answer: no hidden state between parses.
        let again = MIMEMessage.parse(bytes)
        #expect(again.subject == message.subject && again.text == message.text && again.defects == message.defects,
                sourceLocation: sourceLocation)
        if bytes.isEmpty { #expect(!message.defects.isEmpty, sourceLocation: sourceLocation) }
        return elapsed
    }

    /// One random edit of the kinds that break real mail: bit flips, truncation, duplicated
    /// or dropped boundary lines, stray `=?`, CR, LF and NUL, and splices of another message.
    static func mutate(_ bytes: inout [UInt8], _ generator: inout SplitMix64, donor: [UInt8]) {
        let position = bytes.isEmpty ? 0 : generator.below(bytes.count + 1)
        switch generator.below(9) {
        case 0:
            if !bytes.isEmpty { bytes[generator.below(bytes.count)] ^= UInt8(1 << generator.below(8)) }
        case 1:
            bytes.removeSubrange(position...)
        case 2, 3:
            // Duplicate or drop a line starting with "--" (a boundary line, usually).
            let lines = lineRanges(bytes).filter { bytes[$0].starts(with: [0x2D, 0x2D]) }
            guard !lines.isEmpty else { return }
            let line = generator.pick(lines)
            if generator.chance(2) {
                bytes.insert(contentsOf: Array(bytes[line]), at: line.lowerBound)
            } else {
                bytes.removeSubrange(line)
            }
        case 4:
            let inserts: [[UInt8]] = [[0x3D, 0x3F], [0x0D], [0x0A], [0x00], [0x3F, 0x3D], [0x3D], Array("=?UTF-8?B?".utf8)]
            bytes.insert(contentsOf: generator.pick(inserts), at: position)
        case 5:
            // Repeat a slice many times (long lines, many boundaries, deep folding).
            let end = min(bytes.count, position + generator.below(200))
            let slice = Array(bytes[position..<end])
            for _ in 0..<generator.below(50) { bytes.insert(contentsOf: slice, at: position) }
        case 6:
            let end = min(bytes.count, position + generator.below(400))
            bytes.removeSubrange(position..<end)
        case 7:
            guard !donor.isEmpty else { return }
            let start = generator.below(donor.count)
            let end = min(donor.count, start + generator.below(2000))
            bytes.insert(contentsOf: donor[start..<end], at: position)
        default:
            // Convert the line endings of a stretch: mixed CRLF and LF.
            let end = min(bytes.count, position + generator.below(2000))
            var converted: [UInt8] = []
            for byte in bytes[position..<end] where byte != 0x0D { converted.append(byte) }
            bytes.replaceSubrange(position..<end, with: converted)
        }
    }

    /// Ranges of lines including their terminator.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            ranges.append(start..<(index + 1))
            start = index + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }
}
