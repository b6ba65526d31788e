import Foundation
import Testing
@testable import XieshangCore

/// 三(五) "协商会结束后10个工作日内": the deadline under DESIGN.md's date conventions, with
/// the built-in calendar. Every expected date is reasoned out in its comment.
@Suite("Outcomes: due 10 working days after the symposium (三(五))")
struct OutcomeDeadlineTests {
    typealias F = OutcomeFixtures
    let regulation = Regulation.default
    let calendar = WorkingCalendar.builtIn

    func due(_ iso: String) throws -> Day {
        try Outcome.due(symposiumDay: F.day(iso), calendar: calendar, regulation: regulation)
    }

    @Test("三(五) a symposium on 2026-09-29 has its outcomes due 2026-10-19, across National Day")
    func acrossNationalDay() throws {
        // 09-30 (1); 10-01..07 holidays; 10-08 (2), 10-09 (3), Saturday 10-10 worked (4),
        // 10-12..16 (5–9), 10-19 (10).
        #expect(try due("2026-09-29") == F.day("2026-10-19"))
        let o = try F.draft(.referenceBrief, symposiumDay: F.day("2026-09-29"), on: "2026-09-30")
        #expect(o.due.day == F.day("2026-10-19") && !o.due.provisional)
    }

    @Test("三(五) a symposium on 2026-06-18 has its outcomes due 2026-07-03, across the Dragon Boat Festival")
    func acrossDragonBoatFestival() throws {
        // 06-19..21 holidays; 06-22..26 (1–5), 06-29, 06-30, 07-01, 07-02, 07-03 (6–10).
        #expect(try due("2026-06-18") == F.day("2026-07-03"))
        #expect(try F.draft(.proposal).due.day == F.day("2026-07-03"))
    }

    @Test("三(五) a symposium just before the Spring Festival counts the worked Saturdays and skips the holiday")
    func acrossSpringFestival() throws {
        // 2026-02-12 (Thu): 02-13 (1), Saturday 02-14 worked (2), 02-15..23 holidays,
        // 02-24..27 (3–6), Saturday 02-28 worked (7), 03-02, 03-03, 03-04 (8–10).
        #expect(try due("2026-02-12") == F.day("2026-03-04"))
    }

    @Test("三(五) the symposium day itself is not counted, nor is a weekend")
    func dayItselfNotCounted() throws {
        // 2026-11-02 (Mon): 11-03..06 (1–4), 11-09..13 (5–9), 11-16 (10).
        #expect(try due("2026-11-02") == F.day("2026-11-16"))
        // Held on a Saturday (2026-11-07): 11-09..13 (1–5), 11-16..20 (6–10).
        #expect(try due("2026-11-07") == F.day("2026-11-20"))
    }

    @Test("三(五) the number of working days is the Regulation's")
    func numberFromTheRegulation() throws {
        var r = regulation
        r.outcomeDeadlineWorkingDays = 5
        #expect(try Outcome.due(symposiumDay: F.day("2026-06-18"), calendar: calendar, regulation: r) == F.day("2026-06-26"))
    }

    @Test("三(五) a deadline in a year not loaded: the strict count refuses, the stored one is provisional on weekdays")
    func yearNotLoaded() throws {
        #expect(throws: CalendarError.outOfRange(missingYear: 2027)) { try due("2026-12-28") }
        // 12-29..31 (1–3); 2027 unknown: weekdays count, 01-01 included (4), 01-04..08 (5–9), 01-11 (10).
        let o = try F.draft(.recommendation, symposiumDay: F.day("2026-12-28"), on: "2026-12-28")
        #expect(o.due.day == F.day("2027-01-11") && o.due.provisional)
    }

    @Test("三(五) the deadline is counted again when the county adds a local day off")
    func recountedWithALocalDayOff() throws {
        var o = try F.draft(.referenceBrief)
        let local = try calendar.withLocalDayOff(LocalDayOff(day: F.day("2026-06-22"), reason: "县庆"))
        o.recountDeadlines(calendar: local)
        // 06-22 is now a day off: one more working day, 07-06.
        #expect(o.due.day == F.day("2026-07-06") && o.due.anchor == F.day("2026-06-18") && o.due.workingDays == 10)
    }

    @Test("三(五) an unsent outcome is overdue only after its due day")
    func overdueAfterTheDueDay() throws {
        let o = try F.draft(.referenceBrief)
        #expect(!o.isOverdue(today: F.day("2026-07-03")))
        #expect(o.isOverdue(today: F.day("2026-07-04")))
        #expect(o.sentOnTime == nil)
    }

    @Test("三(五) a sent outcome is never overdue; sending late is recorded as late")
    func sentLate() throws {
        let late = try F.sent(.referenceBrief, on: "2026-07-06")
        #expect(!late.isOverdue(today: F.day("2026-07-10")))
        #expect(late.sentOn == F.day("2026-07-06") && late.sentOnTime == false)
        let onTime = try F.sent(.referenceBrief, on: "2026-07-03")
        #expect(onTime.sentOnTime == true)
    }

    @Test("三(五) the dashboard counts down in working days, 0 on the due day, negative once overdue, none once sent")
    func countdown() throws {
        let o = try F.draft(.recommendation, symposiumDay: F.day("2026-09-29"), on: "2026-09-29")
        #expect(o.daysLeft(today: F.day("2026-09-29"), calendar: calendar) == 10)
        // After 09-30: 10-08, 09, 10, 12–16, 19.
        #expect(o.daysLeft(today: F.day("2026-09-30"), calendar: calendar) == 9)
        #expect(o.daysLeft(today: F.day("2026-10-03"), calendar: calendar) == 9)   // a holiday: nothing spent
        #expect(o.daysLeft(today: F.day("2026-10-19"), calendar: calendar) == 0)
        #expect(o.daysLeft(today: F.day("2026-10-20"), calendar: calendar) == -1)
        #expect(o.daysLeft(today: F.day("2026-10-26"), calendar: calendar) == -5)
        let sent = try F.sent(.proposal, symposiumDay: F.day("2026-09-29"), on: "2026-10-09")
        #expect(sent.daysLeft(today: F.day("2026-10-09"), calendar: calendar) == nil)
        // In words, as every page says it: never a minus sign.
        #expect(o.countdownText(today: F.day("2026-09-30"), calendar: calendar) == "剩9个工作日")
        #expect(o.countdownText(today: F.day("2026-10-19"), calendar: calendar) == "今天到期")
        #expect(o.countdownText(today: F.day("2026-10-26"), calendar: calendar) == "已逾期5个工作日")
        #expect(sent.countdownText(today: F.day("2026-10-09"), calendar: calendar) == nil)
    }
}
