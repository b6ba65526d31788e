import Foundation

/// A file sent with a message, e.g. the invitation letter as DOCX.
public struct MailAttachment: Sendable, Hashable {
    public var filename: String
    /// `type/subtype`; anything else is sent as `application/octet-stream`.
    public var contentType: String
    public var data: Data

    public init(filename: String, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// One e-mail, rendered as 7-bit MIME (RFC 5322, 2045-2047, 2231) by `rendered()`.
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var subject: String
    public var textBody: String
    /// When set, the text and the HTML are alternatives of the same content.
    public var htmlBody: String?
    public var attachments: [MailAttachment]
    public var date: Date
    /// Without the angle brackets, e.g. `3f2a...@zx.example.cn`.
    public var messageID: String

    public init(from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], subject: String,
                textBody: String, htmlBody: String? = nil, attachments: [MailAttachment] = [],
                date: Date = Date(), messageID: String? = nil) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.date = date
        self.messageID = messageID ?? MailMessage.newMessageID(for: from)
    }

    /// A fresh, globally unique id under the sender's domain.
    public static func newMessageID(for sender: MailAddress) -> String {
        let domain = sender.email.split(separator: "@").last.map(String.init) ?? "xieshang.invalid"
        return UUID().uuidString.lowercased() + "@" + domain
    }

    /// Every envelope recipient (To, then Cc), each address once.
    public var recipients: [MailAddress] {
        var seen = Set<String>()
        return (to + cc).filter { seen.insert($0.email.lowercased()).inserted }
    }

    /// The message as sent after DATA (before dot-stuffing): ASCII only, CRLF line endings.
    public func rendered() -> Data {
        var headers = [
            "Date: " + MIMEEncoding.rfc5322Date(date),
            MIMEEncoding.addressHeader("From", [from]),
        ]
        if !to.isEmpty { headers.append(MIMEEncoding.addressHeader("To", to)) }
        if !cc.isEmpty { headers.append(MIMEEncoding.addressHeader("Cc", cc)) }
        headers += [
            MIMEEncoding.textHeader("Subject", subject),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
        ]
        var content = textPart(textBody, subtype: "plain")
        if let htmlBody {
            content = multipart("alternative", [content, textPart(htmlBody, subtype: "html")])
        }
        if !attachments.isEmpty {
            content = multipart("mixed", [content] + attachments.map(attachmentPart))
        }
        let text = (headers + content.headers).joined(separator: "\r\n") + "\r\n\r\n" + content.body + "\r\n"
        return Data(text.utf8)
    }

    private func textPart(_ text: String, subtype: String) -> MIMEPart {
        MIMEPart(headers: ["Content-Type: text/\(subtype); charset=UTF-8",
                           "Content-Transfer-Encoding: base64"],
                 body: MIMEEncoding.base64Wrapped(Data(MIMEEncoding.crlfNormalized(text).utf8)))
    }

    private func attachmentPart(_ attachment: MailAttachment) -> MIMEPart {
        let filename = MailMessage.safeFilename(attachment.filename)
        var typeTokens = [MailMessage.safeContentType(attachment.contentType) + ";"]
        var dispositionTokens = ["attachment;"]
        if MIMEEncoding.isPlainASCII(filename) && !filename.contains("\"") && !filename.contains("\\") {
            typeTokens.append("name=\"\(filename)\"")
            dispositionTokens.append("filename=\"\(filename)\"")
        } else {
            // filename* is the standard; the quoted encoded words are what older clients
            // (Outlook, some webmail) read instead.
            let fallback = MailMessage.quotedEncodedWords(filename, parameter: "name")
            typeTokens += fallback
            var quoted = MailMessage.quotedEncodedWords(filename, parameter: "filename")
            quoted[quoted.count - 1] += ";"
            let sections = MIMEEncoding.rfc2231Parameter("filename", filename)
            dispositionTokens += quoted + sections.enumerated().map {
                $0.offset < sections.count - 1 ? $0.element + ";" : $0.element
            }
        }
        return MIMEPart(headers: [MIMEEncoding.fold("Content-Type", typeTokens),
                                  MIMEEncoding.fold("Content-Disposition", dispositionTokens),
                                  "Content-Transfer-Encoding: base64"],
                        body: MIMEEncoding.base64Wrapped(attachment.data))
    }

    /// `parameter="=?UTF-8?B?...?= =?UTF-8?B?...?="` as tokens that fit on folded lines.
    private static func quotedEncodedWords(_ value: String, parameter: String) -> [String] {
        let opening = "\(parameter)=\""
        var words = MIMEEncoding.encodedWords(
            value,
            firstLimit: MIMEEncoding.lineLimit - 1 - opening.utf8.count,
            limit: MIMEEncoding.lineLimit - 1 - "\";".utf8.count)
        words[0] = opening + words[0]
        words[words.count - 1] += "\""
        return words
    }

    /// No directories, no control characters: the name the recipient's program saves under.
    static func safeFilename(_ name: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map {
            $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control ? "_" : $0
        })).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? "attachment" : cleaned
    }

    static func safeContentType(_ type: String) -> String {
        let parts = type.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy(MIMEEncoding.isToken) else { return "application/octet-stream" }
        return parts.joined(separator: "/").lowercased()
    }

    private func multipart(_ subtype: String, _ parts: [MIMEPart]) -> MIMEPart {
        // No line of a part (base64 or a header) can start with "--=_", so none is taken for the boundary.
        let boundary = "=_xieshang_\(subtype)_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let body = parts.map { "--\(boundary)\r\n" + $0.headers.joined(separator: "\r\n") + "\r\n\r\n" + $0.body }
            .joined(separator: "\r\n") + "\r\n--\(boundary)--"
        return MIMEPart(headers: ["Content-Type: multipart/\(subtype);\r\n boundary=\"\(boundary)\""], body: body)
    }
}

private struct MIMEPart {
    var headers: [String]
    var body: String
}
