import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// The follow-up items' rule that a draft is the CPPCC's own, and the outcome pages offering
/// each reader only what the domain would accept (三(五)).
@Suite("Outcome pages", .serialized)
struct OutcomePageTests {
    typealias S = Symposia
    typealias O = Outcomes

    /// A department contact of `departmentID`, as the access rule sees one.
    static func departmentUser(_ departmentID: Int) -> Principal {
        Principal(userID: 9999, username: "liaison", displayName: "联络人", roles: [.department], departmentID: departmentID)
    }

    @Test("三(五) a follow-up item needs a sent outcome: a draft is the CPPCC's own, whatever items it holds")
    func followUpItemNeedsSentOutcome() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            let committee = try await Planning.api(app, "committee")
            let department = try await Planning.api(app, "department")
            let a = try await O.addressees(app)
            let draft = try await O.draft(app, symposium: id)
            let item = #"{"title":"建设县级物流中心","ownerDepartmentID":\#(a.bureau),"due":"2026-12-31"}"#

            // The API: a 409 with its code, and nothing written.
            let before = try await Planning.lastAuditSequence(app)
            let refused = try await S.call(committee, .POST, "/api/v1/outcomes/\(draft.id)/items", item, expect: .conflict)
            #expect(refused.errorCode == "follow_up_outcome_not_sent")
            #expect(try await Planning.lastAuditSequence(app) == before, "a refusal wrote to the audit log")
            #expect(try await FollowUpItemModel.query(on: app.db).filter(\.$outcomeID == draft.id).count() == 0)
            // The page: the form is not offered; a post anyway is refused in Chinese.
            let web = try await TestClient.signedIn(app, as: "committee")
            let page = try await web.send(.GET, "/outcomes/\(draft.id)")
            #expect(page.status == .ok && !page.text.contains(#"id="add-item""#) && page.text.contains("协商成果报送后"))
            let posted = try await web.post("/outcomes/\(draft.id)/items",
                                            form: ["title": "建设县级物流中心", "ownerDepartmentID": String(a.bureau), "due": "2026-12-31"])
            #expect(posted.status == .conflict && posted.text.contains("协商成果尚未报送，不能添加落实事项"))

            // An item stored on a draft before the rule (or by any other path) opens the draft to nobody.
            let stray = try FollowUpItem(outcomeID: draft.id, title: "旧数据中的落实事项", ownerDepartmentID: a.other, due: Day(year: 2026, month: 12, day: 31)!,
                                         by: "测试", at: Date())
            try await OutcomeStore.save(stray, into: FollowUpItemModel(), version: 1, on: app.db)
            let loaded = try #require(try await OutcomeStore.load(draft.id, on: app.db))
            #expect(!loaded.items.isEmpty && !OutcomeAccess.sees(loaded, Self.departmentUser(a.other)))
            _ = try await O.get(department, draft.id, expect: .notFound)

            // Sent: the item's owner department sees the outcome, though it is not a recipient.
            let sent = try await O.sent(app, draft)
            let third = try #require(try await DepartmentModel.query(on: app.db).filter(\.$id != a.bureau).filter(\.$id != a.other)
                .first()?.id)
            let withItem = try S.decode(O.DTO.self, try await S.call(committee, .POST, "/api/v1/outcomes/\(sent.id)/items",
                #"{"title":"出台物流补贴办法","ownerDepartmentID":\#(third),"due":"2026-12-31"}"#, expect: .created))
            #expect(withItem.items.contains { $0.ownerDepartmentID == third })
            let now = try #require(try await OutcomeStore.load(sent.id, on: app.db))
            #expect(OutcomeAccess.sees(now, Self.departmentUser(third)))
            #expect(!OutcomeAccess.sees(now, Self.departmentUser(-1)), "a department with nothing to do with it")
        }
    }

    @Test("三(五) the outcome page offers each reader only the steps the domain would accept, with their own messages")
    func pageOffersAllowedSteps() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            let office = try await Planning.api(app, "office")
            let committeeWeb = try await TestClient.signedIn(app, as: "committee")
            let departmentWeb = try await TestClient.signedIn(app, as: "department")
            let leaderWeb = try await TestClient.signedIn(app, as: "leader")
            func page(_ c: TestClient) async throws -> String {
                let res = try await c.send(.GET, "/outcomes/1")
                #expect(res.status == .ok)
                return res.text
            }
            func version() async throws -> String { String(try #require(try await O.get(office, 1)).version) }
            /// A handling step through the page's form; the next page shows its message.
            func step(_ c: TestClient, _ form: [String: String], says message: String) async throws {
                var f = form
                f["version"] = try await version()
                let res = try await c.post("/outcomes/1/handlings/1", form: f)
                #expect(res.status == .seeOther, "\(form["action"] ?? ""): \(res.status) \(res.text.prefix(300))")
                #expect(try await page(c).contains(#"role="status">\#(message)<"#), "no “\(message)”")
            }

            // Handling: the department accepts and replies, each step saying what it was.
            var text = try await page(departmentWeb)
            #expect(text.contains(#"value="accept""#) && !text.contains(#"id="reply-form""#))
            try await step(departmentWeb, ["action": "accept"], says: "已接收办理。")
            text = try await page(departmentWeb)
            #expect(!text.contains(#"value="accept""#) && text.contains(#"id="reply-form""#))
            try await step(departmentWeb, ["action": "reply", "text": "已列入计划。", "result": "planned"], says: "已答复。")
            // The lead committee: re-handling is offered after an unsatisfied rating only.
            text = try await page(committeeWeb)
            #expect(text.contains(#"id="rate-form""#) && !text.contains(#"value="rehandle""#))
            try await step(committeeWeb, ["action": "rate", "satisfaction": "unsatisfied", "comments": "措施不具体"], says: "已测评。")
            text = try await page(committeeWeb)
            #expect(text.contains(#"value="rehandle""#) && !text.contains(#"id="rate-form""#))
            try await step(committeeWeb, ["action": "rehandle", "reason": "请细化措施"], says: "已要求重新办理。")
            try await step(departmentWeb, ["action": "reply", "text": "已细化为三项措施。", "result": "partlySolved"], says: "已答复。")
            try await step(committeeWeb, ["action": "rate", "satisfaction": "satisfied"], says: "已测评。")
            text = try await page(committeeWeb)
            #expect(!text.contains(#"value="rehandle""#), "re-handling offered after a satisfied rating")

            // Follow-up item 1 (县农业农村局): a progress note from the lead committee and the owner
            // department, not from a county leader; the status for the lead committee only, from
            // the current status to the allowed ones.
            #expect(text.contains("/outcomes/1/items/1/notes") && text.contains("/outcomes/1/items/1/status"))
            #expect(text.contains(#"<option value="" selected>未开始（当前）</option>"#))
            for next in ["inProgress", "implemented", "dropped"] { #expect(text.contains(#"<option value="\#(next)">"#)) }
            #expect(!text.contains(#"<option value="open">"#))
            let departmentPage = try await page(departmentWeb)
            #expect(departmentPage.contains("/outcomes/1/items/1/notes") && !departmentPage.contains("/outcomes/1/items/1/status"))
            let leaderPage = try await page(leaderWeb)
            #expect(!leaderPage.contains("/outcomes/1/items/1/notes") && !leaderPage.contains("/outcomes/1/items/1/status"))
            let committee = try await Planning.api(app, "committee")
            try await S.edit(committee, .POST, "/api/v1/outcomes/1/items/1/status", #"{"status":"implemented"}"#, basedOn: "/api/v1/outcomes/1", item: 1)
            try await S.edit(committee, .POST, "/api/v1/outcomes/1/items/1/notes", #"{"text":"物流中心已建成","date":"2026-12-01"}"#, basedOn: "/api/v1/outcomes/1", item: 1)
            text = try await page(committeeWeb)
            #expect(text.contains(#"<option value="" selected>已落实（当前）</option>"#) && text.contains(#"<option value="inProgress">"#))
            #expect(!text.contains(#"<option value="dropped">"#) && !text.contains(#"<option value="implemented">"#))

            // Dates in Chinese: the note's day, the receipt's and the handling's time limits.
            #expect(text.contains("2026年12月1日</span> 物流中心已建成"))
            struct Dates: Decodable {
                struct R: Decodable { let acknowledgeDue: String?; let acknowledgeDueText: String? }
                let recipients: [R]; let symposiumDayText: String
            }
            let dates = try S.decode(Dates.self, try await S.call(office, .GET, "/api/v1/outcomes/1"))
            for r in dates.recipients {
                let due = try #require(r.acknowledgeDue), dueText = try #require(r.acknowledgeDueText)
                #expect(text.contains(#"data-label="签收时限">\#(dueText)"#) && !text.contains(due))
            }
            #expect(text.contains("（\(dates.symposiumDayText)）"))

            // What the outcome draws on: the speech, the research, and the material for those
            // who may open it (secrecy and distribution as on the materials' own pages).
            struct Links: Decodable { struct L: Decodable { let materialIDs: [Int] }; let links: L }
            let material = try #require(try S.decode(Links.self, try await S.call(office, .GET, "/api/v1/outcomes/1")).links.materialIDs.first)
            let href = #"href="/symposia/\#(id)/materials/\#(material)""#
            #expect(text.contains(href) && text.contains(#"href="/symposia/\#(id)/research""#) && text.contains("第3号"))
            let departmentMay = try await Planning.api(app, "department").send(.GET, "/api/v1/materials/\(material)").status == .ok
            #expect(try await page(departmentWeb).contains(href) == departmentMay)
        }
    }

    @Test("三(五) the summaries and each topic's whole chain are a click away")
    func summariesAndTraceAreLinked() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            let symposium = try #require(try await SymposiumModel.find(id, on: app.db))
            let trace = "/plans/\(symposium.year)/topics/\(symposium.topicID)/trace"
            // The clock says the meeting's day (it was held on it): its quarter is the current one.
            let quarter = OutcomeReportTests.Quarter(containing: Day(app.xieshang.clock.now())).key
            for user in ["office", "committee", "chair", "leader"] {
                let home = try await TestClient.signedIn(app, as: user).send(.GET, "/")
                #expect(home.text.contains(#"href="/summaries/\#(quarter)""#) && home.text.contains("成果汇总"), "\(user)")
            }
            for user in ["member", "expert", "department"] {
                let home = try await TestClient.signedIn(app, as: user).send(.GET, "/")
                #expect(!home.text.contains("/summaries/"), "\(user) is offered the summaries")
            }
            let office = try await TestClient.signedIn(app, as: "office")
            let tab = try await office.send(.GET, "/symposia/\(id)/outcomes")
            #expect(tab.text.contains(#"href="\#(trace)""#) && tab.text.contains(#"href="/summaries/2026""#))
            let plan = try await office.send(.GET, "/plans/\(symposium.year)")
            #expect(plan.text.contains(#"href="\#(trace)""#))
            let summary = try await office.send(.GET, "/summaries/2026")
            #expect(summary.text.contains(#"href="/summaries/\#(quarter)" aria-current="page""#), "the entry is not marked for another period")

            // The trace words each speech's length as one says it.
            struct Trace: Decodable { struct Speech: Decodable { let seconds: Int; let durationText: String }; let speeches: [Speech] }
            let t = try S.decode(Trace.self, try await S.call(try await Planning.api(app, "office"), .GET, "/api/v1" + trace))
            #expect(!t.speeches.isEmpty)
            for s in t.speeches { #expect(s.durationText == SpeakingLength.text(Double(s.seconds))) }
        }
    }

    @Test("三(四).2 the outcome form offers to link only the materials the editor may see")
    func outcomeFormListsOnlyVisibleMaterials() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            let draft = try await O.draft(app, symposium: id)
            // The keynote of the fixture (material 1) is for the attendees and the county leaders.
            let option = #"name="materialIDs[]" value="1""#
            let office = try await TestClient.signedIn(app, as: "office").send(.GET, "/outcomes/\(draft.id)")
            #expect(office.status == .ok && office.text.contains(option), "the office sees every issuable material")
            let admin = try await TestClient.signedIn(app, as: "admin").send(.GET, "/outcomes/\(draft.id)")
            #expect(admin.status == .ok)
            #expect(!admin.text.contains(option), "the administrator is outside the keynote's range")
            // Nor can the administrator link it through the API: it is as unknown as a missing one.
            let adminAPI = try await Planning.api(app, "admin")
            let refused = try await adminAPI.json(.PUT, "/api/v1/outcomes/\(draft.id)", OutcomeActions.EditInput(
                version: draft.version, title: draft.title, body: "正文", form: .recommendation,
                links: OutcomeLinks(speechIDs: [], materialIDs: [1], researchIDs: []), recipients: []))
            #expect(refused.status.code >= 400 && refused.status.code < 500, "linking an invisible material: \(refused.status)")
        }
    }
}
