import Foundation
import Testing
@testable import XieshangMail
#if canImport(Glibc)
import Glibc
#endif

/// Sends through a real SMTP server: tests/support/smtp_sink.py (aiosmtpd) stores what it
/// receives, and Python's `email` package, an independent parser, reads it back.
/// Skipped (shown as skipped, with the reason) when no Python with aiosmtpd is found.
@Suite(.enabled(if: SinkProcess.python != nil,
                "needs a Python with aiosmtpd: the repository's .venv (scripts/test deps) or XIESHANG_TEST_PYTHON"))
struct SMTPRoundTripTests {
    @Test func chineseInvitationWithDocxArrivesIntact() async throws {
        let sink = try SinkProcess()
        defer { sink.stop() }
        let subject = HeaderEncodingTests.longSubject
        let filename = "关于召开2026年第一次专题协商座谈会的邀请函（县政协办公室印发）.docx"
        let text = "张委员：\n\n兹定于2026年3月25日上午9时召开专题协商座谈会。\n.以点开头的一行\n\n县政协办公室"
        let cc = try MailAddress("li@example.cn", name: "李委员")
        let message = MailMessage(
            from: invitationSender, to: [memberZhang], cc: [cc], subject: subject, textBody: text,
            htmlBody: "<p>张委员：</p><p>兹定于2026年3月25日上午9时召开专题协商座谈会。</p>",
            attachments: [MailAttachment(filename: filename, contentType: docxType, data: docxLike)])
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)", from: invitationSender)

        try await SMTPClient.send(message, via: settings)

        let stored = try sink.waitForMessage(1)
        // The encoded-word `filename=` fallback is outside RFC 2047 by design (what older
        // clients read); Python notes that, and nothing else may be flagged.
        let knownFallbackDefects = ["encoded word inside quoted string", "missing trailing whitespace after encoded-word",
                                    "duplicate parameter name; duplicate(s) ignored"]
        #expect(stored.defects.filter { defect in
            !(["Content-Type: ", "Content-Disposition: "].contains { defect.hasPrefix($0) }
              && knownFallbackDefects.contains { defect.hasSuffix($0) })
        } == [])
        #expect(try sink.delivery(1) == Delivery(tls: nil, login: nil))
        #expect(stored.envelopeFrom == "<office@zx.example.cn>")
        #expect(stored.envelopeTo == "<zhang@example.cn>, <li@example.cn>")
        #expect(stored.subject == subject)
        #expect(stored.from == [["县政协办公室", "office@zx.example.cn"]])
        #expect(stored.to == [["张委员", "zhang@example.cn"]])
        #expect(stored.cc == [["李委员", "li@example.cn"]])
        #expect(stored.messageID == "<\(message.messageID)>")
        #expect(stored.text?.replacingOccurrences(of: "\r\n", with: "\n") == text)
        #expect(stored.html?.contains("专题协商座谈会") == true)
        let attachment = try #require(stored.attachments.first)
        #expect(stored.attachments.count == 1)
        #expect(attachment.filename == filename)
        #expect(attachment.contentType == docxType)
        #expect(Data(base64Encoded: attachment.base64) == docxLike)
        // The sink's two envelope lines, then our message as sent.
        let raw = try Data(contentsOf: sink.directory.appendingPathComponent("1.eml"))
        let lines = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[2] == "Date: " + MIMEEncoding.rfc5322Date(message.date))
    }

    @Test func passwordCrossesAPlainConnectionOnlyWhenAllowed() async throws {
        let sink = try SinkProcess(auth: "notice:s3cret@2026")
        defer { sink.stop() }
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "测试", textBody: "正文")
        let refusing = try SMTPSettings(url: "smtp://notice:s3cret%402026@127.0.0.1:\(sink.port)", from: invitationSender)
        await #expect(throws: MailError.authNeedsTLS(host: "127.0.0.1", port: sink.port)) {
            try await SMTPClient.send(message, via: refusing)
        }
        #expect(sink.storedCount == 0)

        let allowing = try SMTPSettings(url: "smtp://notice:s3cret%402026@127.0.0.1:\(sink.port)?cleartext_auth=allow",
                                        from: invitationSender)
        try await SMTPClient.send(message, via: allowing)
        #expect(try sink.waitForMessage(1).subject == "测试")
        #expect(try sink.delivery(1) == Delivery(tls: nil, login: "notice"))
    }

    @Test func wrongPasswordIsRejectedWithoutShowingIt() async throws {
        let sink = try SinkProcess(auth: "notice:s3cret")
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://notice:wrong-secret@127.0.0.1:\(sink.port)?cleartext_auth=allow",
                                        from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "测试", textBody: "正文")
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(message, via: settings) }
        guard case .rejected(let command, let code, let reply) = error else {
            Issue.record("expected .rejected, got \(error)")
            return
        }
        #expect(command == "AUTH PLAIN")
        #expect(code == 535)
        #expect(reply.hasPrefix("535"))
        #expect(!error.message.contains("wrong-secret"))
        #expect(error.code == "smtp_rejected")
        #expect(!error.isTransient)
    }

    @Test func credentialsWithoutAuthOnOfferAreRefused() async throws {
        let sink = try SinkProcess()
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://notice:s3cret@127.0.0.1:\(sink.port)?cleartext_auth=allow",
                                        from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "测试", textBody: "正文")
        await #expect(throws: MailError.authNotOffered(advertised: "")) {
            try await SMTPClient.send(message, via: settings)
        }
        #expect(sink.storedCount == 0)
    }

    @Test func requiredStartTLSThatIsNotOfferedSendsNothing() async throws {
        let sink = try SinkProcess()
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)?starttls=require", from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "测试", textBody: "正文")
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(message, via: settings) }
        #expect(error == .startTLSNotOffered(host: "127.0.0.1", port: sink.port))
        #expect(!error.isTransient)
        #expect(sink.storedCount == 0)
    }
}
