import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Signing in with a password, the session cookie, signing out, and the throttle.
@Suite("Login, session and logout")
struct LoginTests {
    // MARK: Passwords

    @Test func correctPasswordSignsInAndLeadsToTheDashboard() async throws {
        try await TestApp.run { app in
            let c = TestClient(app)
            let res = try await c.login("member")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == Paths.dashboard)
            let me = try await c.send(.GET, Paths.API.me)
            #expect(me.status == .ok)
            #expect(me.text.contains(#""username":"member""#))
            #expect(try await c.send(.GET, Paths.dashboard).status == .ok)
        }
    }

    @Test func wrongPasswordAndUnknownUserAreRefusedAlike() async throws {
        try await TestApp.run { app in
            let wrong = try await TestClient(app).login("member", password: "not-the-password")
            let unknown = try await TestClient(app).login("nobody", password: DemoCounty.password)
            // The same refusal either way: the answer does not tell which part was wrong.
            for res in [wrong, unknown] {
                #expect(res.status == .unauthorized)
                #expect(res.text.contains("用户名或密码错误"))
                #expect(!res.text.contains("不存在"))
            }
        }
    }

    @Test func refusedLoginLeavesTheVisitorSignedOut() async throws {
        try await TestApp.run { app in
            let c = TestClient(app)
            let res = try await c.login("office", password: "wrong-password")
            #expect(res.status == .unauthorized)
            let me = try await c.send(.GET, Paths.API.me)
            #expect(me.status == .unauthorized)
        }
    }

    @Test func emptyAndOverlongPasswordsAreRefused() async throws {
        try await TestApp.run { app in
            let empty = try await TestClient(app).login("office", password: "")
            #expect(empty.status == .unauthorized)
            let long = try await TestClient(app).login("office", password: DemoCounty.password + String(repeating: "x", count: 200))
            #expect(long.status == .unauthorized)
        }
    }

    @Test func passwordsAreStoredAsBcryptHashes() async throws {
        try await TestApp.run { app in
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == "office").first())
            #expect(user.passwordHash.hasPrefix("$2"), "not a bcrypt hash: \(user.passwordHash.prefix(4))")
            #expect(!user.passwordHash.contains(DemoCounty.password))
            #expect(try Bcrypt.verify(DemoCounty.password, created: user.passwordHash))
        }
    }

    @Test func inactiveUserCannotSignIn() async throws {
        try await TestApp.run { app in
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == "expert").first())
            user.active = false
            try await user.save(on: app.db)
            app.xieshang.principals.invalidate()
            #expect(try await TestClient(app).login("expert").status == .unauthorized)
        }
    }

    // MARK: The session cookie

    @Test func sessionCookieIsHttpOnlyAndSameSiteLax() async throws {
        try await TestApp.run { app in
            let c = TestClient(app)
            let res = try await c.login("office")
            let header = try #require(res.headers[.setCookie].first { $0.hasPrefix("xieshang_session=") },
                                      "login sets no session cookie")
            let attributes = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            #expect(attributes.contains("httponly"), "\(header)")
            #expect(attributes.contains("samesite=lax"), "\(header)")
            #expect(attributes.contains("path=/"), "\(header)")
            #expect(attributes.contains { $0.hasPrefix("max-age=") }, "\(header)")
            let cookie = try #require(res.headers.setCookie?["xieshang_session"])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            // The session id is long and random, not a user id.
            #expect(cookie.string.count >= 32)
        }
    }

    @Test("opening the login page starts no session and writes nothing")
    func loginPageStartsNoSession() async throws {
        try await TestApp.run { app in
            let sessions = try await SessionRecord.query(on: app.db).count()
            let audit = try await AuditEntryModel.query(on: app.db).count()
            let c = TestClient(app)
            for _ in 0..<3 { _ = try await c.csrfToken(from: Paths.login) }
            #expect(c.cookie == nil, "an anonymous visitor must not be given a session")
            #expect(c.csrfCookie != nil, "the login form's token comes with its own cookie")
            #expect(try await SessionRecord.query(on: app.db).count() == sessions)
            #expect(try await AuditEntryModel.query(on: app.db).count() == audit)
            // The token is bound to that cookie: the form without it is refused.
            let token = try await c.csrfToken(from: Paths.login)
            let bare = TestClient(app)
            let forged = try await bare.send(.POST, Paths.login,
                                             form: ["_csrf": token, "username": "office", "password": DemoCounty.password])
            #expect(forged.status == .forbidden)
            #expect(bare.cookie == nil)
        }
    }

    @Test func sessionIdChangesAtLogin() async throws {
        try await TestApp.run { app in
            let c = try await TestClient.signedIn(app, as: "member")
            let before = try #require(c.cookie)
            // Signing in again (as someone else) on the same browser: the old id is dropped.
            let token = try await c.csrfToken()
            #expect(try await c.send(.POST, Paths.login, form: ["_csrf": token, "username": "office",
                                                                "password": DemoCounty.password]).status == .seeOther)
            let after = try #require(c.cookie)
            #expect(before != after)

            // The session id held before sign-in (which an attacker could have planted) is worth nothing.
            let fixated = try await app.testing().sendRequest(.GET, Paths.API.me, headers: ["Cookie": before])
            #expect(fixated.status == .unauthorized)
            let page = try await app.testing().sendRequest(.GET, Paths.dashboard, headers: ["Cookie": before])
            #expect(page.status == .seeOther)
            #expect(page.headers.first(name: .location)?.hasPrefix(Paths.login) == true)
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await TestApp.run { app in
            let c = try await TestClient.signedIn(app, as: "office")
            let cookie = try #require(c.cookie)
            let res = try await c.post(Paths.logout)
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == Paths.login)
            #expect(c.cookie == nil, "logout should expire the cookie")

            // Replaying the old cookie does not bring the session back.
            let replay = try await app.testing().sendRequest(.GET, Paths.API.me, headers: ["Cookie": cookie])
            #expect(replay.status == .unauthorized)
            let page = try await app.testing().sendRequest(.GET, Paths.people, headers: ["Cookie": cookie])
            #expect(page.status == .seeOther)
            #expect(page.headers.first(name: .location)?.hasPrefix(Paths.login) == true)
        }
    }

    @Test func sessionExpiresAfterItsLifetime() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            let c = try await TestClient.signedIn(app, as: "office")
            clock.advance(by: app.xieshang.config.security.sessionLifetime - 60)
            #expect(try await c.send(.GET, Paths.API.me).status == .ok)
            clock.advance(by: 120)
            #expect(try await c.send(.GET, Paths.API.me).status == .unauthorized)
        }
    }

    @Test func signedInVisitorIsSentFromLoginFormToDashboard() async throws {
        try await TestApp.run { app in
            let c = try await TestClient.signedIn(app, as: "leader")
            let res = try await c.send(.GET, Paths.login)
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == Paths.dashboard)
        }
    }

    // MARK: Where login leads

    @Test func loginReturnsToTheLocalPageAskedFor() async throws {
        try await TestApp.run { app in
            let c = TestClient(app)
            let token = try await c.csrfToken(from: Paths.login + "?next=%2Fpeople")
            let res = try await c.send(.POST, Paths.login, form: ["_csrf": token, "username": "office",
                                                                  "password": DemoCounty.password, "next": "/people?page=2"])
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/people?page=2")
        }
    }

    @Test("login never redirects to another site", arguments: ["//evil.example/x", "https://evil.example/", "/\\evil.example", "evil"])
    func loginNeverRedirectsOffSite(next: String) async throws {
        try await TestApp.run { app in
            let c = TestClient(app)
            let token = try await c.csrfToken(from: Paths.login)
            let res = try await c.send(.POST, Paths.login, form: ["_csrf": token, "username": "office",
                                                                  "password": DemoCounty.password, "next": next])
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == Paths.dashboard)
        }
    }

    // MARK: Throttling

    @Test func loginIsThrottledAfterFiveFailures() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            for attempt in 1...5 {
                let res = try await TestClient(app).login("office", password: "guess-\(attempt)")
                #expect(res.status == .unauthorized)
                #expect(res.text.contains("用户名或密码错误"), "attempt \(attempt)")
            }
            // The sixth attempt is refused even with the right password.
            let locked = try await TestClient(app).login("office")
            #expect(locked.status == .unauthorized)
            #expect(locked.text.contains("尝试次数过多"))
            let c = TestClient(app)
            _ = try await c.login("office")
            #expect(try await c.send(.GET, Paths.API.me).status == .unauthorized)

            // Another account is not locked by office's failures.
            #expect(try await TestClient(app).login("admin").status == .seeOther)

            // Still locked just before the lockout ends, open after it.
            clock.advance(by: app.xieshang.config.security.lockout - 30)
            #expect(try await TestClient(app).login("office").status == .unauthorized)
            clock.advance(by: 60)
            #expect(try await TestClient(app).login("office").status == .seeOther)
        }
    }

    @Test func throttleIgnoresTheCaseOfTheUsername() async throws {
        try await TestApp.run { app in
            for attempt in 1...5 {
                let name = attempt.isMultiple(of: 2) ? "OFFICE" : "Office"
                _ = try await TestClient(app).login(name, password: "guess-\(attempt)")
            }
            let locked = try await TestClient(app).login("office")
            #expect(locked.status == .unauthorized)
            #expect(locked.text.contains("尝试次数过多"))
        }
    }

    @Test func successfulLoginClearsEarlierFailures() async throws {
        try await TestApp.run { app in
            for attempt in 1...4 { _ = try await TestClient(app).login("secgen", password: "guess-\(attempt)") }
            #expect(try await TestClient(app).login("secgen").status == .seeOther)
            for attempt in 1...4 { _ = try await TestClient(app).login("secgen", password: "again-\(attempt)") }
            #expect(try await TestClient(app).login("secgen").status == .seeOther)
        }
    }

    @Test func failuresOutsideTheWindowAreForgotten() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            for attempt in 1...4 { _ = try await TestClient(app).login("chair", password: "guess-\(attempt)") }
            clock.advance(by: app.xieshang.config.security.failedLoginWindow + 1)
            _ = try await TestClient(app).login("chair", password: "one-more")
            #expect(try await TestClient(app).login("chair").status == .seeOther)
        }
    }
}
