import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// 二.1–二.3: the office consolidates the suggestions into about six topics, schedules them
/// on working days away from holidays, the chairman's meeting adopts the plan, the party
/// group reports it, the county party committee consents, three offices issue it jointly;
/// later changes are adjustments with their reason. Each test states one rule.
@Suite("Annual plan: from consolidation to the jointly issued plan")
struct PlanningFlowTests {
    struct VersionOnly: Encodable { let version: Int }
    struct DateInput: Encodable { let version: Int; let date: String; let confirmNonWorkingDay: Bool? }
    struct Adjustment: Encodable {
        let version: Int; let topicID: Int; let title: String; let leadCommitteeID: Int?; let month: Int
        let date: String?; let confirmNonWorkingDay: Bool?; let reason: String
    }
    /// What `/versions` answers, without its timestamp.
    struct Version: Decodable { let version: Int; let state: AnnualPlan.State; let actor: String; let note: String; let plan: AnnualPlan }

    static func topic(_ plan: PlanDTO, titled title: String) throws -> PlanDTO.Topic {
        try #require(plan.topics.first { $0.title == title }, "no topic “\(title)” in \(plan.topics.map(\.title))")
    }

    @Test func officeConsolidatesSixTopicsMergingDuplicateSuggestions() async throws {
        try await TestApp.run { app in
            try await Planning.openCall(app)
            let s = try await Planning.submitAll(app)
            let c = try await Planning.Committees.load(app)
            try await Planning.createPlan(app)
            try await Planning.consolidate(app, s)

            let plan = try await Planning.planDTO(app)
            #expect(plan.topics.count == 6, "\(plan.topics.map(\.title))")
            #expect(plan.topics.map(\.month) == [2, 4, 6, 8, 10, 12])
            // Two committees' duplicate suggestions became one topic that remembers both.
            let merged = try Self.topic(plan, titled: "发展农村电子商务助力乡村振兴")
            #expect(Set(merged.sourceSuggestionIDs) == [s.ruralECommerce.id, s.countyECommerce.id])
            #expect(merged.leadCommitteeID == c.agriculture && merged.leadCommitteeName == "农业农村委员会")
            #expect(merged.month == 8)
            #expect(merged.rationale.contains(s.ruralECommerce.rationale) && merged.rationale.contains(s.countyECommerce.rationale))
            // A suggestion's own committee leads unless it proposed another.
            #expect(try Self.topic(plan, titled: s.tourism.title).leadCommitteeID == c.culture)
            #expect(try Self.topic(plan, titled: s.privateEconomy.title).leadCommitteeID == c.economy)
            // The January–February topic is discussed at the plenary session and has no date (二.3).
            let february = try Self.topic(plan, titled: s.businessClimate.title)
            #expect(february.mergedWithPlenary)
            #expect(february.date == nil)
            #expect(plan.topics.filter(\.mergedWithPlenary).count == 1)
            #expect(Set(plan.topics.flatMap(\.sourceSuggestionIDs)) == Set(s.all.map(\.id)))

            // The page shows every topic, the merged month, and each suggestion as taken.
            let page = try await TestClient.signedIn(app, as: "office").send(.GET, Planning.page())
            #expect(page.status == .ok)
            for t in plan.topics { #expect(page.text.contains(t.title)) }
            #expect(page.text.contains("与全体会议合并"))
            #expect(page.text.components(separatedBy: "〔已采纳〕").count - 1 == s.all.count)

            // The February topic cannot be given a date, by the scheduler or by hand.
            let office = try await Planning.api(app, "office")
            let version = try await Planning.stored(app).version
            let dated = try await office.json(.POST, Planning.plan() + "/topics/\(february.id)/date",
                                              DateInput(version: version, date: "2026-02-10", confirmNonWorkingDay: nil))
            #expect(dated.status == .badRequest)
            #expect(dated.errorCode == "merged_month_has_no_date")
            let scheduled = try Planning.decode(PlanDTO.self, try await office.json(.POST, Planning.plan() + "/schedule", VersionOnly(version: version)))
            #expect(try Self.topic(scheduled, titled: s.businessClimate.title).date == nil)
        }
    }

    @Test func scheduleGivesWorkingDaysNotNextToHolidaysAvoidingBlockedDates() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            let calendar = app.xieshang.calendar.calendar
            let first = try await Planning.planDTO(app)
            func checkRules(_ plan: PlanDTO) throws {
                for t in plan.topics where !t.mergedWithPlenary {
                    let d = try #require(t.date, "“\(t.title)” has no date")
                    #expect(d.year == 2026 && d.month == t.month)
                    #expect(try calendar.isWorkingDay(d), "“\(t.title)” on \(d), not a working day")
                    #expect(try !calendar.isNextToHoliday(d), "“\(t.title)” on \(d), next to a holiday")
                    #expect(!t.onNonWorkingDay && !t.dateOverridden)
                }
                let days = plan.topics.compactMap(\.date)
                #expect(Set(days).count == days.count, "two symposia on one day: \(days)")
            }
            try checkRules(first)

            // Block the days the scheduler chose for two topics (the page for one, the API for
            // both): the next proposal avoids them, and still keeps every other rule.
            let october = try Self.topic(first, titled: "推动文旅融合发展")
            let june = try Self.topic(first, titled: "促进民营经济高质量发展")
            let octoberDay = try #require(october.date)
            let juneDay = try #require(june.date)
            let page = try await TestClient.signedIn(app, as: "office")
            let added = try await page.post(Planning.page() + "/blocked-dates", form: [
                "version": String(first.version), "day": octoberDay.iso, "reason": "县政协常委会议"])
            #expect(added.status == .seeOther, "\(added.status) \(added.text.prefix(300))")
            let office = try await Planning.api(app, "office")
            struct Blocked: Encodable { let version: Int; let blockedDates: [BlockedDate] }
            let blocked = try await office.json(.PUT, Planning.plan() + "/blocked-dates", Blocked(
                version: try await Planning.stored(app).version,
                blockedDates: [BlockedDate(day: octoberDay, reason: "县政协常委会议"), BlockedDate(day: juneDay, reason: "主要领导外出")]))
            #expect(blocked.status == .ok, "\(blocked.status) \(blocked.text.prefix(300))")
            // A blocked date needs its reason.
            let noReason = try await office.json(.PUT, Planning.plan() + "/blocked-dates", Blocked(
                version: try await Planning.stored(app).version, blockedDates: [BlockedDate(day: octoberDay, reason: " ")]))
            #expect(noReason.status == .badRequest)

            let res = try await office.json(.POST, Planning.plan() + "/schedule", VersionOnly(version: try await Planning.stored(app).version))
            #expect(res.status == .ok)
            let second = try Planning.decode(PlanDTO.self, res)
            try checkRules(second)
            #expect(second.blockedDates.map(\.day) == [juneDay, octoberDay])
            let newOctober = try #require(try Self.topic(second, titled: october.title).date)
            let newJune = try #require(try Self.topic(second, titled: june.title).date)
            #expect(newOctober != octoberDay && newOctober.month == 10)
            #expect(newJune != juneDay && newJune.month == 6)

            // The plan page shows the dates with their weekday.
            let shown = try await page.send(.GET, Planning.page())
            #expect(shown.text.contains(newOctober.chinese))
        }
    }

    @Test func overrideOntoASundayNeedsConfirmationAndIsThenFlagged() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            let office = try await Planning.api(app, "office")
            let before = try await Planning.planDTO(app)
            let june = try Self.topic(before, titled: "促进民营经济高质量发展")
            let sunday = "2026-06-28"
            #expect(Day(iso: sunday)?.weekday == 7)
            let audit = try await Planning.lastAuditSequence(app)

            let refused = try await office.json(.POST, Planning.plan() + "/topics/\(june.id)/date",
                                                DateInput(version: before.version, date: sunday, confirmNonWorkingDay: nil))
            #expect(refused.status == .badRequest)
            #expect(refused.errorCode == "non_working_day_unconfirmed")
            #expect(refused.text.contains("2026年6月28日是周末，不是工作日"))
            // The page form without the checkbox: the same refusal, in Chinese, on the page.
            let page = try await TestClient.signedIn(app, as: "office")
            let pageRefused = try await page.post(Planning.page() + "/topics/\(june.id)/date",
                                                  form: ["version": String(before.version), "date": sunday])
            #expect(pageRefused.status == .badRequest)
            #expect(pageRefused.text.contains("如确需安排，请勾选确认"))
            let unchanged = try await Planning.planDTO(app)
            #expect(unchanged.version == before.version)
            #expect(try Self.topic(unchanged, titled: june.title).date == june.date)
            #expect(try await Planning.auditActions(app, after: audit).isEmpty)

            // Confirmed on the page: taken, and flagged wherever the plan is shown.
            let confirmed = try await page.post(Planning.page() + "/topics/\(june.id)/date",
                                                form: ["version": String(before.version), "date": sunday, "confirmNonWorkingDay": "1"])
            #expect(confirmed.status == .seeOther, "\(confirmed.status) \(confirmed.text.prefix(300))")
            let after = try await Planning.planDTO(app)
            let moved = try Self.topic(after, titled: june.title)
            #expect(moved.date == Day(iso: sunday))
            #expect(moved.onNonWorkingDay && moved.dateOverridden)
            #expect(after.warnings.contains { $0.contains("非工作日") })
            #expect(try await Planning.auditActions(app, after: audit) == ["annual_plan.date_override"])

            // The scheduler leaves the office's choice alone.
            let rescheduled = try Planning.decode(PlanDTO.self, try await office.json(.POST, Planning.plan() + "/schedule",
                                                                                       VersionOnly(version: after.version)))
            #expect(try Self.topic(rescheduled, titled: june.title).date == Day(iso: sunday))

            // And the API with confirmation does the same for another topic.
            let october = try Self.topic(rescheduled, titled: "推动文旅融合发展")
            let apiConfirmed = try await office.json(.POST, Planning.plan() + "/topics/\(october.id)/date",
                                                     DateInput(version: rescheduled.version, date: "2026-10-03", confirmNonWorkingDay: true))
            #expect(apiConfirmed.status == .ok)
            let national = try Self.topic(try Planning.decode(PlanDTO.self, apiConfirmed), titled: october.title)
            #expect(national.onNonWorkingDay && national.date == Day(iso: "2026-10-03"))
        }
    }

    @Test func stepsOutOfOrderAreRefusedAndChangeNothing() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            let office = try await Planning.api(app, "office")
            let before = try await Planning.stored(app)
            let audit = try await Planning.lastAuditSequence(app)

            for (action, reference) in [("issue", "安政协办联发〔2026〕5号"), ("consent", "同意"), ("report", "报告")] {
                let res = try await office.json(.POST, Planning.plan() + "/steps",
                                                Planning.Step(version: before.version, action: action, date: "2026-12-08", reference: reference))
                #expect(res.status == .conflict, "\(action) on a draft: \(res.status)")
                #expect(res.errorCode == "plan_step_out_of_order")
                #expect(res.text.contains("当前状态为“草案”"), "\(res.text)")
                #expect(res.text.contains("须先经政协主席会议协商通过"))
            }
            // The page's step form, tampered with: the same refusal on the page.
            let page = try await TestClient.signedIn(app, as: "office")
            let pageRes = try await page.post(Planning.page() + "/steps", form: [
                "version": String(before.version), "action": "issue", "date": "2026-12-08", "reference": "安政协办联发〔2026〕5号"])
            #expect(pageRes.status == .conflict)
            #expect(pageRes.text.contains("不能执行“联合发文”"))

            let after = try await Planning.stored(app)
            #expect(after.version == before.version)
            #expect(after.plan == before.plan)
            #expect(after.plan.state == .draft && after.plan.steps.isEmpty)
            #expect(try await Planning.auditActions(app, after: audit).isEmpty, "a refused step wrote to the audit log")

            // Once adopted, skipping the report is refused the same way.
            let adopted = try await office.json(.POST, Planning.plan() + "/steps",
                                                Planning.Step(version: before.version, action: "adopt", date: "2026-12-08", reference: "十一届第25次主席会议"))
            #expect(adopted.status == .ok)
            let skip = try await office.json(.POST, Planning.plan() + "/steps",
                                             Planning.Step(version: before.version + 1, action: "consent", date: "2026-12-10", reference: "同意"))
            #expect(skip.status == .conflict)
            #expect(skip.errorCode == "plan_step_out_of_order")
            #expect(skip.text.contains("须先以县政协党组名义报县委"))
            #expect(try await Planning.stored(app).plan.state == .adopted)
        }
    }

    @Test func stepsInOrderReachIssuedWithTheDocumentNumber() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            let office = try await Planning.api(app, "office")
            let page = try await TestClient.signedIn(app, as: "office")
            var expectedState: [AnnualPlan.State] = [.adopted, .reported, .consented, .issued]
            // Adoption and the report on the page, consent and issuance through the API.
            for (i, step) in Planning.steps.enumerated() {
                let version = try await Planning.stored(app).version
                if i < 2 {
                    let res = try await page.post(Planning.page() + "/steps", form: [
                        "version": String(version), "action": step.action, "date": step.date, "reference": step.reference])
                    #expect(res.status == .seeOther, "\(step.action): \(res.status) \(res.text.prefix(300))")
                } else {
                    let res = try await office.json(.POST, Planning.plan() + "/steps",
                                                    Planning.Step(version: version, action: step.action, date: step.date, reference: step.reference))
                    #expect(res.status == .ok, "\(step.action): \(res.status) \(res.text.prefix(300))")
                }
                let plan = try await Planning.planDTO(app)
                #expect(plan.state == expectedState.removeFirst())
                #expect(plan.version == version + 1)
            }
            let plan = try await Planning.planDTO(app)
            #expect(plan.state == .issued && plan.stateName == "联合发文实施")
            #expect(plan.documentNumber == "安政协办联发〔2026〕5号")
            #expect(plan.nextAction == nil)
            #expect(plan.steps.map(\.action) == [.adopt, .report, .consent, .issue])
            // The plan's records name the person (the office user 刘秋菊), the audit log the account.
            #expect(plan.steps.allSatisfy { $0.actor == "刘秋菊" }, "\(plan.steps.map(\.actor))")
            #expect(plan.steps.map(\.date.iso) == Planning.steps.map(\.date))
            let shown = try await page.send(.GET, Planning.page())
            #expect(shown.text.contains("安政协办联发〔2026〕5号"))
            #expect(shown.text.contains("联合发文实施"))

            // Topics of an issued plan change only by adjustment.
            let edit = try await office.json(.PUT, Planning.plan() + "/topics", PlanningAPI.TopicsInput(version: plan.version, topics: []))
            #expect(edit.status == .conflict)
            #expect(edit.errorCode == "plan_not_editable")
        }
    }

    @Test func issuanceNeedsAWellFormedDocumentNumber() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            let office = try await Planning.api(app, "office")
            for step in Planning.steps.dropLast() {
                let res = try await office.json(.POST, Planning.plan() + "/steps", Planning.Step(
                    version: try await Planning.stored(app).version, action: step.action, date: step.date, reference: step.reference))
                #expect(res.status == .ok)
            }
            let version = try await Planning.stored(app).version
            for wrong in ["安政协办联发[2026]5号", "安政协办联发〔2026〕05号", ""] {
                let res = try await office.json(.POST, Planning.plan() + "/steps",
                                                Planning.Step(version: version, action: "issue", date: "2026-12-18", reference: wrong))
                #expect(res.status == .badRequest, "“\(wrong)”: \(res.status)")
                #expect(res.errorCode == "plan_step_invalid")
                #expect(res.text.contains("联合发文字号格式"))
            }
            #expect(try await Planning.stored(app).plan.state == .consented)
        }
    }

    @Test func aStaleVersionIsRefusedWithVersionConflict() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            let office = try await Planning.api(app, "office")
            let before = try await Planning.stored(app)
            let stale = before.version - 1
            let audit = try await Planning.lastAuditSequence(app)

            let step = try await office.json(.POST, Planning.plan() + "/steps",
                                             Planning.Step(version: stale, action: "adopt", date: "2026-12-08", reference: "十一届第25次主席会议"))
            #expect(step.status == .conflict)
            #expect(step.errorCode == "version_conflict")
            let schedule = try await office.json(.POST, Planning.plan() + "/schedule", VersionOnly(version: stale))
            #expect(schedule.errorCode == "version_conflict")
            let topics = try await office.json(.PUT, Planning.plan() + "/topics", PlanningAPI.TopicsInput(version: stale, topics: []))
            #expect(topics.errorCode == "version_conflict")
            // Two office staff with the same page open: the second save is refused.
            let page = try await TestClient.signedIn(app, as: "office")
            let pageRes = try await page.post(Planning.page() + "/schedule", form: ["version": String(stale)])
            #expect(pageRes.status == .conflict)
            #expect(pageRes.text.contains("已被他人修改"))

            let after = try await Planning.stored(app)
            #expect(after.version == before.version && after.plan == before.plan)
            #expect(try await Planning.auditActions(app, after: audit).isEmpty)
        }
    }

    @Test func adjustmentAfterIssuanceNeedsAReasonAndIsKeptWithBeforeAndAfter() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            let c = try await Planning.Committees.load(app)
            let office = try await Planning.api(app, "office")

            // Before issuance the plan is edited directly; "adjustment" is for the issued plan.
            let draft = try await Planning.planDTO(app)
            let tourism = try Self.topic(draft, titled: "推动文旅融合发展")
            let early = try await office.json(.POST, Planning.plan() + "/adjustments", Adjustment(
                version: draft.version, topicID: tourism.id, title: tourism.title, leadCommitteeID: c.culture, month: 11,
                date: nil, confirmNonWorkingDay: nil, reason: "县委调整工作安排"))
            #expect(early.status == .conflict)
            #expect(early.errorCode == "adjustment_before_issuance")

            try await Planning.issue(app)
            let issued = try await Planning.planDTO(app)
            let audit = try await Planning.lastAuditSequence(app)
            for reason in ["", "   "] {
                let res = try await office.json(.POST, Planning.plan() + "/adjustments", Adjustment(
                    version: issued.version, topicID: tourism.id, title: "推动文旅融合高质量发展", leadCommitteeID: c.culture,
                    month: 11, date: nil, confirmNonWorkingDay: nil, reason: reason))
                #expect(res.status == .badRequest)
                #expect(res.errorCode == "adjustment_reason_required")
                #expect(res.text.contains("调整年度计划须说明理由"))
            }
            // The page's adjustment form without a reason: the same, on the page.
            let page = try await TestClient.signedIn(app, as: "office")
            let pageRes = try await page.post(Planning.page() + "/adjustments", form: [
                "version": String(issued.version), "topicID": String(tourism.id), "title": "推动文旅融合高质量发展",
                "leadCommitteeID": String(c.culture), "month": "11", "reason": ""])
            #expect(pageRes.status == .badRequest)
            #expect(pageRes.text.contains("调整年度计划须说明理由"))
            #expect(try await Planning.stored(app).version == issued.version)
            #expect(try await Planning.auditActions(app, after: audit).isEmpty)

            // With a reason: moved to November, date proposed by the rules, the change kept.
            let res = try await office.json(.POST, Planning.plan() + "/adjustments", Adjustment(
                version: issued.version, topicID: tourism.id, title: "推动文旅融合高质量发展", leadCommitteeID: c.culture,
                month: 11, date: nil, confirmNonWorkingDay: nil, reason: "与县文旅产业大会时间冲突，推迟一个月"))
            #expect(res.status == .ok, "\(res.status) \(res.text.prefix(300))")
            let adjusted = try await Planning.planDTO(app)
            #expect(adjusted.state == .issued && adjusted.documentNumber == issued.documentNumber)
            let a = try #require(adjusted.adjustments.first)
            #expect(adjusted.adjustments.count == 1)
            #expect(a.reason == "与县文旅产业大会时间冲突，推迟一个月")
            #expect(a.actor == "刘秋菊" && a.topicID == tourism.id && a.date == Day(iso: "2026-11-29"))
            #expect(a.before.title == "推动文旅融合发展" && a.before.month == 10 && a.before.date == tourism.date)
            #expect(a.after.title == "推动文旅融合高质量发展" && a.after.month == 11)
            let newDate = try #require(a.after.date)
            #expect(newDate.month == 11)
            #expect(try app.xieshang.calendar.calendar.isWorkingDay(newDate))
            #expect(try Self.topic(adjusted, titled: "推动文旅融合高质量发展").date == newDate)
            #expect(try await Planning.auditActions(app, after: audit) == ["annual_plan.adjust"])

            // In the history: the newest version holds the adjustment, the one before does not.
            let versions = try Planning.decode([Version].self, try await office.send(.GET, Planning.plan() + "/versions"))
            let newest = try #require(versions.first)
            #expect(newest.version == adjusted.version)
            #expect(newest.note.contains("与县文旅产业大会时间冲突"))
            #expect(newest.plan.adjustments.first?.before.title == "推动文旅融合发展")
            #expect(newest.plan.adjustments.first?.after.title == "推动文旅融合高质量发展")
            #expect(versions.dropFirst().first?.plan.adjustments.isEmpty == true)
            #expect(versions.map(\.version) == Array((1...adjusted.version).reversed()))
            // And on the plan page for everyone (it is issued).
            let memberPage = try await TestClient.signedIn(app, as: "member").send(.GET, Planning.page())
            #expect(memberPage.status == .ok)
            #expect(memberPage.text.contains("与县文旅产业大会时间冲突，推迟一个月"))
        }
    }

    @Test func everyStepAppendsAuditEntries() async throws {
        try await TestApp.run { app in
            var mark = try await Planning.lastAuditSequence(app)
            func expectNew(_ actions: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
                let got = try await Planning.auditActions(app, after: mark)
                #expect(got == actions, sourceLocation: sourceLocation)
                mark = try await Planning.lastAuditSequence(app)
            }
            try await Planning.openCall(app)
            try await expectNew(["topic_call.open"])
            let s = try await Planning.submitAll(app)
            try await expectNew(Array(repeating: "topic_suggestion.submit", count: s.all.count))
            try await Planning.createPlan(app)
            try await expectNew(["annual_plan.create"])
            try await Planning.consolidate(app, s)
            try await expectNew(Array(repeating: "annual_plan.topics", count: 6))
            let office = try await Planning.api(app, "office")
            _ = try await office.json(.POST, Planning.plan() + "/schedule", VersionOnly(version: try await Planning.stored(app).version))
            try await expectNew(["annual_plan.schedule"])
            try await Planning.issue(app)
            try await expectNew(["annual_plan.adopt", "annual_plan.report", "annual_plan.consent", "annual_plan.issue"])

            // Each plan entry records the plan before and after, by whom.
            let issue = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$action == "annual_plan.issue").first())
            #expect(issue.actor == "office" && issue.objectType == "annual_plan" && issue.objectID == "2026")
            let before = try JSONDecoder().decode(AnnualPlan.self, from: Data(try #require(issue.before).utf8))
            let after = try JSONDecoder().decode(AnnualPlan.self, from: Data(try #require(issue.after).utf8))
            #expect(before.state == .consented && after.state == .issued)
            #expect(after.documentNumber == "安政协办联发〔2026〕5号")
            // The chain is intact.
            let verify = try await office.send(.GET, "/api/v1/audit/verify")
            #expect(verify.status == .ok)
            #expect(try Planning.decode(AuditLog.Verification.self, verify).intact, "\(verify.text)")
        }
    }

    @Test func aDraftPlanIsHiddenFromMembersWhileAnIssuedOneIsNot() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            let member = try await Planning.api(app, "member")
            let memberPage = try await TestClient.signedIn(app, as: "member")
            for user in ["member", "expert", "department"] {
                let res = try await Planning.api(app, user).send(.GET, Planning.plan())
                #expect(res.status == .notFound, "\(user) reading the draft: \(res.status)")
                #expect(res.errorCode == "not_found")
            }
            #expect(try await member.send(.GET, Planning.plan() + "/versions").status == .notFound)
            #expect(try await memberPage.send(.GET, Planning.page()).status == .notFound)
            #expect(try await memberPage.send(.GET, Planning.page() + "/print").status == .notFound)
            let list = try Planning.decode([PlanningAPI.Summary].self, try await member.send(.GET, "/api/v1/plans"))
            #expect(list.isEmpty)
            // The CPPCC side and the county leaders read the draft.
            for user in ["committee", "chair", "leader"] {
                #expect(try await Planning.api(app, user).send(.GET, Planning.plan()).status == .ok, "\(user)")
            }

            try await Planning.issue(app)
            let plan = try Planning.decode(PlanDTO.self, try await member.send(.GET, Planning.plan()))
            #expect(plan.state == .issued)
            #expect(plan.topics.count == 6)
            let page = try await memberPage.send(.GET, Planning.page())
            #expect(page.status == .ok)
            #expect(page.text.contains("安政协办联发〔2026〕5号"))
            // Read-only for the member: no forms to change it.
            #expect(!page.text.contains("action=\"/plans/2026/adjustments\""))
            #expect(!page.text.contains("action=\"/plans/2026/steps\""))
            let summaries = try Planning.decode([PlanningAPI.Summary].self, try await member.send(.GET, "/api/v1/plans"))
            #expect(summaries.map(\.year) == [2026])
            #expect(try await memberPage.send(.GET, Planning.page() + "/print").status == .ok)
        }
    }
}
