import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Committees, sectors and departments: created and renamed by the office through the API
/// and the organization page, names unique and required, every change audited.
@Suite("Master data")
struct MasterDataTests {
    static func api(_ app: Application, as username: String = "office") async throws -> TestClient {
        let client = TestClient(app)
        client.bearer = try await Demo.token(app, for: username)
        return client
    }

    /// A draft with the `version` an edit was based on.
    struct Versioned<Draft: Encodable>: Encodable {
        let draft: Draft
        let version: Int
        private enum Key: String, CodingKey { case version }
        func encode(to encoder: any Encoder) throws {
            try draft.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(version, forKey: .version)
        }
    }

    static func lastAudit(_ app: Application) async throws -> AuditEntryModel {
        try #require(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first())
    }

    static func office(_ app: Application) async throws -> CommitteeModel {
        try #require(try await CommitteeModel.query(on: app.db).filter(\CommitteeModel.$isOffice == true).first())
    }

    @Test("the office creates and renames a committee through the API, each step audited")
    func committeeThroughTheAPI() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let created = try await api.json(.POST, Paths.API.committees, CommitteeDraft(name: "港澳台侨和外事委员会", sortOrder: 7))
            #expect(created.status == .created)
            let c = try created.content.decode(CommitteeDTO.self)
            #expect(c.name == "港澳台侨和外事委员会")
            #expect(!c.isOffice)
            let create = try await Self.lastAudit(app)
            #expect(create.action == "committee.create")
            #expect(create.actor == "office")
            #expect(create.before == nil)
            #expect(create.after?.contains("港澳台侨和外事委员会") == true)

            let renamed = try await api.json(.PUT, Paths.API.committees + "/\(c.id)",
                                             Versioned(draft: CommitteeDraft(name: "港澳台侨委员会", sortOrder: 7), version: c.version))
            #expect(renamed.status == .ok)
            #expect(try renamed.content.decode(CommitteeDTO.self).name == "港澳台侨委员会")
            let update = try await Self.lastAudit(app)
            #expect(update.action == "committee.update")
            #expect(update.before?.contains("港澳台侨和外事委员会") == true)
            #expect(update.after?.contains("港澳台侨委员会") == true)

            let list = try await api.send(.GET, Paths.API.committees).content.decode([CommitteeDTO].self)
            #expect(list.contains { $0.id == c.id && $0.name == "港澳台侨委员会" })
            #expect(!list.contains { $0.name == "港澳台侨和外事委员会" })
        }
    }

    @Test("the office creates and renames a sector through the API, each step audited")
    func sectorThroughTheAPI() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let created = try await api.json(.POST, Paths.API.sectors, SectorDraft(name: "特邀界", sortOrder: 21))
            #expect(created.status == .created)
            let s = try created.content.decode(SectorDTO.self)
            #expect(try await Self.lastAudit(app).action == "sector.create")

            let renamed = try await api.json(.PUT, Paths.API.sectors + "/\(s.id)",
                                             Versioned(draft: SectorDraft(name: "特别邀请人士界", sortOrder: 21), version: s.version))
            #expect(renamed.status == .ok)
            let update = try await Self.lastAudit(app)
            #expect(update.action == "sector.update")
            #expect(update.before?.contains("特邀界") == true)
            #expect(update.after?.contains("特别邀请人士界") == true)
            let list = try await api.send(.GET, Paths.API.sectors).content.decode([SectorDTO].self)
            #expect(list.contains { $0.id == s.id && $0.name == "特别邀请人士界" })
        }
    }

    @Test("the office creates and renames a department through the API, each step audited")
    func departmentThroughTheAPI() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let created = try await api.json(.POST, Paths.API.departments,
                                             DepartmentDraft(name: "县数据资源局", shortName: "县数据局", category: .government))
            #expect(created.status == .created)
            let d = try created.content.decode(DepartmentDTO.self)
            #expect(d.categoryName == "县政府部门")
            #expect(try await Self.lastAudit(app).action == "department.create")

            let renamed = try await api.json(.PUT, Paths.API.departments + "/\(d.id)",
                                             Versioned(draft: DepartmentDraft(name: "县数据局", shortName: "县数据局", category: .government),
                                                       version: d.version))
            #expect(renamed.status == .ok)
            let update = try await Self.lastAudit(app)
            #expect(update.action == "department.update")
            #expect(update.before?.contains("县数据资源局") == true)
            #expect(update.after?.contains("\"name\":\"县数据局\"") == true)

            let missing = try await api.json(.PUT, Paths.API.departments + "/999999",
                                             Versioned(draft: DepartmentDraft(name: "不存在", shortName: "无", category: .other), version: 1))
            #expect(missing.status == .notFound)
        }
    }

    @Test("the office creates and renames committees, sectors and departments on the organization page")
    func masterDataThroughThePage() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let audit = try await AuditEntryModel.query(on: app.db).count()

            #expect(try await office.post(Paths.committees, form: ["name": "学习委员会", "sortOrder": "8"]).status == .seeOther)
            let committee = try #require(try await CommitteeModel.query(on: app.db).filter(\CommitteeModel.$name == "学习委员会").first())
            #expect(committee.sortOrder == 8)
            #expect(try await office.post(Paths.committee(committee.id!), form: ["name": "学习和文史委员会", "sortOrder": "8",
                                                                                     "version": String(committee.version)]).status == .seeOther)

            #expect(try await office.post(Paths.sectors, form: ["name": "港澳界", "sortOrder": ""]).status == .seeOther)
            let sector = try #require(try await SectorModel.query(on: app.db).filter(\SectorModel.$name == "港澳界").first())
            #expect(try await office.post(Paths.sector(sector.id!), form: ["name": "港澳台界", "sortOrder": "30",
                                                                              "version": String(sector.version)]).status == .seeOther)

            #expect(try await office.post(Paths.departments, form: ["name": "县林草服务中心", "shortName": "林草中心",
                                                                     "category": "government", "sortOrder": "40"]).status == .seeOther)
            let dept = try #require(try await DepartmentModel.query(on: app.db).filter(\DepartmentModel.$name == "县林草服务中心").first())
            #expect(try await office.post(Paths.department(dept.id!), form: ["name": "县林业和草原服务中心", "shortName": "林草局",
                                                                              "category": "government", "sortOrder": "40",
                                                                              "version": String(dept.version)]).status == .seeOther)

            let page = try await office.send(.GET, Paths.organization)
            #expect(page.status == .ok)
            for name in ["学习和文史委员会", "港澳台界", "县林业和草原服务中心", "林草局"] {
                #expect(page.text.contains(name), "\(name) missing from the organization page")
            }
            #expect(!page.text.contains("县林草服务中心<"))
            #expect(try await AuditEntryModel.query(on: app.db).count() == audit + 6)
        }
    }

    @Test("a department added on the page without a short name takes its full name")
    func departmentShortNameDefaultsOnThePage() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let res = try await office.post(Paths.departments, form: ["name": "县信访局", "shortName": "",
                                                                      "category": "government", "sortOrder": "50"])
            #expect(res.status == .seeOther, "\(res.text)")
            let dept = try #require(try await DepartmentModel.query(on: app.db).filter(\DepartmentModel.$name == "县信访局").first())
            #expect(dept.shortName == "县信访局")
        }
    }

    @Test("a duplicate name is a 409 duplicate_name in the API and a message on the page, and changes nothing")
    func duplicateNameConflicts() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let audit = try await AuditEntryModel.query(on: app.db).count()
            let committee = try await api.json(.POST, Paths.API.committees, CommitteeDraft(name: "办公室"))
            #expect(committee.status == .conflict)
            #expect(committee.errorCode == "duplicate_name")
            #expect(try committee.content.decode(APIErrorBody.self).error.message.contains("已存在"))

            let sector = try await api.json(.POST, Paths.API.sectors, SectorDraft(name: "农业界"))
            #expect(sector.status == .conflict)
            #expect(sector.errorCode == "duplicate_name")

            let education = try #require(try await SectorModel.query(on: app.db).filter(\SectorModel.$name == "教育界").first())
            let rename = try await api.json(.PUT, Paths.API.sectors + "/\(education.id!)",
                                            Versioned(draft: SectorDraft(name: "农业界"), version: education.version))
            #expect(rename.status == .conflict)
            #expect(try await SectorModel.find(education.id, on: app.db)?.name == "教育界")

            let dept = try await api.json(.POST, Paths.API.departments,
                                          DepartmentDraft(name: "县农业农村局", shortName: "农业农村局", category: .government))
            #expect(dept.status == .conflict)
            #expect(try await AuditEntryModel.query(on: app.db).count() == audit)

            let page = try await TestClient.signedIn(app, as: "office").post(Paths.sectors, form: ["name": "农业界"])
            #expect(page.status == .badRequest)
            #expect(page.text.contains("界别“农业界”已存在"))
            #expect(try await SectorModel.query(on: app.db).filter(\SectorModel.$name == "农业界").count() == 1)
        }
    }

    @Test("a blank name is a 400 in the API and a Chinese message on the page")
    func blankNameIsRefused() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let before = try await SectorModel.query(on: app.db).count()
            for name in ["", "   "] {
                let res = try await api.json(.POST, Paths.API.sectors, SectorDraft(name: name))
                #expect(res.status == .badRequest)
                #expect(res.errorCode == "name_required")
                #expect(try res.content.decode(APIErrorBody.self).error.message == "请填写界别名称。")
            }
            let committee = try await api.json(.POST, Paths.API.committees, CommitteeDraft(name: ""))
            #expect(committee.status == .badRequest)
            let office = try await Self.office(app)
            let rename = try await api.json(.PUT, Paths.API.committees + "/\(office.id!)",
                                            Versioned(draft: CommitteeDraft(name: " ", isOffice: true), version: office.version))
            #expect(rename.status == .badRequest)
            #expect(try await CommitteeModel.find(office.id, on: app.db)?.name == "办公室")

            let page = try await TestClient.signedIn(app, as: "office").post(Paths.sectors, form: ["name": ""])
            #expect(page.status == .badRequest)
            #expect(page.text.contains("请填写界别名称"))
            #expect(try await SectorModel.query(on: app.db).count() == before)
        }
    }

    @Test("renaming 办公室 keeps it the office, on the page and in the API")
    func renamingTheOfficeKeepsIt() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            let client = try await TestClient.signedIn(app, as: "office")
            let res = try await client.post(Paths.committee(office.id!), form: ["name": "县政协办公室", "sortOrder": "1",
                                                                                "version": String(office.version)])
            #expect(res.status == .seeOther)
            let renamed = try #require(try await CommitteeModel.find(office.id, on: app.db))
            #expect(renamed.name == "县政协办公室")
            #expect(renamed.isOffice)
            #expect(try await client.send(.GET, Paths.organization).text.contains("县政协办公室 <span class=\"tag\">统筹协调</span>"))

            // An API client sends back what it read, with the new name.
            let api = try await Self.api(app)
            let current = try await api.send(.GET, Paths.API.committees).content.decode([CommitteeDTO].self)
                .first { $0.id == office.id }!
            let put = try await api.json(.PUT, Paths.API.committees + "/\(office.id!)",
                                         Versioned(draft: CommitteeDraft(name: "办公室（秘书科）", isOffice: current.isOffice,
                                                                         sortOrder: current.sortOrder), version: current.version))
            #expect(put.status == .ok)
            #expect(try put.content.decode(CommitteeDTO.self).isOffice)
            #expect(try await CommitteeModel.query(on: app.db).filter(\CommitteeModel.$isOffice == true).count() == 1)

            // Renaming some other committee on the page does not make it the office.
            let other = try #require(try await CommitteeModel.query(on: app.db).filter(\CommitteeModel.$isOffice == false).first())
            #expect(try await client.post(Paths.committee(other.id!), form: ["name": "提案委", "sortOrder": "2",
                                                                                "version": String(other.version)]).status == .seeOther)
            #expect(try await CommitteeModel.find(other.id, on: app.db)?.isOffice == false)
        }
    }

    @Test("roles other than the office may read master data but not change it")
    func onlyTheOfficeEdits() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app, as: "committee")
            #expect(try await api.send(.GET, Paths.API.sectors).status == .ok)
            let res = try await api.json(.POST, Paths.API.sectors, SectorDraft(name: "越权界"))
            #expect(res.status == .forbidden)
            let page = try await TestClient.signedIn(app, as: "member").post(Paths.sectors, form: ["name": "越权界"])
            #expect(page.status == .forbidden)
            #expect(try await SectorModel.query(on: app.db).filter(\SectorModel.$name == "越权界").count() == 0)
        }
    }

    @Test("an edit names the version it was based on: a stale one is refused, a missing one too, nothing changes")
    func editsNameTheirVersion() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            let sector = try #require(try await SectorModel.query(on: app.db).first())
            let fresh = try await api.json(.PUT, Paths.API.sectors + "/\(sector.id!)",
                                           Versioned(draft: SectorDraft(name: "甲界", sortOrder: 1), version: sector.version))
            #expect(fresh.status == .ok)
            #expect(try fresh.content.decode(SectorDTO.self).version == sector.version + 1)
            let stale = try await api.json(.PUT, Paths.API.sectors + "/\(sector.id!)",
                                           Versioned(draft: SectorDraft(name: "乙界", sortOrder: 1), version: sector.version))
            #expect(stale.status == .conflict && stale.errorCode == "version_conflict")
            let missing = try await api.json(.PUT, Paths.API.sectors + "/\(sector.id!)", SectorDraft(name: "丙界", sortOrder: 1))
            #expect(missing.status == .badRequest && missing.errorCode == "version_required")
            #expect(try await SectorModel.find(sector.id, on: app.db)?.name == "甲界")
        }
    }
}
