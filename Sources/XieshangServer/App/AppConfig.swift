import Foundation
import XieshangCore
import XieshangMail

/// Configuration, parsed once from the environment at start-up.
///
/// Nothing else reads the environment; a bad value is reported with every other bad value
/// before the server starts, not on the first request that needs it.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(String)
    }

    public var database: Database
    public var dataDirectory: String
    /// Load the demo county into an empty database at start-up.
    public var loadDemo: Bool
    public var demoPassword: String
    public var security: SecurityPolicy
    /// Outgoing mail (invitation letters, reminders); nil: letters are printed, not mailed.
    public var mail: SMTPSettings?
    /// End-to-end tests only: read "now" from this file (see `FileClock`).
    public var clockFile: String?
    /// The reverse proxies whose X-Forwarded-* headers are believed.
    var trustedProxies = TrustedProxies.none
    /// Who may read /metrics: with a token, whoever sends it as a bearer token; without one,
    /// only a scraper on this machine talking to the server directly.
    public var metricsToken: String?
    /// Start the background work when the application boots: the mail sender, the session
    /// purge, the watch for other processes' changes. Off for one-off commands, which must
    /// neither send mail nor touch a database they were not asked to.
    public var runsBackgroundTasks = true
    /// Whether this deployment is a classified information system (涉密信息系统). Ordinary county
    /// offices are not, and then 秘密 and 机密 materials are handled on paper only
    /// (保守国家秘密法, see `SystemClassification`).
    public var systemClassification: SystemClassification

    public init(database: Database, dataDirectory: String, loadDemo: Bool = false,
                demoPassword: String = DemoCounty.password, security: SecurityPolicy = .init(),
                mail: SMTPSettings? = nil, systemClassification: SystemClassification = .nonClassified) {
        self.mail = mail
        self.systemClassification = systemClassification
        self.database = database
        self.dataDirectory = dataDirectory
        self.loadDemo = loadDemo
        self.demoPassword = demoPassword
        self.security = security
    }

    /// The deployment declares what it is: `non-classified` (the default) or `classified`.
    public static let systemClassificationVariable = "XIESHANG_SYSTEM_CLASSIFICATION"

    public struct Invalid: Error, CustomStringConvertible {
        public let problems: [String]
        public var description: String { "配置错误:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment,
                                       loadDemo: Bool) throws -> AppConfig {
        var problems: [String] = []
        let dataDir = env["XIESHANG_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        var database = Database.sqliteFile(dataDir + "/xieshang.sqlite")
        if let url = env["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url)
            } else if url.hasPrefix("sqlite://") {
                let path = String(url.dropFirst("sqlite://".count))
                database = path == ":memory:" ? .sqliteMemory : .sqliteFile(path)
            } else {
                problems.append("DATABASE_URL 必须以 postgres:// 或 sqlite:// 开头")
            }
        }
        var security = SecurityPolicy()
        if let s = env["XIESHANG_SECURE_COOKIES"] {
            switch s {
            case "1", "true": security.secureCookies = true
            case "0", "false": security.secureCookies = false
            default: problems.append("XIESHANG_SECURE_COOKIES 只能是 true 或 false")
            }
        }
        var mail: SMTPSettings?
        if let url = env["XIESHANG_SMTP_URL"], !url.isEmpty {
            do {
                let from = try MailAddress(env["XIESHANG_MAIL_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? "xieshang@localhost",
                                           name: env["XIESHANG_MAIL_FROM_NAME"] ?? "县政协办公室")
                mail = try SMTPSettings(url: url, from: from)
            } catch let e as MailError {
                problems.append("XIESHANG_SMTP_URL / XIESHANG_MAIL_FROM：" + e.message)
            }
        }
        var proxies = TrustedProxies.none
        if let list = env["XIESHANG_TRUSTED_PROXIES"], !list.isEmpty {
            do { proxies = try TrustedProxies.parse(list) } catch {
                problems.append("XIESHANG_TRUSTED_PROXIES 中的地址无效：" + error.entries.joined(separator: "、")
                                + "（应为 IP 地址或 CIDR 网段，如 127.0.0.1,10.0.0.0/8，以逗号分隔）")
            }
        }
        let metricsToken = env["XIESHANG_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let token = metricsToken, token.count < 16 {
            problems.append("XIESHANG_METRICS_TOKEN 至少16个字符（如 openssl rand -hex 24 生成）")
        }
        var system = SystemClassification.nonClassified
        if let s = env[Self.systemClassificationVariable], !s.isEmpty {
            switch s {
            case "non-classified", "非涉密": system = .nonClassified
            case "classified", "涉密": system = .classified
            default:
                problems.append("\(Self.systemClassificationVariable) 只能是 non-classified（非涉密信息系统，默认）"
                                + "或 classified（经分级保护测评的涉密信息系统）")
            }
        }
        guard problems.isEmpty else { throw Invalid(problems: problems) }
        var config = AppConfig(database: database, dataDirectory: dataDir, loadDemo: loadDemo, security: security, mail: mail,
                               systemClassification: system)
        config.clockFile = env["XIESHANG_CLOCK_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        config.trustedProxies = proxies
        config.metricsToken = metricsToken
        return config
    }
}

/// Security numbers that are not rules of the working method and so not in the Regulation.
public struct SecurityPolicy: Sendable {
    public var maxFailedLogins = 5
    public var failedLoginWindow: TimeInterval = 15 * 60
    public var lockout: TimeInterval = 15 * 60
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// How often sessions older than `sessionLifetime` are deleted.
    public var sessionPurgeInterval: Duration = .seconds(15 * 60)
    public var bcryptCost = 12
    /// Behind TLS in production; off for 127.0.0.1 development.
    public var secureCookies = false
    public init() {}
}
