import Foundation
import Testing
@testable import XieshangMail

@Suite struct HeaderEncodingTests {
    static let longSubject = "关于召开2026年县政协第一次专题协商座谈会暨“推进乡村振兴、促进县域经济高质量发展”调研成果交流会的邀请函（请各位委员于三月二十日前回复是否参加）"

    @Test func longChineseSubjectRoundTrips() {
        let header = MIMEEncoding.textHeader("Subject", Self.longSubject)
        let words = encodedWords(in: header)
        #expect(words.count > 3)
        for (word, decoded) in words {
            #expect(word.count <= 75, "encoded word longer than 75: \(word)")
            #expect(decoded != nil, "encoded word is not valid UTF-8 on its own: \(word)")
        }
        for line in physicalLines(header) {
            #expect(line.utf8.count <= 76, "line longer than 76: \(line)")
        }
        #expect(header.hasPrefix("Subject: =?UTF-8?B?"))
        let unfolded = header.replacingOccurrences(of: "\r\n", with: "").dropFirst("Subject:".count)
        #expect(decodeHeaderValue(String(unfolded)).trimmingCharacters(in: .whitespaces) == Self.longSubject)
        #expect(words.map { $0.decoded ?? "" }.joined() == Self.longSubject)
    }

    @Test func emojiSequencesAreNotSplitInsideAScalar() {
        let text = String(repeating: "👨‍👩‍👧‍👦会议", count: 8)
        let words = MIMEEncoding.encodedWords(text, firstLineUsed: 9)
        #expect(words.allSatisfy { $0.count <= 75 })
        #expect(encodedWords(in: words.joined(separator: " ")).allSatisfy { $0.decoded != nil })
        #expect(words.map { decodeHeaderValue($0) }.joined() == text)
    }

    @Test func plainAsciiSubjectStaysReadable() {
        #expect(MIMEEncoding.textHeader("Subject", "Meeting notice") == "Subject: Meeting notice")
        let long = String(repeating: "plenary session ", count: 8).trimmingCharacters(in: .whitespaces)
        let header = MIMEEncoding.textHeader("Subject", long)
        #expect(physicalLines(header).count > 1)
        #expect(physicalLines(header).allSatisfy { $0.utf8.count <= 76 })
        #expect(String(header.replacingOccurrences(of: "\r\n", with: "").dropFirst("Subject: ".count)) == long)
    }

    @Test func asciiThatLooksLikeAnEncodedWordIsEncoded() {
        let header = MIMEEncoding.textHeader("Subject", "=?UTF-8?B?5Y6/?=")
        #expect(decodeHeaderValue(String(header.dropFirst("Subject: ".count))) == "=?UTF-8?B?5Y6/?=")
    }

    @Test func lineBreaksInSubjectCannotInjectHeaders() {
        let header = MIMEEncoding.textHeader("Subject", "Notice\r\nBcc: everyone@example.cn")
        #expect(!header.contains("\r\nBcc"))
        #expect(header == "Subject: Notice  Bcc: everyone@example.cn")
    }

    @Test func renderedMessageIsAsciiWithCRLFOnly() {
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: Self.longSubject,
                                  textBody: "张委员：\n您好！\r\n此致\r敬礼")
        let data = message.rendered()
        #expect(data.allSatisfy { $0 < 0x80 })
        let bytes = Array(data)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"))
        }
        for line in String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78)
        }
    }

    @Test func dateIsRFC5322InChinaTime() {
        let date = Date(timeIntervalSince1970: 1_772_499_900)  // 2026-03-03 01:05:00 UTC
        #expect(MIMEEncoding.rfc5322Date(date) == "Tue, 03 Mar 2026 09:05:00 +0800")
    }

    @Test func messageIDsAreUniqueUnderTheSenderDomain() {
        let ids = (0..<100).map { _ in MailMessage(from: invitationSender, to: [memberZhang], subject: "s", textBody: "b").messageID }
        #expect(Set(ids).count == 100)
        #expect(ids.allSatisfy { $0.hasSuffix("@zx.example.cn") && !$0.contains("<") })
        let rendered = MIMEEntity(MailMessage(from: invitationSender, to: [memberZhang], subject: "s", textBody: "b",
                                              messageID: "fixed@zx.example.cn").rendered())
        #expect(rendered.value("Message-ID") == "<fixed@zx.example.cn>")
    }

    @Test func headersInOrder() {
        let cc = try! MailAddress("li@example.cn")
        let entity = MIMEEntity(MailMessage(from: invitationSender, to: [memberZhang], cc: [cc],
                                            subject: "邀请函", textBody: "正文").rendered())
        let names = entity.rawHeaders.map { String($0.prefix { $0 != ":" }) }
        #expect(names == ["Date", "From", "To", "Cc", "Subject", "Message-ID", "MIME-Version",
                          "Content-Type", "Content-Transfer-Encoding"])
        #expect(entity.value("MIME-Version") == "1.0")
        #expect(entity.value("Cc") == "li@example.cn")
    }
}
