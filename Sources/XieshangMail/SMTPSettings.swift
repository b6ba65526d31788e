import Foundation
import NIOSSL

/// Where and how to hand mail over, usually parsed from one URL (`init(url:from:)`):
///
///     smtp://[user[:password]@]host[:port][?parameters]     port 25 (587 for submission)
///     smtps://[user[:password]@]host[:port][?parameters]    TLS from the first byte, port 465
///
/// Parameters, all optional:
/// - `starttls=auto|require|never` (smtp:// only; default `auto`: upgrade when offered)
/// - `ca=/absolute/path/ca.pem`: trust only the CAs in this PEM file (a private CA)
/// - `tls=insecure`: do not verify the certificate at all (the caller should log a warning)
/// - `cleartext_auth=allow`: log in even on an unencrypted connection (a relay on localhost)
/// - `timeout=SECONDS` for each reply (default 30), `connect_timeout=SECONDS` (default 10)
/// - `helo=NAME`: the name in EHLO (default: the address literal of our end of the connection)
///
/// Certificates are verified against the system's trust store and the host name by default.
/// Credentials are sent only over TLS unless `cleartext_auth=allow`.
public struct SMTPSettings: Sendable, Hashable {
    public static let defaultPort = 25
    public static let implicitTLSPort = 465

    /// When the connection is encrypted.
    public enum Security: String, Sendable, Hashable {
        /// STARTTLS when the server offers it, plain SMTP otherwise.
        case startTLSIfOffered
        /// STARTTLS or no mail at all.
        case startTLSRequired
        /// Never TLS, even when offered (a relay on localhost whose certificate is broken).
        case plain
        /// TLS from the first byte (`smtps://`, port 465).
        case implicitTLS
    }

    /// How the server's certificate is checked.
    public enum CertificateVerification: Sendable, Hashable {
        /// The system's trust store, and the certificate must name the host.
        case systemTrustStore
        /// Only the CAs in this PEM file, and the certificate must name the host.
        case privateCA(path: String)
        /// No check at all: anyone on the path can read the mail and the password.
        case insecureNoVerification
    }

    public struct Timeouts: Sendable, Hashable {
        public static let defaultConnect = Duration.seconds(10)
        public static let defaultReply = Duration.seconds(30)

        /// Bounds opening the TCP connection (all addresses of the host together).
        public var connect: Duration
        /// Bounds each step of the dialogue: sending a command (or the message) and its reply,
        /// the TLS handshake included.
        public var reply: Duration

        public init(connect: Duration = Timeouts.defaultConnect, reply: Duration = Timeouts.defaultReply) {
            self.connect = connect
            self.reply = reply
        }
    }

    public let host: String
    public let port: Int
    public let username: String?
    public let password: String?
    /// The envelope sender (MAIL FROM, where bounces go); usually also the From of messages.
    public let from: MailAddress
    public let security: Security
    public let certificateVerification: CertificateVerification
    /// Whether the password may cross an unencrypted connection.
    public let allowsCleartextAuth: Bool
    public let timeouts: Timeouts
    /// The EHLO name; nil for the address literal of the connection's local end (RFC 5321
    /// 4.1.3), which relays that refuse non-FQDN names still accept.
    public let heloName: String?

    /// `port` nil means 465 for `.implicitTLS`, else 25.
    public init(host: String, port: Int? = nil, username: String? = nil, password: String? = nil,
                from: MailAddress, security: Security = .startTLSIfOffered,
                certificateVerification: CertificateVerification = .systemTrustStore,
                allowsCleartextAuth: Bool = false, timeouts: Timeouts = Timeouts(),
                heloName: String? = nil) throws {
        let port = port ?? (security == .implicitTLS ? SMTPSettings.implicitTLSPort : SMTPSettings.defaultPort)
        var problems: [String] = []
        if host.isEmpty || host.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "?" || $0 == "#" }) {
            problems.append("缺少主机名或主机名含非法字符")
        }
        if !(1...65535).contains(port) {
            problems.append("端口须在1到65535之间（收到\(port)）")
        }
        if (username == nil) != (password == nil) {
            problems.append("用户名和密码须同时给出")
        }
        if [username, password].contains(where: { $0?.contains(where: \.isNewline) == true }) {
            problems.append("用户名或密码中不能有换行")
        }
        if security == .plain && certificateVerification != .systemTrustStore {
            problems.append("starttls=never 时不加密，ca 或 tls 参数无从生效")
        }
        if case .privateCA(let path) = certificateVerification {
            problems += SMTPSettings.problems(withCAFile: path)
        }
        for (name, timeout) in [("connect_timeout", timeouts.connect), ("timeout", timeouts.reply)]
        where timeout <= .zero || timeout > .seconds(Options.maxTimeoutSeconds) {
            problems.append("\(name) 须在0到\(Int(Options.maxTimeoutSeconds))秒之间")
        }
        if let heloName, !SMTPSettings.isValidHeloName(heloName) {
            problems.append("helo 须为域名或 [IP地址]（收到“\(heloName)”）")
        }
        guard problems.isEmpty else {
            throw MailError.invalidSMTPURL(reason: problems.joined(separator: "；"))
        }
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.from = from
        self.security = security
        self.certificateVerification = certificateVerification
        self.allowsCleartextAuth = allowsCleartextAuth
        self.timeouts = timeouts
        self.heloName = heloName
    }

    /// Parses the URL described above; user and password may be percent-encoded (a `@` in a
    /// password as `%40`), and so may parameter values. Every problem is listed at once.
    public init(url: String, from: MailAddress) throws {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw MailError.invalidSMTPURL(reason: "无法解析，请检查格式")
        }
        var problems: [String] = []
        var security = SMTPSettings.Security.startTLSIfOffered
        switch scheme {
        case "smtp": break
        case "smtps": security = .implicitTLS
        default: throw MailError.invalidSMTPURL(reason: "不支持的协议 \(scheme)://，只支持 smtp:// 和 smtps://")
        }
        var host = components.host ?? ""
        if host.isEmpty { problems.append("缺少主机名") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if !(components.path.isEmpty || components.path == "/") || components.fragment != nil {
            problems.append("地址中不应有路径或 # 片段")
        }
        var options = Options()
        options.read(components.queryItems ?? [], scheme: scheme, into: &security, problems: &problems)
        // A port that does not parse makes URLComponents fail as a whole, above.
        let port = components.port
        let username = components.user.flatMap { $0.isEmpty ? nil : $0 }
        do {
            // "-" stands in for a missing host, already listed, so that the rest is still checked.
            try self.init(host: host.isEmpty ? "-" : host, port: port, username: username,
                          password: components.password, from: from, security: security,
                          certificateVerification: options.verification, allowsCleartextAuth: options.cleartextAuth,
                          timeouts: options.timeouts, heloName: options.helo)
        } catch MailError.invalidSMTPURL(let reason) {
            throw MailError.invalidSMTPURL(reason: (problems + [reason]).joined(separator: "；"))
        }
        if !problems.isEmpty {
            throw MailError.invalidSMTPURL(reason: problems.joined(separator: "；"))
        }
    }

    var hasCredentials: Bool { username != nil }

    /// What the server's name is checked against: nil for an IP address, which NIOSSL then
    /// checks against the peer's address (and which may not be sent as SNI).
    var tlsServerName: String? {
        var ipv4 = in_addr(), ipv6 = in6_addr()
        let isAddress = host.withCString { inet_pton(AF_INET, $0, &ipv4) == 1 || inet_pton(AF_INET6, $0, &ipv6) == 1 }
        return isAddress ? nil : host
    }

    private static func problems(withCAFile path: String) -> [String] {
        guard path.hasPrefix("/") else { return ["ca 须为CA证书文件的绝对路径（收到“\(path)”）"] }
        guard FileManager.default.isReadableFile(atPath: path) else { return ["CA证书文件 \(path) 不存在或无法读取"] }
        let certificates = try? NIOSSLCertificate.fromPEMFile(path)
        if certificates?.isEmpty ?? true {
            return ["CA证书文件 \(path) 中没有PEM格式的证书"]
        }
        return []
    }

    private static func isValidHeloName(_ name: String) -> Bool {
        if name.hasPrefix("["), name.hasSuffix("]") {
            let inner = name.dropFirst().dropLast()
            return !inner.isEmpty && inner.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" || $0 == "I" || $0 == "P" || $0 == "v" }
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        return name.utf8.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        }
    }
}

extension SMTPSettings {
    /// The URL's parameters, read one by one.
    private struct Options {
        var verification = CertificateVerification.systemTrustStore
        var cleartextAuth = false
        var timeouts = Timeouts()
        var helo: String?

        /// An hour: longer than any relay takes, short enough that a stuck one is noticed.
        static let maxTimeoutSeconds = 3600.0
        static let known = ["starttls", "ca", "tls", "cleartext_auth", "timeout", "connect_timeout", "helo"]

        mutating func read(_ items: [URLQueryItem], scheme: String, into security: inout Security,
                           problems: inout [String]) {
            var seen: Set<String> = []
            var insecure = false, ca: String?
            for item in items {
                let name = item.name.lowercased(), value = item.value ?? ""
                guard Options.known.contains(name) else {
                    problems.append("未知参数“\(item.name)”（可用：\(Options.known.joined(separator: "、"))）")
                    continue
                }
                guard seen.insert(name).inserted else {
                    problems.append("参数 \(name) 重复")
                    continue
                }
                switch name {
                case "starttls":
                    let choices: [String: Security] = ["auto": .startTLSIfOffered, "require": .startTLSRequired, "never": .plain]
                    if scheme == "smtps" {
                        problems.append("smtps:// 一开始就加密，不能再用 starttls 参数")
                    } else if let chosen = choices[value.lowercased()] {
                        security = chosen
                    } else {
                        problems.append("starttls 只能是 auto、require 或 never（收到“\(value)”）")
                    }
                case "ca":
                    if value.isEmpty { problems.append("ca 参数缺少文件路径") } else { ca = value }
                case "tls":
                    if value.lowercased() == "insecure" { insecure = true } else {
                        problems.append("tls 只能是 insecure（不验证证书）（收到“\(value)”）")
                    }
                case "cleartext_auth":
                    if value.lowercased() == "allow" { cleartextAuth = true } else {
                        problems.append("cleartext_auth 只能是 allow（收到“\(value)”）")
                    }
                case "timeout", "connect_timeout":
                    guard let seconds = Double(value), seconds > 0, seconds <= Options.maxTimeoutSeconds else {
                        problems.append("\(name) 须为0到\(Int(Options.maxTimeoutSeconds))之间的秒数（收到“\(value)”）")
                        continue
                    }
                    let duration = Duration.milliseconds(Int64((seconds * 1000).rounded()))
                    if name == "timeout" { timeouts.reply = duration } else { timeouts.connect = duration }
                case "helo":
                    helo = value
                default:
                    break
                }
            }
            switch (ca, insecure) {
            case (let path?, false): verification = .privateCA(path: path)
            case (nil, true): verification = .insecureNoVerification
            case (_?, true): problems.append("ca 与 tls=insecure 不能同时使用")
            case (nil, false): break
            }
        }
    }
}

extension SMTPSettings: CustomStringConvertible {
    /// The URL with the password masked, for logs and the settings page.
    public var description: String {
        let credentials = username.map { "\($0):***@" } ?? ""
        let shownHost = host.contains(":") ? "[\(host)]" : host
        var parameters: [String] = []
        switch security {
        case .startTLSRequired: parameters.append("starttls=require")
        case .plain: parameters.append("starttls=never")
        case .startTLSIfOffered, .implicitTLS: break
        }
        switch certificateVerification {
        case .systemTrustStore: break
        case .privateCA(let path): parameters.append("ca=\(path)")
        case .insecureNoVerification: parameters.append("tls=insecure")
        }
        if allowsCleartextAuth { parameters.append("cleartext_auth=allow") }
        if timeouts.reply != Timeouts.defaultReply { parameters.append("timeout=\(Self.seconds(timeouts.reply))") }
        if timeouts.connect != Timeouts.defaultConnect {
            parameters.append("connect_timeout=\(Self.seconds(timeouts.connect))")
        }
        if let heloName { parameters.append("helo=\(heloName)") }
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let query = parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")
        return "\(scheme)://\(credentials)\(shownHost):\(port)\(query) (from \(from))"
    }

    private static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? String(milliseconds / 1000) : String(Double(milliseconds) / 1000)
    }
}
