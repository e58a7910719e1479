import Foundation
import NIOCore

/// Splits the byte stream into SMTP commands and messages. CRLF only, with bounds.
///
/// Why not `LineBasedFrameDecoder`: it accepts a bare LF as a line end (the 2023 SMTP
/// smuggling attacks end DATA with `\n.\n`) and has no length limit. Here only
/// `CRLF . CRLF` ends a message; a bare LF or CR inside a message is normalised to CRLF
/// (like Postfix's `smtpd_forbid_bare_newline = normalize`), never taken as a line end of
/// the protocol: no dot-unstuffing after it, no end of data.
///
/// After a `DATA` line the framer pauses: it buffers (a bounded amount of) what follows
/// without interpreting it until the session has decided whether DATA was accepted, and
/// calls ``resume(messageMode:)``. Without the pause, a client that sends its message
/// before the 354 could have message lines executed as commands after a rejected DATA.
///
/// It pauses after `STARTTLS` for the same reason. When the session accepts it, it calls
/// ``tlsInstalled()`` in the event-loop tick that installs TLS, and everything buffered
/// since the STARTTLS line is thrown away: those bytes came in plaintext, and executing
/// them inside the TLS session is the CVE-2011-0411 command-injection class.
///
/// It also keeps the RFC 5321 4.5.3.2 clocks: a client silent past ``Timeouts/command``
/// between commands, or past ``Timeouts/dataBlock`` inside a message, or still sending a
/// message ``Timeouts/dataTermination`` after the 354, gets `421 4.4.2` and is disconnected.
final class SMTPFramingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = SMTPFrame

    /// How long a client may be silent, or take for one message.
    struct Timeouts: Sendable {
        /// Waiting for the next command line (RFC 5321 4.5.3.2.7: 5 minutes).
        var command: Duration = .seconds(300)
        /// Silence between bytes of a message (4.5.3.2.5, DATA block: 3 minutes).
        var dataBlock: Duration = .seconds(180)
        /// From the 354 to the final dot (4.5.3.2.6, DATA termination: 10 minutes).
        var dataTermination: Duration = .seconds(600)
    }

    private enum Mode: Equatable {
        case command
        /// Skipping the rest of an over-long command line.
        case discardingLine
        case paused
        case message
        /// Reading the `remaining` octets of a BDAT chunk; `keep` false: discarding them.
        case chunk(remaining: Int, size: Int, last: Bool, keep: Bool)
    }

    private var isReadingMessage: Bool {
        switch self.mode {
        case .message, .chunk: return true
        case .command, .discardingLine, .paused: return false
        }
    }

    /// RFC 5321 4.5.3.1.4: 512 octets including CRLF.
    let maximumCommandLength: Int
    let maximumMessageSize: Int
    /// Message bytes collected before they are handed on as a part.
    let partSize: Int
    /// Bytes a client may send while the framer waits for the session's decision.
    let maximumPausedBytes = 64 * 1024

    private var buffer = ByteBuffer()
    private var mode = Mode.command
    private var context: ChannelHandlerContext?
    private var message = ByteBuffer()
    /// Bytes of the current message so far, including parts already handed on.
    private var messageSize = 0
    private var atLineStart = true
    private var overflowed = false
    let timeouts: Timeouts
    private var silenceTimer: Scheduled<Void>?
    private var messageDeadline: Scheduled<Void>?

    init(maximumCommandLength: Int = 512, maximumMessageSize: Int, partSize: Int = 64 * 1024,
         timeouts: Timeouts = Timeouts()) {
        self.maximumCommandLength = maximumCommandLength
        self.maximumMessageSize = maximumMessageSize
        self.partSize = max(1, partSize)
        self.timeouts = timeouts
    }

    /// Whether the framer pauses after this command line (the session must then call
    /// ``resume(messageMode:)``). Shared with the session so both agree exactly.
    static func pausesAfter(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: [" ", "\t"]).uppercased()
        return trimmed == "DATA" || trimmed == "STARTTLS" || trimmed.hasPrefix("STARTTLS ")
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { self.restartSilenceTimer(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.restartSilenceTimer(context: context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.cancelTimers()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.cancelTimers()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = self.unwrapInboundIn(data)
        self.buffer.writeBuffer(&incoming)
        self.process(context: context)
        self.restartSilenceTimer(context: context)
    }

    // MARK: - Timeouts

    private func restartSilenceTimer(context: ChannelHandlerContext) {
        self.silenceTimer?.cancel()
        let timeout = self.isReadingMessage ? self.timeouts.dataBlock : self.timeouts.command
        self.silenceTimer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) { [weak self] in
            self?.timedOut("Timeout waiting for client input, closing connection")
        }
    }

    private func cancelTimers() {
        self.silenceTimer?.cancel()
        self.silenceTimer = nil
        self.messageDeadline?.cancel()
        self.messageDeadline = nil
    }

    private func timedOut(_ text: String) {
        guard let context = self.context else { return }
        self.cancelTimers()
        let reply = SMTPReply(421, "4.4.2", text).rendered
        context.writeAndFlush(NIOAny(context.channel.allocator.buffer(string: reply)), promise: nil)
        context.close(promise: nil)
    }

    /// Continues after a pause: in message mode when the session answered DATA with 354,
    /// else back to commands. Must run on the channel's event loop.
    func resume(messageMode: Bool) {
        guard case .paused = self.mode, let context = self.context else { return }
        if messageMode {
            self.mode = .message
            self.message = context.channel.allocator.buffer(capacity: 16 * 1024)
            self.messageSize = 0
            self.atLineStart = true
            self.overflowed = false
            self.restartSilenceTimer(context: context)
            self.messageDeadline?.cancel()
            self.messageDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(self.timeouts.dataTermination)) { [weak self] in
                self?.timedOut("Message took too long, closing connection")
            }
        } else {
            self.mode = .command
        }
        self.process(context: context)
    }

    /// TLS was just installed below this handler (same event-loop tick as the 220): drop
    /// every byte received after the STARTTLS line and read commands again, now decrypted.
    func tlsInstalled() {
        guard case .paused = self.mode else { return }
        self.buffer.clear()
        self.mode = .command
    }

    private func process(context: ChannelHandlerContext) {
        loop: while true {
            switch self.mode {
            case .command:
                guard self.nextCommand(context: context) else { break loop }
            case .discardingLine:
                guard self.skipRestOfLine() else { break loop }
            case .paused:
                if self.buffer.readableBytes > self.maximumPausedBytes {
                    context.close(promise: nil)
                }
                break loop
            case .message:
                guard self.nextMessageBytes(context: context) else { break loop }
            case .chunk:
                guard self.nextChunkBytes(context: context) else { break loop }
            }
        }
        self.buffer.discardReadBytes()
    }

    /// Emits one command line; false when more bytes are needed or the framer paused.
    private func nextCommand(context: ChannelHandlerContext) -> Bool {
        guard let end = Self.firstCRLF(in: self.buffer) else {
            if self.buffer.readableBytes > self.maximumCommandLength {
                context.fireChannelRead(self.wrapInboundOut(.commandTooLong))
                self.mode = .discardingLine
                return true
            }
            return false
        }
        let lineBytes = self.buffer.readSlice(length: end)!
        self.buffer.moveReaderIndex(forwardBy: 2)
        if end + 2 > self.maximumCommandLength {
            context.fireChannelRead(self.wrapInboundOut(.commandTooLong))
            return true
        }
        let line = String(decoding: lineBytes.readableBytesView, as: UTF8.self)
        if let (size, last) = Self.chunkHeader(line) {
            // RFC 3030: the chunk follows its command unconditionally, so it is always read
            // (and is never taken for commands), whatever the session answers.
            let keep = size <= self.maximumMessageSize
            self.message = ByteBuffer()
            if keep { self.message.reserveCapacity(min(size, 1 << 20)) }
            self.mode = .chunk(remaining: size, size: size, last: last, keep: keep)
            return true
        }
        if Self.pausesAfter(line) { self.mode = .paused }
        context.fireChannelRead(self.wrapInboundOut(.command(line)))
        return self.mode == .command
    }

    private func skipRestOfLine() -> Bool {
        if let end = Self.firstCRLF(in: self.buffer) {
            self.buffer.moveReaderIndex(forwardBy: end + 2)
            self.mode = .command
            return true
        }
        // Keep a trailing CR: it may be the first half of the CRLF.
        let keep = self.buffer.readableBytesView.last == 0x0D ? 1 : 0
        self.buffer.moveReaderIndex(forwardBy: self.buffer.readableBytes - keep)
        return false
    }

    /// Consumes message bytes; false when more bytes are needed.
    private func nextMessageBytes(context: ChannelHandlerContext) -> Bool {
        if self.atLineStart {
            let view = self.buffer.readableBytesView
            guard let first = view.first else { return false }
            if first == UInt8(ascii: ".") {
                guard view.count >= 2 else { return false }
                let second = view[view.startIndex + 1]
                if second == 0x0D {
                    guard view.count >= 3 else { return false }
                    if view[view.startIndex + 2] == 0x0A {
                        self.buffer.moveReaderIndex(forwardBy: 3)
                        self.finishMessage(context: context)
                        return true
                    }
                }
                // A leading dot is transparency stuffing (RFC 5321 4.5.2): drop it.
                self.buffer.moveReaderIndex(forwardBy: 1)
            }
            self.atLineStart = false
        }
        if let end = Self.firstCRLF(in: self.buffer) {
            var line = self.buffer.readSlice(length: end + 2)!
            self.append(&line, context: context)
            self.atLineStart = true
            return true
        }
        // No line end yet: take what we have, except a trailing CR that may start a CRLF,
        // so a long line never makes us rescan it.
        let keep = self.buffer.readableBytesView.last == 0x0D ? 1 : 0
        var chunk = self.buffer.readSlice(length: self.buffer.readableBytes - keep)!
        self.append(&chunk, context: context)
        return false
    }

    /// Consumes chunk bytes; false when more are needed.
    private func nextChunkBytes(context: ChannelHandlerContext) -> Bool {
        guard case .chunk(let remaining, let size, let last, let keep) = self.mode else { return false }
        let take = min(remaining, self.buffer.readableBytes)
        var bytes = self.buffer.readSlice(length: take)!
        if keep {
            self.message.writeBuffer(&bytes)
            if take < remaining && self.message.readableBytes >= self.partSize {
                context.fireChannelRead(self.wrapInboundOut(.chunkPart(self.message)))
                self.message = ByteBuffer()
            }
        }
        if take < remaining {
            self.mode = .chunk(remaining: remaining - take, size: size, last: last, keep: keep)
            return false
        }
        let chunk = keep ? self.message : nil
        self.message = ByteBuffer()
        self.mode = .command
        context.fireChannelRead(self.wrapInboundOut(.chunk(chunk, size: size, last: last)))
        return true
    }

    /// `BDAT size [LAST]` (RFC 3030) -> (size, last); nil for any other line, or a BDAT
    /// line whose size is not a number (the session then answers 501).
    static func chunkHeader(_ line: String) -> (size: Int, last: Bool)? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard (2...3).contains(words.count), words[0].uppercased() == "BDAT",
              words[1].count <= 18, words[1].allSatisfy({ $0.isASCII && $0.isNumber }), let size = Int(words[1])
        else { return nil }
        if words.count == 3 {
            guard words[2].uppercased() == "LAST" else { return nil }
            return (size, true)
        }
        return (size, false)
    }

    private func append(_ bytes: inout ByteBuffer, context: ChannelHandlerContext) {
        guard !self.overflowed else { return }
        if Self.hasBareLineEnding(bytes) { bytes = Self.normalisingBareLineEndings(bytes) }
        if self.messageSize + bytes.readableBytes > self.maximumMessageSize {
            self.overflowed = true
            self.message = ByteBuffer()
            return
        }
        self.messageSize += bytes.readableBytes
        self.message.writeBuffer(&bytes)
        if self.message.readableBytes >= self.partSize {
            context.fireChannelRead(self.wrapInboundOut(.messagePart(self.message)))
            self.message = ByteBuffer()
        }
    }

    private func finishMessage(context: ChannelHandlerContext) {
        let frame: SMTPFrame = self.overflowed ? .messageTooLarge : .message(self.message)
        self.message = ByteBuffer()
        self.messageSize = 0
        self.overflowed = false
        self.mode = .command
        self.messageDeadline?.cancel()
        self.messageDeadline = nil
        self.restartSilenceTimer(context: context)
        context.fireChannelRead(self.wrapInboundOut(frame))
    }

    /// Whether `chunk` holds a CR not followed by LF or an LF not preceded by CR. A chunk
    /// handed to ``append(_:)`` never ends in a lone CR (a trailing CR is kept back until
    /// its next byte is known) and never starts right after one, so chunks can be judged alone.
    static func hasBareLineEnding(_ chunk: ByteBuffer) -> Bool {
        let view = chunk.readableBytesView
        var previous: UInt8 = 0
        for byte in view {
            if byte == 0x0A && previous != 0x0D { return true }
            if previous == 0x0D && byte != 0x0A { return true }
            previous = byte
        }
        return previous == 0x0D
    }

    /// `chunk` with every bare CR and bare LF replaced by CRLF.
    static func normalisingBareLineEndings(_ chunk: ByteBuffer) -> ByteBuffer {
        let view = chunk.readableBytesView
        var out = ByteBuffer()
        out.reserveCapacity(view.count + 64)
        var previous: UInt8 = 0
        for byte in view {
            if previous == 0x0D && byte != 0x0A { out.writeInteger(UInt8(0x0A)) }
            if byte == 0x0A && previous != 0x0D { out.writeInteger(UInt8(0x0D)) }
            out.writeInteger(byte)
            previous = byte
        }
        if previous == 0x0D { out.writeInteger(UInt8(0x0A)) }
        return out
    }

    /// Offset of the first CRLF from the reader index.
    static func firstCRLF(in buffer: ByteBuffer) -> Int? {
        let view = buffer.readableBytesView
        var index = view.startIndex
        while let cr = view[index...].firstIndex(of: 0x0D) {
            let next = view.index(after: cr)
            guard next < view.endIndex else { return nil }
            if view[next] == 0x0A { return cr - view.startIndex }
            index = next
        }
        return nil
    }
}
