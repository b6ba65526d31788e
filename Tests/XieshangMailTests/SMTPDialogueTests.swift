import Foundation
import Testing
@testable import XieshangMail
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SMTPDialogueTests {
    @Test func linesStartingWithADotAreStuffed() {
        let payload = SMTPClient.dataPayload(Data(".first\r\nmiddle\r\n.\r\n..two\r\nlast".utf8))
        #expect(String(decoding: payload, as: UTF8.self) == "..first\r\nmiddle\r\n..\r\n...two\r\nlast\r\n.\r\n")
    }

    @Test func payloadEndingInCRLFGetsOnlyTheTerminator() {
        let payload = SMTPClient.dataPayload(Data("Subject: x\r\n\r\nbody\r\n".utf8))
        #expect(String(decoding: payload, as: UTF8.self) == "Subject: x\r\n\r\nbody\r\n.\r\n")
    }

    @Test func noRecipientsIsRefusedBeforeConnecting() async throws {
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:1", from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [], subject: "通知", textBody: "正文")
        await #expect(throws: MailError.noRecipients) { try await SMTPClient.send(message, via: settings) }
    }

    @Test func closedPortIsUnreachable() async throws {
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(try closedPort())", from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "通知", textBody: "正文")
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(message, via: settings, timeout: 2) }
        #expect(error.code == "smtp_unreachable")
        #expect(error.message.hasPrefix("无法连接邮件服务器 127.0.0.1:"))
    }

    @Test func unknownHostIsUnreachable() async throws {
        let settings = try SMTPSettings(url: "smtp://no-such-host.invalid", from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "通知", textBody: "正文")
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(message, via: settings, timeout: 2) }
        #expect(error.code == "smtp_unreachable")
    }

    @Test func replyTextIsShortenedForMessages() {
        let reply = SMTPReply(code: 250, lines: ["xieshang", "AUTH PLAIN"])
        #expect(reply.text == "250 xieshang / AUTH PLAIN")
        #expect(SMTPReply(code: 550, lines: [String(repeating: "x", count: 900)]).text.count == 501)
    }
}

/// A port that was free a moment ago and has nothing listening on it.
private func closedPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
        }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
}
