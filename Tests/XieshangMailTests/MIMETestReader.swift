import Foundation
@testable import XieshangMail

/// Just enough of a MIME reader to look at what `rendered()` produced; the round trip
/// through the SMTP sink checks the same bytes with Python's full `email` parser.
struct MIMEEntity {
    /// Header lines as written (folded), in order.
    let rawHeaders: [String]
    let body: String

    init(_ text: String) {
        let split = text.range(of: "\r\n\r\n")!
        let head = String(text[..<split.lowerBound])
        body = String(text[split.upperBound...])
        var headers: [String] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !headers.isEmpty {
                headers[headers.count - 1] += "\r\n" + line
            } else {
                headers.append(line)
            }
        }
        rawHeaders = headers
    }

    init(_ data: Data) { self.init(String(decoding: data, as: UTF8.self)) }

    func raw(_ name: String) -> String? {
        rawHeaders.first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
    }

    /// The value, unfolded (CRLF removed, as RFC 5322 2.2.3 says).
    func value(_ name: String) -> String? {
        raw(name).map { String($0.dropFirst(name.count + 1)).replacingOccurrences(of: "\r\n", with: "")
            .trimmingCharacters(in: .whitespaces) }
    }

    func parameter(_ name: String, of header: String) -> String? {
        guard let value = value(header) else { return nil }
        for piece in value.split(separator: ";").dropFirst() {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(name + "=") { return String(trimmed.dropFirst(name.count + 1)) }
        }
        return nil
    }

    var boundary: String? {
        parameter("boundary", of: "Content-Type").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    /// The body parts of a multipart entity.
    var parts: [MIMEEntity] {
        guard let boundary else { return [] }
        let pieces = body.components(separatedBy: "--\(boundary)")
        // pieces: preamble, parts..., "--\r\n" after the close delimiter
        return pieces.dropFirst().dropLast().map { piece in
            var text = piece
            if text.hasPrefix("\r\n") { text.removeFirst() }
            if text.hasSuffix("\r\n") { text.removeLast() }
            return MIMEEntity(text)
        }
    }

    var decodedBody: Data {
        Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: ""))!
    }
}

/// Every `=?UTF-8?B?...?=` in `text`, decoded one by one (each must be valid UTF-8 alone).
func encodedWords(in text: String) -> [(word: String, decoded: String?)] {
    let pattern = try! Regex("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=")
    return text.matches(of: pattern).map { match in
        let word = String(text[match.range])
        let payload = String(word.dropFirst(10).dropLast(2))
        return (word, Data(base64Encoded: payload).flatMap { String(data: $0, encoding: .utf8) })
    }
}

/// A header value with its encoded words decoded (white space between adjacent words dropped).
func decodeHeaderValue(_ value: String) -> String {
    var out = ""
    var rest = Substring(value)
    var lastWasWord = false
    let pattern = try! Regex("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=")
    while let match = rest.firstMatch(of: pattern) {
        let between = rest[..<match.range.lowerBound]
        if !(lastWasWord && between.allSatisfy(\.isWhitespace)) { out += between }
        let payload = rest[match.range].dropFirst(10).dropLast(2)
        out += String(decoding: Data(base64Encoded: String(payload)) ?? Data(), as: UTF8.self)
        lastWasWord = true
        rest = rest[match.range.upperBound...]
    }
    return out + rest
}

/// Header lines as they appear on the wire, each physical line separately.
func physicalLines(_ header: String) -> [String] {
    header.components(separatedBy: "\r\n")
}

let invitationSender = try! MailAddress("office@zx.example.cn", name: "县政协办公室")
let memberZhang = try! MailAddress("zhang@example.cn", name: "张委员")
