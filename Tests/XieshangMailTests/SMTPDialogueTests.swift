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
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(try closedPort())?connect_timeout=2", from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "通知", textBody: "正文")
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(message, via: settings) }
        #expect(error.code == "smtp_unreachable")
        #expect(error.message.hasPrefix("无法连接邮件服务器 127.0.0.1:"))
        #expect(error.message.contains("连接被拒绝"))
        #expect(error.isTransient)
    }

    @Test func unknownHostIsUnreachable() async throws {
        let settings = try SMTPSettings(url: "smtp://no-such-host.invalid?connect_timeout=2", from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "通知", textBody: "正文")
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(message, via: settings) }
        #expect(error.code == "smtp_unreachable")
        #expect(error.isTransient)
    }

    @Test func relayThatNeverGreetsTimesOutAsTransient() async throws {
        let relay = try SilentListener()
        defer { relay.close() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(relay.port)?timeout=0.5", from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "通知", textBody: "正文")
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(message, via: settings) }
        #expect(error.code == "smtp_interrupted")
        #expect(error.message.contains("等待服务器应答（连接）超时"))
        #expect(error.isTransient)
    }

    @Test func replyTextIsShortenedForMessages() {
        let reply = SMTPReply(code: 250, lines: ["xieshang", "AUTH PLAIN"])
        #expect(reply.text == "250 xieshang / AUTH PLAIN")
        #expect(SMTPReply(code: 550, lines: [String(repeating: "x", count: 900)]).text.count == 501)
    }

    @Test func ehloReplyTellsStartTLSAuthAndSize() {
        let reply = SMTPReply(code: 250, lines: ["mail.example.cn", "SIZE 10240000", "STARTTLS", "AUTH LOGIN plain",
                                                 "AUTH=CRAM-MD5", "8BITMIME"])
        let capabilities = Capabilities(reply)
        #expect(capabilities.startTLS)
        #expect(capabilities.authMechanisms == ["LOGIN", "PLAIN", "CRAM-MD5"])
        #expect(capabilities.authLine == "AUTH LOGIN plain")
        #expect(capabilities.sizeLimit == 10_240_000)
    }

    @Test func serverNameLineIsNoCapabilityAndSizeZeroIsNoLimit() {
        let capabilities = Capabilities(SMTPReply(code: 250, lines: ["STARTTLS", "SIZE 0"]))
        #expect(!capabilities.startTLS)
        #expect(capabilities.sizeLimit == nil)
    }
}
