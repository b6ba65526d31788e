import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One TCP (or TLS) connection to an SMTP server, as steps: send bytes and await the reply.
/// Every failure comes out as a `MailError` naming the host, never the bytes sent.
struct SMTPChannel: Sendable {
    let host: String
    let port: Int
    private let channel: any Channel
    private let handler: NIOLoopBound<SMTPReplyHandler>
    private let replyTimeout: TimeAmount

    /// Opens the connection; with `.implicitTLS` the handshake starts at once (and its
    /// failure shows up with the greeting).
    static func connect(_ settings: SMTPSettings, tls: NIOSSLContext?) async throws -> SMTPChannel {
        let serverName = settings.tlsServerName
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(TimeAmount(settings.timeouts.connect))
        do {
            // The handler is taken here, not looked up later: a failed TLS handshake may have
            // closed the channel, and emptied its pipeline, before anyone asks.
            let (channel, handler) = try await bootstrap.connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    let handler = SMTPReplyHandler()
                    try channel.pipeline.syncOperations.addHandler(handler)
                    return (channel, NIOLoopBound(handler, eventLoop: channel.eventLoop))
                }
            }
            return SMTPChannel(host: settings.host, port: settings.port, channel: channel, handler: handler,
                               replyTimeout: TimeAmount(settings.timeouts.reply))
        } catch {
            throw MailError.unreachable(host: settings.host, port: settings.port,
                                        reason: SMTPChannel.connectFailure(error, timeout: settings.timeouts.connect))
        }
    }

    /// The address literal of our end (`[192.0.2.1]`, `[IPv6:...]`), for EHLO.
    var localAddressLiteral: String {
        switch channel.localAddress {
        case .v4(let address)?: "[\(address.host)]"
        case .v6(let address)?: "[IPv6:\(address.host)]"
        default: "[127.0.0.1]"
        }
    }

    /// Sends `line` and CRLF, returns the reply. `shownAs` names the step in errors, in place
    /// of a line that holds a secret.
    func command(_ line: String, shownAs: String? = nil) async throws -> SMTPReply {
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line)
        buffer.writeStaticString("\r\n")
        return try await exchange(buffer, step: shownAs ?? line)
    }

    /// Sends `bytes` (nil: nothing, e.g. for the greeting) and awaits one reply, within the
    /// reply timeout for both. On timeout or cancellation the connection is closed.
    func exchange(_ bytes: ByteBuffer?, step: String) async throws -> SMTPReply {
        let loop = channel.eventLoop
        let promise = loop.makePromise(of: SMTPReply.self)
        let (channel, handler, timeout) = (self.channel, self.handler, self.replyTimeout)
        loop.execute {
            handler.value.nextReply(promise)
            if let bytes {
                channel.writeAndFlush(bytes).whenFailure { handler.value.fail($0) }
            }
            let timer = loop.scheduleTask(in: timeout) {
                handler.value.fail(SMTPReplyHandler.Failure.timedOut)
                channel.close(promise: nil)
            }
            promise.futureResult.whenComplete { _ in timer.cancel() }
        }
        do {
            return try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            try Task.checkCancellation()
            throw mailError(error, during: step)
        }
    }

    /// Puts TLS under the dialogue after the server's 220 to STARTTLS; the handshake runs
    /// with the next command, whose reply brings its failure.
    func startTLS(_ context: NIOSSLContext, serverName: String?) async throws {
        let (channel, handler) = (self.channel, self.handler)
        do {
            try await channel.eventLoop.submit {
                try handler.value.checkNothingBuffered()
                try channel.pipeline.syncOperations.addHandler(
                    NIOSSLClientHandler(context: context, serverHostname: serverName), position: .first)
            }.get()
        } catch {
            channel.close(promise: nil)
            throw mailError(error, during: "STARTTLS")
        }
    }

    /// Closes without waiting for TLS's close_notify longer than NIOSSL's shutdown timeout.
    func close() async {
        try? await channel.close().get()
    }

    private func mailError(_ error: any Error, during step: String) -> MailError {
        switch error {
        case let failure as SMTPReplyHandler.Failure:
            switch failure {
            case .closed:
                return .interrupted(host: host, port: port, reason: "等待服务器应答（\(step)）时服务器关闭了连接")
            case .timedOut:
                return .interrupted(host: host, port: port,
                                    reason: "等待服务器应答（\(step)）超时（\(SMTPChannel.seconds(replyTimeout))秒）")
            case .malformed(let malformed):
                return .interrupted(host: host, port: port, reason: malformed.chinese)
            case .unexpectedBytesAfterStartTLS:
                return .tlsFailed(host: host, port: port,
                                  reason: "服务器在 STARTTLS 应答之后多发了未加密的数据，可能遭到中间人篡改")
            }
        case let error as NIOSSLError:
            return .tlsFailed(host: host, port: port, reason: SMTPChannel.tlsFailure(error))
        case let error as NIOSSLExtraError where error == .failedToValidateHostname:
            return .tlsFailed(host: host, port: port, reason: "服务器证书不是签发给 \(host) 的（证书上的名称与所连主机不符）")
        case let error as NIOSSLExtraError:
            return .tlsFailed(host: host, port: port, reason: "\(error)")
        case let error as IOError:
            return .interrupted(host: host, port: port,
                                reason: "（\(step)）时网络出错：\(SMTPChannel.errnoText(error.errnoCode))")
        default:
            return .interrupted(host: host, port: port, reason: "（\(step)）时出错：\(error)")
        }
    }

    private static func tlsFailure(_ error: NIOSSLError) -> String {
        let reason = boringSSLReason(error)
        switch reason {
        case "CERTIFICATE_VERIFY_FAILED":
            return "服务器证书未通过验证（不是受信任的CA签发的，或已过期）；"
                + "若服务器使用单位内部CA签发的证书，请用 ca=CA证书文件 指定"
        case "WRONG_VERSION_NUMBER":
            return "对方在这个端口上不说TLS（465 端口用 smtps://，25 或 587 端口用 smtp://）"
        default:
            if case .uncleanShutdown = error {
                return "握手时服务器关闭了连接（465 端口用 smtps://，25 或 587 端口用 smtp://）"
            }
            return "TLS握手失败（\(reason ?? "\(error)")）"
        }
    }

    /// The reason name in BoringSSL's `error:...:SSL routines:OPENSSL_internal:REASON at file:line`.
    private static func boringSSLReason(_ error: NIOSSLError) -> String? {
        guard case .handshakeFailed(let inner) = error,
              let range = "\(inner)".range(of: "OPENSSL_internal:") else { return nil }
        let rest = "\(inner)"[range.upperBound...]
        return String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }

    private static func connectFailure(_ error: any Error, timeout: Duration) -> String {
        switch error {
        case ChannelError.connectTimeout:
            return "连接超时（\(seconds(TimeAmount(timeout)))秒）"
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first {
                return connectFailure(first.error, timeout: timeout)
            }
            return "无法解析主机名"
        case let error as IOError:
            if error.errnoCode == ECONNREFUSED { return "连接被拒绝（服务器未运行或端口不对）" }
            return errnoText(error.errnoCode)
        default:
            return "\(error)"
        }
    }

    private static func errnoText(_ code: CInt) -> String {
        String(cString: strerror(code))
    }

    private static func seconds(_ amount: TimeAmount) -> String {
        let seconds = Double(amount.nanoseconds) / 1e9
        return seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
