import Foundation
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
        #expect(!settings.description.contains("word"))
    }

    @Test func ipv6Literal() throws {
        let settings = try SMTPSettings(url: "smtp://[::1]:2525", from: invitationSender)
        #expect(settings.host == "::1")
        #expect(settings.port == 2525)
    }

    @Test func smtpUpgradesWhenOfferedAndVerifiesBySystemTrust() throws {
        let settings = try SMTPSettings(url: "smtp://mail.zx.example.cn", from: invitationSender)
        #expect(settings.security == .startTLSIfOffered)
        #expect(settings.certificateVerification == .systemTrustStore)
        #expect(!settings.allowsCleartextAuth)
        #expect(settings.timeouts == SMTPSettings.Timeouts(connect: .seconds(10), reply: .seconds(30)))
        #expect(settings.heloName == nil)
    }

    @Test func smtpsIsTLSFromTheFirstByteOnPort465() throws {
        let settings = try SMTPSettings(url: "smtps://notice:pw@smtp.163.com", from: invitationSender)
        #expect(settings.security == .implicitTLS)
        #expect(settings.port == 465)
        #expect(try SMTPSettings(url: "smtps://smtp.qq.com:2465", from: invitationSender).port == 2465)
    }

    @Test func starttlsCanBeRequiredOrRefused() throws {
        #expect(try SMTPSettings(url: "smtp://h:587?starttls=require", from: invitationSender).security == .startTLSRequired)
        #expect(try SMTPSettings(url: "smtp://h?STARTTLS=Never", from: invitationSender).security == .plain)
        #expect(try SMTPSettings(url: "smtp://h?starttls=auto", from: invitationSender).security == .startTLSIfOffered)
    }

    @Test func privateCAFileIsReadAndPercentDecoded() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xieshang-ca \(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ca = directory.appendingPathComponent("county ca.pem")
        try Data(testCAPEM.utf8).write(to: ca)
        let encoded = try #require(ca.path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed))
        let settings = try SMTPSettings(url: "smtps://mail.zx.gov.cn?ca=\(encoded)", from: invitationSender)
        #expect(settings.certificateVerification == .privateCA(path: ca.path))
        #expect(settings.description.contains("?ca=\(ca.path)"))
    }

    @Test func unreadableOrRelativeCAFileIsNamedInTheError() throws {
        let notPEM = FileManager.default.temporaryDirectory.appendingPathComponent("xieshang-not-a-ca-\(UUID().uuidString).pem")
        try Data("hello".utf8).write(to: notPEM)
        defer { try? FileManager.default.removeItem(at: notPEM) }
        for (ca, expected) in [("ca.pem", "须为CA证书文件的绝对路径"), ("/nonexistent/ca.pem", "不存在或无法读取"),
                               (notPEM.path, "没有PEM格式的证书")] {
            let error = try #require(throws: MailError.self) {
                try SMTPSettings(url: "smtp://h?starttls=require&ca=\(ca)", from: invitationSender)
            }
            #expect(error.message.contains(expected), "\(ca): \(error.message)")
        }
    }

    @Test func insecureSkipsVerificationAndSaysSo() throws {
        let settings = try SMTPSettings(url: "smtp://h?tls=insecure", from: invitationSender)
        #expect(settings.certificateVerification == .insecureNoVerification)
        #expect(settings.description == "smtp://h:25?tls=insecure (from 县政协办公室 <office@zx.example.cn>)")
    }

    @Test func cleartextAuthTimeoutsAndHeloAreRead() throws {
        let settings = try SMTPSettings(
            url: "smtp://relay:pw@127.0.0.1:2525?cleartext_auth=allow&timeout=45&connect_timeout=2.5&helo=oa.zx.gov.cn",
            from: invitationSender)
        #expect(settings.allowsCleartextAuth)
        #expect(settings.timeouts == SMTPSettings.Timeouts(connect: .milliseconds(2500), reply: .seconds(45)))
        #expect(settings.heloName == "oa.zx.gov.cn")
        #expect(settings.description == "smtp://relay:***@127.0.0.1:2525?cleartext_auth=allow&timeout=45&connect_timeout=2.5"
                    + "&helo=oa.zx.gov.cn (from 县政协办公室 <office@zx.example.cn>)")
    }

    @Test func everyProblemIsListedAtOnce() throws {
        let error = try #require(throws: MailError.self) {
            try SMTPSettings(url: "smtp://user@host?starttls=maybe&tls=insecure&ca=/x.pem&colour=red&timeout=-1&helo=a%20b",
                             from: invitationSender)
        }
        for problem in ["starttls 只能是 auto、require 或 never（收到“maybe”）", "ca 与 tls=insecure 不能同时使用",
                        "未知参数“colour”", "timeout 须为0到3600之间的秒数", "用户名和密码须同时给出", "helo 须为域名"] {
            #expect(error.message.contains(problem), "missing \(problem) in \(error.message)")
        }
    }

    @Test(arguments: [
        "smtps://h?starttls=require", "smtp://h?starttls=never&tls=insecure", "smtp://h?tls=verify",
        "smtp://h?cleartext_auth=yes", "smtp://h?timeout=abc", "smtp://h?connect_timeout=99999", "smtp://h?timeout=1&timeout=2",
        "smtp://h?ca=", "ftp://h",
    ])
    func contradictoryOrUnknownParametersAreRefused(_ url: String) throws {
        let error = try #require(throws: MailError.self) { try SMTPSettings(url: url, from: invitationSender) }
        #expect(error.code == "invalid_smtp_url")
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

/// A self-signed CA certificate (EC P-256, valid for a century); only parsed, never trusted.
private let testCAPEM = """
-----BEGIN CERTIFICATE-----
MIIBjTCCATOgAwIBAgIUGdw6QuY3QSWLmq7I7RGqTMYCeCcwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQWGllc2hhbmcgdGVzdCBDQTAgFw0yNjEyMDcxOTI4MTdaGA8y
MTI2MTExMzE5MjgxN1owGzEZMBcGA1UEAwwQWGllc2hhbmcgdGVzdCBDQTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABMUDF3GOU+4a9ZQRZeoD+wU5miSVFhUnas15
hhJJ433Fe4jZKLLhBNiqikgGlCtGGcStJbsQGDEM197LBIssGu+jUzBRMB0GA1Ud
DgQWBBTF4Hzr/F6mcEcYRMV5jJWIArtVZTAfBgNVHSMEGDAWgBTF4Hzr/F6mcEcY
RMV5jJWIArtVZTAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQCB
G2/bAeycFLlmo2fUsobsf56SsocVpUf8ymW259l/qgIgVWXnVV7z4+lHgIRtZlgU
/Bs8lDpa1lP4xCmSPazWPkE=
-----END CERTIFICATE-----
"""
