import NIOCore

/// The last handler of an SMTP connection's pipeline: turns bytes into replies and hands each
/// to the one waiting for it. Used on its event loop only (through `NIOLoopBound`).
///
/// The first failure sticks: a TLS error, a timeout or a closed connection answers every later
/// wait, so that the reason a dialogue broke is the one reported, not a later "closed".
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    enum Failure: Error {
        case closed
        case timedOut
        case malformed(SMTPReplyParser.Malformed)
        case unexpectedBytesAfterStartTLS
    }

    private var parser = SMTPReplyParser()
    private var replies: [SMTPReply] = []
    private var waiter: EventLoopPromise<SMTPReply>?
    private var failure: (any Error)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        parser.append(bytes.readBytes(length: bytes.readableBytes) ?? [])
        do {
            while let reply = try parser.nextReply() { replies.append(reply) }
        } catch {
            fail(Failure.malformed(error))
            context.close(promise: nil)
        }
        deliver()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(Failure.closed)
        context.fireChannelInactive()
    }

    /// Completes `promise` with the next reply, now if one is waiting, or with the failure.
    func nextReply(_ promise: EventLoopPromise<SMTPReply>) {
        precondition(waiter == nil, "one SMTP command at a time")
        waiter = promise
        deliver()
    }

    /// Records `error` unless an earlier one is recorded, and fails the waiting reply with it.
    func fail(_ error: any Error) {
        if failure == nil { failure = error }
        deliver()
    }

    /// Throws when anything arrived beyond the reply to STARTTLS: it came in clear.
    func checkNothingBuffered() throws {
        guard replies.isEmpty && !parser.holdsBytes else { throw Failure.unexpectedBytesAfterStartTLS }
    }

    private func deliver() {
        guard let promise = waiter else { return }
        if !replies.isEmpty {
            waiter = nil
            promise.succeed(replies.removeFirst())
        } else if let failure {
            waiter = nil
            promise.fail(failure)
        }
    }
}
