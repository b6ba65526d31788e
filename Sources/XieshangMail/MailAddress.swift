import Foundation

/// A mailbox: an optional display name and an address.
///
/// The check is deliberately simple and honest rather than the full RFC 5321 grammar:
/// exactly one `@`, non-empty local part and domain, printable ASCII without spaces or the
/// characters that would break `<...>` rendering, at most 254 characters. Quoted local parts
/// and internationalized addresses (SMTPUTF8) are refused, since this client cannot send them.
public struct MailAddress: Sendable, Hashable {
    public let name: String?
    public let email: String

    public init(_ email: String, name: String? = nil) throws {
        guard MailAddress.isValid(email) else { throw MailError.invalidAddress(email) }
        // A line break in the name would be a header injection even though we encode it.
        if let name, name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw MailError.invalidAddress("\(name) <\(email)>")
        }
        self.email = email
        let trimmed = name?.trimmingCharacters(in: .whitespaces)
        self.name = (trimmed?.isEmpty ?? true) ? nil : trimmed
    }

    public static func isValid(_ email: String) -> Bool {
        let bytes = Array(email.utf8)
        guard !bytes.isEmpty, bytes.count <= 254 else { return false }
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }) else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        return !local.isEmpty && local.utf8.count <= 64
            && !domain.isEmpty && !domain.hasPrefix(".") && !domain.hasSuffix(".")
            && !domain.contains("..")
    }

    /// `<>()[]\,;:"` (RFC 5322 specials other than `@` and `.`): any of them would need quoting.
    private static let forbidden: Set<UInt8> = Set("<>()[]\\,;:\"".utf8)

    /// The `mailbox` of RFC 5322 as tokens for `MIMEEncoding.fold`: `addr@host`,
    /// `"Name" <addr@host>`, or encoded words then `<addr@host>` for a non-ASCII name.
    func headerTokens(firstLineUsed: Int) -> [String] {
        guard let name else { return [email] }
        let angle = "<\(email)>"
        if MIMEEncoding.isPlainASCII(name) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return ["\"\(escaped)\"", angle]
        }
        return MIMEEncoding.encodedWords(name, firstLineUsed: firstLineUsed) + [angle]
    }
}

extension MailAddress: CustomStringConvertible {
    public var description: String {
        name.map { "\($0) <\(email)>" } ?? email
    }
}
