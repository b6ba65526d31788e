import Foundation

/// Where and how to hand mail over: `smtp://[user:password@]host[:port]` and the sender.
///
/// Plain SMTP only, no TLS: meant for a relay on localhost or on the county intranet.
/// Credentials, if any, cross the network in clear (AUTH PLAIN), so use them only on such a
/// link. `smtps://` is refused rather than silently sent in clear; STARTTLS is future work.
public struct SMTPSettings: Sendable, Hashable {
    public static let defaultPort = 25

    public let host: String
    public let port: Int
    public let username: String?
    public let password: String?
    /// The envelope sender (MAIL FROM, where bounces go); usually also the From of messages.
    public let from: MailAddress

    public init(host: String, port: Int = SMTPSettings.defaultPort, username: String? = nil,
                password: String? = nil, from: MailAddress) throws {
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw MailError.invalidSMTPURL(reason: "缺少主机名或主机名含非法字符")
        }
        guard (1...65535).contains(port) else {
            throw MailError.invalidSMTPURL(reason: "端口须在1到65535之间（收到\(port)）")
        }
        if (username == nil) != (password == nil) {
            throw MailError.invalidSMTPURL(reason: "用户名和密码须同时给出")
        }
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.from = from
    }

    /// Parses `smtp://[user:password@]host[:port]`; user and password may be percent-encoded
    /// (a `@` in a password as `%40`).
    public init(url: String, from: MailAddress) throws {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw MailError.invalidSMTPURL(reason: "无法解析，请检查格式")
        }
        switch scheme {
        case "smtp": break
        case "smtps": throw MailError.tlsNotSupported
        default: throw MailError.invalidSMTPURL(reason: "不支持的协议 \(scheme)://，只支持 smtp://")
        }
        guard var host = components.host, !host.isEmpty else {
            throw MailError.invalidSMTPURL(reason: "缺少主机名")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard components.path.isEmpty || components.path == "/",
              components.query == nil, components.fragment == nil else {
            throw MailError.invalidSMTPURL(reason: "地址中不应有路径或参数")
        }
        try self.init(host: host, port: components.port ?? SMTPSettings.defaultPort,
                      username: components.user.flatMap { $0.isEmpty ? nil : $0 },
                      password: components.password, from: from)
    }

    var hasCredentials: Bool { username != nil }
}

extension SMTPSettings: CustomStringConvertible {
    /// The URL with the password masked, for logs and the settings page.
    public var description: String {
        let credentials = username.map { "\($0):***@" } ?? ""
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "smtp://\(credentials)\(shownHost):\(port) (from \(from))"
    }
}
