import Foundation
import Testing
@testable import XieshangMail

/// STARTTLS and TLS from the first byte against tests/support/smtp_sink.py, whose certificate
/// comes from a private CA made when the sink starts (trustme).
@Suite(.enabled(if: SinkProcess.python != nil && SinkProcess.canIssueCertificates,
                "needs a Python with aiosmtpd and trustme: the repository's .venv (scripts/test deps) or XIESHANG_TEST_PYTHON"))
struct SMTPTLSTests {
    private let notice = MailMessage(from: invitationSender, to: [memberZhang], subject: "会议通知", textBody: "请准时参会。")

    @Test func startTLSWithThePrivateCAIsVerifiedAndCarriesTheMail() async throws {
        let sink = try SinkProcess(tls: .startTLS)
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)?starttls=require&ca=\(sink.caPath)",
                                        from: invitationSender)
        try await SMTPClient.send(notice, via: settings)
        #expect(try sink.waitForMessage(1).subject == "会议通知")
        #expect(try sink.delivery(1).tls?.hasPrefix("TLS") == true)
    }

    @Test func offeredStartTLSIsUsedWithoutBeingRequired() async throws {
        let sink = try SinkProcess(tls: .startTLS)
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)?ca=\(sink.caPath)", from: invitationSender)
        try await SMTPClient.send(notice, via: settings)
        _ = try sink.waitForMessage(1)
        #expect(try sink.delivery(1).tls != nil)
    }

    @Test func certificateFromAnUnknownCAIsRefusedBeforeAnythingIsSent() async throws {
        let sink = try SinkProcess(tls: .startTLS)
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)", from: invitationSender)
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(notice, via: settings) }
        #expect(error.code == "smtp_tls_failed")
        #expect(error.message.contains("服务器证书未通过验证"))
        #expect(error.message.contains("ca=CA证书文件"))
        #expect(error.message.contains("starttls=never"))
        #expect(!error.isTransient)
        #expect(sink.storedCount == 0)
    }

    @Test func certificateForAnotherHostIsRefusedEvenFromTheTrustedCA() async throws {
        let sink = try SinkProcess(tls: .implicit, certificateNames: ["mail.zx.example.cn"])
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtps://127.0.0.1:\(sink.port)?ca=\(sink.caPath)", from: invitationSender)
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(notice, via: settings) }
        #expect(error.code == "smtp_tls_failed")
        #expect(error.message.contains("服务器证书不是签发给 127.0.0.1 的"))
        #expect(sink.storedCount == 0)
    }

    @Test func hostNameIsCheckedAgainstTheCertificate() async throws {
        let sink = try SinkProcess(tls: .startTLS, certificateNames: ["localhost"])
        defer { sink.stop() }
        let byName = try SMTPSettings(url: "smtp://localhost:\(sink.port)?starttls=require&ca=\(sink.caPath)",
                                      from: invitationSender)
        try await SMTPClient.send(notice, via: byName)
        _ = try sink.waitForMessage(1)
        // The same server by its address, which the certificate does not name.
        let byAddress = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)?starttls=require&ca=\(sink.caPath)",
                                         from: invitationSender)
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(notice, via: byAddress) }
        #expect(error.code == "smtp_tls_failed")
        #expect(sink.storedCount == 1)
    }

    @Test func insecureSettingSkipsVerificationButStillEncrypts() async throws {
        let sink = try SinkProcess(tls: .startTLS)
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)?starttls=require&tls=insecure",
                                        from: invitationSender)
        try await SMTPClient.send(notice, via: settings)
        _ = try sink.waitForMessage(1)
        #expect(try sink.delivery(1).tls != nil)
    }

    @Test func implicitTLSCarriesTheMail() async throws {
        let sink = try SinkProcess(tls: .implicit)
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtps://127.0.0.1:\(sink.port)?ca=\(sink.caPath)", from: invitationSender)
        try await SMTPClient.send(notice, via: settings)
        let stored = try sink.waitForMessage(1)
        #expect(stored.text?.replacingOccurrences(of: "\r\n", with: "\n") == "请准时参会。")
        #expect(try sink.delivery(1).tls?.hasPrefix("TLS") == true)
    }

    @Test func implicitTLSToAPlainPortFailsAsATLSProblem() async throws {
        let sink = try SinkProcess()
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtps://127.0.0.1:\(sink.port)", from: invitationSender)
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(notice, via: settings) }
        #expect(error.code == "smtp_tls_failed")
        #expect(error.message.contains("465 端口用 smtps://"))
        #expect(!error.isTransient)
        #expect(sink.storedCount == 0)
    }

    @Test(arguments: ["PLAIN", "LOGIN"])
    func loginAfterStartTLSWithTheOfferedMechanism(_ mechanism: String) async throws {
        let sink = try SinkProcess(auth: "notice@zx:s3cret 2026", tls: .startTLS, authMechanisms: [mechanism])
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://notice%40zx:s3cret%202026@127.0.0.1:\(sink.port)?ca=\(sink.caPath)",
                                        from: invitationSender)
        try await SMTPClient.send(notice, via: settings)
        _ = try sink.waitForMessage(1)
        #expect(try sink.delivery(1).login == "notice@zx")
    }

    @Test func loginOverImplicitTLS() async throws {
        let sink = try SinkProcess(auth: "notice:s3cret", tls: .implicit, authMechanisms: ["LOGIN"])
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtps://notice:s3cret@127.0.0.1:\(sink.port)?ca=\(sink.caPath)",
                                        from: invitationSender)
        try await SMTPClient.send(notice, via: settings)
        _ = try sink.waitForMessage(1)
        let delivery = try sink.delivery(1)
        #expect(delivery.login == "notice")
        #expect(delivery.tls != nil)
    }

    @Test(arguments: ["PLAIN", "LOGIN"])
    func refusedLoginIsPermanentAndNeverShowsThePassword(_ mechanism: String) async throws {
        let sink = try SinkProcess(auth: "notice:s3cret", tls: .startTLS, authMechanisms: [mechanism])
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://notice:Wrong-Pa55@127.0.0.1:\(sink.port)?ca=\(sink.caPath)",
                                        from: invitationSender)
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(notice, via: settings) }
        guard case .rejected(let command, let code, _) = error else {
            Issue.record("expected .rejected, got \(error)")
            return
        }
        #expect(command.hasPrefix("AUTH \(mechanism)"))
        #expect(code == 535)
        #expect(!error.isTransient)
        let secrets = ["Wrong-Pa55", Data("Wrong-Pa55".utf8).base64EncodedString(),
                       Data("\0notice\0Wrong-Pa55".utf8).base64EncodedString()]
        #expect(!secrets.contains { error.message.contains($0) || error.description.contains($0) })
        #expect(sink.storedCount == 0)
    }
}
