import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// 二.1: each November the office calls for next year's topics; until the deadline every
/// committee submits and edits its own suggestions, and sees only its own.
@Suite("Annual plan: the call for topics and the committees' suggestions")
struct TopicCallTests {
    @Test func officeOpensTheCallWithADeadline() async throws {
        try await TestApp.run { app in
            let before = try await Planning.lastAuditSequence(app)
            // Not the committees' business, and not with a deadline already past.
            let committee = try await Planning.api(app, "committee")
            let refused = try await committee.json(.POST, Planning.plan() + "/call", ["deadline": Planning.deadline])
            #expect(refused.status == .forbidden)
            #expect(refused.errorCode == "forbidden")
            let office = try await Planning.api(app, "office")
            let past = try await office.json(.POST, Planning.plan() + "/call", ["deadline": "2026-11-20"])
            #expect(past.status == .badRequest)
            #expect(past.errorCode == "deadline_passed")
            #expect(try await office.send(.GET, Planning.plan() + "/call").status == .notFound)

            // Through the page, as the office does it.
            let page = try await TestClient.signedIn(app, as: "office")
            let opened = try await page.post(Planning.page() + "/call", form: ["deadline": Planning.deadline])
            #expect(opened.status == .seeOther, "\(opened.status) \(opened.text.prefix(300))")
            let call = try Planning.decode(TopicCall.self, try await committee.send(.GET, Planning.plan() + "/call"))
            #expect(call.deadline == Day(iso: Planning.deadline))
            #expect(call.opensOn == Day(iso: "2026-11-29"))
            #expect(call.isOpen(on: Day(iso: "2026-12-04")!))
            #expect(!call.isOpen(on: Day(iso: "2026-12-05")!))
            #expect(try await Planning.auditActions(app, after: before) == ["topic_call.open"])

            // The committees find it on the suggestions page.
            let committeePage = try await TestClient.signedIn(app, as: "committee")
            let suggestions = try await committeePage.send(.GET, Planning.page() + "/suggestions")
            #expect(suggestions.status == .ok)
            #expect(suggestions.text.contains("2026年12月4日") || suggestions.text.contains("2026-12-04"))
        }
    }

    @Test func threeCommitteesSubmitSuggestionsAsThemselves() async throws {
        try await TestApp.run { app in
            try await Planning.openCall(app)
            let c = try await Planning.Committees.load(app)

            // 农业农村委员会 through the page form (grounds as checkboxes).
            let page = try await TestClient.signedIn(app, as: "committee")
            let posted = try await postForm(page, Planning.page() + "/suggestions", [
                ("title", "推进高标准农田建设"), ("rationale", "粮食安全是县委中心工作。"),
                ("grounds[]", "centralWork"), ("grounds[]", "publicConcern"), ("suggestedMonth", "4"),
                ("proposedLeadCommitteeID", ""),
            ])
            #expect(posted.status == .seeOther, "\(posted.status) \(posted.text.prefix(300))")
            // The other two through the API.
            let economy = try await Planning.submit(app, as: "economy", .init(
                title: "促进民营经济高质量发展", rationale: "县域经济的主体。", grounds: [.majorReform],
                suggestedMonth: 6, proposedLeadCommitteeID: nil))
            let culture = try await Planning.submit(app, as: "culture", .init(
                title: "推动文旅融合发展", rationale: "新的增长点。", grounds: [.centralWork],
                suggestedMonth: 10, proposedLeadCommitteeID: c.economy))

            let all = try Planning.decode([PlanningStore.SuggestionDTO].self,
                                          try await Planning.api(app, "office").send(.GET, Planning.plan() + "/suggestions"))
            #expect(all.count == 3)
            let farmland = try #require(all.first { $0.title == "推进高标准农田建设" })
            // Whose suggestion it is comes from the signed-in user, not from the form.
            #expect(farmland.committeeID == c.agriculture)
            #expect(farmland.committeeName == "农业农村委员会")
            #expect(farmland.author == "黄冬梅")
            #expect(farmland.grounds == [.centralWork, .publicConcern])
            #expect(farmland.suggestedMonth == 4)
            #expect(economy.committeeID == c.economy && economy.author == "谢冬梅")
            #expect(culture.committeeID == c.culture && culture.author == "邓新民")
            #expect(culture.proposedLeadCommitteeName == "经济科技委员会")

            // An incomplete suggestion is refused in Chinese and stored nowhere.
            let incomplete = try await Planning.api(app, "culture").json(.POST, Planning.plan() + "/suggestions",
                Planning.Draft(title: " ", rationale: "", grounds: [], suggestedMonth: 13, proposedLeadCommitteeID: nil))
            #expect(incomplete.status == .badRequest)
            #expect(incomplete.errorCode == "suggestion_invalid")
            #expect(incomplete.text.contains("请填写议题名称"))
            // Members, experts, departments, leaders and the leadership suggest nothing.
            for user in ["member", "expert", "department", "leader", "chair", "admin"] {
                let res = try await Planning.api(app, user).json(.POST, Planning.plan() + "/suggestions",
                    Planning.Draft(title: "某议题", rationale: "理由", grounds: [.publicConcern], suggestedMonth: nil, proposedLeadCommitteeID: nil))
                #expect(res.status == .forbidden, "\(user) submitting: \(res.status)")
            }
            #expect(try await TopicSuggestionModel.query(on: app.db).count() == 3)
        }
    }

    @Test func eachCommitteeSeesOnlyItsOwnSuggestionsAndTheOfficeSeesAll() async throws {
        try await TestApp.run { app in
            try await Planning.openCall(app)
            let s = try await Planning.submitAll(app)
            let c = try await Planning.Committees.load(app)
            let own: [String: Int] = ["committee": c.agriculture, "economy": c.economy, "culture": c.culture]

            for (user, committee) in own {
                let mine = s.all.filter { $0.committeeID == committee }
                let others = s.all.filter { $0.committeeID != committee }
                // API list.
                let list = try Planning.decode([PlanningStore.SuggestionDTO].self,
                                               try await Planning.api(app, user).send(.GET, Planning.plan() + "/suggestions"))
                #expect(Set(list.map(\.id)) == Set(mine.map(\.id)), "\(user) lists \(list.map(\.title))")
                // API detail of another committee's: as if it did not exist.
                for other in others {
                    let res = try await Planning.api(app, user).send(.GET, "/api/v1/suggestions/\(other.id)")
                    #expect(res.status == .notFound, "\(user) reading suggestion \(other.id): \(res.status)")
                }
                // The page.
                let page = try await TestClient.signedIn(app, as: user).send(.GET, Planning.page() + "/suggestions")
                #expect(page.status == .ok)
                for m in mine { #expect(page.text.contains(m.title), "\(user) does not see own “\(m.title)”") }
                for o in others { #expect(!page.text.contains(o.title), "\(user) sees “\(o.title)” of \(o.committeeName)") }
            }

            // The office and the leadership see every committee's.
            for user in ["office", "admin", "chair", "vicechair", "secgen"] {
                let list = try Planning.decode([PlanningStore.SuggestionDTO].self,
                                               try await Planning.api(app, user).send(.GET, Planning.plan() + "/suggestions"))
                #expect(Set(list.map(\.id)) == Set(s.all.map(\.id)), "\(user) lists \(list.count)")
                let page = try await TestClient.signedIn(app, as: user).send(.GET, Planning.page() + "/suggestions")
                #expect(page.status == .ok)
                for x in s.all { #expect(page.text.contains(x.title), "\(user) does not see “\(x.title)”") }
            }

            // Nobody else: refused on the page and in the API alike.
            for user in ["member", "expert", "department", "leader"] {
                let api = try await Planning.api(app, user).send(.GET, Planning.plan() + "/suggestions")
                #expect(api.status == .forbidden, "\(user) listing: \(api.status) \(api.text.prefix(100))")
                let page = try await TestClient.signedIn(app, as: user).send(.GET, Planning.page() + "/suggestions")
                #expect(page.status == .forbidden)
                #expect(page.text.contains("无权访问"))
                #expect(try await Planning.api(app, user).send(.GET, "/api/v1/suggestions/\(s.farmland.id)").status == .notFound)
            }
        }
    }

    @Test func editingAfterTheDeadlineIsRefusedWithCallClosedAndChangesNothing() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            try await Planning.openCall(app)
            let s = try await Planning.submitAll(app)
            let edited = Planning.Draft(title: "推进高标准农田建设和管护", rationale: "改后的理由。",
                                        grounds: [.centralWork], suggestedMonth: 5, proposedLeadCommitteeID: nil)
            struct Update: Encodable { let version: Int; let suggestion: Planning.Draft }

            // On the deadline day itself the committee may still edit.
            clock.set(Date(timeIntervalSince1970: TestApp.defaultNow.timeIntervalSince1970 + 5 * 86_400))
            let onDeadline = try await Planning.api(app, "committee").json(.PUT, "/api/v1/suggestions/\(s.farmland.id)",
                                                                          Update(version: 1, suggestion: edited))
            #expect(onDeadline.status == .ok, "\(onDeadline.status) \(onDeadline.text.prefix(300))")
            let before = try #require(try await TopicSuggestionModel.find(s.farmland.id, on: app.db))
            #expect(before.version == 2 && before.title == edited.title)
            let audit = try await Planning.lastAuditSequence(app)

            clock.set(Planning.afterDeadline)
            var late = edited
            late.title = "截止后才改的题目"
            let api = try await Planning.api(app, "committee").json(.PUT, "/api/v1/suggestions/\(s.farmland.id)",
                                                                   Update(version: 2, suggestion: late))
            #expect(api.status == .conflict)
            #expect(api.errorCode == "call_closed")
            #expect(api.text.contains("议题征集已于2026年12月4日截止"))

            let page = try await TestClient.signedIn(app, as: "committee")
            let form = try await postForm(page, "/suggestions/\(s.farmland.id)", [
                ("title", late.title), ("rationale", late.rationale), ("grounds[]", "centralWork"),
                ("suggestedMonth", "5"), ("version", "2"),
            ])
            #expect(form.status.code >= 400 && form.status.code < 500, "page edit after the deadline: \(form.status)")
            #expect(form.text.contains("议题征集已于2026年12月4日截止"))

            // A new suggestion is refused too.
            let submit = try await Planning.api(app, "economy").json(.POST, Planning.plan() + "/suggestions", late)
            #expect(submit.status == .conflict)
            #expect(submit.errorCode == "call_closed")

            let after = try #require(try await TopicSuggestionModel.find(s.farmland.id, on: app.db))
            #expect(after.title == before.title && after.rationale == before.rationale && after.version == before.version)
            #expect(try await TopicSuggestionModel.query(on: app.db).count() == s.all.count)
            #expect(try await Planning.auditActions(app, after: audit).isEmpty, "a refusal wrote to the audit log")
        }
    }

    @Test func aCommitteeCannotEditAnotherCommitteesSuggestion() async throws {
        try await TestApp.run { app in
            try await Planning.openCall(app)
            let s = try await Planning.submitAll(app)
            struct Update: Encodable { let version: Int; let suggestion: Planning.Draft }
            let takeover = Planning.Draft(title: "改成经济科技委员会的题目", rationale: "越权修改。",
                                          grounds: [.majorReform], suggestedMonth: 3, proposedLeadCommitteeID: nil)
            let audit = try await Planning.lastAuditSequence(app)

            // Another committee does not even learn that it exists.
            let economy = try await Planning.api(app, "economy").json(.PUT, "/api/v1/suggestions/\(s.farmland.id)",
                                                                     Update(version: 1, suggestion: takeover))
            #expect(economy.status == .notFound)
            #expect(economy.errorCode == "not_found")
            let economyPage = try await TestClient.signedIn(app, as: "economy")
            #expect(try await economyPage.send(.GET, "/suggestions/\(s.farmland.id)/edit").status == .notFound)
            let posted = try await postForm(economyPage, "/suggestions/\(s.farmland.id)", [
                ("title", takeover.title), ("rationale", takeover.rationale), ("grounds[]", "majorReform"), ("version", "1"),
            ])
            #expect(posted.status == .notFound)

            // The office sees it but does not write the committees' suggestions.
            let office = try await Planning.api(app, "office").json(.PUT, "/api/v1/suggestions/\(s.farmland.id)",
                                                                   Update(version: 1, suggestion: takeover))
            #expect(office.status == .forbidden)
            #expect(office.errorCode == "forbidden")

            let stored = try #require(try await TopicSuggestionModel.find(s.farmland.id, on: app.db))
            #expect(stored.title == s.farmland.title && stored.version == 1)
            #expect(try await Planning.auditActions(app, after: audit).isEmpty)

            // Its own committee may, through the edit page.
            let own = try await TestClient.signedIn(app, as: "committee")
            #expect(try await own.send(.GET, "/suggestions/\(s.farmland.id)/edit").status == .ok)
            let saved = try await postForm(own, "/suggestions/\(s.farmland.id)", [
                ("title", "推进高标准农田建设与管护"), ("rationale", s.farmland.rationale), ("grounds[]", "centralWork"),
                ("suggestedMonth", "4"), ("version", "1"),
            ])
            #expect(saved.status == .seeOther, "\(saved.status) \(saved.text.prefix(300))")
            #expect(try await TopicSuggestionModel.find(s.farmland.id, on: app.db)?.title == "推进高标准农田建设与管护")
            #expect(try await Planning.auditActions(app, after: audit) == ["topic_suggestion.update"])
        }
    }
}
