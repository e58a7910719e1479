import Foundation
import NIOCore

/// Splits the byte stream into SMTP commands and messages. CRLF only, with bounds.
///
/// Why not `LineBasedFrameDecoder`: it accepts a bare LF as a line end (the 2023 SMTP
/// smuggling attacks end DATA with `\n.\n`) and has no length limit. Here only
/// `CRLF . CRLF` ends a message; a bare LF or CR is ordinary message content.
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
final class SMTPFramingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = SMTPFrame

    private enum Mode {
        case command
        /// Skipping the rest of an over-long command line.
        case discardingLine
        case paused
        case message
    }

    /// RFC 5321 4.5.3.1.4: 512 octets including CRLF.
    let maximumCommandLength: Int
    let maximumMessageSize: Int
    /// Bytes a client may send while the framer waits for the session's decision.
    let maximumPausedBytes = 64 * 1024

    private var buffer = ByteBuffer()
    private var mode = Mode.command
    private var context: ChannelHandlerContext?
    private var message = ByteBuffer()
    private var atLineStart = true
    private var overflowed = false

    init(maximumCommandLength: Int = 512, maximumMessageSize: Int) {
        self.maximumCommandLength = maximumCommandLength
        self.maximumMessageSize = maximumMessageSize
    }

    /// Whether the framer pauses after this command line (the session must then call
    /// ``resume(messageMode:)``). Shared with the session so both agree exactly.
    static func pausesAfter(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: [" ", "\t"]).uppercased()
        return trimmed == "DATA" || trimmed == "STARTTLS" || trimmed.hasPrefix("STARTTLS ")
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = self.unwrapInboundIn(data)
        self.buffer.writeBuffer(&incoming)
        self.process(context: context)
    }

    /// Continues after a pause: in message mode when the session answered DATA with 354,
    /// else back to commands. Must run on the channel's event loop.
    func resume(messageMode: Bool) {
        guard case .paused = self.mode, let context = self.context else { return }
        if messageMode {
            self.mode = .message
            self.message = context.channel.allocator.buffer(capacity: 16 * 1024)
            self.atLineStart = true
            self.overflowed = false
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
            self.append(&line)
            self.atLineStart = true
            return true
        }
        // No line end yet: take what we have, except a trailing CR that may start a CRLF,
        // so a long line never makes us rescan it.
        let keep = self.buffer.readableBytesView.last == 0x0D ? 1 : 0
        var chunk = self.buffer.readSlice(length: self.buffer.readableBytes - keep)!
        self.append(&chunk)
        return false
    }

    private func append(_ bytes: inout ByteBuffer) {
        guard !self.overflowed else { return }
        if self.message.readableBytes + bytes.readableBytes > self.maximumMessageSize {
            self.overflowed = true
            self.message = ByteBuffer()
            return
        }
        self.message.writeBuffer(&bytes)
    }

    private func finishMessage(context: ChannelHandlerContext) {
        let frame: SMTPFrame = self.overflowed ? .messageTooLarge : .message(self.message)
        self.message = ByteBuffer()
        self.overflowed = false
        self.mode = .command
        context.fireChannelRead(self.wrapInboundOut(frame))
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
