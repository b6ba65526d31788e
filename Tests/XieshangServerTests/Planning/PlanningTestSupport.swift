import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// What the planning tests share: API and page clients for the demo users, the demo
/// committees' ids, and the call → suggestions → plan steps as the office and committees
/// take them.
enum Planning {
    static let year = 2026
    /// The call's deadline for `year` (the default test clock is 2026-11-29, a Sunday).
    static let deadline = "2026-12-04"
    /// The day after the deadline, 10:00 CST.
    static let afterDeadline = Date(timeIntervalSince1970: TestApp.defaultNow.timeIntervalSince1970 + 6 * 86_400)

    static func plan(_ year: Int = year) -> String { "/api/v1/plans/\(year)" }
    static func page(_ year: Int = year) -> String { "/plans/\(year)" }

    /// A client that signs its API calls with a bearer token of `username`.
    static func api(_ app: Application, _ username: String) async throws -> TestClient {
        let c = TestClient(app)
        c.bearer = try await Demo.token(app, for: username)
        return c
    }

    static func committeeID(_ app: Application, named name: String) async throws -> Int {
        try #require(try await CommitteeModel.query(on: app.db).filter(\.$name == name).first()?.id)
    }

    /// 农业农村委员会, 经济科技委员会, 文化文史和学习委员会: the committees of `committee`,
    /// `economy` and `culture`.
    struct Committees: Sendable {
        let agriculture: Int
        let economy: Int
        let culture: Int
        let social: Int
        static func load(_ app: Application) async throws -> Committees {
            Committees(agriculture: try await committeeID(app, named: "农业农村委员会"),
                       economy: try await committeeID(app, named: "经济科技委员会"),
                       culture: try await committeeID(app, named: "文化文史和学习委员会"),
                       social: try await committeeID(app, named: "社会和法制委员会"))
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ res: TestingHTTPResponse,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: res.body))
        } catch {
            Issue.record("could not decode \(T.self) from \(res.status): \(res.text.prefix(300))", sourceLocation: sourceLocation)
            throw error
        }
    }

    static func planDTO(_ app: Application, as user: String = "office", year: Int = year) async throws -> PlanDTO {
        let res = try await api(app, user).send(.GET, plan(year))
        #expect(res.status == .ok, "GET \(plan(year)) as \(user): \(res.status) \(res.text.prefix(200))")
        return try decode(PlanDTO.self, res)
    }

    /// The stored plan row (state and version), read past every permission check.
    static func stored(_ app: Application, year: Int = year) async throws -> (plan: AnnualPlan, version: Int) {
        try #require(try await PlanningStore.plan(year: year, on: app.db))
    }

    /// The audit log's object types of the annual-plan workflow (signing in and issuing the
    /// tests' API tokens are audited too, and left out here).
    static let auditedObjects = ["topic_call", "topic_suggestion", "annual_plan"]

    /// The planning actions audited after `sequence`, oldest first.
    static func auditActions(_ app: Application, after sequence: Int) async throws -> [String] {
        try await AuditEntryModel.query(on: app.db).filter(\.$id > sequence).filter(\.$objectType ~~ auditedObjects)
            .sort(\.$id).all().map(\.action)
    }

    static func lastAuditSequence(_ app: Application) async throws -> Int {
        try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first()?.id ?? 0
    }

    // MARK: steps of the flow

    static func openCall(_ app: Application, year: Int = year, deadline: String = deadline) async throws {
        let office = try await api(app, "office")
        let res = try await office.json(.POST, plan(year) + "/call", ["deadline": deadline])
        #expect(res.status == .created, "opening the call: \(res.status) \(res.text.prefix(300))")
    }

    struct Draft: Codable, Sendable {
        var title: String
        var rationale: String
        var grounds: [TopicGround]
        var suggestedMonth: Int?
        var proposedLeadCommitteeID: Int?
    }

    static func submit(_ app: Application, as user: String, _ draft: Draft, year: Int = year) async throws -> PlanningStore.SuggestionDTO {
        let res = try await api(app, user).json(.POST, plan(year) + "/suggestions", draft)
        #expect(res.status == .created, "\(user) submitting “\(draft.title)”: \(res.status) \(res.text.prefix(300))")
        return try decode(PlanningStore.SuggestionDTO.self, res)
    }

    /// The suggestions of the three committees for the plan of `year`; the two electronic-commerce
    /// suggestions of 农业农村委员会 and 经济科技委员会 are the same topic.
    struct Suggestions: Sendable {
        let farmland: PlanningStore.SuggestionDTO       // committee, April
        let ruralECommerce: PlanningStore.SuggestionDTO // committee, August (duplicate)
        let businessClimate: PlanningStore.SuggestionDTO // economy, February: merged with the plenary
        let privateEconomy: PlanningStore.SuggestionDTO  // economy, June
        let countyECommerce: PlanningStore.SuggestionDTO // economy, August (duplicate)
        let tourism: PlanningStore.SuggestionDTO         // culture, October
        let heritage: PlanningStore.SuggestionDTO        // culture, December

        var all: [PlanningStore.SuggestionDTO] {
            [farmland, ruralECommerce, businessClimate, privateEconomy, countyECommerce, tourism, heritage]
        }
    }

    static func submitAll(_ app: Application, year: Int = year) async throws -> Suggestions {
        let c = try await Committees.load(app)
        return Suggestions(
            farmland: try await submit(app, as: "committee", Draft(
                title: "推进高标准农田建设", rationale: "粮食安全是县委中心工作，农田建设管护问题突出。",
                grounds: [.centralWork], suggestedMonth: 4, proposedLeadCommitteeID: nil), year: year),
            ruralECommerce: try await submit(app, as: "committee", Draft(
                title: "发展农村电子商务", rationale: "农产品上行难，群众关切。",
                grounds: [.publicConcern], suggestedMonth: 8, proposedLeadCommitteeID: c.agriculture), year: year),
            businessClimate: try await submit(app, as: "economy", Draft(
                title: "持续优化营商环境", rationale: "全面深化改革的重要内容。",
                grounds: [.majorReform], suggestedMonth: 2, proposedLeadCommitteeID: nil), year: year),
            privateEconomy: try await submit(app, as: "economy", Draft(
                title: "促进民营经济高质量发展", rationale: "县域经济的主体。",
                grounds: [.centralWork, .majorReform], suggestedMonth: 6, proposedLeadCommitteeID: nil), year: year),
            countyECommerce: try await submit(app, as: "economy", Draft(
                title: "县域电商助农", rationale: "电商进村，带动增收。",
                grounds: [.publicConcern], suggestedMonth: 8, proposedLeadCommitteeID: c.agriculture), year: year),
            tourism: try await submit(app, as: "culture", Draft(
                title: "推动文旅融合发展", rationale: "文旅产业是县委确定的新增长点。",
                grounds: [.centralWork], suggestedMonth: 10, proposedLeadCommitteeID: nil), year: year),
            heritage: try await submit(app, as: "culture", Draft(
                title: "加强历史文化名村保护利用", rationale: "古村落保护群众反映强烈。",
                grounds: [.publicConcern], suggestedMonth: 12, proposedLeadCommitteeID: nil), year: year))
    }

    static func createPlan(_ app: Application, year: Int = year) async throws {
        let res = try await api(app, "office").json(.POST, "/api/v1/plans", ["year": year])
        #expect(res.status == .created, "creating the \(year) plan: \(res.status) \(res.text.prefix(300))")
    }

    /// The office's consolidation on the plan page: one topic per group of suggestions,
    /// each through `/plans/:year/topics/from-suggestions`.
    static func consolidate(_ app: Application, _ s: Suggestions, year: Int = year) async throws {
        let office = try await TestClient.signedIn(app, as: "office")
        let groups: [([Int], String?)] = [
            ([s.businessClimate.id], nil),
            ([s.farmland.id], nil),
            ([s.privateEconomy.id], nil),
            ([s.ruralECommerce.id, s.countyECommerce.id], "发展农村电子商务助力乡村振兴"),
            ([s.tourism.id], nil),
            ([s.heritage.id], nil),
        ]
        for (ids, title) in groups {
            let version = try await stored(app, year: year).version
            var fields = [("version", String(version))] + ids.map { ("suggestionIDs[]", String($0)) }
            if let title { fields.append(("title", title)) }
            let res = try await postForm(office, page(year) + "/topics/from-suggestions", fields)
            #expect(res.status == .seeOther, "consolidating \(ids): \(res.status) \(res.text.prefix(300))")
        }
    }

    /// Call, suggestions, plan, consolidation and scheduling: a draft plan with six dated topics.
    @discardableResult
    static func scheduledDraft(_ app: Application, year: Int = year) async throws -> Suggestions {
        try await openCall(app, year: year)
        let s = try await submitAll(app, year: year)
        try await createPlan(app, year: year)
        try await consolidate(app, s, year: year)
        let res = try await api(app, "office").json(.POST, plan(year) + "/schedule", ["version": try await stored(app, year: year).version])
        #expect(res.status == .ok, "scheduling: \(res.status) \(res.text.prefix(300))")
        return s
    }

    /// Every kind of planning object, for checks that want none missing (the OpenAPI
    /// document's schemas): the call, suggestion 1 and more, a plan of `year` with a blocked
    /// date, all four steps and one adjustment.
    static func everything(_ app: Application, year: Int = year) async throws {
        try await scheduledDraft(app, year: year)
        struct Blocked: Encodable { let version: Int; let blockedDates: [BlockedDate] }
        let office = try await api(app, "office")
        let blocked = try await office.json(.PUT, plan(year) + "/blocked-dates", Blocked(
            version: try await stored(app, year: year).version,
            blockedDates: [BlockedDate(day: Day(year: year, month: 3, day: 10)!, reason: "县政协全体会议")]))
        #expect(blocked.status == .ok, "blocking a date: \(blocked.status) \(blocked.text.prefix(300))")
        try await issue(app, year: year)
        let (p, version) = try await stored(app, year: year)
        let topic = try #require(p.topics.last)
        struct Adjustment: Encodable { let version: Int; let topicID: Int; let title: String; let leadCommitteeID: Int?; let month: Int; let reason: String }
        let adjusted = try await office.json(.POST, plan(year) + "/adjustments", Adjustment(
            version: version, topicID: topic.id, title: topic.title, leadCommitteeID: topic.leadCommitteeID, month: 11,
            reason: "与年终工作冲突，提前一个月"))
        #expect(adjusted.status == .ok, "adjusting: \(adjusted.status) \(adjusted.text.prefix(300))")
    }

    struct Step: Encodable { let version: Int; let action: String; let date: String; let reference: String }

    static let steps: [(action: String, date: String, reference: String)] = [
        ("adopt", "2026-12-08", "十一届第25次主席会议"),
        ("report", "2026-12-10", "安政协党组〔2026〕12号"),
        ("consent", "2026-12-15", "县委常委会议同意"),
        ("issue", "2026-12-18", "安政协办联发〔2026〕5号"),
    ]

    /// Adoption, report, consent and joint issuance, in order, through the API.
    static func issue(_ app: Application, year: Int = year) async throws {
        let office = try await api(app, "office")
        for step in steps {
            let version = try await stored(app, year: year).version
            let res = try await office.json(.POST, plan(year) + "/steps",
                                            Step(version: version, action: step.action, date: step.date, reference: step.reference))
            #expect(res.status == .ok, "step \(step.action): \(res.status) \(res.text.prefix(300))")
        }
    }
}

/// A form post with repeated keys (`suggestionIDs[]`, `grounds[]`) and this session's CSRF token.
func postForm(_ client: TestClient, _ path: String, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
    let token = try await client.csrfToken()
    let encode = { (s: String) in s.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }
    let body = ([("_csrf", token)] + fields).map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    var h = HTTPHeaders()
    h.contentType = .urlEncodedForm
    return try await client.send(.POST, path, headers: h, body: ByteBuffer(string: body))
}
