import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Boots the real application for a test: SQLite by default, or the PostgreSQL named by
/// `XIESHANG_TEST_DATABASE_URL` (the test script starts a throwaway one).
///
/// The demo county is migrated and loaded once per test process into a template — a SQLite
/// file, or a PostgreSQL database — and every test boots on its own copy of it: a file copy,
/// or `CREATE DATABASE … TEMPLATE` (SwiftPackageIndex-Server's approach). So tests neither
/// migrate and load the county again, about 225 times per lane, nor take turns on one shared
/// PostgreSQL database: each has its own, and they run side by side.
enum TestApp {
    static let postgresURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["XIESHANG_TEST_DATABASE_URL"], !url.isEmpty else { return nil }
        // Tests never talk to anything but this machine.
        guard url.contains("@127.0.0.1") || url.contains("@localhost") else {
            fatalError("XIESHANG_TEST_DATABASE_URL must point at 127.0.0.1, got \(url)")
        }
        return url
    }()

    /// 2026-11-29 10:00 China Standard Time, a Sunday, unless a test sets its own clock.
    static let defaultNow = Date(timeIntervalSince1970: 1_795_917_600)

    /// How many tests hold a PostgreSQL database at once: each opens a few connections, and
    /// the cluster accepts a hundred; two cores gain nothing from more.
    static let postgresSlots = TestSlots(4)

    /// `settings` adjusts the configuration before the application is configured (trusted
    /// proxies, a metrics token, mail); the database is still a copy of the demo template.
    /// `system`: the deployment's classification; a non-classified system, as in production,
    /// unless a test is about the electronic path of a classified one.
    static func run(demo: Bool = true, clock: ManualClock = ManualClock(defaultNow),
                    system: SystemClassification = .nonClassified,
                    settings: @Sendable @escaping (inout AppConfig) -> Void = { _ in },
                    _ body: @Sendable @escaping (Application) async throws -> Void) async throws {
        let settings: @Sendable (inout AppConfig) -> Void = { config in
            config.systemClassification = system
            settings(&config)
        }
        guard postgresURL != nil else { return try await runOnce(demo: demo, clock: clock, settings: settings, body) }
        await postgresSlots.acquire()
        do {
            try await runOnce(demo: demo, clock: clock, settings: settings, body)
        } catch {
            await postgresSlots.release()
            throw error
        }
        await postgresSlots.release()
    }

    private static func runOnce(demo: Bool, clock: ManualClock, settings: @Sendable (inout AppConfig) -> Void,
                                _ body: @Sendable @escaping (Application) async throws -> Void) async throws {
        let database = try await Databases.fresh(demo: demo)
        defer { Databases.discard(database) }
        let app = try await boot(database, loadDemo: demo, clock: clock, settings: settings)
        do {
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func config(_ database: AppConfig.Database, loadDemo: Bool) -> AppConfig {
        var security = SecurityPolicy()
        security.bcryptCost = 4  // the minimum: tests hash many passwords
        return AppConfig(database: database, dataDirectory: NSTemporaryDirectory(), loadDemo: loadDemo, security: security)
    }

    /// The application on `database`, migrated (a no-op on a template's copy) and started.
    static func boot(_ database: AppConfig.Database, loadDemo: Bool, clock: ManualClock,
                     settings: @Sendable (inout AppConfig) -> Void = { _ in }) async throws -> Application {
        let app = try await Application.make(.testing)
        // Migrations log every step at info; thousands of lines hide the test results.
        app.logger.logLevel = .warning
        do {
            var config = config(database, loadDemo: loadDemo)
            settings(&config)
            try await configure(app, config: config, overrides: Overrides(clock: clock))
            try await prepare(app)
            // As `serve` does: lifecycle handlers (the change watcher) start here.
            try await app.asyncBoot()
            return app
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Where each test's database comes from.
    enum Databases {
        /// The demo county's template, made once: a SQLite file's path, or a PostgreSQL database's name.
        private static let template = Task<String, any Error> {
            if postgresURL != nil { try await PostgresCluster.shared.makeTemplate() } else { try await makeSQLiteTemplate() }
        }

        static func fresh(demo: Bool) async throws -> AppConfig.Database {
            if postgresURL != nil {
                return .postgres(try await PostgresCluster.shared.database(copying: demo ? try await template.value : nil))
            }
            guard demo else { return .sqliteMemory }
            let copy = scratch.appendingPathComponent("xieshang-test-\(UUID().uuidString).sqlite")
            try FileManager.default.copyItem(atPath: try await template.value, toPath: copy.path)
            return .sqliteFile(copy.path)
        }

        static func discard(_ database: AppConfig.Database) {
            switch database {
            case .sqliteFile(let path):
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            case .postgres(let url):
                Task { await PostgresCluster.shared.drop(url) }
            case .sqliteMemory:
                break
            }
        }

        /// Memory when the machine has it as a file system: the copies are written and read a lot.
        static let scratch: URL = {
            let shm = URL(fileURLWithPath: "/dev/shm")
            return FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        }()

        private static func makeSQLiteTemplate() async throws -> String {
            let path = scratch.appendingPathComponent("xieshang-template-\(UUID().uuidString).sqlite").path
            let app = try await boot(.sqliteFile(path), loadDemo: true, clock: ManualClock(defaultNow))
            // Everything into the main file, so that copying that file copies the county.
            try await (app.db as! any SQLDatabase).raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            try await app.asyncShutdown()
            atexit { TestApp.Databases.removeTemplates() }
            templates.withLockedValue { $0.append(path) }
            return path
        }

        private static let templates = NIOLockedValueBox<[String]>([])

        static func removeTemplates() {
            for path in templates.withLockedValue({ $0 }) {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
    }
}

/// A counting semaphore for async tests.
actor TestSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

/// The throwaway PostgreSQL cluster: one template database with the demo county, and a
/// database of its own for each test, made from it and dropped after.
actor PostgresCluster {
    static let shared = PostgresCluster()

    private let prefix = "xt\(ProcessInfo.processInfo.processIdentifier)_"

    /// An application on the cluster's own database, only to create and drop others; made
    /// once (callers arriving while it is made wait for the same one), kept for the process.
    private let admin = Task<Application, any Error> {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        app.databases.use(try .postgres(url: TestApp.postgresURL!, connectionPoolTimeout: .seconds(120)), as: .psql)
        return app
    }

    private func sql() async throws -> any SQLDatabase {
        try await admin.value.db as! any SQLDatabase
    }

    private func url(of database: String) -> String {
        var components = URLComponents(string: TestApp.postgresURL!)!
        components.path = "/" + database
        return components.string!
    }

    func makeTemplate() async throws -> String {
        let name = prefix + "template"
        let db = try await sql()
        try await db.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
        try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        let app = try await TestApp.boot(.postgres(url(of: name)), loadDemo: true, clock: ManualClock(TestApp.defaultNow))
        try await app.asyncShutdown()
        return name
    }

    /// A new database, a copy of `template` (or empty), by URL.
    func database(copying template: String?) async throws -> String {
        let name = prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let db = try await sql()
        if let template {
            // The template's last connections may still be closing ("being accessed by other users").
            for attempt in 1... {
                do {
                    try await db.raw("CREATE DATABASE \(unsafeRaw: name) TEMPLATE \(unsafeRaw: template)").run()
                    break
                } catch let error where attempt < 50 && String(reflecting: error).contains("being accessed by other users") {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
        } else {
            try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        }
        return url(of: name)
    }

    func drop(_ databaseURL: String) async {
        guard let name = URLComponents(string: databaseURL)?.path.dropFirst(), name.hasPrefix(prefix) else { return }
        // WITH (FORCE): a test's listener connection may still be closing.
        try? await sql().raw("DROP DATABASE IF EXISTS \(unsafeRaw: String(name)) WITH (FORCE)").run()
    }
}

/// A signed-in (or anonymous) user agent: keeps the session cookie and sends the CSRF
/// token the way the pages' forms do.
final class TestClient: @unchecked Sendable {
    // @unchecked: a client is used by one test task at a time.
    let app: Application
    /// The session cookie, once signed in.
    private(set) var cookie: String?
    /// The signed-out visitor's CSRF cookie (the login form's token).
    private(set) var csrfCookie: String?
    var bearer: String?

    init(_ app: Application) { self.app = app }

    static func signedIn(_ app: Application, as username: String, password: String = DemoCounty.password) async throws -> TestClient {
        let c = TestClient(app)
        let res = try await c.login(username, password: password)
        #expect(res.status == .seeOther, "login as \(username) failed: \(res.status)")
        return c
    }

    @discardableResult
    func login(_ username: String, password: String = DemoCounty.password) async throws -> TestingHTTPResponse {
        let token = try await csrfToken(from: Paths.login)
        return try await send(.POST, Paths.login, form: ["_csrf": token, "username": username, "password": password])
    }

    func csrfToken(from path: String = Paths.dashboard) async throws -> String {
        let page = try await send(.GET, path)
        let html = page.body.string
        guard let r = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else {
            Issue.record("no CSRF token on \(path) (status \(page.status))")
            return ""
        }
        return String(html[r].dropFirst(#"name="_csrf" value=""#.count).dropLast())
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> TestingHTTPResponse {
        var h = headers
        let sent = [cookie, csrfCookie].compactMap { $0 }
        if !sent.isEmpty { h.replaceOrAdd(name: .cookie, value: sent.joined(separator: "; ")) }
        if let bearer { h.bearerAuthorization = .init(token: bearer) }
        let res = try await app.testing().sendRequest(method, path, headers: h, body: body)
        if let set = res.headers.setCookie?["xieshang_session"] {
            cookie = set.expires.map { $0 < Date() } == true ? nil : "xieshang_session=\(set.string)"
        }
        if let set = res.headers.setCookie?[CSRFMiddleware.cookie] {
            csrfCookie = "\(CSRFMiddleware.cookie)=\(set.string)"
        }
        return res
    }

    func send(_ method: HTTPMethod, _ path: String, form: [String: String]) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        let body = form.map { k, v in
            "\(k.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\(v.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        }.joined(separator: "&")
        return try await send(method, path, headers: h, body: ByteBuffer(string: body))
    }

    /// A form post carrying this session's CSRF token, as a page would.
    func post(_ path: String, form: [String: String] = [:]) async throws -> TestingHTTPResponse {
        var f = form
        f["_csrf"] = try await csrfToken()
        return try await send(.POST, path, form: f)
    }

    func postFile(_ path: String, field: String = "file", filename: String, data: Data, csrf: String? = nil) async throws -> TestingHTTPResponse {
        let boundary = "----xieshang-test-boundary"
        var body = Data()
        let token: String
        if let csrf { token = csrf } else { token = try await csrfToken() }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: h, body: ByteBuffer(data: body))
    }

    func json<T: Encodable>(_ method: HTTPMethod, _ path: String, _ value: T) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        h.contentType = .json
        return try await send(method, path, headers: h, body: ByteBuffer(data: JSONEncoder().encode(value)))
    }
}

extension TestingHTTPResponse {
    /// The API's machine-readable error code, if the body is an API error.
    var errorCode: String? {
        struct Body: Decodable { struct Inner: Decodable { let code: String }; let error: Inner }
        return try? JSONDecoder().decode(Body.self, from: Data(buffer: body)).error.code
    }

    var text: String { body.string }
}

/// Demo-county helpers shared by tests.
enum Demo {
    /// One login per role.
    static let usernames = ["admin", "office", "committee", "chair", "vicechair", "secgen", "member", "expert", "department", "leader"]
    /// Staff of two more committees, so that several committees can suggest topics.
    static let extraCommitteeUsers = ["economy", "culture"]

    static func token(_ app: Application, for username: String) async throws -> String {
        try await UserStore.issueToken(username: username, name: "test", app: app, actor: "test")
    }

    static func person(_ app: Application, named name: String) async throws -> PersonModel? {
        try await PersonModel.query(on: app.db).filter(\.$name == name).first()
    }
}
