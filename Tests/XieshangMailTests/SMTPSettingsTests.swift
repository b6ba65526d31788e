import Testing
@testable import XieshangMail

@Suite struct SMTPSettingsTests {
    @Test func hostOnlyUsesPort25() throws {
        let settings = try SMTPSettings(url: "smtp://mail.zx.example.cn", from: invitationSender)
        #expect(settings.host == "mail.zx.example.cn")
        #expect(settings.port == 25)
        #expect(settings.username == nil && settings.password == nil)
        #expect(settings.from == invitationSender)
    }

    @Test func credentialsAndPortArePercentDecoded() throws {
        let settings = try SMTPSettings(url: "SMTP://notice%40zx:p%40ss%3Aword@10.1.2.3:2525/", from: invitationSender)
        #expect(settings.host == "10.1.2.3")
        #expect(settings.port == 2525)
        #expect(settings.username == "notice@zx")
        #expect(settings.password == "p@ss:word")
        #expect(settings.description == "smtp://notice@zx:***@10.1.2.3:2525 (from 县政协办公室 <office@zx.example.cn>)")
    }

    @Test func ipv6Literal() throws {
        let settings = try SMTPSettings(url: "smtp://[::1]:2525", from: invitationSender)
        #expect(settings.host == "::1")
        #expect(settings.port == 2525)
    }

    @Test func smtpsIsRefusedClearly() {
        #expect(throws: MailError.tlsNotSupported) { try SMTPSettings(url: "smtps://mail.example.cn:465", from: invitationSender) }
        #expect(MailError.tlsNotSupported.message.contains("暂不支持加密连接"))
    }

    @Test(arguments: [
        "", "mail.example.cn", "http://mail.example.cn", "smtp://", "smtp://:25", "smtp://host:0",
        "smtp://host:70000", "smtp://host:abc", "smtp://host/path", "smtp://host?x=1",
        "smtp://user@host", "smtp://:secret@host",
    ])
    func badURLsAreRefused(_ url: String) throws {
        let error = try #require(throws: MailError.self) { try SMTPSettings(url: url, from: invitationSender) }
        #expect(error.code == "invalid_smtp_url")
        #expect(error.message.hasPrefix("邮件服务器地址无效"))
    }

    @Test func passwordNeverAppearsInErrors() throws {
        let error = try #require(throws: MailError.self) {
            try SMTPSettings(url: "smtp://user:TopSecret@host:99999", from: invitationSender)
        }
        #expect(!error.message.contains("TopSecret"))
    }
}
