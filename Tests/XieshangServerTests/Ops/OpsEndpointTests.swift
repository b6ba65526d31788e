import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// What the county's IT staff watch (issue 19, item 3): readiness, metrics per route pattern
/// (readable only locally or with the token), and a request id that ties an error page to
/// its log lines.
@Suite("Operations endpoints")
struct OpsEndpointTests {
    static let token = "0123456789abcdef-metrics"

    @Test("/readyz answers ready once the database is reachable and migrated")
    func readyWhenMigrated() async throws {
        try await TestApp.run(demo: false) { app async throws in
            let res = try await app.testing().sendRequest(.GET, Paths.readyz)
            #expect(res.status == .ok)
            #expect(res.text.contains("\"status\":\"ready\""))
            #expect(try await DatabaseSetup.pendingMigrations(app).isEmpty)
        }
    }

    @Test("/readyz answers 503 naming the migration when the schema is behind the code")
    func notReadyWithAPendingMigration() async throws {
        try await TestApp.run(demo: false) { app async throws in
            // As if the last migration had not run: a database of the previous release.
            let sql = app.db as! any SQLDatabase
            #expect(try await DatabaseSetup.pendingMigrations(app).isEmpty)
            let last = M014_CreatePaperCopies().name
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name = \(bind: last)").run()
            let res = try await app.testing().sendRequest(.GET, Paths.readyz)
            #expect(res.status == .serviceUnavailable)
            #expect(res.text.contains("\"status\":\"unavailable\"") && res.text.contains(last))
            #expect(res.text.contains("请运行 xieshang migrate"))
            #expect(res.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test("/metrics is refused without a local peer or the token")
    func metricsAreProtected() async throws {
        try await TestApp.run(demo: false, settings: { $0.metricsToken = Self.token }) { app async throws in
            // The in-memory tester has no peer address: not local.
            #expect(try await app.testing().sendRequest(.GET, Paths.metrics).status == .forbidden)
            var wrong = HTTPHeaders()
            wrong.basicAuthorization = .init(username: "prometheus", password: "not-the-token-at-all")
            #expect(try await app.testing().sendRequest(.GET, Paths.metrics, headers: wrong).status == .forbidden)
        }
    }

    @Test("requests are counted by route pattern, never by the raw path")
    func metricsPerRoutePattern() async throws {
        try await TestApp.run(settings: { $0.metricsToken = Self.token }) { app async throws in
            let office = try await TestClient.signedIn(app, as: "office")
            for id in [101, 102, 103] { _ = try await office.send(.GET, "/people/\(id)") }
            var auth = HTTPHeaders()
            auth.basicAuthorization = .init(username: "prometheus", password: Self.token)
            let res = try await app.testing().sendRequest(.GET, Paths.metrics, headers: auth)
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.description.hasPrefix("text/plain") == true)
            let text = res.text
            #expect(text.contains(#"xieshang_http_requests_total{method="GET",route="/people/:id",status="200"} 3"#), "\(text.prefix(3000))")
            #expect(!text.contains("/people/101"))
            #expect(text.contains(#"xieshang_http_request_duration_seconds_count{method="GET",route="/people/:id"} 3"#))
            #expect(text.contains(#"xieshang_http_requests_total{method="POST",route="/login",status="303"} 1"#))
            #expect(text.contains("xieshang_mail_outbox{status=\"pending\"} 0.0"))
            #expect(text.contains("xieshang_live_meetings_in_progress 0.0"))
            #expect(text.contains("xieshang_db_pool_connections_max"))
            #expect(text.contains("xieshang_sessions_stored 1.0"))
        }
    }

    @Test("a failed sign-in and a lockout are counted")
    func signInFailuresAreCounted() async throws {
        try await TestApp.run(settings: { $0.metricsToken = Self.token }) { app async throws in
            let c = TestClient(app)
            for _ in 0..<6 { _ = try await c.login("office", password: "wrong-password") }
            var auth = HTTPHeaders()
            auth.basicAuthorization = .init(username: "prometheus", password: Self.token)
            let text = try await app.testing().sendRequest(.GET, Paths.metrics, headers: auth).text
            #expect(text.contains(#"xieshang_sign_in_failures_total{reason="wrong_credentials"} 5"#), "\(text.prefix(2000))")
            #expect(text.contains(#"xieshang_sign_in_failures_total{reason="locked_out"} 1"#))
        }
    }

    @Test("an error page names the request id that its response header and log lines carry")
    func errorPageShowsRequestID() async throws {
        try await TestApp.run { app in
            let member = try await TestClient.signedIn(app, as: "member")
            let res = try await member.send(.GET, "/symposia/999999")
            #expect(res.status == .notFound)
            let id = try #require(res.headers.first(name: "X-Request-Id"))
            #expect(ClientContext.isValidRequestID(id))
            #expect(res.text.contains("请求编号：<code>\(id)</code>"))
        }
    }

    @Test("a logged path masks a calendar feed's token and drops the query")
    func loggedPathHasNoSecrets() async throws {
        try await TestApp.run(demo: false) { app async throws in
            let route = try #require(app.routes.all.first { $0.path.map(\.description) == ["ical", ":token"] })
            let req = Request(application: app, method: .GET, url: "/ical/s3cr3t-token.ics?x=1", on: app.eventLoopGroup.next())
            req.route = route
            #expect(AccessLogMiddleware.loggedPath(req) == "/ical/***")
            #expect(LogLine([("path", "/a b"), ("user", "office"), ("q", "say \"hi\"")]).text == #"path="/a b" user=office q="say \"hi\"""#)
        }
    }
}
