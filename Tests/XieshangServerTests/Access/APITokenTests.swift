import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// API bearer tokens: issued and revoked from the command line (`xieshang user token`,
/// `xieshang user revoke-tokens`), stored only as a hash, carrying their user's roles.
@Suite("API bearer tokens")
struct APITokenTests {
    // MARK: The command line

    @Test func tokenCreatedFromTheCommandLineAuthenticatesAPICalls() async throws {
        try await TestApp.run { app in
            let out = try await runUserCommand(app, ["token", "--username", "office", "--name", "报表系统"])
            let token = try #require(out.split(separator: "\n").map(String.init).first { $0.hasPrefix("xs_") },
                                     "no token printed: \(out)")
            let api = TestClient(app)
            api.bearer = token
            let me = try await api.send(.GET, Paths.API.me)
            #expect(me.status == .ok)
            #expect(me.text.contains(#""username":"office""#))
            #expect(try await api.send(.GET, Paths.API.audit).status == .ok)
        }
    }

    @Test func revokedTokenIsRefused() async throws {
        try await TestApp.run { app in
            let token = try await Demo.token(app, for: "office")
            let api = TestClient(app)
            api.bearer = token
            #expect(try await api.send(.GET, Paths.API.me).status == .ok)  // now cached

            let out = try await runUserCommand(app, ["revoke-tokens", "--username", "office"])
            #expect(out.contains("1"), "revoke output: \(out)")

            let res = try await api.send(.GET, Paths.API.me)
            #expect(res.status == .unauthorized)
            #expect(res.errorCode == "invalid_token")
            #expect(res.headers.first(name: .wwwAuthenticate) == "Bearer")
        }
    }

    @Test func revokingOneUsersTokensLeavesOthersWorking() async throws {
        try await TestApp.run { app in
            let officeAPI = TestClient(app)
            officeAPI.bearer = try await Demo.token(app, for: "office")
            let adminAPI = TestClient(app)
            adminAPI.bearer = try await Demo.token(app, for: "admin")
            _ = try await runUserCommand(app, ["revoke-tokens", "--username", "office"])
            #expect(try await officeAPI.send(.GET, Paths.API.me).status == .unauthorized)
            #expect(try await adminAPI.send(.GET, Paths.API.me).status == .ok)
        }
    }

    @Test func commandLineRefusesTokenForUnknownUser() async throws {
        try await TestApp.run { app in
            await #expect(throws: ExitCode.self) {
                _ = try await runUserCommand(app, ["token", "--username", "nobody"])
            }
            let stored = try await APITokenModel.query(on: app.db).count()
            #expect(stored == 0)
        }
    }

    @Test func issuingAndRevokingTokensIsAudited() async throws {
        try await TestApp.run { app in
            _ = try await runUserCommand(app, ["token", "--username", "leader", "--name", "大屏"])
            _ = try await runUserCommand(app, ["revoke-tokens", "--username", "leader"])
            let actions = try await AuditEntryModel.query(on: app.db).all().map(\.action)
            #expect(actions.contains("api_token.create"))
            #expect(actions.contains("api_token.revoke_all"))
            let entry = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$action == "api_token.create").first())
            #expect(entry.actor.hasPrefix("cli:"))
        }
    }

    // MARK: Storage

    @Test func tokenIsStoredOnlyAsItsHash() async throws {
        try await TestApp.run { app in
            let token = try await Demo.token(app, for: "office")
            let stored = try await APITokenModel.query(on: app.db).all()
            #expect(stored.count == 1)
            #expect(stored.allSatisfy { $0.tokenHash != token && !$0.tokenHash.contains(token) })
            #expect(stored.first?.tokenHash == SHA256.hash(data: Data(token.utf8)).hex)
        }
    }

    @Test func tokensAreLongAndDistinct() async throws {
        try await TestApp.run { app in
            let a = try await Demo.token(app, for: "office")
            let b = try await Demo.token(app, for: "office")
            #expect(a != b)
            #expect(a.count >= 40)
        }
    }

    // MARK: Using a token

    @Test func unknownTokenIsRefused() async throws {
        try await TestApp.run { app in
            let api = TestClient(app)
            api.bearer = "xs_not-a-real-token"
            let res = try await api.send(.GET, Paths.API.persons)
            #expect(res.status == .unauthorized)
            #expect(res.errorCode == "invalid_token")
        }
    }

    @Test func tokenOfDeactivatedUserIsRefused() async throws {
        try await TestApp.run { app in
            let api = TestClient(app)
            api.bearer = try await Demo.token(app, for: "department")
            #expect(try await api.send(.GET, Paths.API.me).status == .ok)
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == "department").first())
            user.active = false
            try await user.save(on: app.db)
            app.xieshang.principals.invalidate()
            #expect(try await api.send(.GET, Paths.API.me).status == .unauthorized)
        }
    }

    @Test func tokenCarriesItsUsersRoles() async throws {
        try await TestApp.run { app in
            let member = TestClient(app)
            member.bearer = try await Demo.token(app, for: "member")
            #expect(try await member.send(.GET, Paths.API.persons).status == .ok)
            let refused = try await member.send(.GET, Paths.API.audit)
            #expect(refused.status == .forbidden)
            #expect(refused.errorCode == "forbidden")
            let write = try await member.json(.POST, Paths.API.sectors, SectorDraft(name: "委员界", sortOrder: 1))
            #expect(write.status == .forbidden)

            let admin = TestClient(app)
            admin.bearer = try await Demo.token(app, for: "admin")
            #expect(try await admin.send(.GET, Paths.API.users).status == .ok)
        }
    }

    @Test func malformedAuthorizationHeaderIsNotASignIn() async throws {
        try await TestApp.run { app in
            let token = try await Demo.token(app, for: "office")
            // The token without the Bearer scheme, and Basic credentials, authenticate nobody.
            for value in [token, "Basic b2ZmaWNlOnhpZXNoYW5nMjAyNg=="] {
                let res = try await app.testing().sendRequest(.GET, Paths.API.me, headers: ["Authorization": value])
                #expect(res.status == .unauthorized, "Authorization: \(value.prefix(10))…")
            }
        }
    }
}

// MARK: - Running the command

/// Runs `xieshang user …` against the test app, as the command line does, and returns what
/// it printed.
private func runUserCommand(_ app: Application, _ arguments: [String]) async throws -> String {
    let console = CapturingConsole()
    var context = CommandContext(console: console, input: CommandInput(arguments: ["xieshang"] + arguments))
    context.application = app
    try await UserCommand().run(using: &context)
    return console.printed
}

/// A console that remembers what was printed.
private final class CapturingConsole: Console, @unchecked Sendable {
    // @unchecked: every access to the stored state is under `lock`.
    private let lock = NSLock()
    private var out = ""
    private var info: [AnySendableHashable: any Sendable] = [:]

    var printed: String { lock.withLock { out } }
    var size: (width: Int, height: Int) { (120, 40) }
    var userInfo: [AnySendableHashable: any Sendable] {
        get { lock.withLock { info } }
        set { lock.withLock { info = newValue } }
    }

    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) {
        lock.withLock { out += text.description + (newLine ? "\n" : "") }
    }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) {
        lock.withLock { out += error + (newLine ? "\n" : "") }
    }
}
