import Foundation

/// Hands messages to an SMTP relay over SwiftNIO: plain, STARTTLS or TLS from the first byte,
/// as `SMTPSettings` say. Every failure is a `MailError`; `isTransient` tells an outbox whether
/// to try again later.
public enum SMTPClient {
    /// Sends `message` to all its To and Cc addresses over a connection of its own; returns
    /// once the server has accepted it.
    ///
    /// `settings.timeouts` bound connecting and each step of the dialogue, not the whole of it.
    /// Cancelling the task closes the connection and throws `CancellationError`.
    nonisolated(nonsending) public static func send(_ message: MailMessage, via settings: SMTPSettings) async throws {
        // Checked before connecting: a message nobody would get is not worth a connection.
        guard !message.recipients.isEmpty else { throw MailError.noRecipients }
        try await withSession(via: settings) { try await $0.send(message) }
    }

    /// Opens one connection (greeting, EHLO, TLS, login), runs `body` with it, then says QUIT
    /// and closes it, also when `body` throws. Send several messages with one login:
    ///
    ///     try await SMTPClient.withSession(via: settings) { session in
    ///         for mail in due where session.isUsable {
    ///             do { try await session.send(mail.message); markSent(mail) }
    ///             catch let error as MailError { markFailed(mail, retry: error.isTransient) }
    ///         }
    ///     }
    ///
    /// Throws what opening the connection threw (a `MailError`) before `body` runs.
    nonisolated(nonsending) public static func withSession<Result>(
        via settings: SMTPSettings, _ body: (SMTPSession) async throws -> Result
    ) async throws -> Result {
        let session = try await SMTPSession.open(settings)
        let result: Result
        do {
            result = try await body(session)
        } catch {
            await session.quit()
            throw error
        }
        await session.quit()
        return result
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
