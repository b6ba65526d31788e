/// Why a mail could not be built or sent, for a person (Chinese `message`) and for a
/// program (stable `code`).
///
/// Same shape as XieshangCore's `DomainError`, without depending on it: this target uses
/// only Foundation, so the server wraps it where it needs a `DomainError`.
public enum MailError: Error, Sendable, Equatable {
    /// The address as given (or the display name with it) is not usable.
    case invalidAddress(String)
    /// `reason` says what is wrong; it never contains the password.
    case invalidSMTPURL(reason: String)
    /// `smtps://` or another TLS setting: this version speaks plain SMTP only.
    case tlsNotSupported
    case noRecipients
    /// Credentials are configured but the server does not offer AUTH PLAIN.
    case authNotOffered(advertised: String)
    /// Name resolution, connection, timeout or a connection closed mid-dialogue.
    case unreachable(host: String, port: Int, reason: String)
    /// The server answered `command` (without credentials) with an unexpected `reply`.
    case rejected(command: String, reply: String)

    public var code: String {
        switch self {
        case .invalidAddress: "invalid_mail_address"
        case .invalidSMTPURL: "invalid_smtp_url"
        case .tlsNotSupported: "smtp_tls_unsupported"
        case .noRecipients: "mail_no_recipients"
        case .authNotOffered: "smtp_auth_unavailable"
        case .unreachable: "smtp_unreachable"
        case .rejected: "smtp_rejected"
        }
    }

    public var message: String {
        switch self {
        case .invalidAddress(let address):
            "电子邮件地址无效：\(address)"
        case .invalidSMTPURL(let reason):
            "邮件服务器地址无效（应为 smtp://[用户名:密码@]主机[:端口]）：\(reason)"
        case .tlsNotSupported:
            "暂不支持加密连接（smtps:// 或 STARTTLS），请使用本机或县内网的 smtp:// 中继服务器"
        case .noRecipients:
            "邮件没有收件人"
        case .authNotOffered(let advertised):
            "已配置邮件服务器的用户名和密码，但服务器不支持 AUTH PLAIN 登录"
                + (advertised.isEmpty ? "" : "（服务器提供：\(advertised)）")
        case .unreachable(let host, let port, let reason):
            "无法连接邮件服务器 \(host):\(port)：\(reason)"
        case .rejected(let command, let reply):
            "邮件服务器拒绝了 \(command)：\(reply)"
        }
    }
}

extension MailError: CustomStringConvertible {
    public var description: String { "\(code): \(message)" }
}
