import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Hands a message to an SMTP server over plain TCP (see `SMTPSettings` for why no TLS).
public enum SMTPClient {
    /// Blocking sockets, so the dialogue runs here and never blocks the cooperative pool.
    private static let queue = DispatchQueue(label: "xieshang.smtp", qos: .utility, attributes: .concurrent)

    /// Sends `message` to all its To and Cc addresses; returns once the server has accepted it.
    ///
    /// `timeout` bounds each network step (connect, each write, each reply), not the whole
    /// dialogue. The call is not cancellable; the timeouts are what end a stuck dialogue.
    /// The envelope sender is `settings.from`, the header From is `message.from`.
    public static func send(_ message: MailMessage, via settings: SMTPSettings,
                            timeout: TimeInterval = 10) async throws {
        try Task.checkCancellation()
        let recipients = message.recipients
        guard !recipients.isEmpty else { throw MailError.noRecipients }
        let payload = dataPayload(message.rendered())
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                do {
                    try converse(payload: payload, recipients: recipients, settings: settings,
                                 timeout: max(timeout, 0.1))
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private static func converse(payload: Data, recipients: [MailAddress], settings: SMTPSettings,
                                 timeout: TimeInterval) throws {
        let connection = try SMTPConnection(host: settings.host, port: settings.port, timeout: timeout)
        defer { connection.close() }
        do {
            try connection.expect([220], after: "连接")
            let ehlo = try connection.command("EHLO xieshang", expect: [250])
            if let username = settings.username, let password = settings.password {
                let offered = ehlo.lines.dropFirst().map { $0.uppercased() }
                    .first { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }
                let mechanisms = offered.map { $0.dropFirst(5).split(separator: " ") } ?? []
                guard mechanisms.contains("PLAIN") else {
                    throw MailError.authNotOffered(advertised: offered ?? "")
                }
                let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
                try connection.command("AUTH PLAIN \(token)", shownAs: "AUTH PLAIN", expect: [235])
            }
            try connection.command("MAIL FROM:<\(settings.from.email)>", expect: [250])
            for recipient in recipients {
                try connection.command("RCPT TO:<\(recipient.email)>", expect: [250, 251])
            }
            try connection.command("DATA", expect: [354])
            try connection.write(payload)
            try connection.expect([250], after: "DATA（邮件内容）")
        } catch let error as MailError {
            switch error {
            case .unreachable: break
            // Polite end of a refused dialogue; the refusal is what the caller needs.
            default: _ = try? connection.command("QUIT", expect: [221])
            }
            throw error
        }
        // The message is accepted at this point: a failing QUIT must not make the caller resend.
        _ = try? connection.command("QUIT", expect: [221])
    }

    /// The bytes after DATA: dot-stuffed (RFC 5321 4.5.2), ending in CRLF `.` CRLF.
    static func dataPayload(_ message: Data) -> Data {
        let dot = UInt8(ascii: "."), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var out = Data()
        out.reserveCapacity(message.count + 64)
        var atLineStart = true
        for byte in message {
            if atLineStart && byte == dot { out.append(dot) }
            out.append(byte)
            atLineStart = byte == lf
        }
        if !out.isEmpty && !(out.count >= 2 && out[out.count - 2] == cr && out.last == lf) {
            out.append(contentsOf: [cr, lf])
        }
        out.append(contentsOf: Array(".\r\n".utf8))
        return out
    }
}

/// One server reply: the code and every line's text (multi-line replies `250-...`).
struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]

    var text: String {
        let joined = lines.enumerated().map { "\($0.offset == 0 ? "\(code) " : "")\($0.element)" }
            .joined(separator: " / ")
        return joined.count > 500 ? String(joined.prefix(500)) + "…" : joined
    }
}

/// A blocking TCP connection with SO_RCVTIMEO / SO_SNDTIMEO; used from one thread at a time.
final class SMTPConnection {
    private let fd: Int32
    private let host: String
    private let port: Int
    private let timeout: TimeInterval
    private var buffer: [UInt8] = []
    /// A reply line longer than this is not SMTP (RFC 5321 allows 512).
    private static let maxLine = 4096

    init(host: String, port: Int, timeout: TimeInterval) throws {
        self.host = host
        self.port = port
        self.timeout = timeout
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            let reason = status == 0 ? "" : String(cString: gai_strerror(status))
            throw MailError.unreachable(host: host, port: port, reason: "无法解析主机名（\(reason)）")
        }
        defer { freeaddrinfo(list) }
        var failure = "没有可用的地址"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let socketFD = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue),
                                  info.pointee.ai_protocol)
            guard socketFD >= 0 else {
                failure = SMTPConnection.errnoText()
                continue
            }
            SMTPConnection.setTimeouts(socketFD, timeout)
            // On Linux SO_SNDTIMEO also bounds connect(); it then fails with EINPROGRESS.
            if connect(socketFD, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                fd = socketFD
                return
            }
            let code = errno
            failure = code == EINPROGRESS || code == EAGAIN || code == ETIMEDOUT
                ? "连接超时（\(SMTPConnection.seconds(timeout))秒）" : SMTPConnection.errnoText(code)
            Glibc.close(socketFD)
        }
        throw MailError.unreachable(host: host, port: port, reason: failure)
    }

    func close() {
        Glibc.close(fd)
    }

    /// Sends `line` (plus CRLF); `shownAs` replaces it in errors when it carries a secret.
    @discardableResult
    func command(_ line: String, shownAs: String? = nil, expect codes: Set<Int>) throws -> SMTPReply {
        try write(Data((line + "\r\n").utf8))
        return try expect(codes, after: shownAs ?? line)
    }

    @discardableResult
    func expect(_ codes: Set<Int>, after command: String) throws -> SMTPReply {
        let reply = try readReply(after: command)
        guard codes.contains(reply.code) else { throw MailError.rejected(command: command, reply: reply.text) }
        return reply
    }

    func write(_ data: Data) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                // MSG_NOSIGNAL: a server that hung up must give EPIPE, not kill the process.
                let sent = Glibc.send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent > 0 {
                    offset += sent
                } else if sent < 0 && errno == EINTR {
                    continue
                } else {
                    throw failure(sent < 0 ? errno : 0, while: "发送")
                }
            }
        }
    }

    private func readReply(after command: String) throws -> SMTPReply {
        var lines: [String] = []
        var code: Int?
        while true {
            let line = try readLine()
            let digits = line.prefix(3)
            guard digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let lineCode = Int(digits),
                  line.count == 3 || [" ", "-"].contains(line.dropFirst(3).first) else {
                throw MailError.rejected(command: command, reply: "无法识别的应答：\(line.prefix(200))")
            }
            code = code ?? lineCode
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line.dropFirst(3).first == " " { break }
            if lines.count > 200 {
                throw MailError.rejected(command: command, reply: "应答超过200行")
            }
        }
        return SMTPReply(code: code ?? 0, lines: lines)
    }

    private func readLine() throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count <= SMTPConnection.maxLine else {
                throw MailError.unreachable(host: host, port: port, reason: "服务器应答的行过长，不像SMTP服务器")
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let received = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                buffer += chunk[..<received]
            } else if received < 0 && errno == EINTR {
                continue
            } else {
                throw failure(received < 0 ? errno : 0, while: "等待应答")
            }
        }
    }

    private func failure(_ code: Int32, while step: String) -> MailError {
        let reason = switch code {
        case 0: "\(step)时服务器关闭了连接"
        case EAGAIN, EWOULDBLOCK: "\(step)超时（\(SMTPConnection.seconds(timeout))秒）"
        default: "\(step)失败（\(SMTPConnection.errnoText(code))）"
        }
        return MailError.unreachable(host: host, port: port, reason: reason)
    }

    private static func setTimeouts(_ fd: Int32, _ timeout: TimeInterval) {
        let whole = timeout.rounded(.down)
        var value = timeval(tv_sec: Int(whole), tv_usec: Int((timeout - whole) * 1_000_000))
        let size = socklen_t(MemoryLayout<timeval>.size)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, size)
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, size)
    }

    private static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    private static func seconds(_ timeout: TimeInterval) -> String {
        timeout == timeout.rounded() ? String(Int(timeout)) : String(format: "%.1f", timeout)
    }
}
