import Fluent
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// A write by another process (the command line, another instance) reaches this server's
/// caches through the audit log, within about a second.
@Suite("Changes made outside this process")
struct OutOfProcessChangeTests {
    @Test func tokenRevokedByAnotherProcessStopsWorking() async throws {
        try await TestApp.run { app in
            let client = TestClient(app)
            client.bearer = try await Demo.token(app, for: "office")
            #expect(try await client.send(.GET, Paths.API.me).status == .ok)  // now cached

            // What `xieshang user revoke-tokens` in another process does: delete and audit,
            // without touching this process's caches.
            let db = app.db
            try await db.transaction { tx in
                try await APITokenModel.query(on: tx).delete()
                try await AuditLog.append([AuditChange("api_token.revoke_all", "user", "2")], actor: "cli:test",
                                          at: Date(), on: tx, isPostgres: app.xieshang.isPostgres)
            }
            var status = HTTPStatus.ok
            for _ in 0..<40 where status == .ok {
                try await Task.sleep(for: .milliseconds(100))
                status = try await client.send(.GET, Paths.API.me).status
            }
            #expect(status == .unauthorized)
        }
    }
}
