import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Outcomes of the prepared symposium (`Symposia.prepared`), made through the API as the
/// office (三(五)), and what the tests read of the answers.
enum Outcomes {
    typealias S = Symposia

    struct DTO: Decodable {
        struct Deadline: Decodable { let day: String; let workingDays: Int }
        struct Recipient: Decodable { let kind: String; let id: Int; let handles: Bool; let acknowledgedBy: String? }
        struct Handling: Decodable { let id: Int; let departmentID: Int; let state: String; let due: String?; let overdue: Bool; let round: Int }
        struct Item: Decodable {
            let id: Int; let title: String; let status: String; let overdue: Bool; let due: String; let ownerDepartmentID: Int
            struct Note: Decodable { let text: String }
            let notes: [Note]
        }
        struct Can: Decodable { let edit: Bool; let send: Bool; let acknowledge: Bool; let track: Bool }
        let id: Int
        let symposiumID: Int
        let state: String
        let form: String
        let title: String
        let documentNumber: String?
        let due: Deadline
        let daysLeft: Int?
        let countdownText: String?
        let overdue: Bool
        let sentOnTime: Bool?
        let recipients: [Recipient]
        let handlings: [Handling]
        let items: [Item]
        let version: Int
        let can: Can
    }

    /// Who the outcomes go to: 曾湘莲 (user `leader`) and 县农业农村局 (user `department`).
    struct Addressees {
        let leader: Int
        let bureau: Int
        let other: Int
    }

    static func addressees(_ app: Application) async throws -> Addressees {
        let office = try await Planning.api(app, "office")
        let leader = try await S.personID(office, named: "曾湘莲")
        let bureau = try #require(try await DepartmentModel.query(on: app.db).filter(\.$name == "县农业农村局").first()?.id)
        let other = try #require(try await DepartmentModel.query(on: app.db).filter(\.$id != bureau).first()?.id)
        return Addressees(leader: leader, bureau: bureau, other: other)
    }

    static func get(_ client: TestClient, _ id: Int, expect: HTTPStatus = .ok) async throws -> DTO? {
        let res = try await S.call(client, .GET, "/api/v1/outcomes/\(id)", expect: expect)
        return expect == .ok ? try S.decode(DTO.self, res) : nil
    }

    /// A draft recommendation of symposium `symposium`, as the office makes it.
    static func draft(_ app: Application, symposium: Int, form: String = "recommendation",
                      title: String = "关于加快发展农村电子商务的建议") async throws -> DTO {
        let office = try await Planning.api(app, "office")
        let res = try await S.call(office, .POST, "/api/v1/symposia/\(symposium)/outcomes",
                                   #"{"form":"\#(form)","title":"\#(title)","body":"一、基本情况\n全县农村电商发展迅速。"}"#,
                                   expect: .created)
        return try S.decode(DTO.self, res)
    }

    /// The draft completed (recipients: the leader, the bureau handling it, another department
    /// for reference; a document number) and sent.
    @discardableResult
    static func sent(_ app: Application, _ draft: DTO, number: String = "安政协建〔2026〕1号") async throws -> DTO {
        let office = try await Planning.api(app, "office")
        let a = try await addressees(app)
        let edited = try S.decode(DTO.self, try await S.call(office, .PUT, "/api/v1/outcomes/\(draft.id)", #"""
            {"version":\#(draft.version),"title":"\#(draft.title)","body":"一、基本情况\n全县农村电商发展迅速。","form":"\#(draft.form)",
             "recipients":[{"kind":"leader","id":\#(a.leader)},{"kind":"department","id":\#(a.bureau),"handles":true},
                           {"kind":"department","id":\#(a.other)}],
             "documentNumber":"\#(number)"}
            """#))
        return try S.decode(DTO.self, try await S.call(office, .POST, "/api/v1/outcomes/\(draft.id)/send",
                                                       #"{"version":\#(edited.version)}"#))
    }

    /// Moves the symposium's day held, for deadline tests.
    static func setHeld(_ app: Application, symposium: Int, on day: Day) async throws {
        let m = try #require(try await SymposiumModel.find(symposium, on: app.db))
        var s = try SymposiumStore.decode(m).symposium
        s.heldOn = day
        m.body = try StoredJSON.text(s)
        try await m.save(on: app.db)
    }

    /// 10:00 China Standard Time on `day`.
    static func morning(_ day: Day) -> Date {
        var c = DateComponents()
        c.year = day.year; c.month = day.month; c.day = day.day; c.hour = 10
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return cal.date(from: c)!
    }
}
