import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// What the working method leaves to the county — when materials are owed, how long handling
/// may take, how participation is scored — the office sets on `/regulation`, and every due day
/// and every member's points follow at once.
@Suite("County practice: the office's own limits and points", .serialized)
struct CountyPracticeTests {
    typealias S = Symposia

    struct Practice: Codable {
        var materialDues: MaterialDueRules
        var handling: HandlingRules
        var points: PointsRules
        var version: Int?
    }

    static func practice(_ client: TestClient) async throws -> Practice {
        try S.decode(Practice.self, try await S.call(client, .GET, "/api/v1/practice"))
    }

    @discardableResult
    static func put(_ client: TestClient, _ p: Practice, expect status: HTTPStatus = .ok) async throws -> TestingHTTPResponse {
        try await S.call(client, .PUT, "/api/v1/practice", String(decoding: try JSONEncoder().encode(p), as: UTF8.self),
                         expect: status)
    }

    @Test("三(四) the office moves the materials' due day, and a material due by rule follows; the change is audited")
    func materialDueFollowsThePractice() async throws {
        try await TestApp.run { app in
            let (_, mid) = try await MaterialUploadTests.briefing(app)
            let office = try await Planning.api(app, "office")
            struct Brief: Decodable { let due: String; let dueByRule: Bool }
            let before = try S.decode(Brief.self, try await S.call(office, .GET, "/api/v1/materials/\(mid)"))
            var p = try await Self.practice(office)
            #expect(p.version == 0 && p.materialDues == .countyPractice && p.points == .standard)
            p.materialDues.compileLeadWorkingDays += 5
            let saved = try S.decode(Practice.self, try await Self.put(office, p))
            #expect(saved.version == 1 && saved.materialDues.compileLeadWorkingDays == p.materialDues.compileLeadWorkingDays)
            let after = try S.decode(Brief.self, try await S.call(office, .GET, "/api/v1/materials/\(mid)"))
            #expect(after.dueByRule && after.due < before.due, "five working days earlier: \(before.due) → \(after.due)")
            #expect(app.xieshang.regulation.materialDues == p.materialDues)
            let audited = try await AuditEntryModel.query(on: app.db).filter(\.$objectType == "county_practice").all()
            #expect(audited.map(\.action) == ["practice.update"])
        }
    }

    @Test("委员履职档案 points are counted under the rules the office sets")
    func pointsFollowTheOfficesRules() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            let office = try await Planning.api(app, "office")
            let spoke = try #require(try await LiveStore.load(id, on: app.db)?.0.totals().first { $0.category == .members })
            struct Record: Decodable { let attended: Int; let speeches: Int; let points: Int; let rules: PointsRules }
            let path = "/api/v1/persons/\(spoke.personID)/participation"
            let before = try S.decode(Record.self, try await S.call(office, .GET, path))
            var p = try await Self.practice(office)
            p.points = PointsRules(perInvitation: 0, perAttendance: 10, perUnexcusedAbsence: 0, perSpeech: 5,
                                   perMinuteSpoken: 0, maxMinutePointsPerSymposium: nil, perDraft: 0)
            try await Self.put(office, p)
            let after = try S.decode(Record.self, try await S.call(office, .GET, path))
            #expect(after.rules == p.points)
            #expect(after.points == after.attended * 10 + after.speeches * 5)
            #expect(after.points != before.points)
        }
    }

    @Test("a practice out of range is refused with every problem named, and nothing is stored")
    func invalidPracticeRefused() async throws {
        try await TestApp.run { app in
            let office = try await Planning.api(app, "office")
            var p = try await Self.practice(office)
            p.handling.replyWorkingDays = -1
            p.points.perSpeech = 1000
            let res = try await Self.put(office, p, expect: .badRequest)
            #expect(res.errorCode == "outcome_rules_invalid")
            #expect(res.text.contains("答复时限") && res.text.contains("每次发言"))
            #expect(try await Self.practice(office).version == 0)

            // The page names a field that is not a whole number, keeps what was typed, and stores nothing.
            let web = try await TestClient.signedIn(app, as: "office")
            var form = Dictionary(uniqueKeysWithValues: PracticeRoutes.fields(.standard).map { ($0.name, $0.value) })
            form["version"] = "0"
            form["replyWorkingDays"] = "四十"
            let page = try await web.post("/regulation/practice", form: form)
            #expect(page.status == .badRequest)
            #expect(page.text.contains("“部门答复：接收后”须填写整数。") && page.text.contains("value=\"四十\""))
            #expect(try await Self.practice(office).version == 0)
            form["replyWorkingDays"] = "30"
            let saved = try await web.post("/regulation/practice", form: form)
            #expect(saved.status == .seeOther)
            #expect(try await Self.practice(office).handling.replyWorkingDays == 30)
        }
    }

    @Test("two offices editing at once: the second save, naming the version it read, is refused")
    func staleVersionRefused() async throws {
        try await TestApp.run { app in
            let office = try await Planning.api(app, "office")
            var p = try await Self.practice(office)
            p.handling.reminderDaysBefore = 10
            try await Self.put(office, p)
            p.handling.reminderDaysBefore = 3
            #expect(try await Self.put(office, p, expect: .conflict).errorCode == "version_conflict")
            #expect(try await Self.practice(office).handling.reminderDaysBefore == 10)
        }
    }

    @Test("an edit that does not name the version it was based on is refused, and nothing is stored")
    func missingVersionRefused() async throws {
        try await TestApp.run { app in
            let office = try await Planning.api(app, "office")
            var p = try await Self.practice(office)
            p.handling.reminderDaysBefore = 10
            p.version = nil
            let res = try await Self.put(office, p, expect: .badRequest)
            #expect(res.errorCode == "version_required")
            #expect(res.text.contains("版本号"))
            #expect(try await Self.practice(office).version == 0)
        }
    }
}
