import Foundation
import NIOCore
import NIOSSL

/// An open, greeted and (when configured) authenticated SMTP dialogue; sends messages one
/// after another over it. Made by `SMTPClient.withSession`, which also ends it.
///
/// Not `Sendable` on purpose: a dialogue is one command at a time, so one task owns it. Its
/// methods run in the caller's isolation (`nonisolated(nonsending)`), so that an actor (an
/// outbox) can hold a session inside `withSession` without sending it anywhere.
public final class SMTPSession {
    private let settings: SMTPSettings
    private let channel: SMTPChannel
    private var capabilities = Capabilities()
    private var isEncrypted: Bool
    /// Set once the connection is unusable; every later `send` throws it without trying.
    private var broken: MailError?

    /// Whether `send` can still try: false once the connection broke (the outbox then keeps
    /// the remaining messages for the next attempt).
    public var isUsable: Bool { broken == nil }

    private init(settings: SMTPSettings, channel: SMTPChannel, isEncrypted: Bool) {
        self.settings = settings
        self.channel = channel
        self.isEncrypted = isEncrypted
    }

    /// Connects, reads the greeting, says EHLO, upgrades to TLS and logs in as `settings` ask.
    nonisolated(nonsending) static func open(_ settings: SMTPSettings) async throws -> SMTPSession {
        let tls = try settings.makeTLSContext()
        let implicit = settings.security == .implicitTLS
        let channel = try await SMTPChannel.connect(settings, tls: implicit ? tls : nil)
        let session = SMTPSession(settings: settings, channel: channel, isEncrypted: implicit)
        do {
            try session.expect(try await channel.exchange(nil, step: "连接"), [220], after: "连接")
            try await session.greet()
            if let tls, !session.isEncrypted { try await session.startTLSIfWanted(tls) }
            if settings.hasCredentials { try await session.authenticate() }
        } catch {
            await channel.close()
            throw error
        }
        return session
    }

    /// Hands `message` to the server for all its To and Cc addresses; returns once the server
    /// has taken responsibility for it (250 after the data). The envelope sender is
    /// `settings.from`, the header From is `message.from`.
    ///
    /// A refusal of this message (a recipient, its size) leaves the session usable for the
    /// next; a broken connection does not (`isUsable`).
    nonisolated(nonsending) public func send(_ message: MailMessage) async throws {
        if let broken { throw broken }
        let recipients = message.recipients
        guard !recipients.isEmpty else { throw MailError.noRecipients }
        let payload = SMTPClient.dataPayload(message.rendered())
        if let limit = capabilities.sizeLimit, payload.count > limit {
            throw MailError.tooLarge(size: payload.count, limit: limit)
        }
        do {
            let size = capabilities.sizeLimit == nil ? "" : " SIZE=\(payload.count)"
            try await command("MAIL FROM:<\(settings.from.email)>\(size)", expect: [250])
            for recipient in recipients {
                try await command("RCPT TO:<\(recipient.email)>", expect: [250, 251])
            }
            try await command("DATA", expect: [354])
            var buffer = ByteBufferAllocator().buffer(capacity: payload.count)
            buffer.writeBytes(payload)
            try expect(try await channel.exchange(buffer, step: "DATA（邮件内容）"), [250], after: "DATA（邮件内容）")
        } catch MailError.rejected(let command, let code, let reply) {
            // The server said no to this message only; RSET readies the dialogue for the next.
            do { try await self.command("RSET", expect: [250]) } catch { broken = SMTPSession.asBroken(error, settings) }
            throw MailError.rejected(command: command, code: code, reply: reply)
        } catch {
            broken = SMTPSession.asBroken(error, settings)
            throw error
        }
    }

    /// What later sends report once the dialogue broke (a cancelled send closes the connection).
    private static func asBroken(_ error: any Error, _ settings: SMTPSettings) -> MailError {
        error as? MailError ?? .interrupted(host: settings.host, port: settings.port, reason: "发送被中止，连接已关闭")
    }

    /// QUIT, then close. The messages are already accepted: nothing here can fail them.
    nonisolated(nonsending) func quit() async {
        if broken == nil {
            _ = try? await channel.command("QUIT")
        }
        await channel.close()
    }

    nonisolated(nonsending) private func greet() async throws {
        let name = settings.heloName ?? channel.localAddressLiteral
        let reply = try await channel.command("EHLO \(name)")
        if reply.isPositiveCompletion {
            capabilities = Capabilities(reply)
            return
        }
        // A server from before RFC 1869; it cannot offer STARTTLS or AUTH, which the checks
        // after this refuse when they are needed.
        guard [500, 502].contains(reply.code) else { throw rejection("EHLO", reply) }
        try await command("HELO \(name)", expect: [250])
        capabilities = Capabilities()
    }

    nonisolated(nonsending) private func startTLSIfWanted(_ tls: NIOSSLContext) async throws {
        guard capabilities.startTLS else {
            if settings.security == .startTLSRequired {
                throw MailError.startTLSNotOffered(host: settings.host, port: settings.port)
            }
            return
        }
        try await command("STARTTLS", expect: [220])
        try await channel.startTLS(tls, serverName: settings.tlsServerName)
        isEncrypted = true
        // RFC 3207 4.2: what was learnt in clear is forgotten and asked again under TLS.
        capabilities = Capabilities()
        do {
            try await greet()
        } catch MailError.tlsFailed(let host, let port, let reason) where settings.security == .startTLSIfOffered {
            // A relay that mailed in clear before may now fail here: say why it was encrypted at all.
            throw MailError.tlsFailed(host: host, port: port, reason: reason
                + "（服务器提供了 STARTTLS，所以自动加密；仅在可信内网确需明文发送时可设 starttls=never）")
        }
    }

    nonisolated(nonsending) private func authenticate() async throws {
        guard let username = settings.username, let password = settings.password else { return }
        guard isEncrypted || settings.allowsCleartextAuth else {
            throw MailError.authNeedsTLS(host: settings.host, port: settings.port)
        }
        let secrets = [password, base64(password), base64("\0\(username)\0\(password)")]
        do {
            if capabilities.authMechanisms.contains("PLAIN") {
                try await command("AUTH PLAIN \(base64("\0\(username)\0\(password)"))", shownAs: "AUTH PLAIN", expect: [235])
            } else if capabilities.authMechanisms.contains("LOGIN") {
                try await command("AUTH LOGIN", expect: [334])
                try await command(base64(username), shownAs: "AUTH LOGIN（用户名）", expect: [334])
                try await command(base64(password), shownAs: "AUTH LOGIN（密码）", expect: [235])
            } else {
                throw MailError.authNotOffered(advertised: capabilities.authLine)
            }
        } catch MailError.rejected(let command, let code, let reply) {
            // A server that echoes what it got must not put the password on an error page.
            let scrubbed = secrets.filter { !$0.isEmpty }.reduce(reply) { $0.replacingOccurrences(of: $1, with: "***") }
            throw MailError.rejected(command: command, code: code, reply: scrubbed)
        }
    }

    @discardableResult
    nonisolated(nonsending) private func command(_ line: String, shownAs: String? = nil, expect codes: Set<Int>) async throws -> SMTPReply {
        let step = shownAs ?? line
        let reply = try await channel.command(line, shownAs: step)
        try expect(reply, codes, after: step)
        return reply
    }

    private func expect(_ reply: SMTPReply, _ codes: Set<Int>, after step: String) throws {
        guard codes.contains(reply.code) else { throw rejection(step, reply) }
    }

    private func rejection(_ step: String, _ reply: SMTPReply) -> MailError {
        .rejected(command: step, code: reply.code, reply: reply.text)
    }

    private func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}

/// What the server said it can do in its EHLO reply (RFC 5321 4.1.1.1).
struct Capabilities: Equatable {
    var startTLS = false
    var authMechanisms: Set<String> = []
    /// The AUTH line as the server wrote it, for the message when no mechanism fits.
    var authLine = ""
    /// SIZE's limit; nil when not offered or 0 (no limit).
    var sizeLimit: Int?

    init() {}

    init(_ reply: SMTPReply) {
        // The first line is the server's name and greeting, not a capability.
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            switch keyword {
            case "STARTTLS":
                startTLS = true
            case "AUTH":
                authMechanisms.formUnion(words.dropFirst())
                authLine = line
            case _ where keyword.hasPrefix("AUTH="):
                // Pre-RFC 4954 form that some servers still send beside the standard one.
                authMechanisms.formUnion([String(keyword.dropFirst(5))] + words.dropFirst())
                if authLine.isEmpty { authLine = line }
            case "SIZE":
                sizeLimit = words.dropFirst().first.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            default:
                break
            }
        }
    }
}
