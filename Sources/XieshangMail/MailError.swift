/// Why a mail could not be built or sent, for a person (Chinese `message`), for a program
/// (stable `code`) and for an outbox (`isTransient`: try again later, or give up).
///
/// Same shape as XieshangCore's `DomainError`, without depending on it: the server wraps it
/// where it needs a `DomainError`. No case ever carries the password.
public enum MailError: Error, Sendable, Equatable {
    /// The address as given (or the display name with it) is not usable.
    case invalidAddress(String)
    /// `reason` lists what is wrong (several problems joined by "；").
    case invalidSMTPURL(reason: String)
    case noRecipients
    /// No connection: name resolution, refused, connect timeout.
    case unreachable(host: String, port: Int, reason: String)
    /// The connection broke off mid-dialogue: closed by the server, no reply in time, a reply
    /// that is not SMTP.
    case interrupted(host: String, port: Int, reason: String)
    /// `starttls=require`, and the server does not offer STARTTLS.
    case startTLSNotOffered(host: String, port: Int)
    /// The TLS handshake failed, most often because the certificate could not be verified.
    case tlsFailed(host: String, port: Int, reason: String)
    /// Credentials are configured, the connection is not encrypted, and the settings do not
    /// allow sending them in clear.
    case authNeedsTLS(host: String, port: Int)
    /// Credentials are configured but the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authNotOffered(advertised: String)
    /// The server's SIZE limit is smaller than the message.
    case tooLarge(size: Int, limit: Int)
    /// The server answered `command` (never with credentials) with `code` and `reply`.
    case rejected(command: String, code: Int, reply: String)

    public var code: String {
        switch self {
        case .invalidAddress: "invalid_mail_address"
        case .invalidSMTPURL: "invalid_smtp_url"
        case .noRecipients: "mail_no_recipients"
        case .unreachable: "smtp_unreachable"
        case .interrupted: "smtp_interrupted"
        case .startTLSNotOffered: "smtp_starttls_unavailable"
        case .tlsFailed: "smtp_tls_failed"
        case .authNeedsTLS: "smtp_auth_needs_tls"
        case .authNotOffered: "smtp_auth_unavailable"
        case .tooLarge: "smtp_message_too_large"
        case .rejected: "smtp_rejected"
        }
    }

    /// Whether the same mail may succeed later unchanged: a relay that is down or busy, a
    /// 4xx reply (RFC 5321 4.2.1). Everything else needs a person to change the settings, the
    /// address or the message, so an outbox should stop retrying and show the error.
    public var isTransient: Bool {
        switch self {
        case .unreachable, .interrupted: true
        case .rejected(_, let code, _): (400..<500).contains(code)
        case .invalidAddress, .invalidSMTPURL, .noRecipients, .startTLSNotOffered, .tlsFailed,
             .authNeedsTLS, .authNotOffered, .tooLarge: false
        }
    }

    public var message: String {
        switch self {
        case .invalidAddress(let address):
            "电子邮件地址无效：\(address)"
        case .invalidSMTPURL(let reason):
            "邮件服务器地址无效（应为 smtp://[用户名:密码@]主机[:端口][?参数] 或 smtps://…）：\(reason)"
        case .noRecipients:
            "邮件没有收件人"
        case .unreachable(let host, let port, let reason):
            "无法连接邮件服务器 \(host):\(port)：\(reason)"
        case .interrupted(let host, let port, let reason):
            "与邮件服务器 \(host):\(port) 的连接中断：\(reason)"
        case .startTLSNotOffered(let host, let port):
            "邮件服务器 \(host):\(port) 不支持 STARTTLS 加密，而设置要求加密（starttls=require）"
        case .tlsFailed(let host, let port, let reason):
            "与邮件服务器 \(host):\(port) 建立加密连接失败：\(reason)"
        case .authNeedsTLS(let host, let port):
            "与邮件服务器 \(host):\(port) 的连接未加密，为保护密码不予登录；"
                + "请使用 smtps:// 或支持 STARTTLS 的服务器，仅在本机或可信内网中继上可加 cleartext_auth=allow"
        case .authNotOffered(let advertised):
            "已配置邮件服务器的用户名和密码，但服务器不支持 AUTH PLAIN 或 AUTH LOGIN 登录"
                + (advertised.isEmpty ? "" : "（服务器提供：\(advertised)）")
        case .tooLarge(let size, let limit):
            "邮件大小 \(size) 字节超过邮件服务器允许的 \(limit) 字节"
        case .rejected(let command, _, let reply):
            "邮件服务器拒绝了 \(command)：\(reply)"
        }
    }
}

extension MailError: CustomStringConvertible {
    public var description: String { "\(code): \(message)" }
}
