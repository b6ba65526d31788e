import Foundation
import Testing
@testable import XieshangCore

/// 三(二): mobilization, then research, then coordination, then the symposium; and the symposium
/// stays in the year of the plan it belongs to.
@Suite("The order of the preparation (三(二))")
struct PreparationOrderTests {
    typealias F = SymposiumFixtures

    @Test("三(二).1/三(二).3 the mobilization meeting cannot follow the coordination meeting")
    func mobilizationBeforeCoordination() throws {
        var s = F.symposium(on: "2026-06-18")
        try s.scheduleMeeting(.coordination, date: F.day("2026-06-11"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        #expect(throws: SymposiumError.self) {
            try s.scheduleMeeting(.mobilization, date: F.day("2026-06-12"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        }
        try s.scheduleMeeting(.mobilization, date: F.day("2026-04-17"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        #expect(throws: SymposiumError.self) {
            try s.scheduleMeeting(.coordination, date: F.day("2026-04-16"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        }
    }

    @Test("三(二).3 a preparatory meeting is held before the symposium day, not on it")
    func meetingsBeforeTheSymposiumDay() {
        var s = F.symposium(on: "2026-06-18")
        #expect(throws: SymposiumError.self) {
            try s.scheduleMeeting(.coordination, date: F.day("2026-06-18"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        }
    }

    @Test("二.2 moving a symposium into another year is a plan adjustment, not a reschedule")
    func rescheduleStaysInThePlanYear() {
        var s = F.symposium(on: "2026-12-17")
        let before = s
        #expect(throws: SymposiumError.self) {
            try s.reschedule(to: F.day("2027-01-06"), startTime: nil, reason: "推迟", actor: "办公室", at: F.instant,
                             calendar: F.calendar, confirmNonWorkingDay: true)
        }
        #expect(s == before)
    }
}

extension PreparationOrderTests {
    @Test("三(二).3 a meeting is recorded as held only on or after its day")
    func meetingHeldOnlyFromItsDay() throws {
        var s = F.symposium(on: "2026-06-18")
        try s.scheduleMeeting(.coordination, date: F.day("2026-06-11"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        #expect(throws: SymposiumError.self) {
            try s.recordMeeting(.coordination, decisions: "检查准备工作", held: true, today: F.day("2026-06-10"))
        }
        try s.recordMeeting(.coordination, decisions: "检查准备工作", held: false, today: F.day("2026-06-10"))
        try s.recordMeeting(.coordination, decisions: "检查准备工作", held: true, today: F.day("2026-06-11"))
        #expect(s.meeting(.coordination).held)
    }
}
