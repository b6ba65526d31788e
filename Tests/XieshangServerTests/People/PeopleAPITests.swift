import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// `/api/v1/persons`: validation, versions, self-service limits, paging, filters, and a
/// list that never shows a stale page after a change.
@Suite("People API")
struct PeopleAPITests {
    static func api(_ app: Application, as username: String = "office") async throws -> TestClient {
        let client = TestClient(app)
        client.bearer = try await Demo.token(app, for: username)
        return client
    }

    static func sectorID(_ app: Application, _ name: String) async throws -> Int {
        try #require(try await SectorModel.query(on: app.db).filter(\SectorModel.$name == name).first()?.id)
    }

    static func list(_ client: TestClient, _ query: String = "") async throws -> PeoplePageDTO {
        let res = try await client.send(.GET, Paths.API.persons + (query.isEmpty ? "" : "?" + query))
        #expect(res.status == .ok, "GET persons?\(query): \(res.status) \(res.text)")
        return try res.content.decode(PeoplePageDTO.self)
    }

    static func encoded(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }

    struct Update: Encodable { let version: Int; let person: PersonDraft }

    static func member(_ name: String, sectorID: Int?) -> PersonDraft {
        PersonDraft(name: name, gender: "女", kind: .member, sectorID: sectorID, unit: "县第二中学", title: "教师",
                    expertise: ["职业教育"], phone: "13900000001")
    }

    @Test("creating a member without a sector is a 400 person_invalid with the Chinese reason, and stores nothing")
    func createValidates() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let before = try await PersonModel.query(on: app.db).count()
            let res = try await api.json(.POST, Paths.API.persons, Self.member("无界别委员", sectorID: nil))
            #expect(res.status == .badRequest)
            let body = try res.content.decode(APIErrorBody.self)
            #expect(body.error.code == "person_invalid")
            #expect(body.error.message.contains("委员必须选择界别"))
            #expect(try await PersonModel.query(on: app.db).count() == before)

            // A sector that does not exist is refused the same way.
            let ghost = try await api.json(.POST, Paths.API.persons, Self.member("幽灵界别委员", sectorID: 999_999))
            #expect(ghost.status == .badRequest)
            #expect(ghost.errorCode == "person_invalid")
            #expect(try ghost.content.decode(APIErrorBody.self).error.message.contains("所选界别不存在"))
        }
    }

    @Test("creating a valid person is a 201 with the stored person, and is audited with actor and after")
    func createSucceedsAndIsAudited() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let sector = try await Self.sectorID(app, "教育界")
            let res = try await api.json(.POST, Paths.API.persons, Self.member("  新委员甲  ", sectorID: sector))
            #expect(res.status == .created)
            let person = try res.content.decode(PersonDTO.self)
            #expect(person.name == "新委员甲")
            #expect(person.sectorName == "教育界")
            #expect(person.kindName == "委员")
            #expect(person.version == 1)

            let entry = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first())
            #expect(entry.action == "person.create")
            #expect(entry.actor == "office")
            #expect(entry.objectType == "person")
            #expect(entry.objectID == String(person.id))
            #expect(entry.before == nil)
            #expect(entry.after?.contains("新委员甲") == true)
        }
    }

    @Test("an update with a stale version is a 409 version_conflict and changes nothing")
    func staleVersionConflicts() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let sector = try await Self.sectorID(app, "教育界")
            let created = try await api.json(.POST, Paths.API.persons, Self.member("版本测试", sectorID: sector))
            let person = try created.content.decode(PersonDTO.self)

            var first = Self.member("版本测试（改）", sectorID: sector)
            first.phone = "13900000002"
            let ok = try await api.json(.PUT, Paths.API.persons + "/\(person.id)", Update(version: 1, person: first))
            #expect(ok.status == .ok)
            #expect(try ok.content.decode(PersonDTO.self).version == 2)

            let audit = try await AuditEntryModel.query(on: app.db).count()
            let stale = try await api.json(.PUT, Paths.API.persons + "/\(person.id)",
                                           Update(version: 1, person: Self.member("迟到的修改", sectorID: sector)))
            #expect(stale.status == .conflict)
            #expect(stale.errorCode == "version_conflict")
            #expect(try stale.content.decode(APIErrorBody.self).error.message.contains("已被他人修改"))

            let now = try #require(try await PeopleDirectory.person(id: person.id, on: app.db))
            #expect(now.name == "版本测试（改）")
            #expect(now.phone == "13900000002")
            #expect(now.version == 2)
            #expect(try await AuditEntryModel.query(on: app.db).count() == audit)
        }
    }

    @Test("a member updating their own record changes phone and expertise; name, kind and sector are silently kept")
    func memberSelfServiceKeepsIdentity() async throws {
        try await TestApp.run { app in
            let user = try #require(try await UserModel.query(on: app.db).filter(\UserModel.$username == "member").first())
            let id = try #require(user.personID)
            let original = try #require(try await PeopleDirectory.person(id: id, on: app.db))
            let otherSector = try await SectorModel.query(on: app.db).filter(\SectorModel.$id != original.sectorID!)
                .first()!.id!

            let api = try await Self.api(app, as: "member")
            let attempt = PersonDraft(name: "改名企图", gender: original.gender, kind: .expert, sectorID: otherSector,
                                      unit: original.unit, title: original.title, expertise: ["乡村振兴", "茶产业"],
                                      phone: "13911112222", protocolOrder: 1)
            let res = try await api.json(.PUT, Paths.API.persons + "/\(id)", Update(version: original.version, person: attempt))
            #expect(res.status == .ok, "\(res.text)")
            let now = try #require(try await PeopleDirectory.person(id: id, on: app.db))
            #expect(now.phone == "13911112222")
            #expect(now.expertise == ["乡村振兴", "茶产业"])
            #expect(now.name == original.name)
            #expect(now.kind == original.kind)
            #expect(now.sectorID == original.sectorID)
            #expect(now.protocolOrder == original.protocolOrder)
            #expect(now.version == original.version + 1)

            let entry = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first())
            #expect(entry.action == "person.update")
            #expect(entry.actor == "member")
            #expect(entry.before?.contains("\"version\":\(original.version)") == true)

            // Someone else's record is not theirs to touch.
            let other = try #require(try await PersonModel.query(on: app.db).filter(\PersonModel.$id != id).first())
            let forbidden = try await api.json(.PUT, Paths.API.persons + "/\(other.id!)",
                                               Update(version: other.version, person: attempt))
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test("the list pages by 50 and reports the total")
    func listPages() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let total = try await PersonModel.query(on: app.db).count()
            #expect(total > 100)
            let first = try await Self.list(api)
            let second = try await Self.list(api, "page=2")
            #expect(first.page == 1)
            #expect(second.page == 2)
            #expect(second.perPage == 50)
            #expect(second.items.count == 50)
            #expect(second.total == total)
            #expect(second.pageCount == (total + 49) / 50)
            #expect(Set(first.items.map(\.id)).isDisjoint(with: second.items.map(\.id)))

            let last = try await Self.list(api, "page=\(second.pageCount)")
            #expect(last.items.count == total - 50 * (second.pageCount - 1))
            let beyond = try await Self.list(api, "page=\(second.pageCount + 5)")
            #expect(beyond.items.isEmpty)
            #expect(beyond.total == total)
        }
    }

    @Test("the list filters by kind, sector and text")
    func listFilters() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let experts = try await Self.list(api, "kind=expert")
            #expect(experts.total == (try await PersonModel.query(on: app.db).filter(\PersonModel.$kind == "expert").count()))
            #expect(experts.total > 0)
            #expect(experts.items.allSatisfy { $0.kind == "expert" })

            let sector = try await Self.sectorID(app, "农业界")
            let farmers = try await Self.list(api, "sector=\(sector)")
            #expect(farmers.total == (try await PersonModel.query(on: app.db).filter(\PersonModel.$sectorID == sector).count()))
            #expect(farmers.total > 0)
            #expect(farmers.items.allSatisfy { $0.sectorID == sector && $0.sectorName == "农业界" })

            let both = try await Self.list(api, "kind=member&sector=\(sector)")
            #expect(both.items.allSatisfy { $0.kind == "member" && $0.sectorID == sector })

            let someone = try #require(farmers.items.first)
            let byName = try await Self.list(api, "q=" + Self.encoded(someone.name))
            #expect(byName.items.contains { $0.id == someone.id })
            #expect(byName.items.allSatisfy {
                $0.name.contains(someone.name) || $0.unit.contains(someone.name) || $0.title.contains(someone.name)
                    || $0.expertise.contains { $0.contains(someone.name) }
            })
            // A LIKE wildcard is taken literally.
            #expect(try await Self.list(api, "q=%25").total == 0)
        }
    }

    @Test("the list reflects a create, an update and an import right after each (the cache is invalidated)")
    func listIsNeverStale() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let sector = try await Self.sectorID(app, "教育界")
            // Let the change watcher see the token's audit entry first, so that its next
            // tick has nothing new to react to while the cache is probed below.
            try await Task.sleep(for: .milliseconds(1500))
            let all = try await Self.list(api)

            // The list really is cached (on SQLite; PostgreSQL deployments may run several
            // instances and do not cache): a row written behind the application's back is not seen…
            let sneaky = PersonModel()
            sneaky.organizationID = 1; sneaky.name = "旁路写入"; sneaky.kind = "expert"; sneaky.unit = ""
            sneaky.title = ""; sneaky.expertise = ""; sneaky.protocolOrder = 1000; sneaky.version = 1
            try await sneaky.create(on: app.db)
            let cached = !app.xieshang.isPostgres
            #expect(try await Self.list(api).total == all.total + (cached ? 0 : 1), "expected a cached page only on SQLite")

            // …and every change made through the application clears it.
            let created = try await api.json(.POST, Paths.API.persons, Self.member("缓存测试", sectorID: sector))
            #expect(created.status == .created)
            let person = try created.content.decode(PersonDTO.self)
            #expect(try await Self.list(api).total == all.total + 2)

            let q = "q=" + Self.encoded("缓存测试")
            #expect(try await Self.list(api, q).total == 1)
            let updated = try await api.json(.PUT, Paths.API.persons + "/\(person.id)",
                                             Update(version: 1, person: Self.member("缓存已改", sectorID: sector)))
            #expect(updated.status == .ok)
            #expect(try await Self.list(api, q).total == 0)
            #expect(try await Self.list(api, "q=" + Self.encoded("缓存已改")).items.map(\.id) == [person.id])

            let zhou = "q=" + Self.encoded("周文斌")
            #expect(try await Self.list(api, zhou).total == 0)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "text/csv")
            let imported = try await api.send(.POST, Paths.API.importPersons, headers: headers,
                                              body: ByteBuffer(data: PersonImportTests.sample("persons-import-gb18030.csv")))
            #expect(imported.status == .created)
            #expect(try await Self.list(api, zhou).total == 1)
            #expect(try await Self.list(api).total == all.total + 2 + 8)
        }
    }

    @Test("a list read racing a change never leaves a stale page in the cache")
    func cacheSurvivesARacingRead() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let sector = try await Self.sectorID(app, "教育界")
            for i in 0..<40 {
                let name = "竞态\(i)"
                let q = "q=" + Self.encoded(name)
                async let read: PeoplePageDTO = Self.list(api, q)
                async let write = api.json(.POST, Paths.API.persons, Self.member(name, sectorID: sector))
                _ = try await (read, write)
                let after = try await Self.list(api, q)
                #expect(after.total == 1, "round \(i): the cache kept a page read before the change")
                if after.total != 1 { break }
            }
        }
    }

    @Test("an unknown kind is a 400, in the list filter and in a created person")
    func unknownKindIsRefused() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let res = try await api.send(.GET, Paths.API.persons + "?kind=alien")
            #expect(res.status == .badRequest)
            #expect(res.errorCode == "unknown_kind")
            #expect(try res.content.decode(APIErrorBody.self).error.message.contains("alien"))

            var headers = HTTPHeaders()
            headers.contentType = .json
            let body = #"{"name":"外星人","kind":"alien","unit":"","title":"","expertise":[],"protocolOrder":1}"#
            let created = try await api.send(.POST, Paths.API.persons, headers: headers, body: ByteBuffer(string: body))
            #expect(created.status == .badRequest)
            #expect(created.errorCode == "invalid_request")

            // The page's filter says so too, in Chinese, instead of failing.
            let page = try await TestClient.signedIn(app, as: "office").send(.GET, Paths.people + "?kind=alien")
            #expect(page.status == .badRequest)
            #expect(page.text.contains("未知的人员类别"))
        }
    }
}
