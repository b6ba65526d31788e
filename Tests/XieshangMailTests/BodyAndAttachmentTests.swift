import Foundation
import Testing
@testable import XieshangMail

/// Bytes shaped like a DOCX (a ZIP) with every byte value, CR/LF and a lone dot in it.
let docxLike: Data = Data("PK\u{3}\u{4}".utf8) + Data((0..<4096).map { UInt8($0 % 256) }) + Data("\r\n.\r\nend".utf8)
let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

@Suite struct BodyAndAttachmentTests {
    @Test func base64BodyIsWrappedAt76() {
        let text = String(repeating: "兹定于2026年3月25日上午9时在县政协三楼会议室召开专题协商座谈会。\n", count: 20)
        let entity = MIMEEntity(MailMessage(from: invitationSender, to: [memberZhang], subject: "通知",
                                            textBody: text).rendered())
        #expect(entity.value("Content-Type") == "text/plain; charset=UTF-8")
        #expect(entity.value("Content-Transfer-Encoding") == "base64")
        let lines = entity.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count > 10)
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        #expect(lines.last!.count <= 76)
        #expect(String(decoding: entity.decodedBody, as: UTF8.self) == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func base64WrappingEdges() {
        #expect(MIMEEncoding.base64Wrapped(Data()) == "")
        #expect(MIMEEncoding.base64Wrapped(Data(repeating: 7, count: 57)).count == 76)  // exactly one line
        let twoLines = MIMEEncoding.base64Wrapped(Data(repeating: 7, count: 58))
        #expect(twoLines.components(separatedBy: "\r\n").map(\.count) == [76, 4])
    }

    @Test func lineEndingsAreNormalizedToCRLF() {
        #expect(MIMEEncoding.crlfNormalized("a\nb\r\nc\rd\r") == "a\r\nb\r\nc\r\nd\r\n")
    }

    @Test func textAndHtmlAreAlternatives() {
        let entity = MIMEEntity(MailMessage(from: invitationSender, to: [memberZhang], subject: "通知",
                                            textBody: "纯文本", htmlBody: "<p>网页</p>").rendered())
        #expect(entity.value("Content-Type")!.hasPrefix("multipart/alternative;"))
        let parts = entity.parts
        #expect(parts.map { $0.value("Content-Type") } == ["text/plain; charset=UTF-8", "text/html; charset=UTF-8"])
        #expect(String(decoding: parts[1].decodedBody, as: UTF8.self) == "<p>网页</p>")
    }

    @Test func attachmentsMakeMultipartMixed() {
        let letter = MailAttachment(filename: "邀请函.docx", contentType: docxType, data: docxLike)
        let entity = MIMEEntity(MailMessage(from: invitationSender, to: [memberZhang], subject: "邀请函",
                                            textBody: "请查收附件。", htmlBody: "<p>请查收附件。</p>",
                                            attachments: [letter]).rendered())
        #expect(entity.value("Content-Type")!.hasPrefix("multipart/mixed;"))
        let parts = entity.parts
        #expect(parts.count == 2)
        #expect(parts[0].value("Content-Type")!.hasPrefix("multipart/alternative;"))
        #expect(parts[0].boundary != entity.boundary)
        #expect(parts[0].parts.count == 2)
        #expect(parts[1].decodedBody == docxLike)
    }

    @Test func chineseAttachmentFilenameHeaders() throws {
        let filename = "关于召开2026年第一次专题协商座谈会的邀请函（县政协办公室印发）.docx"
        let letter = MailAttachment(filename: filename, contentType: docxType, data: docxLike)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "邀请函",
                                  textBody: "请查收附件。", attachments: [letter])
        let part = try #require(MIMEEntity(message.rendered()).parts.last)

        #expect(part.value("Content-Type")!.hasPrefix(docxType + "; name=\"=?UTF-8?B?"))
        #expect(part.value("Content-Transfer-Encoding") == "base64")
        let disposition = try #require(part.raw("Content-Disposition"))
        for line in physicalLines(disposition) where !line.hasPrefix("Content-Disposition") {
            #expect(line.utf8.count <= 76, "line longer than 76: \(line)")
        }
        let value = try #require(part.value("Content-Disposition"))
        #expect(value.hasPrefix("attachment; filename=\"=?UTF-8?B?"))

        // RFC 2231: filename*0*=UTF-8''..., filename*1*=... concatenated, then percent-decoded.
        let sections = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("filename*") }
        #expect(sections.count > 1)
        #expect(sections.enumerated().allSatisfy { $0.element.hasPrefix("filename*\($0.offset)*=") })
        let joined = sections.map { String($0[$0.index(after: $0.firstIndex(of: "=")!)...]) }.joined()
        #expect(joined.hasPrefix("UTF-8''"))
        #expect(joined.dropFirst("UTF-8''".count).removingPercentEncoding == filename)

        // The fallback: encoded words inside the quotes, each decodable alone.
        let quoted = try #require(part.parameter("filename", of: "Content-Disposition"))
        #expect(encodedWords(in: quoted).allSatisfy { $0.word.count <= 75 && $0.decoded != nil })
        #expect(decodeHeaderValue(quoted.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) == filename)
    }

    @Test func shortRFC2231ParameterHasNoSections() {
        #expect(MIMEEncoding.rfc2231Parameter("filename", "议程 a.pdf") == ["filename*=UTF-8''%E8%AE%AE%E7%A8%8B%20a.pdf"])
    }

    @Test func asciiFilenameIsPlainAndPathsAreStripped() throws {
        let attachment = MailAttachment(filename: "../agenda 2026.pdf", contentType: "Application/PDF", data: Data("%PDF".utf8))
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "议程", textBody: "附议程",
                                  attachments: [attachment])
        let part = try #require(MIMEEntity(message.rendered()).parts.last)
        #expect(part.value("Content-Type") == "application/pdf; name=\".._agenda 2026.pdf\"")
        #expect(part.value("Content-Disposition") == "attachment; filename=\".._agenda 2026.pdf\"")
    }

    @Test(arguments: ["", "docx", "text/plain; charset=GBK", "text/plain\r\nBcc: x@y", "a/b/c"])
    func badContentTypeBecomesOctetStream(_ type: String) {
        #expect(MailMessage.safeContentType(type) == "application/octet-stream")
    }
}
