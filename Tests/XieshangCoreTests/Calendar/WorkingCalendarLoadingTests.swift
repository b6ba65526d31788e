import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { Day(iso: iso)! }

private func named(_ iso: String, _ name: String) -> NamedDay { NamedDay(day: day(iso), name: name) }

/// A plausible 2027 arrangement (the real one is announced in autumn 2026).
private let arrangement2027 = YearArrangement(
    year: 2027,
    daysOff: [named("2027-01-01", "元旦"), named("2027-10-01", "国庆节"), named("2027-10-04", "国庆节")],
    adjustedWorkdays: [named("2027-10-09", "国庆节")],
    source: "测试用安排"
)

@Suite struct WorkingCalendarLoadingTests {
    @Test func loadingLaterYearExtendsCoverage() throws {
        let calendar = try WorkingCalendar.builtIn.withArrangement(arrangement2027)
        #expect(calendar.coveredYears == 2015...2027)
        #expect(try calendar.kind(of: day("2027-01-01")) == .holiday("元旦"))
        #expect(try calendar.kind(of: day("2027-10-09")) == .adjustedWorkday("国庆节"))
        // 12-28 … 12-31 are 4 working days; 2027-01-01 is off; 01-04 … 01-08 and 01-11 make 10.
        #expect(try calendar.addingWorkingDays(10, to: day("2026-12-25")) == day("2027-01-11"))
        // The original is unchanged: loading returns a new calendar.
        #expect(WorkingCalendar.builtIn.coveredYears == 2015...2026)
    }

    @Test func reloadingAYearReplacesItsArrangement() throws {
        let first = try WorkingCalendar.builtIn.withArrangement(arrangement2027)
        let corrected = YearArrangement(year: 2027, daysOff: [named("2027-01-01", "元旦")],
                                        adjustedWorkdays: [], source: "更正后的安排")
        let calendar = try first.withArrangement(corrected)
        #expect(try calendar.kind(of: day("2027-10-01")) == .workday)
        #expect(calendar.arrangement(for: 2027)?.source == "更正后的安排")
        #expect(calendar.arrangements.count == 13)
    }

    @Test func yearAfterAGapIsRefused() {
        let arrangement2028 = YearArrangement(year: 2028, daysOff: [named("2028-01-01", "元旦")],
                                              adjustedWorkdays: [], source: "测试")
        #expect(throws: CalendarError.yearsNotContiguous(missingYears: [2027])) {
            try WorkingCalendar.builtIn.withArrangement(arrangement2028)
        }
        #expect(CalendarError.yearsNotContiguous(missingYears: [2027]).message == "节假日安排须逐年连续载入，缺少2027年的安排")
    }

    @Test func invalidArrangementIsNotLoaded() {
        let broken = YearArrangement(year: 2027, daysOff: [], adjustedWorkdays: [], source: "测试")
        #expect(throws: CalendarError.self) { try WorkingCalendar.builtIn.withArrangement(broken) }
    }

    @Test func emptyCalendarCoversNothing() throws {
        let calendar = try WorkingCalendar(arrangements: [])
        #expect(calendar.coveredYears == nil)
        #expect(!calendar.covers(day("2026-01-05")))
        #expect(throws: CalendarError.outOfRange(missingYear: 2026)) { try calendar.isWorkingDay(day("2026-01-05")) }
    }

    @Test func localDayOffIsNotAWorkingDay() throws {
        let calendar = try WorkingCalendar.builtIn.withLocalDayOff(LocalDayOff(day: day("2026-03-04"), reason: "县庆"))
        #expect(try calendar.kind(of: day("2026-03-04")) == .localDayOff("县庆"))
        #expect(try !calendar.isWorkingDay(day("2026-03-04")))
        #expect(try calendar.addingWorkingDays(1, to: day("2026-03-03")) == day("2026-03-05"))
    }

    @Test func localDayOffOnAdjustedWorkdayMakesItAnOffDay() throws {
        let calendar = try WorkingCalendar.builtIn.withLocalDayOff(LocalDayOff(day: day("2026-02-14"), reason: "县里安排"))
        #expect(try calendar.kind(of: day("2026-02-14")) == .localDayOff("县里安排"))
    }

    @Test func statutoryHolidayNameWinsOverLocalDayOff() throws {
        let calendar = try WorkingCalendar.builtIn.withLocalDayOff(LocalDayOff(day: day("2026-10-01"), reason: "县庆"))
        #expect(try calendar.kind(of: day("2026-10-01")) == .holiday("国庆节"))
    }

    @Test func localDayOffMakesNeighboursNextToHoliday() throws {
        let calendar = try WorkingCalendar.builtIn.withLocalDayOff(LocalDayOff(day: day("2026-03-04"), reason: "县庆"))
        #expect(try calendar.isNextToHoliday(day("2026-03-03")))
        #expect(try calendar.isNextToHoliday(day("2026-03-05")))
    }

    @Test func localDayOffNeedsAReason() {
        #expect(throws: CalendarError.invalidLocalDayOff(day: day("2026-03-04"), problem: "未填写放假原因")) {
            try WorkingCalendar.builtIn.withLocalDayOff(LocalDayOff(day: day("2026-03-04"), reason: "  "))
        }
    }

    @Test func localDayOffCanBeReplacedAndRemoved() throws {
        let once = try WorkingCalendar.builtIn.withLocalDayOff(LocalDayOff(day: day("2026-03-04"), reason: "县庆"))
        let twice = try once.withLocalDayOff(LocalDayOff(day: day("2026-03-04"), reason: "县庆（更正）"))
        #expect(twice.localDaysOff == [LocalDayOff(day: day("2026-03-04"), reason: "县庆（更正）")])
        let removed = twice.withoutLocalDayOff(on: day("2026-03-04"))
        #expect(removed == WorkingCalendar.builtIn)
        #expect(try removed.isWorkingDay(day("2026-03-04")))
    }

    @Test func localDayOffBeforeItsYearIsLoadedWaitsForIt() throws {
        let calendar = try WorkingCalendar.builtIn.withLocalDayOff(LocalDayOff(day: day("2027-03-03"), reason: "县庆"))
        #expect(throws: CalendarError.outOfRange(missingYear: 2027)) { try calendar.kind(of: day("2027-03-03")) }
        let loaded = try calendar.withArrangement(arrangement2027)
        #expect(try loaded.kind(of: day("2027-03-03")) == .localDayOff("县庆"))
    }
}
