import Foundation
import Testing
@testable import XieshangMail

/// What an outbox decides from: a relay that is down and then up, refused and deferred
/// recipients, several messages over one connection.
@Suite(.enabled(if: SinkProcess.python != nil,
                "needs a Python with aiosmtpd: the repository's .venv (scripts/test deps) or XIESHANG_TEST_PYTHON"))
struct SMTPDeliveryTests {
    private func notice(to recipient: MailAddress = memberZhang, _ subject: String = "会议通知") -> MailMessage {
        MailMessage(from: invitationSender, to: [recipient], subject: subject, textBody: "请准时参会。")
    }

    @Test func relayThatIsDownIsTransientAndTheSameMailGoesOnceItIsUp() async throws {
        let port = try closedPort()
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(port)", from: invitationSender)
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(notice(), via: settings) }
        #expect(error.code == "smtp_unreachable")
        #expect(error.isTransient)

        let sink = try SinkProcess(port: port)
        defer { sink.stop() }
        try await SMTPClient.send(notice(), via: settings)
        #expect(try sink.waitForMessage(1).subject == "会议通知")
    }

    @Test func refusedRecipientIsPermanent() async throws {
        let sink = try SinkProcess(rejectRecipients: ["gone@example.cn"])
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)", from: invitationSender)
        let gone = try MailAddress("gone@example.cn", name: "已调离委员")
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(notice(to: gone), via: settings) }
        #expect(error == .rejected(command: "RCPT TO:<gone@example.cn>", code: 550, reply: "550 5.1.1 No such mailbox here"))
        #expect(!error.isTransient)
        #expect(error.message == "邮件服务器拒绝了 RCPT TO:<gone@example.cn>：550 5.1.1 No such mailbox here")
        #expect(sink.storedCount == 0)
    }

    @Test func deferredRecipientIsTransient() async throws {
        let sink = try SinkProcess(deferRecipients: ["busy@example.cn"])
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)", from: invitationSender)
        let busy = try MailAddress("busy@example.cn")
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(notice(to: busy), via: settings) }
        #expect(error.isTransient)
        #expect(sink.storedCount == 0)
    }

    @Test func mailOverTheAdvertisedSizeIsRefusedBeforeItsDataAndTheSessionGoesOn() async throws {
        let sink = try SinkProcess(sizeLimit: 20_000)
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)", from: invitationSender)
        var large = notice("附件过大")
        large.attachments = [MailAttachment(filename: "材料.pdf", contentType: "application/pdf", data: Data(count: 30_000))]
        try await SMTPClient.withSession(via: settings) { session in
            let error = try await #require(throws: MailError.self) { try await session.send(large) }
            guard case .tooLarge(let size, let limit) = error else {
                Issue.record("expected .tooLarge, got \(error)")
                return
            }
            #expect(size > 40_000)
            #expect(limit == 20_000)
            #expect(!error.isTransient)
            try await session.send(notice("正常大小"))
        }
        #expect(try sink.waitForMessage(1).subject == "正常大小")
        #expect(sink.storedCount == 1)
    }

    @Test func oneSessionSendsSeveralMailsAndOutlivesARefusedOne() async throws {
        let sink = try SinkProcess(rejectRecipients: ["gone@example.cn"])
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)", from: invitationSender)
        let gone = try MailAddress("gone@example.cn")
        let mails = [notice("第一封"), notice(to: gone, "第二封"), notice("第三封")]
        let outcomes = try await SMTPClient.withSession(via: settings) { session in
            var outcomes: [MailError?] = []
            for mail in mails {
                do {
                    try await session.send(mail)
                    outcomes.append(nil)
                } catch let error as MailError {
                    outcomes.append(error)
                }
            }
            #expect(session.isUsable)
            return outcomes
        }
        #expect(outcomes.map { $0?.code } == [nil, "smtp_rejected", nil])
        #expect(try sink.waitForMessage(1).subject == "第一封")
        #expect(try sink.waitForMessage(2).subject == "第三封")
        #expect(sink.storedCount == 2)
    }

    @Test func brokenSessionRefusesFurtherMailsWithTheSameTransientError() async throws {
        let sink = try SinkProcess()
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)?timeout=5", from: invitationSender)
        let errors = try await SMTPClient.withSession(via: settings) { session in
            try await session.send(notice("第一封"))
            sink.stop()  // the relay goes away mid-session
            var errors: [MailError] = []
            for subject in ["第二封", "第三封"] {
                do { try await session.send(notice(subject)) } catch let error as MailError { errors.append(error) }
            }
            #expect(!session.isUsable)
            return errors
        }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.isTransient })
        #expect(errors.first == errors.last)
    }

    @Test func anActorCanHoldASessionAsAnOutboxWould() async throws {
        let sink = try SinkProcess()
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)", from: invitationSender)
        let outbox = ProbeOutbox()
        try await outbox.deliver([notice("第一封"), notice("第二封")], via: settings)
        #expect(await outbox.delivered == ["第一封", "第二封"])
        #expect(try sink.waitForMessage(2).subject == "第二封")
    }
}

/// The shape of the server's outbox: actor state changed between sends of one session.
private actor ProbeOutbox {
    var delivered: [String] = []

    func deliver(_ mails: [MailMessage], via settings: SMTPSettings) async throws {
        try await SMTPClient.withSession(via: settings) { session in
            for mail in mails where session.isUsable {
                try await session.send(mail)
                delivered.append(mail.subject)
            }
        }
    }
}
