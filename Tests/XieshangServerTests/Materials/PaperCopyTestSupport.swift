import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Helpers for the tests of printed copies (纸质件): a symposium with many attending members,
/// a 秘密 briefing of 县农业农村局 for attending members and county leaders, the material as the
/// API shows it, and the meeting held.
enum Paper {
    typealias S = Symposia
    typealias M = Materials

    struct Person: Decodable { let id: Int; let name: String }
    struct Signature: Decodable { let byRecipient: Bool; let actor: String }
    struct Copy: Decodable {
        let number: Int; let copyNumber: String; let version: Int; let state: String; let recipient: Person?
        let signature: Signature?; let held: Bool; let keeping: PaperCopy.Keeping?; let disposal: String?
    }
    struct PaperPart: Decodable {
        let copies: [Copy]; let inOffice: Int; let handedOut: Int; let kept: Int; let returned: Int; let disposed: Int
    }
    struct Version: Decodable { let number: Int; let hasText: Bool }
    struct View: Decodable {
        let id: Int; let version: Int; let status: String; let issuable: Bool; let handling: String; let servesFile: Bool
        let flagged: Bool; let citation: String; let versions: [Version]; let paper: PaperPart?; let myCopy: Copy?
        struct Can: Decodable { let upload: Bool; let paper: Bool }
        let can: Can
    }

    static func view(_ client: TestClient, _ mid: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws -> View {
        try S.decode(View.self, try await S.call(client, .GET, "/api/v1/materials/\(mid)", sourceLocation: sourceLocation),
                     sourceLocation: sourceLocation)
    }

    struct Meeting {
        let id: Int
        /// Attending members, the demo user `member` (王淑贞) first.
        let members: [Int]
        /// The demo user `expert` (黄振宇), attending, outside a range of members and leaders.
        let expert: Int
        let briefing: Int
    }

    /// A symposium with `members` attending members (王淑贞 first) and 黄振宇 attending as an
    /// expert, and a 秘密★1年 briefing of 县农业农村局 for the attending members and the leaders.
    static func meeting(_ app: Application, members count: Int) async throws -> Meeting {
        let (_, id) = try await SymposiumPreparationTests.symposium(app)
        let committee = try await Planning.api(app, "committee")
        let office = try await Planning.api(app, "office")
        let own = try #require(try await M.personID(app, of: "member"))
        let expert = try #require(try await M.personID(app, of: "expert"))
        let others = try await PersonModel.query(on: app.db).filter(\.$kind == PersonKind.member.rawValue).sort(\.$id).all()
            .compactMap(\.id).filter { $0 != own }
        let members = [own] + others.prefix(count - 1)
        #expect(members.count == count, "the demo county has too few members")
        let root = "/api/v1/symposia/\(id)"
        for p in members + [expert] { try await S.call(committee, .POST, root + "/invitees", #"{"personID":\#(p)}"#) }
        try await S.call(committee, .POST, root + "/invitees/pre-invite")
        for p in members + [expert] { try await S.call(committee, .POST, root + "/invitees/\(p)/answer", #"{"answer":"confirm"}"#) }
        try await S.call(office, .POST, root + "/formal-notices")
        let bureau = try await M.departmentID(app, named: "县农业农村局")
        let briefing = try await M.create(committee, symposium: id, #"""
            {"kind":"departmentBriefing","title":"全县黑茶产业发展情况介绍","departmentID":\#(bureau),"secrecy":"secret",
             "secrecyPeriod":"1年","distribution":{"roles":["leader"],"categories":["members"]}}
            """#)
        return Meeting(id: id, members: members, expert: expert, briefing: briefing)
    }

    /// The office registers `count` copies delivered by the bureau.
    static func register(_ app: Application, _ mid: Int, count: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let office = try await Planning.api(app, "office")
        try await S.edit(office, .POST, "/api/v1/materials/\(mid)/paper-copies", #"{"count":\#(count),"deliveredBy":"县农业农村局"}"#,
                         basedOn: "/api/v1/materials/\(mid)", expect: .created, sourceLocation: sourceLocation)
    }

    /// Hands copy `number` to person for each pair, with the versions the office reads now.
    @discardableResult
    static func handOut(_ client: TestClient, _ mid: Int, _ pairs: [(number: Int, person: Int)], expect status: HTTPStatus = .ok,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestingHTTPResponse {
        let office = try await Planning.api(client.app, "office")
        let copies = try await view(office, mid).paper?.copies ?? []
        let items = pairs.map { p in
            #"{"number":\#(p.number),"version":\#(copies.first { $0.number == p.number }?.version ?? 0),"personID":\#(p.person)}"#
        }
        return try await S.call(client, .POST, "/api/v1/materials/\(mid)/paper-copies/hand-out",
                                #"{"copies":[\#(items.joined(separator: ","))]}"#, expect: status, sourceLocation: sourceLocation)
    }

    /// `{"copies":[{"number":…,"version":…},…]}` for these copies as the office reads them now.
    static func picks(_ app: Application, _ mid: Int, _ numbers: [Int], extra: String = "") async throws -> String {
        let copies = try await view(try await Planning.api(app, "office"), mid).paper?.copies ?? []
        let items = numbers.map { n in #"{"number":\#(n),"version":\#(copies.first { $0.number == n }?.version ?? 0)}"# }
        return #"{\#(extra)"copies":[\#(items.joined(separator: ","))]}"#
    }

    /// The live meeting started and ended on the symposium's day, which is then today.
    static func hold(_ app: Application, _ id: Int) async throws {
        let office = try await Planning.api(app, "office")
        try await S.onMeetingDay(app, id)
        try await S.call(office, .POST, "/api/v1/symposia/\(id)/live/start")
        try await S.call(office, .POST, "/api/v1/symposia/\(id)/live/end")
    }

    static func personName(_ app: Application, _ id: Int) async throws -> String {
        try #require(try await PersonModel.find(id, on: app.db)?.name)
    }
}
