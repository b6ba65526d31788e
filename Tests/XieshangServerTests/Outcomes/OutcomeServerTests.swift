import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Outcomes through the server (一.6, 三(五)): the 10-working-day deadline, sending, receipt,
/// a department's handling, the lead committee's follow-up items; who may act; a refusal
/// changes nothing.
@Suite("Outcome server", .serialized)
struct OutcomeServerTests {
    typealias S = Symposia
    typealias O = Outcomes

    struct ToDo: Decodable { let kind: String; let title: String; let due: String; let overdue: Bool; let link: String }

    @Test("三(五) the outcome is due 10 working days after the symposium, across the National Day holiday")
    func deadlineAcrossHolidays() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            let id = try await S.prepared(app)
            try await O.setHeld(app, symposium: id, on: Day(year: 2026, month: 9, day: 29)!)
            let draft = try await O.draft(app, symposium: id)
            #expect(draft.due.day == "2026-10-19", "2026-09-29 + 10 working days (10-01…10-07 off, 10-10 worked)")
            #expect(draft.due.workingDays == 10)
            let office = try await Planning.api(app, "office")
            clock.set(O.morning(Day(year: 2026, month: 10, day: 19)!))
            let onDay = try #require(try await O.get(office, draft.id))
            #expect(onDay.daysLeft == 0 && !onDay.overdue && onDay.countdownText == "今天到期")
            clock.set(O.morning(Day(year: 2026, month: 10, day: 20)!))
            let late = try #require(try await O.get(office, draft.id))
            #expect(late.daysLeft == -1 && late.overdue && late.countdownText == "已逾期1个工作日")
            // The pages word the countdown as the dashboard does: no minus sign.
            let web = try await TestClient.signedIn(app, as: "office")
            let page = try await web.send(.GET, "/symposia/\(id)/outcomes")
            #expect(page.status == .ok && page.text.contains("已逾期1个工作日") && page.text.contains("2026年10月19日"))
            let outcomePage = try await web.send(.GET, "/outcomes/\(draft.id)")
            #expect(outcomePage.text.contains(#"id="outcome-countdown">已逾期1个工作日<"#))
            for text in [page.text, outcomePage.text] { #expect(!text.contains("逾期-")) }
            // The dashboard counts down for the office, and flags it once overdue.
            let todo = try S.decode([ToDo].self, try await S.call(office, .GET, "/api/v1/me/todo"))
            let line = try #require(todo.first { $0.kind == "sendOutcome" && $0.link == "/outcomes/\(draft.id)" })
            #expect(line.due == "2026-10-19" && line.overdue && line.title.contains("已逾期1个工作日"))
            clock.set(O.morning(Day(year: 2026, month: 10, day: 9)!))
            let before = try S.decode([ToDo].self, try await S.call(office, .GET, "/api/v1/me/todo"))
            let early = try #require(before.first { $0.kind == "sendOutcome" && $0.link == "/outcomes/\(draft.id)" })
            // 10-09 (Fri) → 10-10 (Sat, worked), 10-12…10-16, 10-19: 7 working days left.
            #expect(!early.overdue && early.title.contains("剩7个工作日"), "\(early.title)")
            let dashboard = try await TestClient.signedIn(app, as: "office").send(.GET, "/")
            #expect(dashboard.text.contains("剩7个工作日"))
            _ = try await O.get(try await Planning.api(app, "department"), draft.id, expect: .notFound)
            let departmentToDo = try await S.call(try await Planning.api(app, "department"), .GET, "/api/v1/me/todo")
            #expect(!departmentToDo.text.contains("/outcomes/\(draft.id)\""))
        }
    }

    @Test("三(五) the symposium's timeline agrees with its outcome: due from the day held, done once sent, also late")
    func timelineAgreesWithTheOutcome() async throws {
        struct Timeline: Decodable {
            struct Step: Decodable { let kind: String; let due: String; let state: String }
            let timeline: [Step]
        }
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            let id = try await S.prepared(app)
            try await O.setHeld(app, symposium: id, on: Day(year: 2026, month: 9, day: 29)!)
            let draft = try await O.draft(app, symposium: id)
            let office = try await Planning.api(app, "office")
            clock.set(O.morning(Day(year: 2026, month: 10, day: 20)!))
            func step() async throws -> Timeline.Step {
                let t = try S.decode(Timeline.self, try await S.call(office, .GET, "/api/v1/symposia/\(id)"))
                guard let step = t.timeline.first(where: { $0.kind == "outcomes" }) else { throw Abort(.notFound, reason: "no outcomes step") }
                return step
            }
            let before = try await step()
            #expect(before.due == draft.due.day && before.due == "2026-10-19")
            #expect(before.state == "overdue")
            try await O.sent(app, draft)
            let after = try await step()
            #expect(after.state == "done" && after.due == "2026-10-19")
        }
    }

    @Test("三(五) only the office drafts and sends; a recommendation needs its document number; refusals change nothing")
    func sendingRules() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            let office = try await Planning.api(app, "office")
            let committee = try await Planning.api(app, "committee")
            let department = try await Planning.api(app, "department")
            let member = try await Planning.api(app, "member")
            try await S.call(committee, .POST, "/api/v1/symposia/\(id)/outcomes", #"{"form":"proposal","title":"提案"}"#,
                             expect: .forbidden)
            let draft = try await O.draft(app, symposium: id)
            #expect(draft.state == "drafting" && draft.can.send)
            // A draft is the CPPCC's own: a department and a member do not know of it.
            _ = try await O.get(department, draft.id, expect: .notFound)
            _ = try await O.get(member, draft.id, expect: .notFound)

            let expert = try await S.personID(office, named: "黄振宇")
            let a = try await O.addressees(app)
            let before = try await Planning.lastAuditSequence(app)
            let notReady = try await S.call(office, .POST, "/api/v1/outcomes/\(draft.id)/send", #"{"version":\#(draft.version)}"#,
                                            expect: .badRequest)
            #expect(notReady.errorCode == "outcome_not_ready_to_send")
            try await S.call(committee, .POST, "/api/v1/outcomes/\(draft.id)/send", #"{"version":\#(draft.version)}"#,
                             expect: .forbidden)
            let badNumber = try await S.call(office, .PUT, "/api/v1/outcomes/\(draft.id)", #"""
                {"version":\#(draft.version),"title":"建议","body":"正文","form":"recommendation",
                 "recipients":[{"kind":"leader","id":\#(a.leader)}],"documentNumber":"安政协建2026-1"}
                """#, expect: .badRequest)
            #expect(badNumber.errorCode == "invalid_document_number")
            let notLeader = try await S.call(office, .PUT, "/api/v1/outcomes/\(draft.id)", #"""
                {"version":\#(draft.version),"title":"建议","body":"正文","form":"recommendation",
                 "recipients":[{"kind":"leader","id":\#(expert)}]}
                """#, expect: .badRequest)
            #expect(notLeader.errorCode == "unknown_leader")
            #expect(try await Planning.lastAuditSequence(app) == before, "a refusal wrote to the audit log")
            #expect(try #require(try await O.get(office, draft.id)).version == draft.version)

            let sent = try await O.sent(app, draft)
            #expect(sent.state == "sent" && sent.sentOnTime == true && sent.documentNumber == "安政协建〔2026〕1号")
            #expect(sent.handlings.map(\.departmentID) == [a.bureau], "only the department named to handle it handles a recommendation")
            let again = try await S.call(office, .PUT, "/api/v1/outcomes/\(draft.id)", #"""
                {"version":\#(sent.version),"title":"改","body":"改","form":"recommendation","recipients":[]}
                """#, expect: .conflict)
            #expect(again.errorCode == "outcome_already_sent")

            // Sent: the department sees it and acknowledges, once; the leader too; a committee may not.
            let seen = try #require(try await O.get(department, draft.id))
            #expect(seen.can.acknowledge)
            try await S.call(committee, .POST, "/api/v1/outcomes/\(draft.id)/acknowledge", #"{"version":\#(seen.version)}"#,
                             expect: .forbidden)
            let acked = try S.decode(O.DTO.self, try await S.call(department, .POST, "/api/v1/outcomes/\(draft.id)/acknowledge",
                                                                 #"{"version":\#(seen.version)}"#))
            #expect(acked.recipients.first { $0.kind == "department" && $0.id == a.bureau }?.acknowledgedBy == "姜茂林")
            let twice = try await S.call(department, .POST, "/api/v1/outcomes/\(draft.id)/acknowledge",
                                         #"{"version":\#(acked.version)}"#, expect: .conflict)
            #expect(twice.errorCode == "outcome_already_acknowledged")
            let leader = try await Planning.api(app, "leader")
            try await S.call(leader, .POST, "/api/v1/outcomes/\(draft.id)/acknowledge", #"{"version":\#(acked.version)}"#)
            _ = try await O.get(member, draft.id, expect: .notFound)

            // The 建议案 as a GB/T 9704 DOCX with its document number.
            let web = try await TestClient.signedIn(app, as: "office")
            let docx = try await web.send(.GET, "/outcomes/\(draft.id)/document.docx")
            #expect(docx.status == .ok)
            #expect(docx.headers.contentType?.description.contains("wordprocessingml") == true)
        }
    }

    @Test("三(五) a department accepts and replies; the lead committee rates, asks again, rates again")
    func departmentReply() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            let sent = try await O.sent(app, try await O.draft(app, symposium: id))
            let department = try await Planning.api(app, "department")
            let committee = try await Planning.api(app, "committee")
            let economy = try await Planning.api(app, "economy")
            let office = try await Planning.api(app, "office")
            let h = try #require(sent.handlings.first).id
            let root = "/api/v1/outcomes/\(sent.id)/handlings/\(h)"
            var v = sent.version
            func step(_ c: TestClient, _ body: String, expect: HTTPStatus = .ok) async throws -> TestingHTTPResponse {
                let res = try await S.call(c, .POST, root, #"{"version":\#(v),\#(body)}"#, expect: expect)
                if expect == .ok { v = try S.decode(O.DTO.self, res).version }
                return res
            }
            let early = try await step(department, #""action":"reply","text":"已办理","result":"solved""#, expect: .conflict)
            #expect(early.errorCode == "handling_step_out_of_order")
            _ = try await step(office, #""action":"accept""#, expect: .forbidden)
            _ = try await step(economy, #""action":"accept""#, expect: .forbidden)
            // The dashboard: the department's next step, with its due day from the Regulation.
            let pending = try S.decode([ToDo].self, try await S.call(department, .GET, "/api/v1/me/todo"))
            #expect(pending.contains { $0.kind == "handleOutcome" && $0.link == "/outcomes/\(sent.id)" && $0.title.hasPrefix("接收办理") })
            _ = try await step(department, #""action":"accept""#)
            _ = try await step(department, #""action":"reply","documentName":"安农函〔2026〕12号","text":"已制定方案。","result":"planned""#)
            _ = try await step(department, #""action":"rate","satisfaction":"satisfied""#, expect: .forbidden)
            let toRate = try S.decode([ToDo].self, try await S.call(committee, .GET, "/api/v1/me/todo"))
            #expect(toRate.contains { $0.kind == "rateReply" && $0.link == "/outcomes/\(sent.id)" })
            let noComment = try await step(committee, #""action":"rate","satisfaction":"unsatisfied""#, expect: .badRequest)
            #expect(noComment.errorCode == "handling_unsatisfied_comments_required")
            _ = try await step(committee, #""action":"rate","satisfaction":"unsatisfied","comments":"措施不具体""#)
            _ = try await step(committee, #""action":"rehandle","reason":"请细化措施""#)
            _ = try await step(department, #""action":"reply","text":"已细化为三项措施。","result":"partlySolved""#)
            let rated = try S.decode(O.DTO.self, try await step(committee, #""action":"rate","satisfaction":"satisfied""#))
            let done = try #require(rated.handlings.first)
            #expect(done.state == "rated" && done.round == 2)
            // A stale version is refused.
            let stale = try await S.call(committee, .POST, root, #"{"version":1,"action":"rehandle"}"#, expect: .conflict)
            #expect(stale.errorCode == "version_conflict")
            let page = try await TestClient.signedIn(app, as: "department").send(.GET, "/outcomes/\(sent.id)")
            #expect(page.status == .ok && page.text.contains("已细化为三项措施。"))
        }
    }

    @Test("三(五) the lead committee tracks two follow-up items: one implemented, one overdue")
    func followUpItems() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            let id = try await S.prepared(app)
            let sent = try await O.sent(app, try await O.draft(app, symposium: id))
            let a = try await O.addressees(app)
            let committee = try await Planning.api(app, "committee")
            let department = try await Planning.api(app, "department")
            let root = "/api/v1/outcomes/\(sent.id)/items"
            try await S.call(department, .POST, root, #"{"title":"建设县级物流中心","ownerDepartmentID":\#(a.bureau),"due":"2026-12-31"}"#,
                             expect: .forbidden)
            try await S.call(committee, .POST, root, #"{"title":"建设县级物流中心","ownerDepartmentID":\#(a.bureau),"due":"2026-12-31"}"#,
                             expect: .created)
            let two = try S.decode(O.DTO.self, try await S.call(committee, .POST, root,
                #"{"title":"培训电商人才200名","ownerDepartmentID":\#(a.bureau),"due":"2026-12-04"}"#, expect: .created))
            #expect(two.items.count == 2)
            let first = two.items[0].id, second = two.items[1].id
            try await S.edit(department, .POST, root + "/\(second)/notes", #"{"text":"已培训80名","date":"2026-12-01"}"#, basedOn: "/api/v1/outcomes/\(sent.id)", item: second)
            try await S.edit(department, .POST, root + "/\(first)/status", #"{"status":"implemented"}"#, basedOn: "/api/v1/outcomes/\(sent.id)", item: first, expect: .forbidden)
            let before = try await Planning.lastAuditSequence(app)
            let noReason = try await S.edit(committee, .POST, root + "/\(first)/status", #"{"status":"dropped"}"#, basedOn: "/api/v1/outcomes/\(sent.id)", item: first, expect: .badRequest)
            #expect(noReason.errorCode == "follow_up_drop_reason_required")
            #expect(try await Planning.lastAuditSequence(app) == before)
            try await S.edit(committee, .POST, root + "/\(first)/status", #"{"status":"inProgress"}"#, basedOn: "/api/v1/outcomes/\(sent.id)", item: first)
            try await S.edit(committee, .POST, root + "/\(first)/status", #"{"status":"implemented"}"#, basedOn: "/api/v1/outcomes/\(sent.id)", item: first)
            clock.set(O.morning(Day(year: 2026, month: 12, day: 7)!))
            let items = try S.decode([O.DTO.Item].self, try await S.call(committee, .GET, root))
            #expect(items.map(\.status) == ["implemented", "open"])
            #expect(items.map(\.overdue) == [false, true])
            #expect(items[1].notes.map(\.text) == ["已培训80名"])
            // Department users see only what concerns their department.
            let list = try S.decode([O.DTO].self, try await S.call(department, .GET, "/api/v1/outcomes"))
            #expect(list.map(\.id).contains(sent.id))
            let member = try await Planning.api(app, "member")
            #expect(try await S.call(member, .GET, "/api/v1/outcomes").text == "[]")
            // The dashboard: the overdue item for its owner department and the lead committee, not the done one.
            for client in [department, committee] {
                let todo = try S.decode([ToDo].self, try await S.call(client, .GET, "/api/v1/me/todo"))
                let lines = todo.filter { $0.kind == "followUpItem" && $0.link == "/outcomes/\(sent.id)" }
                #expect(lines.map(\.title) == ["落实事项：培训电商人才200名"] && lines.allSatisfy(\.overdue))
            }
        }
    }
    @Test("traceability: one topic's chain from suggestion to results, each a link")
    func traceabilityChain() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            let office = try await Planning.api(app, "office")
            let department = try await Planning.api(app, "department")
            let committee = try await Planning.api(app, "committee")
            let symposium = try #require(try await SymposiumModel.find(id, on: app.db))
            // Outcome 1 of `prepared`: the bureau accepts and replies, the committee rates, the item is implemented.
            let h = "/api/v1/outcomes/1/handlings/1"
            var v = try #require(try await O.get(office, 1)).version
            for (client, body) in [(department, #""action":"accept""#),
                                   (department, #""action":"reply","documentName":"安农函〔2026〕12号","text":"已列入计划。","result":"planned""#),
                                   (committee, #""action":"rate","satisfaction":"satisfied""#)] {
                v = try S.decode(O.DTO.self, try await S.call(client, .POST, h, #"{"version":\#(v),\#(body)}"#)).version
            }
            try await S.edit(committee, .POST, "/api/v1/outcomes/1/items/1/status", #"{"status":"implemented"}"#, basedOn: "/api/v1/outcomes/1", item: 1)

            struct Trace: Decodable {
                struct Ref: Decodable { let id: Int; let href: String }
                struct Outcome: Decodable {
                    struct Reply: Decodable { let department: String; let resultName: String; let href: String }
                    struct Item: Decodable { let statusName: String; let href: String }
                    let id: Int; let href: String; let documentHref: String; let speechIDs: [Int]; let replies: [Reply]; let items: [Item]
                }
                struct Results: Decodable { let outcomes: Int; let replies: Int; let satisfied: Int; let items: Int; let implemented: Int }
                let suggestions: [Ref]; let symposium: Ref?; let speeches: [Ref]; let outcomes: [Outcome]; let results: Results
            }
            let path = "/plans/\(symposium.year)/topics/\(symposium.topicID)/trace"
            let t = try S.decode(Trace.self, try await S.call(office, .GET, "/api/v1" + path))
            let live = try #require(try await LiveStore.load(id, on: app.db)?.0)
            #expect(t.symposium?.id == id && t.symposium?.href == "/symposia/\(id)")
            #expect(t.speeches.map(\.id) == live.speeches.map(\.id) && !t.speeches.isEmpty)
            let o = try #require(t.outcomes.first)
            #expect(o.href == "/outcomes/1" && o.documentHref == "/outcomes/1/document.docx" && o.speechIDs == [3])
            #expect(o.replies.map(\.resultName) == ["列入计划"] && o.replies.first?.department == "县农业农村局")
            #expect(o.items.map(\.statusName) == ["已落实"])
            #expect(t.results.outcomes == 1 && t.results.replies == 1 && t.results.satisfied == 1
                    && t.results.items == 1 && t.results.implemented == 1)
            let page = try await TestClient.signedIn(app, as: "office").send(.GET, path)
            #expect(page.status == .ok)
            for link in ["/symposia/\(id)", "/outcomes/1", "/outcomes/1/document.docx", "/symposia/\(id)/record", "/plans/\(symposium.year)"] {
                #expect(page.text.contains("href=\"\(link)"), "the trace page does not link \(link)")
            }
            for suggestion in t.suggestions { #expect(page.text.contains(suggestion.href)) }
            // A member may not see the draft… the issued plan is public, but no outcome is shown to a member.
            let member = try S.decode(Trace.self, try await S.call(try await Planning.api(app, "member"), .GET, "/api/v1" + path))
            #expect(member.outcomes.isEmpty)
        }
    }
    @Test("委员履职档案: a member's record counts match the live meeting's totals")
    func participationMatchesLiveTotals() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            let office = try await Planning.api(app, "office")
            let live = try #require(try await LiveStore.load(id, on: app.db)?.0)
            let spoke = try #require(live.totals().first { $0.category == .members })
            struct Record: Decodable { let invited: Int; let attended: Int; let speeches: Int; let speakingSeconds: Double; let points: Int }
            let r = try S.decode(Record.self, try await S.call(office, .GET, "/api/v1/persons/\(spoke.personID)/participation"))
            #expect(r.speeches == spoke.speeches && abs(r.speakingSeconds - spoke.totalSeconds) < 0.5)
            #expect(r.invited == 1 && r.attended == 1 && r.points > 0)
            let web = try await TestClient.signedIn(app, as: "office")
            let csv = try await web.send(.GET, "/people/\(spoke.personID)/participation.csv")
            #expect(csv.status == .ok && csv.text.contains("合计") && csv.text.contains(",\(spoke.speeches),\(Int(spoke.totalSeconds.rounded())),"))
            let page = try await web.send(.GET, "/people/\(spoke.personID)/participation")
            #expect(page.status == .ok && page.text.contains("id=\"count-speeches\">\(spoke.speeches)<"))
            // A member reads only their own record.
            try await S.call(try await Planning.api(app, "member"), .GET, "/api/v1/persons/\(spoke.personID)/participation",
                             expect: .forbidden)
        }
    }
    @Test("三(五) the quarterly summary counts the quarter's outcomes, sending on time and items, with SVG charts")
    func quarterlySummary() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            // Besides `prepared`'s sent recommendation (with one item due 2026-12-31), a draft reference brief.
            _ = try await O.draft(app, symposium: id, form: "referenceBrief", title: "参阅件")
            let office = try await Planning.api(app, "office")
            struct Summary: Decodable {
                struct Count: Decodable { let key: String; let count: Int }
                struct OnTime: Decodable { let onTime: Int; let late: Int; let pending: Int; let percentText: String }
                struct Items: Decodable { let total: Int; let implemented: Int; let overdue: Int }
                let outcomes: Int; let byForm: [Count]; let byState: [Count]; let sending: OnTime; let handlings: Int; let items: Items
            }
            // The quarter in which the symposium was held, on its own day.
            let (_, quarter) = try await OutcomeReportTests.heldQuarter(office, id)
            let other = quarter.key.hasSuffix("Q4") ? "2026-Q1" : "2026-Q4"
            let q = try S.decode(Summary.self, try await S.call(office, .GET, "/api/v1/summaries/\(quarter.key)"))
            #expect(q.outcomes == 2)
            #expect(q.byForm.map(\.count) == [1, 1, 0], "referenceBrief, recommendation, proposal")
            #expect(q.byState.map(\.count) == [1, 1], "drafting, sent")
            #expect(q.sending.onTime == 1 && q.sending.late == 0 && q.sending.pending == 1 && q.sending.percentText == "100%")
            #expect(q.handlings == 1)
            // A follow-up item counts in the quarter it is due in: `prepared`'s is due 2026-12-31.
            let q4 = quarter.key == "2026-Q4" ? q : try S.decode(Summary.self, try await S.call(office, .GET, "/api/v1/summaries/2026-Q4"))
            #expect(q4.items.total == 1 && q4.items.implemented == 0 && q4.items.overdue == 0)
            let empty = try S.decode(Summary.self, try await S.call(office, .GET, "/api/v1/summaries/\(other)"))
            #expect(empty.outcomes == 0)
            try await S.call(office, .GET, "/api/v1/summaries/2026-Q5", expect: .notFound)
            try await S.call(try await Planning.api(app, "member"), .GET, "/api/v1/summaries/\(quarter.key)", expect: .forbidden)
            let page = try await TestClient.signedIn(app, as: "office").send(.GET, "/summaries/\(quarter.key)")
            #expect(page.status == .ok && page.text.contains("<svg id=\"chart-by-form\"") && page.text.contains(quarter.name))
        }
    }
}
