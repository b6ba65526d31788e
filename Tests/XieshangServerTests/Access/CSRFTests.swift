import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Every state-changing request made with the session cookie must carry the session's CSRF
/// token (form field `_csrf` or header `X-CSRF-Token`); a forged or missing one is refused
/// and changes nothing.
@Suite("CSRF protection")
struct CSRFTests {
    private func sectorExists(_ app: Application, _ name: String) async throws -> Bool {
        try await SectorModel.query(on: app.db).filter(\.$name == name).first() != nil
    }

    // MARK: Form posts

    @Test func validCSRFTokenIsAccepted() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let res = try await office.post(Paths.sectors, form: ["name": "测试界", "sortOrder": "99"])
            #expect(res.status == .seeOther)
            #expect(try await sectorExists(app, "测试界"))
        }
    }

    @Test func forgedCSRFTokenIsRefused() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let res = try await office.send(.POST, Paths.sectors,
                                            form: ["_csrf": "forged-token-forged-token-forged-token", "name": "伪造界"])
            #expect(res.status == .forbidden)
            #expect(res.text.contains("安全令牌无效"))
            #expect(try await !sectorExists(app, "伪造界"))
        }
    }

    @Test func missingCSRFTokenIsRefused() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let res = try await office.send(.POST, Paths.sectors, form: ["name": "无令牌界"])
            #expect(res.status == .forbidden)
            #expect(try await !sectorExists(app, "无令牌界"))
        }
    }

    @Test func emptyCSRFTokenIsRefused() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let res = try await office.send(.POST, Paths.sectors, form: ["_csrf": "", "name": "空令牌界"])
            #expect(res.status == .forbidden)
            #expect(try await !sectorExists(app, "空令牌界"))
        }
    }

    @Test func tokenOfAnotherSessionIsRefused() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let admin = try await TestClient.signedIn(app, as: "admin")
            let adminToken = try await admin.csrfToken()
            let res = try await office.send(.POST, Paths.sectors, form: ["_csrf": adminToken, "name": "串号界"])
            #expect(res.status == .forbidden)
            #expect(try await !sectorExists(app, "串号界"))
        }
    }

    @Test func tokenFromBeforeLoginIsRefusedAfterIt() async throws {
        try await TestApp.run { app in
            let c = TestClient(app)
            let before = try await c.csrfToken(from: Paths.login)
            #expect(try await c.send(.POST, Paths.login, form: ["_csrf": before, "username": "office",
                                                                "password": DemoCounty.password]).status == .seeOther)
            let after = try await c.csrfToken()
            #expect(before != after, "the CSRF token must be renewed at login")
            let res = try await c.send(.POST, Paths.sectors, form: ["_csrf": before, "name": "旧令牌界"])
            #expect(res.status == .forbidden)
            #expect(try await !sectorExists(app, "旧令牌界"))
        }
    }

    @Test func csrfHeaderIsAcceptedInPlaceOfTheFormField() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let token = try await office.csrfToken()
            var h = HTTPHeaders()
            h.contentType = .urlEncodedForm
            h.replaceOrAdd(name: CSRFMiddleware.header, value: token)
            let res = try await office.send(.POST, Paths.sectors, headers: h, body: ByteBuffer(string: "name=%E5%A4%B4%E7%95%8C"))
            #expect(res.status == .seeOther)
            #expect(try await sectorExists(app, "头界"))
        }
    }

    @Test func forgedCSRFHeaderIsRefusedEvenWithAValidField() async throws {
        // The header, when present, is the token presented; a wrong one is not rescued by the field.
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let token = try await office.csrfToken()
            var h = HTTPHeaders()
            h.contentType = .urlEncodedForm
            h.replaceOrAdd(name: CSRFMiddleware.header, value: "forged")
            let body = "_csrf=\(token)&name=%E6%B7%B7%E7%95%8C"
            let res = try await office.send(.POST, Paths.sectors, headers: h, body: ByteBuffer(string: body))
            #expect(res.status == .forbidden)
            #expect(try await !sectorExists(app, "混界"))
        }
    }

    @Test func forgedCSRFTokenOnFileUploadIsRefused() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let before = try await PersonModel.query(on: app.db).count()
            let csv = Data("姓名,类别\n伪造者,专家学者\n".utf8)
            let res = try await office.postFile(Paths.importPeople, filename: "p.csv", data: csv, csrf: "forged")
            #expect(res.status == .forbidden)
            #expect(try await PersonModel.query(on: app.db).count() == before)
        }
    }

    @Test func forgedCSRFTokenCannotChangeAPersonRecord() async throws {
        try await TestApp.run { app in
            let member = try await TestClient.signedIn(app, as: "member")
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == "member").first())
            let own = try #require(user.personID)
            let before = try #require(try await PersonModel.find(own, on: app.db))
            let res = try await member.send(.POST, Paths.person(own),
                                            form: ["_csrf": "forged", "phone": "13900009999", "version": String(before.version)])
            #expect(res.status == .forbidden)
            #expect(try await PersonModel.find(own, on: app.db)?.phone == before.phone)
        }
    }

    // MARK: Login and logout

    @Test func loginFormItselfNeedsTheCSRFToken() async throws {
        try await TestApp.run { app in
            let c = TestClient(app)
            _ = try await c.csrfToken(from: Paths.login)  // has a session, sends no token
            let res = try await c.send(.POST, Paths.login, form: ["username": "office", "password": DemoCounty.password])
            #expect(res.status == .forbidden)
            #expect(try await c.send(.GET, Paths.API.me).status == .unauthorized)
        }
    }

    @Test func loginWithoutAnySessionIsRefused() async throws {
        // A cross-site login post from a browser that never saw the login form.
        try await TestApp.run { app in
            let c = TestClient(app)
            let res = try await c.send(.POST, Paths.login, form: ["_csrf": "guess", "username": "office",
                                                                  "password": DemoCounty.password])
            #expect(res.status == .forbidden)
            #expect(try await c.send(.GET, Paths.API.me).status == .unauthorized)
        }
    }

    @Test func forgedLogoutIsRefused() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let res = try await office.send(.POST, Paths.logout, form: ["_csrf": "forged"])
            #expect(res.status == .forbidden)
            #expect(try await office.send(.GET, Paths.API.me).status == .ok, "a forged logout must not sign out")
        }
    }

    // MARK: The API

    @Test func apiCallWithSessionCookieNeedsTheCSRFHeader() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let token = try await office.csrfToken()
            func create(_ name: String, header: String?) async throws -> TestingHTTPResponse {
                var h = HTTPHeaders()
                h.contentType = .json
                if let header { h.replaceOrAdd(name: CSRFMiddleware.header, value: header) }
                let body = try JSONEncoder().encode(SectorDraft(name: name, sortOrder: 50))
                return try await office.send(.POST, Paths.API.sectors, headers: h, body: ByteBuffer(data: body))
            }
            let missing = try await create("缺头界", header: nil)
            #expect(missing.status == .forbidden)
            #expect(missing.errorCode == "csrf_invalid")
            let forged = try await create("伪头界", header: "forged")
            #expect(forged.status == .forbidden)
            #expect(forged.errorCode == "csrf_invalid")
            #expect(try await !sectorExists(app, "缺头界"))
            #expect(try await !sectorExists(app, "伪头界"))

            let ok = try await create("正头界", header: token)
            #expect(ok.status == .created)
            #expect(try await sectorExists(app, "正头界"))
        }
    }

    @Test func bearerTokenCallsNeedNoCSRFToken() async throws {
        try await TestApp.run { app in
            let api = TestClient(app)
            api.bearer = try await Demo.token(app, for: "office")
            let res = try await api.json(.POST, Paths.API.sectors, SectorDraft(name: "令牌界", sortOrder: 50))
            #expect(res.status == .created)
            #expect(try await sectorExists(app, "令牌界"))
        }
    }

    @Test func readsNeedNoCSRFToken() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            #expect(try await office.send(.GET, Paths.API.sectors).status == .ok)
            #expect(try await office.send(.GET, Paths.people).status == .ok)
        }
    }

    @Test func csrfTokenIsOnEveryPageForm() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            for path in [Paths.organization, Paths.calendar, Paths.newPerson, Paths.importPeople] {
                let html = try await office.send(.GET, path).text
                let forms = html.components(separatedBy: "<form").count - 1
                let postForms = html.components(separatedBy: #"method="post""#).count - 1
                let tokens = html.components(separatedBy: #"name="_csrf""#).count - 1
                #expect(forms > 0, "\(path) has no form")
                #expect(tokens >= postForms, "\(path): \(postForms) post forms but \(tokens) CSRF fields")
            }
        }
    }
}
