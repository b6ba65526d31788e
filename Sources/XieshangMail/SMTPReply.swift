/// One server reply: the code and every line's text (multi-line replies `250-...`).
struct SMTPReply: Sendable, Equatable {
    let code: Int
    let lines: [String]

    /// For error messages: all lines on one, cut short so that a chatty server cannot flood a page.
    var text: String {
        let joined = lines.enumerated().map { "\($0.offset == 0 ? "\(code) " : "")\($0.element)" }
            .joined(separator: " / ")
        return joined.count > 500 ? String(joined.prefix(500)) + "…" : joined
    }

    var isPositiveCompletion: Bool { (200..<300).contains(code) }
}

/// Bytes in, replies out (RFC 5321 4.2): `250-first`, `250-second`, `250 last`.
struct SMTPReplyParser {
    enum Malformed: Error, Equatable {
        case notAReply(String)
        case lineTooLong
        case tooManyLines
        case codeChangedMidReply
    }

    /// RFC 5321 allows 512 bytes per reply line; anything far longer is not an SMTP server.
    static let maxLineLength = 4096
    /// EHLO replies run to a dozen lines; hundreds mean a server (or an attacker) gone wrong.
    static let maxLines = 200

    private var buffer: [UInt8] = []
    private var code: Int?
    private var lines: [String] = []

    /// Whether bytes of a reply not yet complete are held: after STARTTLS's 220 there must be
    /// none, else they were sent in clear and could be an attacker's (RFC 3207 6).
    var holdsBytes: Bool { !buffer.isEmpty || !lines.isEmpty }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete reply, nil when more bytes are needed.
    mutating func nextReply() throws(Malformed) -> SMTPReply? {
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            var lineBytes = buffer[..<newline]
            buffer.removeSubrange(...newline)
            if lineBytes.last == UInt8(ascii: "\r") { lineBytes.removeLast() }
            guard lineBytes.count <= SMTPReplyParser.maxLineLength else { throw .lineTooLong }
            let line = String(decoding: lineBytes, as: UTF8.self)
            let digits = line.utf8.prefix(3)
            let separator = line.utf8.dropFirst(3).first
            guard digits.count == 3, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                  separator == nil || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-"),
                  let lineCode = Int(String(decoding: digits, as: UTF8.self)) else {
                throw .notAReply(String(line.prefix(200)))
            }
            if let code, code != lineCode { throw .codeChangedMidReply }
            code = lineCode
            lines.append(String(line.dropFirst(4)))
            if separator != UInt8(ascii: "-") {
                let reply = SMTPReply(code: lineCode, lines: lines)
                code = nil
                lines = []
                return reply
            }
            guard lines.count <= SMTPReplyParser.maxLines else { throw .tooManyLines }
        }
        guard buffer.count <= SMTPReplyParser.maxLineLength else { throw .lineTooLong }
        return nil
    }
}

extension SMTPReplyParser.Malformed {
    var chinese: String {
        switch self {
        case .notAReply(let line): "收到无法识别的应答“\(line)”，对方可能不是SMTP服务器"
        case .lineTooLong: "服务器应答的行过长，对方可能不是SMTP服务器"
        case .tooManyLines: "服务器应答超过\(SMTPReplyParser.maxLines)行"
        case .codeChangedMidReply: "服务器的多行应答中途换了应答码"
        }
    }
}
