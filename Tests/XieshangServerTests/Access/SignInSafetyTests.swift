import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// What an attacker tries at the door: bouncing a user off to another site after sign-in,
/// telling account names from the time an answer takes, and filling the database with the
/// sessions of anonymous visitors.
@Suite("Signing in safely")
struct SignInSafetyTests {
    /// Each written as the address bar would carry it, percent-encoded.
    static let foreignTargets = [
        "%2F%09%2Fevil.example",          // "/<TAB>/evil.example": browsers drop the tab → //evil.example
        "%2F%0A%2Fevil.example",          // a line break, dropped the same way
        "%2F%0D%2Fevil.example",
        "%2F%2Fevil.example",             // protocol-relative
        "%2F%5Cevil.example",             // "/\evil.example": a backslash is a slash
        "https%3A%2F%2Fevil.example%2F",
        "%20%2F%2Fevil.example",          // a leading space, trimmed by browsers
        "javascript%3Aalert(1)",
        "%2F%2F%09evil.example",
    ]

    @Test("after sign-in only a path on this site is followed, read as a browser reads it")
    func nextIsOnlyALocalPath() async throws {
        try await TestApp.run { app in
            for target in Self.foreignTargets {
                let c = TestClient(app)
                let token = try await c.csrfToken(from: Paths.login + "?next=" + target)
                let form = try await c.send(.GET, Paths.login + "?next=" + target)
                #expect(!form.text.contains("evil.example"), "the login form carried \(target) on")
                let res = try await c.send(.POST, Paths.login, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                           body: ByteBuffer(string: "_csrf=\(token)&username=office&password=\(DemoCounty.password)&next=\(target)"))
                #expect(res.status == .seeOther, "\(target): \(res.status)")
                #expect(res.headers.first(name: .location) == Paths.dashboard, "\(target) led to \(res.headers.first(name: .location) ?? "")")
            }
            // A real path of this site, with its query, is kept.
            let c = TestClient(app)
            let token = try await c.csrfToken(from: Paths.login)
            let res = try await c.send(.POST, Paths.login, form: ["_csrf": token, "username": "office",
                                                                 "password": DemoCounty.password, "next": "/symposia?x=1"])
            #expect(res.headers.first(name: .location) == "/symposia?x=1")
        }
    }

    @Test("an unknown account name costs a full password check, like a real one")
    func unknownNamesCostAPasswordCheck() async throws {
        try await TestApp.run { app in
            let hashing = app.passwordHashing
            #expect(try await hashing.verify(DemoCounty.password, against: nil) == false)
            // The decoy the unknown name is checked against has the accounts' own cost.
            let decoy = try await hashing.decoyHash()
            let real = try #require(try await UserModel.query(on: app.db).filter(\.$username == "member").first()).passwordHash
            // "$2b$04$…": the algorithm and the cost.
            #expect(decoy.split(separator: "$").prefix(2) == real.split(separator: "$").prefix(2),
                    "the decoy \(decoy.prefix(7)) differs from the accounts' \(real.prefix(7))")
            // An inactive account is refused the same way, after the same work.
            let wrong = try await TestClient(app).login("member", password: "not-the-password")
            let unknown = try await TestClient(app).login("nobody-at-all", password: "not-the-password")
            #expect(wrong.status == unknown.status && wrong.status == .unauthorized)
        }
    }
}
