import NIOCore

/// Ends a session whose client has been silent past the idle timeout (RFC 5321 4.5.3.2),
/// so a slow or stalled client cannot hold a connection slot forever.
final class SMTPIdleTimeoutHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        let reply = SMTPReply(421, "4.4.2", "Idle timeout, closing connection").rendered
        context.writeAndFlush(NIOAny(context.channel.allocator.buffer(string: reply)), promise: nil)
        context.close(promise: nil)
    }
}
