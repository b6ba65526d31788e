import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// 三(四) "由办公室汇总印发": each material is owed by its producer by a day on the timeline, and
/// the dashboard tells each producer, the lead committee and the office who owes what.
@Suite("Materials: due dates on the timeline and who owes what on the dashboard", .serialized)
struct MaterialDueServerTests {
    typealias S = Symposia
    typealias M = Materials

    struct Line: Decodable { let kind: String; let title: String; let due: String; let owner: String }

    static func todo(_ client: TestClient) async throws -> [Line] {
        try S.decode([Line].self, try await S.call(client, .GET, "/api/v1/me/todo"))
    }

    @Test("三(四) the dashboard shows each producer what they owe, the lead committee its reviews, the office all")
    func dashboardShowsWhoOwesWhat() async throws {
        try await TestApp.run { app in
            let (_, id) = try await MaterialUploadTests.briefing(app)
            let committee = try await Planning.api(app, "committee")
            let department = try await Planning.api(app, "department")
            let member = try await Planning.api(app, "member")
            let office = try await Planning.api(app, "office")
            let speaker = try #require(try await M.personID(app, of: "member"))
            let draft = try await M.create(committee, symposium: id,
                                           #"{"kind":"bookedSpeech","title":"补齐农村物流短板","speakerID":\#(speaker)}"#)
            let symposium = try S.decode(SymposiumBrief.self, try await S.call(office, .GET, "/api/v1/symposia/\(id)"))
            let step = try #require(symposium.timeline.first { $0.kind == "materials" })
            let dues = app.xieshang.regulation.materialDues.days(before: try #require(Day(iso: symposium.date)),
                                                                 calendar: app.xieshang.calendar.calendar)
            #expect(step.due == dues.compile.iso && step.state != "done")

            let briefing = try await Self.todo(department).filter { $0.kind == "submitMaterial" }
            #expect(briefing.map(\.title) == ["提交有关部门情况介绍《农村电商情况介绍》"])
            #expect(briefing.first?.due == dues.compile.iso && briefing.first?.owner == "县农业农村局")
            let mine = try await Self.todo(member).filter { $0.kind == "submitMaterial" }
            #expect(mine.map(\.title) == ["提交预约发言《补齐农村物流短板》"] && mine.first?.due == dues.draft.iso)
            #expect(try await Self.todo(committee).allSatisfy { $0.kind != "reviewMaterial" }, "nothing submitted yet")
            #expect(try await Self.todo(office).filter { $0.kind == "submitMaterial" }.count == 2)

            // The member submits: the line moves to the lead committee; the department uploads: its line goes.
            try await M.uploadText(member, material: draft, "初稿：建议建设县级物流中心。")
            try await S.edit(member, .POST, "/api/v1/materials/\(draft)/review", #"{"action":"submit"}"#, basedOn: "/api/v1/materials/\(draft)")
            #expect(try await Self.todo(member).allSatisfy { $0.kind != "submitMaterial" })
            #expect(try await Self.todo(committee).filter { $0.kind == "reviewMaterial" }.map(\.title)
                    == ["审核预约发言《补齐农村物流短板》"])
            try await M.uploadText(department, material: try await Self.briefingID(app, id), "农村电商情况介绍正文。")
            #expect(try await Self.todo(department).allSatisfy { $0.kind != "submitMaterial" })

            // Approved and forwarded, every material can be issued: the timeline's step is done.
            try await S.edit(committee, .POST, "/api/v1/materials/\(draft)/review", #"{"action":"approve"}"#, basedOn: "/api/v1/materials/\(draft)")
            try await S.edit(committee, .POST, "/api/v1/materials/\(draft)/review", #"{"action":"forward"}"#, basedOn: "/api/v1/materials/\(draft)")
            #expect(try await Self.todo(office).allSatisfy { $0.kind != "submitMaterial" && $0.kind != "reviewMaterial" })
            let after = try S.decode(SymposiumBrief.self, try await S.call(office, .GET, "/api/v1/symposia/\(id)"))
            #expect(after.timeline.first { $0.kind == "materials" }?.state == "done")
            let page = try await TestClient.signedIn(app, as: "department").send(.GET, "/")
            #expect(!page.text.contains("农村电商情况介绍"))
        }
    }

    @Test("三(四) a material without its own due day shows the Regulation's, marked as such")
    func dueByRuleShown() async throws {
        try await TestApp.run { app in
            let (id, mid) = try await MaterialUploadTests.briefing(app)
            let office = try await Planning.api(app, "office")
            struct Brief: Decodable { let due: String; let dueByRule: Bool }
            let b = try S.decode(Brief.self, try await S.call(office, .GET, "/api/v1/materials/\(mid)"))
            #expect(b.dueByRule)
            let later = try await M.create(office, symposium: id,
                                           #"{"kind":"referenceMaterial","title":"外县经验","due":"2026-05-06"}"#)
            let own = try S.decode(Brief.self, try await S.call(office, .GET, "/api/v1/materials/\(later)"))
            #expect(own.due == "2026-05-06" && !own.dueByRule)
            let page = try await TestClient.signedIn(app, as: "office").send(.GET, "/symposia/\(id)/materials")
            #expect(page.text.contains("按规定"))
        }
    }

    struct SymposiumBrief: Decodable {
        struct Step: Decodable { let kind: String; let due: String; let state: String }
        let date: String
        let timeline: [Step]
    }

    static func briefingID(_ app: Application, _ symposium: Int) async throws -> Int {
        try #require(try await MaterialModel.query(on: app.db).filter(\.$symposiumID == symposium)
            .filter(\.$kind == MaterialKind.departmentBriefing.rawValue).first()?.id)
    }
}
