import Foundation
import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { SymposiumFixtures.day(iso) }

/// 三(二).1 部署动员会 "明确具体分工" and 三(二).3 工作协调会 "检查落实各项准备工作".
@Suite("Preparatory meetings and the division of work (三(二).1, 三(二).3)")
struct PreparatoryMeetingTests {
    typealias F = SymposiumFixtures

    @Test("三(二).1 三(二).3 a new symposium has both meetings, unscheduled, with no record")
    func bothMeetingsStartUnscheduled() {
        let s = F.symposium()
        for kind in PreparatoryMeeting.Kind.allCases {
            let m = s.meeting(kind)
            #expect(m.kind == kind)
            #expect(m.date == nil && !m.held && m.tasks.isEmpty && m.decisions.isEmpty && m.attendeeIDs.isEmpty)
        }
    }

    @Test("三(二).1 三(二).3 who convenes and who attends, as the working method names them")
    func convenorsAndAttendees() {
        #expect(PreparatoryMeeting.Kind.mobilization.convenorTitle == "分管副主席召集")
        #expect(PreparatoryMeeting.Kind.coordination.convenorTitle == "秘书长主持")
        #expect(PreparatoryMeeting.Kind.coordination.attendeeRule == "各委室负责同志")
        #expect(PreparatoryMeeting.Kind.mobilization.attendeeRule.contains("县委办和县政府办相关负责同志"))
        #expect(PreparatoryMeeting.Kind.mobilization.clause == "三(二).1")
        #expect(PreparatoryMeeting.Kind.coordination.clause == "三(二).3")
    }

    @Test("三(二) scheduling keeps the day, trims the text and lists each attendee once, in order")
    func schedulingKeepsTheArrangement() throws {
        var s = F.symposium(on: "2026-06-18")
        try s.scheduleMeeting(.mobilization, date: day("2026-04-17"), time: " 下午3:00 ", place: " 县政协三楼会议室 ",
                              convenorID: F.viceChairID, attendeeIDs: [5, 3, 5, 1, 3])
        let m = s.meeting(.mobilization)
        #expect(m.date == day("2026-04-17"))
        #expect(m.time == "下午3:00" && m.place == "县政协三楼会议室")
        #expect(m.convenorID == F.viceChairID)
        #expect(m.attendeeIDs == [5, 3, 1])
        #expect(s.meeting(.coordination).date == nil)
    }

    @Test("三(二) a preparatory meeting after the symposium is refused")
    func meetingAfterTheSymposiumRefused() {
        var s = F.symposium(on: "2026-06-18")
        let before = s
        #expect(throws: SymposiumError.invalid(["工作协调会须在协商座谈会之前召开。"])) {
            try s.scheduleMeeting(.coordination, date: day("2026-06-19"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        }
        #expect(throws: SymposiumError.invalid(["时间或地点过长。"])) {
            try s.scheduleMeeting(.coordination, date: day("2026-06-11"), time: String(repeating: "时", count: 31), place: "",
                                  convenorID: nil, attendeeIDs: [])
        }
        #expect(s == before)
    }

    @Test("三(二) a meeting's record needs it scheduled first, and keeps what was decided")
    func recordNeedsASchedule() throws {
        var s = F.symposium(on: "2026-06-18")
        #expect(throws: SymposiumError.invalid(["请先安排部署动员会的时间。"])) {
            try s.recordMeeting(.mobilization, decisions: "通报方案", held: true)
        }
        try s.scheduleMeeting(.mobilization, date: day("2026-04-17"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        try s.recordMeeting(.mobilization, decisions: "  牵头委室通报实施方案，明确分工 ", held: true)
        #expect(s.meeting(.mobilization).decisions == "牵头委室通报实施方案，明确分工")
        #expect(s.meeting(.mobilization).held)
        #expect(throws: SymposiumError.invalid(["会议记录过长。"])) {
            try s.recordMeeting(.mobilization, decisions: String(repeating: "字", count: 20001), held: true)
        }
    }

    @Test("三(二).1 a task has a title, an owner and a day before the symposium; every problem is named")
    func taskRules() throws {
        var s = F.symposium(on: "2026-06-18")
        let before = s
        #expect(throws: SymposiumError.invalid(["请填写分工事项。", "分工事项须在协商座谈会之前完成（2026年6月18日）。"])) {
            try s.addTask(.mobilization, title: "  ", owner: .committee(3), due: day("2026-06-19"))
        }
        #expect(throws: SymposiumError.invalid(["分工事项不超过200个字。"])) {
            try s.addTask(.mobilization, title: String(repeating: "字", count: 201), owner: .committee(3), due: day("2026-06-01"))
        }
        #expect(s == before)
        let id = try s.addTask(.coordination, title: " 会场布置 ", owner: .role(.office), due: day("2026-06-18"))
        #expect(s.meeting(.coordination).tasks == [MeetingTask(id: id, title: "会场布置", owner: .role(.office), due: day("2026-06-18"))])
        #expect(s.task(id: id)?.doneOn == nil)
    }

    @Test("三(二) tasks, activities and comments share one id sequence inside the symposium")
    func localIDsAreUnique() throws {
        var s = F.symposium(on: "2026-06-18")
        let a = try s.addTask(.mobilization, title: "起草中心发言", owner: .committee(3), due: day("2026-06-01"))
        let b = try s.addResearch(kind: .research, title: "专题调研", date: day("2026-05-10"), place: "江南镇",
                                  participants: "", findings: "")
        try s.comment(author: "办公室", text: "名单可行", at: F.instant)
        let c = try s.addTask(.coordination, title: "检查材料", owner: .role(.office), due: day("2026-06-15"))
        let ids = [a, b, s.listComments[0].id, c]
        #expect(ids == [1, 2, 3, 4])
        #expect(s.lastLocalID == 4)
    }

    @Test("三(二).1 completing an unknown task is refused as not found")
    func unknownTaskNotFound() {
        var s = F.symposium()
        #expect(throws: SymposiumError.taskNotFound) { try s.completeTask(id: 1, on: day("2026-06-01")) }
        #expect(SymposiumError.taskNotFound.kind == .notFound)
    }
}
