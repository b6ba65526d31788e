import Fluent
import Foundation
import Testing
import Vapor
import XieshangCore
@testable import XieshangServer

/// Sessions are rows; without a purge every sign-in left one behind for ever (issue 19, item 5).
@Suite("Session purge")
struct SessionPurgeTests {
    @Test("a session older than the session lifetime is deleted, a fresh one kept")
    func expiredSessionsArePurged() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app async throws in
            let old = try await TestClient.signedIn(app, as: "office")
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
            #expect(try await SessionPurge.run(app: app) == 0, "a session signed in just now is not purged")

            let lifetime = app.xieshang.config.security.sessionLifetime
            clock.advance(by: lifetime - 60)
            let fresh = try await TestClient.signedIn(app, as: "member")
            #expect(try await SessionPurge.run(app: app) == 0, "one minute before its end the old session still counts")
            clock.advance(by: 60)
            #expect(try await SessionPurge.run(app: app) == 1)
            #expect(try await SessionRecord.query(on: app.db).count() == 1)

            // The purged session signs nobody in; the fresh one still does.
            #expect(try await old.send(.GET, Paths.dashboard).status == .seeOther)
            #expect(try await fresh.send(.GET, Paths.dashboard).status == .ok)
        }
    }
}
