import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// A person's e-mail address, where invitation letters are mailed (三(一).3): the office
/// sets it, the person keeps their own current, it is validated like the phone, and it is
/// contact data, seen by exactly those who see the phone.
@Suite("Person e-mail")
struct PersonEmailTests {
    struct Update: Encodable { let version: Int; let person: PersonDraft }

    static func api(_ app: Application, as username: String) async throws -> TestClient {
        let client = TestClient(app)
        client.bearer = try await Demo.token(app, for: username)
        return client
    }

    static func ownPersonID(_ app: Application, _ username: String) async throws -> Int {
        try #require(try await UserModel.query(on: app.db).filter(\.$username == username).first()?.personID)
    }

    static func stored(_ app: Application, _ id: Int) async throws -> PersonDTO {
        try #require(try await PeopleDirectory.person(id: id, on: app.db))
    }

    /// The person form as the edit page posts it.
    static func formFields(of p: PersonDTO) -> [String: String] {
        let f = PersonForm(p)
        let all: [String: String?] = [
            "name": f.name, "gender": f.gender, "kind": f.kind, "sectorID": f.sectorID, "committeeID": f.committeeID,
            "departmentID": f.departmentID, "leaderOf": f.leaderOf, "unit": f.unit, "title": f.title,
            "expertise": f.expertise, "phone": f.phone, "email": f.email, "termStart": f.termStart,
            "termEnd": f.termEnd, "protocolOrder": f.protocolOrder, "version": f.version,
        ]
        return all.compactMapValues { $0 }
    }

    /// The `data-field`s of the form's error list.
    static func errorFields(in html: String) -> [String] {
        html.components(separatedBy: #"<li data-field=""#).dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    @Test("the office sets an e-mail address through the API; the domain is stored lower-cased and the page shows a mailto link")
    func officeSetsEmailThroughTheAPI() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app, as: "office")
            let sector = try #require(try await SectorModel.query(on: app.db).filter(\.$name == "教育界").first()?.id)
            let draft = PersonDraft(name: "邮箱委员", kind: .member, sectorID: sector, phone: "13900000011",
                                    email: " Youxiang@QQ.com ")
            let created = try await api.json(.POST, Paths.API.persons, draft)
            #expect(created.status == .created, "\(created.text)")
            let person = try created.content.decode(PersonDTO.self)
            #expect(person.email == "Youxiang@qq.com")
            #expect(try await PersonModel.find(person.id, on: app.db)?.email == "Youxiang@qq.com")

            var changed = draft
            changed.email = "youxiang@anhua.gov.cn"
            let updated = try await api.json(.PUT, Paths.API.persons + "/\(person.id)", Update(version: 1, person: changed))
            #expect(updated.status == .ok, "\(updated.text)")
            #expect(try updated.content.decode(PersonDTO.self).email == "youxiang@anhua.gov.cn")
            let detail = try await api.send(.GET, Paths.API.persons + "/\(person.id)")
            #expect(try detail.content.decode(PersonDTO.self).email == "youxiang@anhua.gov.cn")

            let entry = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first())
            #expect(entry.action == "person.update")
            #expect(entry.after?.contains("youxiang@anhua.gov.cn") == true)

            let page = try await TestClient.signedIn(app, as: "office").send(.GET, Paths.person(person.id))
            #expect(page.text.contains(#"<a href="mailto:youxiang@anhua.gov.cn">youxiang@anhua.gov.cn</a>"#))

            // An empty address clears it.
            changed.email = ""
            let cleared = try await api.json(.PUT, Paths.API.persons + "/\(person.id)", Update(version: 2, person: changed))
            #expect(cleared.status == .ok)
            #expect(try await Self.stored(app, person.id).email == nil)
        }
    }

    @Test("the office sets an e-mail address on the person form, after the phone")
    func officeSetsEmailOnThePage() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let id = try #require(try await Demo.person(app, named: "彭清泉")?.id)
            let form = try await office.send(.GET, Paths.editPerson(id))
            #expect(form.status == .ok)
            let html = form.text
            let phone = try #require(html.range(of: #"id="phone""#))
            let email = try #require(html.range(of: #"<input id="email" name="email" type="email""#))
            #expect(phone.upperBound < email.lowerBound)

            var fields = Self.formFields(of: try await Self.stored(app, id))
            fields["email"] = "pengqingquan@163.com"
            let res = try await office.post(Paths.person(id), form: fields)
            #expect(res.status == .seeOther, "\(res.status) \(res.text.prefix(300))")
            #expect(try await Self.stored(app, id).email == "pengqingquan@163.com")
            #expect(try await office.send(.GET, Paths.editPerson(id)).text.contains(#"value="pengqingquan@163.com""#))
            #expect(try await office.send(.GET, Paths.person(id)).text.contains("mailto:pengqingquan@163.com"))
        }
    }

    @Test("a member keeps their own e-mail address current, on the page and through the API")
    func memberEditsOwnEmail() async throws {
        try await TestApp.run { app in
            let own = try await Self.ownPersonID(app, "member")
            let web = try await TestClient.signedIn(app, as: "member")
            let form = try await web.send(.GET, Paths.editPerson(own))
            #expect(form.text.contains(#"type="email""#))
            #expect(form.text.contains("电子邮箱"))

            let before = try await Self.stored(app, own)
            var fields = Self.formFields(of: before)
            fields["email"] = "wode@163.com"
            let res = try await web.post(Paths.person(own), form: fields)
            #expect(res.status == .seeOther, "\(res.status) \(res.text.prefix(300))")
            let afterPage = try await Self.stored(app, own)
            #expect(afterPage.email == "wode@163.com")
            #expect(afterPage.name == before.name && afterPage.kind == before.kind)

            let api = try await Self.api(app, as: "member")
            let m = try #require(try await PersonModel.find(own, on: app.db))
            var draft = PersonStore.draft(of: m)
            draft.email = "wode@anhua.gov.cn"
            let put = try await api.json(.PUT, Paths.API.persons + "/\(own)", Update(version: m.version, person: draft))
            #expect(put.status == .ok, "\(put.text)")
            #expect(try put.content.decode(PersonDTO.self).email == "wode@anhua.gov.cn")
            #expect(try await PersonModel.find(own, on: app.db)?.email == "wode@anhua.gov.cn")
        }
    }

    @Test("an invalid address is a 400 with the error on field email, through the API and the page, and changes nothing")
    func invalidEmailIsRefused() async throws {
        try await TestApp.run { app in
            let own = try await Self.ownPersonID(app, "member")
            let before = try #require(try await PersonModel.find(own, on: app.db))
            let (email, version) = (before.email, before.version)
            // Tokens and logins are audited too; only person changes count here.
            func personChanges() async throws -> Int {
                try await AuditEntryModel.query(on: app.db).filter(\.$objectType == "person").count()
            }
            let audit = try await personChanges()

            for username in ["office", "member"] {
                let api = try await Self.api(app, as: username)
                var draft = PersonStore.draft(of: before)
                draft.email = "wode@163"
                let res = try await api.json(.PUT, Paths.API.persons + "/\(own)", Update(version: version, person: draft))
                #expect(res.status == .badRequest, "\(username): \(res.status)")
                let body = try res.content.decode(APIErrorBody.self)
                #expect(body.error.code == "person_invalid")
                #expect(body.error.details?.count == 1)
                #expect(body.error.details?.first?.hasPrefix("email: 电子邮箱格式不正确") == true, "\(body.error)")
            }

            let created = try await Self.api(app, as: "office").json(
                .POST, Paths.API.persons, PersonDraft(name: "坏邮箱", kind: .expert, email: "坏 邮箱@163.com"))
            #expect(created.status == .badRequest)
            #expect(created.errorCode == "person_invalid")
            #expect(try await Demo.person(app, named: "坏邮箱") == nil)

            let web = try await TestClient.signedIn(app, as: "member")
            var fields = Self.formFields(of: try await Self.stored(app, own))
            fields["email"] = "wode@@163.com"
            let page = try await web.post(Paths.person(own), form: fields)
            #expect(page.status == .badRequest)
            #expect(Self.errorFields(in: page.text) == ["email"])
            #expect(page.text.contains("电子邮箱格式不正确"))
            #expect(page.text.contains(#"value="wode@@163.com""#), "the form keeps what was typed")

            let after = try #require(try await PersonModel.find(own, on: app.db))
            #expect(after.email == email && after.version == version)
            #expect(try await personChanges() == audit)
        }
    }

    @Test("another member sees neither the address nor the phone; the CPPCC side and the person see both")
    func emailIsHiddenExactlyWhenThePhoneIs() async throws {
        try await TestApp.run { app in
            let other = try #require(try await Demo.person(app, named: "彭清泉"))
            let otherID = try #require(other.id)
            let otherEmail = try #require(other.email)
            let own = try await Self.ownPersonID(app, "member")
            let ownEmail = try #require(try await PersonModel.find(own, on: app.db)?.email)

            for (user, sees) in [("member", false), ("expert", false), ("office", true), ("secgen", true)] {
                let web = try await TestClient.signedIn(app, as: user)
                let api = try await Self.api(app, as: user)

                let page = try await web.send(.GET, Paths.person(otherID))
                #expect(page.status == .ok)
                #expect(page.text.contains(otherEmail) == sees, "\(user) on another person's page")
                #expect(page.text.contains("mailto:") == sees, "\(user) on another person's page")

                let detail = try await api.send(.GET, Paths.API.persons + "/\(otherID)").content.decode(PersonDTO.self)
                #expect((detail.email != nil) == sees, "\(user) on another person through the API")
                #expect((detail.phone != nil) == (detail.email != nil), "\(user): e-mail shown without the phone or the reverse")

                let list = try await api.send(.GET, Paths.API.persons).content.decode(PeoplePageDTO.self)
                let emails = list.items.filter { $0.id != own }.compactMap(\.email)
                #expect(emails.isEmpty != sees, "\(user) through the API list: \(emails.count) addresses")
                // The list page has a phone column but no address column, for anyone.
                #expect(!(try await web.send(.GET, Paths.people).text.contains("@anhua.example")), "\(user) on the list page")
            }

            // The member sees their own address.
            let mine = try await Self.api(app, as: "member").send(.GET, Paths.API.persons + "/\(own)").content.decode(PersonDTO.self)
            #expect(mine.email == ownEmail)
            #expect(try await TestClient.signedIn(app, as: "member").send(.GET, Paths.person(own)).text.contains(ownEmail))
        }
    }
}
