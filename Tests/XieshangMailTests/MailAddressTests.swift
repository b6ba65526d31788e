import Testing
@testable import XieshangMail

@Suite struct MailAddressTests {
    @Test(arguments: ["zhang@example.cn", "office.zx+notice@zx.gov.example.cn", "a@b", "o'brien@example.com"])
    func acceptsPlainAddresses(_ email: String) throws {
        #expect(try MailAddress(email).email == email)
    }

    @Test(arguments: [
        "", "zhang", "@example.cn", "zhang@", "zhang@@example.cn", "zhang@a@example.cn",
        "zhang wei@example.cn", "zhang@example.cn\r\nBcc: x@y", "\"zhang\"@example.cn", "<zhang@example.cn>",
        "张@example.cn", "zhang@.example.cn", "zhang@example.cn.", "zhang@example..cn",
        String(repeating: "a", count: 65) + "@example.cn",
        "a@" + String(repeating: "b", count: 253),
    ])
    func refusesBadAddresses(_ email: String) {
        #expect(throws: MailError.invalidAddress(email)) { try MailAddress(email) }
    }

    @Test func longestAllowedAddressIs254() throws {
        let email = "a@" + String(repeating: "b", count: 252)
        #expect(email.count == 254)
        #expect(try MailAddress(email).email == email)
    }

    @Test func errorIsChineseWithStableCode() {
        let error = MailError.invalidAddress("zhang")
        #expect(error.code == "invalid_mail_address")
        #expect(error.message == "电子邮件地址无效：zhang")
    }

    @Test func lineBreakInNameIsRefused() {
        #expect(throws: MailError.self) { try MailAddress("zhang@example.cn", name: "张委员\r\nBcc: x@y") }
    }

    @Test func blankNameIsNoName() throws {
        #expect(try MailAddress("zhang@example.cn", name: "  ").name == nil)
    }

    @Test func asciiNameIsQuoted() throws {
        let address = try MailAddress("li@example.cn", name: "Li \"Lei\" Jr.")
        #expect(MIMEEncoding.addressHeader("To", [address]) == #"To: "Li \"Lei\" Jr." <li@example.cn>"#)
    }

    @Test func chineseNameIsAnEncodedWord() {
        let header = MIMEEncoding.addressHeader("From", [invitationSender])
        #expect(header == "From: =?UTF-8?B?5Y6/5pS/5Y2P5Yqe5YWs5a6k?= <office@zx.example.cn>")
        #expect(decodeHeaderValue(String(header.dropFirst(6))) == "县政协办公室 <office@zx.example.cn>")
    }

    @Test func manyRecipientsAreFoldedBetweenMailboxes() throws {
        let people = try (1...6).map { try MailAddress("member\($0)@example.cn", name: "第\($0)位政协委员") }
        let header = MIMEEncoding.addressHeader("To", people)
        for line in physicalLines(header) { #expect(line.utf8.count <= 76) }
        let decoded = decodeHeaderValue(header.replacingOccurrences(of: "\r\n", with: "").dropFirst(4).description)
        #expect(decoded == people.map { "\($0.name!) <\($0.email)>" }.joined(separator: ", "))
    }
}
