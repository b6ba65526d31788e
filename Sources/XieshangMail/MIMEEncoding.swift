import Foundation

/// The encodings a message needs so that every byte on the wire is 7-bit ASCII and every
/// line stays short: RFC 2047 encoded words, RFC 2231 parameters, wrapped base64.
enum MIMEEncoding {
    /// RFC 2047 limits a line holding encoded words to 76 characters.
    static let lineLimit = 76
    /// RFC 2047 limits one encoded word to 75 characters.
    static let wordLimit = 75
    private static let wordOverhead = "=?UTF-8?B??=".count

    /// Printable ASCII that cannot be mistaken for an encoded word: safe in a header as is.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?")
    }

    /// `text` as `=?UTF-8?B?...?=` words, each at most `wordLimit` characters (the first at
    /// most `firstLimit`), never splitting a character, so that each word decodes on its own.
    static func encodedWords(_ text: String, firstLimit: Int = wordLimit, limit: Int = wordLimit) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func capacity() -> Int {
            // At least 9 bytes, so that any scalar (at most 4 bytes) fits.
            let maxLength = words.isEmpty ? max(firstLimit, wordOverhead + 12) : limit
            return (maxLength - wordOverhead) / 4 * 3
        }
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk.removeAll()
        }
        for character in text {
            let bytes = Array(character.utf8)
            if chunk.count + bytes.count > capacity() { flush() }
            if chunk.count + bytes.count <= capacity() {
                chunk += bytes
                continue
            }
            // A grapheme too long for a whole word (long emoji sequences) is split by scalars:
            // every word is still valid UTF-8, only the cluster spans two words.
            for scalar in character.unicodeScalars {
                let piece = Array(String(scalar).utf8)
                if chunk.count + piece.count > capacity() { flush() }
                chunk += piece
            }
        }
        flush()
        return words.isEmpty ? ["=?UTF-8?B??="] : words
    }

    /// Encoded words for a header value that starts after `firstLineUsed` characters (and a space).
    static func encodedWords(_ text: String, firstLineUsed: Int) -> [String] {
        let room = lineLimit - firstLineUsed - 1
        // Too little room for a useful first word: `fold` puts it on the next line anyway.
        return encodedWords(text, firstLimit: room >= 24 ? min(room, wordLimit) : wordLimit)
    }

    /// `name: t1 t2`, breaking between tokens (CRLF SP) where a line would pass `lineLimit`.
    static func fold(_ name: String, _ tokens: [String]) -> String {
        var out = name + ":"
        var lineLength = out.utf8.count
        for (index, token) in tokens.enumerated() {
            let length = token.utf8.count
            if index > 0 && lineLength + 1 + length > lineLimit {
                out += "\r\n "
                lineLength = 1
            } else {
                out += " "
                lineLength += 1
            }
            out += token
            lineLength += length
        }
        return out
    }

    /// An unstructured header (Subject): as is when plain ASCII, else encoded words.
    static func textHeader(_ name: String, _ value: String) -> String {
        // A line break in a subject is never meant; it must not end the header either.
        let flat = String(String.UnicodeScalarView(value.unicodeScalars.map {
            $0 == "\r" || $0 == "\n" || $0 == "\t" ? " " : $0
        }))
        let spaced = flat.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if isPlainASCII(flat) && spaced.allSatisfy({ $0.utf8.count < lineLimit - 1 }) {
            // Empty tokens keep runs of spaces: unfolding restores exactly the same text.
            return fold(name, spaced)
        }
        return fold(name, encodedWords(flat, firstLineUsed: name.utf8.count + 1))
    }

    /// An address list (From, To, Cc), one mailbox per line after the first.
    static func addressHeader(_ name: String, _ addresses: [MailAddress]) -> String {
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            var mailbox = address.headerTokens(firstLineUsed: index == 0 ? name.utf8.count + 1 : 1)
            if index < addresses.count - 1 { mailbox[mailbox.count - 1] += "," }
            tokens += mailbox
        }
        return fold(name, tokens)
    }

    /// Base64 in lines of 76 characters joined by CRLF, without a final line break.
    static func base64Wrapped(_ data: Data) -> String {
        let encoded = Array(data.base64EncodedString().utf8)
        var lines: [String] = []
        lines.reserveCapacity(encoded.count / 76 + 1)
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            lines.append(String(decoding: encoded[start..<end], as: UTF8.self))
            start = end
        }
        return lines.joined(separator: "\r\n")
    }

    /// Line breaks as CRLF, the canonical form of text in MIME (RFC 2046 4.1.1).
    static func crlfNormalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { out.append("\r") }
                out.append("\n")
            } else {
                if previousWasCR { out.append("\n") }
                out.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        if previousWasCR { out.append("\n") }
        return String(out)
    }

    /// RFC 2231 `name*=UTF-8''...` (split into `name*0*=`, `name*1*=`... when long), each
    /// section short enough for its own line and never splitting a character.
    static func rfc2231Parameter(_ name: String, _ value: String) -> [String] {
        let sectionLimit = lineLimit - 1 - name.utf8.count - "*10*=;".count
        var sections: [String] = []
        var current = "UTF-8''"
        for character in value {
            let encoded = percentEncoded(character)
            if current.utf8.count + encoded.utf8.count > sectionLimit && current != "UTF-8''" {
                sections.append(current)
                current = ""
            }
            current += encoded
        }
        sections.append(current)
        if sections.count == 1 { return ["\(name)*=\(sections[0])"] }
        return sections.enumerated().map { "\(name)*\($0.offset)*=\($0.element)" }
    }

    /// RFC 5987 `attr-char` stays, every other byte becomes `%XX`.
    private static func percentEncoded(_ character: Character) -> String {
        var out = ""
        for byte in character.utf8 {
            if attrChars.contains(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    private static let attrChars: Set<UInt8> = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)

    /// A MIME token (RFC 2045): safe unquoted in a parameter or a media type.
    static func isToken(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !tspecials.contains($0) }
    }

    private static let tspecials: Set<UInt8> = Set("()<>@,;:\\\"/[]?=".utf8)

    /// `Date` of RFC 5322 (`Tue, 03 Mar 2026 09:05:00 +0800`), in China time.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
