import Foundation
import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { SymposiumFixtures.day(iso) }

/// "What do I have to do next, by when?" (DESIGN.md, "What good looks like"). A symposium on
/// 2026-06-18: plan and mobilization due 04-17, research and coordination due 06-11.
@Suite("Symposium to-do: each reader sees their own items, the office sees all")
struct SymposiumToDoTests {
    typealias F = SymposiumFixtures
    static let department = 7
    static let answeringMember = 50
    static let confirmedMember = 51

    /// Plan submitted; tasks for committee 3, committee 4, department 7 and the secretary-general;
    /// member 50 pre-invited, 51 confirmed, 52 only proposed.
    func prepared(viceChairInChargeID: Int? = F.viceChairID) throws -> (Symposium, [String: Int]) {
        var s = F.symposium(on: "2026-06-18", viceChairInChargeID: viceChairInChargeID)
        try s.implementationPlan.take(.submit, content: F.completeContent, actor: "委室", at: F.instant, on: day("2026-04-10"))
        var tasks: [String: Int] = [:]
        tasks["speech"] = try s.addTask(.mobilization, title: "起草中心发言", owner: .committee(F.leadCommitteeID), due: day("2026-06-05"))
        tasks["contact"] = try s.addTask(.mobilization, title: "联系预约发言委员", owner: .committee(F.otherCommitteeID), due: day("2026-06-01"))
        tasks["briefing"] = try s.addTask(.mobilization, title: "准备情况介绍材料", owner: .department(Self.department), due: day("2026-06-10"))
        tasks["check"] = try s.addTask(.coordination, title: "检查会场准备", owner: .role(.secretaryGeneral), due: day("2026-06-16"))
        try s.addInvitee(personID: Self.answeringMember, name: "王委员", category: .members, reason: "", isCurrentMember: true)
        try s.addInvitee(personID: Self.confirmedMember, name: "李委员", category: .members, reason: "", isCurrentMember: true)
        s.preInviteAll(at: F.instant)
        try s.withInvitee(Self.confirmedMember) { try $0.answer(.confirm, via: .phone, note: "", at: F.instant) }
        try s.addInvitee(personID: 52, name: "张委员", category: .members, reason: "", isCurrentMember: true)
        return (s, tasks)
    }

    func toDo(_ s: Symposium, for p: Principal, today: String = "2026-04-10") -> [ToDoItem] {
        let today = day(today)
        let timeline = SymposiumTimeline.steps(for: s, regulation: F.regulation, calendar: F.calendar, today: today)
        return s.toDo(for: ToDoReader(p), timeline: timeline, chairID: F.chairID, today: today) { owner in
            switch owner {
            case .committee(let c): "委室\(c)"
            case .department(let d): "部门\(d)"
            case .person(let id): "人员\(id)"
            case .role(let r): r.chineseName
            }
        }
    }

    func titles(_ items: [ToDoItem]) -> [String] { items.map(\.title) }

    @Test("一.7 the lead committee's staff see the research, their own tasks and the reminder to chase answers")
    func leadCommitteeSeesItsOwn() throws {
        let (s, tasks) = try prepared()
        let items = toDo(s, for: F.principal([.committee], committeeID: F.leadCommitteeID))
        #expect(titles(items) == ["部署动员会分工：起草中心发言", "1位受邀人尚未答复，请提醒", "开展调研、视察、考察等前期准备"])
        #expect(items.map(\.kind) == [.task, .remindInvitees, .step])
        #expect(items.first?.taskID == tasks["speech"])
        #expect(items.allSatisfy { $0.ownerName == "委室3" })
    }

    @Test("一.7 another committee sees only the task given to it")
    func otherCommitteeSeesOnlyItsTask() throws {
        let (s, _) = try prepared()
        let items = toDo(s, for: F.principal([.committee], committeeID: F.otherCommitteeID))
        #expect(titles(items) == ["部署动员会分工：联系预约发言委员"])
    }

    @Test("一.7 a committee's items need committee or office staff, not just a committee on file")
    func committeeItemsNeedTheRole() throws {
        let (s, _) = try prepared()
        #expect(toDo(s, for: F.principal([.member], personID: 90, committeeID: F.leadCommitteeID)).isEmpty)
    }

    @Test("二.4 三(二).1 the vice chair in charge sees the plan to sign and the mobilization meeting to convene")
    func viceChairInChargeSeesSigningAndMobilization() throws {
        let (s, _) = try prepared()
        let items = toDo(s, for: F.principal([.viceChair], personID: F.viceChairID))
        #expect(items.map(\.kind) == [.step, .signPlan])
        #expect(titles(items) == ["召开部署动员会", "审签实施方案"])
        #expect(items.allSatisfy { $0.due == day("2026-04-17") && !$0.overdue })
        #expect(toDo(s, for: F.principal([.viceChair], personID: F.otherViceChairID)).isEmpty)
    }

    @Test("二.4 with no vice chair in charge the chair is asked to sign")
    func chairSignsWhenNoViceChairInCharge() throws {
        let (s, _) = try prepared(viceChairInChargeID: nil)
        let items = toDo(s, for: F.principal([.chair], personID: F.chairID))
        #expect(items.map(\.kind) == [.signPlan])
    }

    @Test("二.4 once signed, the office is asked to take the plan to the chairman's meeting; nobody signs again")
    func signedPlanGoesToTheOffice() throws {
        var (s, _) = try prepared()
        try s.implementationPlan.take(.sign, note: "同意", actor: "分管副主席", at: F.instant, on: day("2026-04-12"))
        #expect(!toDo(s, for: F.principal([.viceChair], personID: F.viceChairID)).contains { $0.kind == .signPlan })
        let office = toDo(s, for: F.principal([.office], personID: 1))
        #expect(office.contains { $0.kind == .adoptPlan && $0.title == "提请主席会议审议实施方案" && $0.ownerName == "办公室" })
        try s.implementationPlan.take(.adopt, note: "第35次主席会议", actor: "办公室", at: F.instant, on: day("2026-04-15"))
        #expect(!toDo(s, for: F.principal([.office], personID: 1)).contains { $0.kind == .adoptPlan || $0.kind == .signPlan })
    }

    @Test("二.4 a draft plan is the lead committee's step, and nobody is asked to sign it")
    func draftPlanIsTheCommitteesStep() {
        let s = F.symposium(on: "2026-06-18")
        let committee = toDo(s, for: F.principal([.committee], committeeID: F.leadCommitteeID))
        #expect(committee.contains { $0.kind == .step && $0.title == "拟定实施方案报分管副主席审签" && $0.due == day("2026-04-17") })
        #expect(toDo(s, for: F.principal([.viceChair], personID: F.viceChairID)).map(\.kind) == [.step])
    }

    @Test("三(二).3 the secretary-general sees the coordination meeting and the tasks given to the role")
    func secretaryGeneralSeesCoordination() throws {
        let (s, _) = try prepared()
        let items = toDo(s, for: F.principal([.secretaryGeneral], personID: F.secretaryGeneralID))
        #expect(titles(items) == ["召开工作协调会", "工作协调会分工：检查会场准备"])
        #expect(items.map(\.due) == [day("2026-06-11"), day("2026-06-16")])
    }

    @Test("三(一).3 an invitee sees the invitation to answer, due at the coordination meeting, until answering")
    func inviteeSeesTheInvitation() throws {
        var (s, _) = try prepared()
        let reader = F.principal([.member], personID: Self.answeringMember)
        let items = toDo(s, for: reader)
        #expect(items.map(\.kind) == [.answerInvitation])
        #expect(items.first?.due == day("2026-06-11"))
        #expect(toDo(s, for: F.principal([.member], personID: Self.confirmedMember)).isEmpty)
        #expect(toDo(s, for: F.principal([.member], personID: 52)).isEmpty)  // only proposed: not asked yet
        try s.withInvitee(Self.answeringMember) { try $0.answer(.decline, via: .own, note: "", at: F.instant) }
        #expect(toDo(s, for: reader).isEmpty)
    }

    @Test("三(二).1 a department's contact sees the department's task only")
    func departmentSeesItsTask() throws {
        let (s, tasks) = try prepared()
        let items = toDo(s, for: F.principal([.department], personID: 80, departmentID: Self.department))
        #expect(items.map(\.taskID) == [tasks["briefing"]])
        #expect(toDo(s, for: F.principal([.department], personID: 81, departmentID: 8)).isEmpty)
    }

    @Test("一.7 the office sees every open item, sorted by due day, each with its owner's name")
    func officeSeesEverything() throws {
        let (s, _) = try prepared()
        let items = toDo(s, for: F.principal([.office], personID: 1))
        #expect(items.map(\.kind) == [
            .step, .signPlan,                          // 04-17: mobilization, signing
            .task, .task, .task,                       // 06-01, 06-05, 06-10
            .remindInvitees, .step, .sendNotices, .step, .answerInvitation,  // 06-11, by title
            .step,                                     // 06-15: materials at the office, 3 working days before
            .task,                                     // 06-16
            .step,                                     // 06-18: the symposium
        ])
        #expect(items.map(\.due) == items.map(\.due).sorted())
        #expect(items.contains { $0.kind == .sendNotices && $0.title == "向1位确认出席者寄送正式通知和邀请函" && $0.ownerName == "办公室" })
        #expect(items.contains { $0.kind == .answerInvitation && $0.ownerName == "人员50" })
        #expect(!items.contains { $0.title == TimelineStep.Kind.outcomes.chineseName })
        #expect(toDo(s, for: F.principal([.admin], personID: 2)) == items)
    }

    @Test("an item is overdue the day after its due day, not on it")
    func overdueFlags() throws {
        let (s, _) = try prepared()
        let vice = F.principal([.viceChair], personID: F.viceChairID)
        #expect(toDo(s, for: vice, today: "2026-04-17").allSatisfy { !$0.overdue })
        #expect(toDo(s, for: vice, today: "2026-04-18").allSatisfy { $0.overdue })
        let office = toDo(s, for: F.principal([.office]), today: "2026-06-12")
        #expect(office.filter(\.overdue).map(\.due).allSatisfy { $0 < day("2026-06-12") })
        #expect(office.filter { !$0.overdue }.map(\.due) == [day("2026-06-15"), day("2026-06-16"), day("2026-06-18")])
    }

    @Test("三(二).1 a task marked done disappears from the list; unmarking brings it back")
    func doneTasksDisappear() throws {
        let (original, tasks) = try prepared()
        var s = original
        let committee = F.principal([.committee], committeeID: F.leadCommitteeID)
        let speech = try #require(tasks["speech"])
        try s.completeTask(id: speech, on: day("2026-06-03"))
        #expect(s.task(id: speech)?.doneOn == day("2026-06-03"))
        #expect(!toDo(s, for: committee).contains { $0.taskID == speech })
        #expect(!toDo(s, for: F.principal([.office])).contains { $0.taskID == speech })
        try s.completeTask(id: speech, on: nil)
        #expect(toDo(s, for: committee).contains { $0.taskID == speech })
        #expect(throws: SymposiumError.taskNotFound) { try s.completeTask(id: 999, on: day("2026-06-03")) }
    }

    @Test("三(二) finished steps disappear: a held meeting, research with findings")
    func doneStepsDisappear() throws {
        var (s, _) = try prepared()
        try s.scheduleMeeting(.mobilization, date: day("2026-04-17"), time: "", place: "", convenorID: F.viceChairID, attendeeIDs: [])
        try s.recordMeeting(.mobilization, decisions: "通报实施方案", held: true)
        #expect(toDo(s, for: F.principal([.viceChair], personID: F.viceChairID)).map(\.kind) == [.signPlan])
        try s.addResearch(kind: .fieldVisit, title: "茶园实地考察", date: day("2026-05-08"), place: "马路镇", participants: "",
                          findings: "茶园管护水平参差")
        #expect(!toDo(s, for: F.principal([.committee], committeeID: F.leadCommitteeID)).contains { $0.kind == .step })
    }
}
