import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Boots the real application for a test: in-memory SQLite by default, or the PostgreSQL
/// named by `XIESHANG_TEST_DATABASE_URL` (the test script starts a throwaway one).
enum TestApp {
    static let postgresURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["XIESHANG_TEST_DATABASE_URL"], !url.isEmpty else { return nil }
        // Tests never talk to anything but this machine.
        guard url.contains("@127.0.0.1") || url.contains("@localhost") else {
            fatalError("XIESHANG_TEST_DATABASE_URL must point at 127.0.0.1, got \(url)")
        }
        return url
    }()

    /// One PostgreSQL database is shared, so tests that use it take turns.
    static let postgresTurn = AsyncMutex()

    /// 2026-11-29 10:00 China Standard Time, a Sunday, unless a test sets its own clock.
    static let defaultNow = Date(timeIntervalSince1970: 1_795_917_600)

    /// `system`: the deployment's classification; a non-classified system, as in production,
    /// unless a test is about the electronic path of a classified one.
    static func run(demo: Bool = true, clock: ManualClock = ManualClock(defaultNow), system: SystemClassification = .nonClassified,
                    _ body: @Sendable @escaping (Application) async throws -> Void) async throws {
        if postgresURL != nil {
            try await postgresTurn.withLock { try await boot(demo: demo, clock: clock, system: system, body) }
        } else {
            try await boot(demo: demo, clock: clock, system: system, body)
        }
    }

    private static func boot(demo: Bool, clock: ManualClock, system: SystemClassification,
                             _ body: @Sendable @escaping (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        // Migrations log every step at info; thousands of lines hide the test results.
        app.logger.logLevel = .warning
        do {
            var security = SecurityPolicy()
            security.bcryptCost = 4  // the minimum: tests hash many passwords
            let database: AppConfig.Database = postgresURL.map { .postgres($0) } ?? .sqliteMemory
            let config = AppConfig(database: database, dataDirectory: NSTemporaryDirectory(), loadDemo: demo,
                                   security: security, systemClassification: system)
            try await configure(app, config: config, overrides: Overrides(clock: clock))
            if postgresURL != nil {
                let sql = app.db as! any SQLDatabase
                try await sql.raw("DROP SCHEMA public CASCADE").run()
                try await sql.raw("CREATE SCHEMA public").run()
            }
            try await prepare(app)
            // As `serve` does: lifecycle handlers (the change watcher) start here.
            try await app.asyncBoot()
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
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
