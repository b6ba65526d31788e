import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// A symposium's preparation through the server (二.4, 三(一), 三(二)): what is refused, who may
/// act, what each reader sees, and that a refusal changes nothing.
@Suite("Symposium preparation", .serialized)
struct SymposiumPreparationTests {
    typealias S = Symposia

    /// An issued plan of 2026 and the symposium of its first dated topic led by 农业农村委员会,
    /// with 陶和平 (`vicechair`) in charge. Returns its API root.
    static func symposium(_ app: Application) async throws -> (root: String, id: Int) {
        try await Planning.everything(app)
        let office = try await Planning.api(app, "office")
        let agriculture = try await Planning.committeeID(app, named: "农业农村委员会")
        let topic = try #require(try await Planning.stored(app).plan.topics.first { $0.leadCommitteeID == agriculture && $0.date != nil })
        let vice = try await S.personID(office, named: "陶和平")
        let res = try await S.call(office, .POST, "/api/v1/symposia",
                                   #"{"year":2026,"topicID":\#(topic.id),"viceChairInChargeID":\#(vice)}"#, expect: .created)
        let id = try S.decode(S.Brief.self, res).id
        return ("/api/v1/symposia/\(id)", id)
    }

    static let fullPlan = #"""
        {"time":"上午9:00","place":"县政协三楼会议室","host":"李永安","topic":"议题","invitees":"委员6位",
         "agenda":"六项","otherMatters":"无","research":"专题调研"}
        """#

    struct State: Decodable {
        struct Plan: Decodable { let state: String; let versions: [Version] }
        struct Version: Decodable { let number: Int }
        struct Invitation: Decodable { let personID: Int; let state: String; let answeredVia: String? }
        struct Person: Decodable { let id: Int; let name: String }
        struct Entrustment: Decodable { let by: Person?; let note: String }
        let version: Int
        let implementationPlan: Plan
        let invitees: [Invitation]
        let entrustment: Entrustment?
        let host: Person?
    }

    static func state(_ app: Application, _ root: String) async throws -> State {
        try S.decode(State.self, try await S.call(try await Planning.api(app, "office"), .GET, root))
    }

    @Test("二.4 a symposium is prepared only from an issued annual plan, once per topic")
    func createdFromIssuedPlanOnly() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            let office = try await Planning.api(app, "office")
            let agriculture = try await Planning.committeeID(app, named: "农业农村委员会")
            let topic = try #require(try await Planning.stored(app).plan.topics.first { $0.leadCommitteeID == agriculture && $0.date != nil })
            let body = #"{"year":2026,"topicID":\#(topic.id)}"#
            let before = try await Planning.lastAuditSequence(app)
            let draft = try await S.call(office, .POST, "/api/v1/symposia", body, expect: .conflict)
            #expect(draft.text.contains("plan_not_issued"))
            #expect(try await Planning.lastAuditSequence(app) == before, "a refusal wrote to the audit log")
            try await Planning.issue(app)
            try await S.call(office, .POST, "/api/v1/symposia", body, expect: .created)
            let again = try await S.call(office, .POST, "/api/v1/symposia", body, expect: .conflict)
            #expect(again.text.contains("symposium_exists"))
            let committee = try await Planning.api(app, "committee")
            try await S.call(committee, .POST, "/api/v1/symposia", body, expect: .forbidden)
        }
    }

    @Test("一.2 a vice chair hosts only on the chair's recorded entrustment")
    func viceChairHostsOnEntrustment() async throws {
        try await TestApp.run { app in
            let (root, _) = try await Self.symposium(app)
            let office = try await Planning.api(app, "office")
            let vice = try await S.personID(office, named: "陶和平")
            let version = try await Self.state(app, root).version
            let refused = try await S.call(office, .PUT, root + "/arrangements",
                                           #"{"version":\#(version),"place":"会议室","startTime":"上午9:00","hostID":\#(vice)}"#,
                                           expect: .badRequest)
            #expect(refused.text.contains("entrustment_required"))
            try await S.call(office, .PUT, root + "/arrangements", #"""
                {"version":\#(version),"place":"会议室","startTime":"上午9:00","hostID":\#(vice),"entrustmentNote":"主席出差，委托主持"}
                """#)
            let s = try await Self.state(app, root)
            #expect(s.host?.name == "陶和平")
            #expect(s.entrustment?.by?.name == "李永安")
            // An edit from a stale version is refused (someone else saved meanwhile).
            let stale = try await S.call(office, .PUT, root + "/arrangements",
                                         #"{"version":\#(version),"place":"另一会议室","startTime":"上午9:00"}"#, expect: .conflict)
            #expect(stale.text.contains("version_conflict"))
        }
    }

    @Test("二.4 the plan is submitted complete, signed only by the vice chair in charge, adopted by the office")
    func implementationPlanWorkflow() async throws {
        try await TestApp.run { app in
            let (root, _) = try await Self.symposium(app)
            let committee = try await Planning.api(app, "committee")
            let before = try await Self.state(app, root)
            let incomplete = try await S.edit(committee, .POST, root + "/implementation-plan",
                                              #"{"action":"submit","content":{"time":"上午9:00"}}"#, basedOn: root, expect: .badRequest)
            #expect(incomplete.text.contains("implementation_plan_incomplete"))
            #expect(incomplete.text.contains("拟邀请出席人员"))
            #expect(try await Self.state(app, root).version == before.version, "a refused submission changed the symposium")

            try await S.edit(committee, .POST, root + "/implementation-plan", #"{"action":"submit","content":\#(Self.fullPlan)}"#, basedOn: root)
            // The chair does not sign when a vice chair is in charge; other committees cannot act at all.
            let chair = try await S.edit(try await Planning.api(app, "chair"), .POST, root + "/implementation-plan",
                                         #"{"action":"sign"}"#, basedOn: root, expect: .forbidden)
            #expect(chair.text.contains("forbidden") || chair.text.contains("not_vice_chair_in_charge"))
            try await S.edit(try await Planning.api(app, "economy"), .POST, root + "/implementation-plan",
                             #"{"action":"save","content":\#(Self.fullPlan)}"#, basedOn: root, expect: .forbidden)
            let vice = try await Planning.api(app, "vicechair")
            try await S.edit(vice, .POST, root + "/implementation-plan", #"{"action":"adopt","note":"x"}"#, basedOn: root, expect: .forbidden)
            try await S.edit(vice, .POST, root + "/implementation-plan", #"{"action":"sign","note":"同意"}"#, basedOn: root)
            // Signed: a second signature is out of order.
            try await S.edit(vice, .POST, root + "/implementation-plan", #"{"action":"sign"}"#, basedOn: root, expect: .conflict)
            let office = try await Planning.api(app, "office")
            try await S.edit(office, .POST, root + "/implementation-plan", #"{"action":"adopt","note":"第26次主席会议"}"#, basedOn: root)
            let s = try await Self.state(app, root)
            #expect(s.implementationPlan.state == "adopted")
            #expect(s.implementationPlan.versions.map(\.number) == [3, 2, 1])
            let actions = try await app.db.query(AuditEntryModel.self).filter(\.$objectType == "symposium").all().map(\.action)
            #expect(actions.contains("implementation_plan.sign") && actions.contains("implementation_plan.adopt"))
        }
    }

    @Test("三(一).3 an invitee learns of the symposium at pre-invitation and answers only their own invitation")
    func inviteeSeesAndAnswersOwnInvitation() async throws {
        try await TestApp.run { app in
            let (root, id) = try await Self.symposium(app)
            let committee = try await Planning.api(app, "committee")
            let member = try await Planning.api(app, "member")
            let memberPerson = try await S.personID(committee, named: "王淑贞")
            let other = try await S.personID(committee, named: "邹少华")
            try await S.call(member, .GET, root, expect: .notFound)
            for person in [memberPerson, other] {
                try await S.call(committee, .POST, root + "/invitees", #"{"personID":\#(person)}"#)
            }
            // Proposed is the committee's draft, not yet an invitation.
            try await S.call(member, .GET, root, expect: .notFound)
            try await S.call(committee, .POST, root + "/invitees/pre-invite")
            try await S.call(member, .GET, root)
            let mine = try await S.call(member, .GET, "/api/v1/me/invitations")
            #expect(mine.text.contains("\"symposiumID\":\(id)"))
            try await S.call(member, .POST, root + "/invitees/\(other)/answer", #"{"answer":"confirm"}"#, expect: .forbidden)
            try await S.call(member, .POST, root + "/invitees/\(memberPerson)/answer", #"{"answer":"confirm"}"#)
            try await S.call(committee, .POST, root + "/invitees/\(other)/answer", #"{"answer":"decline","note":"外出"}"#)
            let s = try await Self.state(app, root)
            #expect(s.invitees.first { $0.personID == memberPerson }?.answeredVia == "own")
            #expect(s.invitees.first { $0.personID == other }?.answeredVia == "phone")
            // Someone not invited still does not know of it.
            try await S.call(try await Planning.api(app, "expert"), .GET, root, expect: .notFound)
        }
    }

    @Test("三(一).3 the office's formal notice goes to confirmed invitees; without SMTP the letters are printed")
    func formalNoticeToConfirmedOnly() async throws {
        try await TestApp.run { app in
            let (root, id) = try await Self.symposium(app)
            let committee = try await Planning.api(app, "committee")
            let office = try await Planning.api(app, "office")
            let yes = try await S.personID(committee, named: "王淑贞")
            let no = try await S.personID(committee, named: "邹少华")
            for person in [yes, no] { try await S.call(committee, .POST, root + "/invitees", #"{"personID":\#(person)}"#) }
            let nobody = try await S.call(office, .POST, root + "/formal-notices", expect: .conflict)
            #expect(nobody.text.contains("nobody_to_notify"))
            try await S.call(committee, .POST, root + "/invitees/pre-invite")
            try await S.call(committee, .POST, root + "/invitees/\(yes)/answer", #"{"answer":"confirm"}"#)
            try await S.call(committee, .POST, root + "/invitees/\(no)/answer", #"{"answer":"decline"}"#)
            try await S.call(committee, .POST, root + "/formal-notices", expect: .forbidden)
            let report = try await S.call(office, .POST, root + "/formal-notices")
            #expect(report.text.contains("\"mailConfigured\":false"))
            let s = try await Self.state(app, root)
            #expect(s.invitees.first { $0.personID == yes }?.state == "notified")
            #expect(s.invitees.first { $0.personID == no }?.state == "declined")
            let pages = try await TestClient.signedIn(app, as: "office")
            let letter = try await pages.send(.GET, "/symposia/\(id)/invitees/\(yes)/letter.docx")
            #expect(letter.status == .ok)
            #expect(letter.body.readableBytes > 1000)
            #expect(try await pages.send(.GET, "/symposia/\(id)/invitees/\(no)/letter.docx").status == .notFound)
            // 三(四).5: the declined invitee is not on the attendee list.
            let list = try await S.call(office, .GET, root + "/attendees")
            #expect(list.text.contains("王淑贞") && !list.text.contains("邹少华"))
        }
    }

    @Test("三(二) the dashboard tells each reader what is theirs to do next")
    func dashboardShowsEachReadersNextSteps() async throws {
        try await TestApp.run { app in
            let (root, _) = try await Self.symposium(app)
            let committee = try await Planning.api(app, "committee")
            try await S.edit(committee, .POST, root + "/implementation-plan", #"{"action":"submit","content":\#(Self.fullPlan)}"#, basedOn: root)
            let vice = try await S.call(try await Planning.api(app, "vicechair"), .GET, "/api/v1/me/todo")
            #expect(vice.text.contains("signPlan"))
            let chair = try await S.call(try await Planning.api(app, "chair"), .GET, "/api/v1/me/todo")
            #expect(!chair.text.contains("signPlan"), "the chair is not asked to sign what the vice chair in charge signs")
            let secgen = try await S.call(try await Planning.api(app, "secgen"), .GET, "/api/v1/me/todo")
            #expect(secgen.text.contains("召开工作协调会"))
            let economy = try await S.call(try await Planning.api(app, "economy"), .GET, "/api/v1/me/todo")
            #expect(economy.text == "[]", "another committee has nothing to do for this symposium")
            let page = try await TestClient.signedIn(app, as: "vicechair").send(.GET, "/")
            #expect(page.text.contains("审签实施方案"))
        }
    }

    @Test("二.4 the plan form starts with the symposium's time, place, host and topic; a saved plan that says otherwise is pointed out")
    func planFormStartsFromTheArrangements() async throws {
        try await TestApp.run { app in
            let (root, id) = try await Self.symposium(app)
            let office = try await Planning.api(app, "office")
            let s = try S.decode(S.Brief.self, try await S.call(office, .GET, root))
            let day = try #require(Day(iso: s.date))
            let pages = try await TestClient.signedIn(app, as: "committee")
            let form = try await pages.send(.GET, "/symposia/\(id)/plan")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"name="content[time]" value="\#(day.chinese)"#), "the time is not filled in")
            #expect(!form.text.contains("plan-disagreements"))
            let before = try await Self.state(app, root).version
            let saved = try await postForm(pages, "/symposia/\(id)/plan", [("version", String(before)), ("action", "save"),
                                                                          ("content[time]", "2026年1月1日上午9:00")])
            #expect(saved.status == .seeOther)
            let again = try await pages.send(.GET, "/symposia/\(id)/plan")
            #expect(again.text.contains(#"id="plan-disagreements""#) && again.text.contains("座谈会定于\(day.chinese)"))
        }
    }

    @Test("二.2 the topics offered for a new symposium name their plan's year, and a day already past is marked")
    func newSymposiumTopicsNameYearAndPastDays() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            try await Planning.everything(app)
            let plan = try await Planning.stored(app).plan
            let today = Day(TestApp.defaultNow)
            let past = try #require(plan.topics.first { ($0.date.map { $0 < today }) ?? false }, "no topic dated before today")
            let office = try await TestClient.signedIn(app, as: "office")
            let page = try await office.send(.GET, "/symposia")
            #expect(page.text.contains("\(plan.year)年度　\(past.date!.chinese)　\(past.title)"))
            let pastOption = try #require(page.text.components(separatedBy: "<option").first { $0.contains(past.title) })
            #expect(pastOption.contains("日期已过"))
            // Seen at the start of the year, no day has passed yet.
            clock.set(Outcomes.morning(Day(year: plan.year, month: 1, day: 5)!))
            let early = try await office.send(.GET, "/symposia")
            #expect(early.text.contains(past.title) && !early.text.contains("日期已过"))
        }
    }

    @Test("二.4 a refused plan submitted from the page shows the missing parts and changes nothing")
    func pageRefusalShowsMessage() async throws {
        try await TestApp.run { app in
            let (root, id) = try await Self.symposium(app)
            let pages = try await TestClient.signedIn(app, as: "committee")
            let before = try await Self.state(app, root).version
            let res = try await postForm(pages, "/symposia/\(id)/plan", [("version", String(before)), ("action", "submit"),
                                                                        ("content[time]", "上午9:00")])
            #expect(res.status == .badRequest)
            #expect(res.text.contains("实施方案缺少"))
            #expect(try await Self.state(app, root).version == before)
            let saved = try await postForm(pages, "/symposia/\(id)/plan", [("version", String(before)), ("action", "save"),
                                                                          ("content[place]", "三楼会议室")])
            #expect(saved.status == .seeOther)
            #expect(try await Self.state(app, root).implementationPlan.versions.count == 1)
        }
    }
}
