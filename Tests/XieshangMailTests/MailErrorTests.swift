import Testing
@testable import XieshangMail

@Suite struct MailErrorTests {
    @Test func relayDownOrBrokenOffIsWorthRetrying() {
        #expect(MailError.unreachable(host: "h", port: 25, reason: "r").isTransient)
        #expect(MailError.interrupted(host: "h", port: 25, reason: "r").isTransient)
    }

    @Test(arguments: [421, 450, 451, 452, 454])
    func fourHundredRepliesAreTransient(_ code: Int) {
        #expect(MailError.rejected(command: "RCPT TO:<a@b.cn>", code: code, reply: "\(code) later").isTransient)
    }

    @Test(arguments: [500, 530, 535, 550, 552, 554])
    func fiveHundredRepliesArePermanent(_ code: Int) {
        #expect(!MailError.rejected(command: "RCPT TO:<a@b.cn>", code: code, reply: "\(code) no").isTransient)
    }

    @Test func settingsAndCertificateProblemsArePermanent() {
        let permanent: [MailError] = [
            .invalidAddress("x"), .invalidSMTPURL(reason: "r"), .noRecipients,
            .startTLSNotOffered(host: "h", port: 25), .tlsFailed(host: "h", port: 465, reason: "r"),
            .authNeedsTLS(host: "h", port: 25), .authNotOffered(advertised: ""), .tooLarge(size: 2, limit: 1),
        ]
        #expect(permanent.filter(\.isTransient) == [])
    }

    @Test func everyErrorHasAChineseMessageAndItsOwnCode() {
        let all: [MailError] = [
            .invalidAddress("x"), .invalidSMTPURL(reason: "r"), .noRecipients,
            .unreachable(host: "h", port: 25, reason: "r"), .interrupted(host: "h", port: 25, reason: "r"),
            .startTLSNotOffered(host: "h", port: 25), .tlsFailed(host: "h", port: 465, reason: "r"),
            .authNeedsTLS(host: "h", port: 25), .authNotOffered(advertised: ""), .tooLarge(size: 2, limit: 1),
            .rejected(command: "DATA", code: 554, reply: "554 no"),
        ]
        #expect(Set(all.map(\.code)).count == all.count)
        #expect(all.allSatisfy { $0.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
    }
}
