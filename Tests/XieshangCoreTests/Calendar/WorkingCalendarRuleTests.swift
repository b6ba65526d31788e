import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { Day(iso: iso)! }

/// One test per rule of DESIGN.md's "Date conventions" and of the calendar's contract.
@Suite struct WorkingCalendarRuleTests {
    let calendar = WorkingCalendar.builtIn

    @Test func builtInCovers2015Through2026() {
        #expect(calendar.coveredYears == 2015...2026)
        #expect(calendar.covers(day("2015-01-01")))
        #expect(calendar.covers(day("2026-12-31")))
        #expect(!calendar.covers(day("2014-12-31")))
        #expect(!calendar.covers(day("2027-01-01")))
    }

    @Test func ordinaryWeekdayIsWorkingDay() throws {
        #expect(try calendar.kind(of: day("2026-03-04")) == .workday)
        #expect(try calendar.isWorkingDay(day("2026-03-04")))
    }

    @Test func ordinaryWeekendIsNotWorkingDay() throws {
        #expect(try calendar.kind(of: day("2026-03-07")) == .weekend)
        #expect(try !calendar.isWorkingDay(day("2026-03-07")))
    }

    @Test func adjustedWorkdayOnSaturdayIsWorkingDay() throws {
        #expect(try calendar.kind(of: day("2026-02-14")) == .adjustedWorkday("春节"))
        #expect(try calendar.isWorkingDay(day("2026-02-14")))
    }

    @Test func adjustedWorkdayOnSundayIsWorkingDay() throws {
        #expect(try calendar.kind(of: day("2026-09-20")) == .adjustedWorkday("国庆节"))
        #expect(try calendar.isWorkingDay(day("2026-09-20")))
    }

    @Test func nationalDayWeekIsHoliday() throws {
        for d in 1...7 {
            let date = Day(year: 2026, month: 10, day: d)!
            #expect(try calendar.kind(of: date) == .holiday("国庆节"), "\(date)")
        }
    }

    @Test func weekendInsideHolidayBlockIsNamedHoliday() throws {
        #expect(try calendar.kind(of: day("2026-10-03")) == .holiday("国庆节"))
        // Listed by neither the notice nor chinesecalendar, but between 6-20 and its 补休 6-22.
        #expect(try calendar.kind(of: day("2015-06-21")) == .holiday("端午节"))
    }

    @Test func extendedSpringFestival2020IsHoliday() throws {
        for iso in ["2020-01-31", "2020-02-01", "2020-02-02"] {
            #expect(try calendar.kind(of: day(iso)) == .holiday("春节（延长）"), "\(iso)")
        }
        #expect(try calendar.isWorkingDay(day("2020-02-03")))
    }

    @Test func tenWorkingDaysAfterSeptember29SkipsNationalDay() throws {
        #expect(try calendar.addingWorkingDays(10, to: day("2026-09-29")) == day("2026-10-19"))
    }

    @Test func tenWorkingDaysAfterJune18SkipsDragonBoatFestival() throws {
        #expect(try calendar.addingWorkingDays(10, to: day("2026-06-18")) == day("2026-07-03"))
    }

    @Test func workingDaysAfterDoNotCountTheDayItself() throws {
        #expect(try calendar.addingWorkingDays(1, to: day("2026-03-04")) == day("2026-03-05"))
        #expect(try calendar.addingWorkingDays(1, to: day("2026-03-06")) == day("2026-03-09"))
    }

    @Test func zeroWorkingDaysIsTheDayItself() throws {
        #expect(try calendar.addingWorkingDays(0, to: day("2026-10-03")) == day("2026-10-03"))
    }

    @Test func adjustedWorkdayIsCounted() throws {
        // 2026-02-13 (Fri) → 02-14 (Sat, 调休上班) is the first working day after it.
        #expect(try calendar.addingWorkingDays(1, to: day("2026-02-13")) == day("2026-02-14"))
    }

    @Test func countingMayStartTheDayBeforeCoverage() throws {
        // 2015-01-01..03 are 元旦 and Sunday 01-04 is its adjusted workday.
        #expect(try calendar.addingWorkingDays(1, to: day("2014-12-31")) == day("2015-01-04"))
    }

    @Test func negativeWorkingDaysAreRefused() {
        #expect(throws: CalendarError.invalidWorkingDays(-1)) {
            try calendar.addingWorkingDays(-1, to: day("2026-03-04"))
        }
    }

    @Test func moreThanAThousandWorkingDaysAreRefused() throws {
        #expect(throws: CalendarError.invalidWorkingDays(1001)) {
            try calendar.addingWorkingDays(1001, to: day("2015-01-01"))
        }
        let error = CalendarError.invalidWorkingDays(1001)
        #expect(error.code == "invalid_working_days")
        #expect(error.kind == .invalid)
        // Agrees with chinese_calendar.is_workday counted day by day.
        #expect(try calendar.addingWorkingDays(1000, to: day("2015-01-01")) == day("2019-01-03"))
    }

    @Test func outsideLoadedYearsIsRefused() {
        #expect(throws: CalendarError.outOfRange(missingYear: 2027)) {
            try calendar.addingWorkingDays(10, to: day("2026-12-25"))
        }
        #expect(throws: CalendarError.outOfRange(missingYear: 2030)) { try calendar.kind(of: day("2030-06-01")) }
        #expect(throws: CalendarError.outOfRange(missingYear: 2014)) {
            try calendar.workingDayOnOrBefore(day("2015-01-01"))
        }
        let error = CalendarError.outOfRange(missingYear: 2027)
        #expect(error.code == "calendar_out_of_range")
        #expect(error.message == "2027年的节假日安排尚未载入，无法计算")
    }

    @Test func workingDayOnOrBeforeStepsBackOverHolidays() throws {
        #expect(try calendar.workingDayOnOrBefore(day("2026-10-07")) == day("2026-09-30"))
        #expect(try calendar.workingDayOnOrBefore(day("2026-09-30")) == day("2026-09-30"))
    }

    @Test func workingDayOnOrAfterStepsForwardOverHolidays() throws {
        #expect(try calendar.workingDayOnOrAfter(day("2026-10-01")) == day("2026-10-08"))
        #expect(try calendar.workingDayOnOrAfter(day("2026-02-14")) == day("2026-02-14"))
    }

    @Test func monthsBeforeKeepsTheSameDay() throws {
        #expect(try calendar.monthsBefore(2, day("2026-05-20")) == day("2026-03-20"))
    }

    @Test func monthsBeforeClampsToMonthEnd() throws {
        // 2026-02-28 is a Saturday and an adjusted workday (春节).
        #expect(try calendar.monthsBefore(2, day("2026-04-30")) == day("2026-02-28"))
        // 2024 is a leap year: 02-29 (Thursday).
        #expect(try calendar.monthsBefore(2, day("2024-04-30")) == day("2024-02-29"))
    }

    @Test func monthsBeforeMovesToPreviousWorkingDay() throws {
        // 2026-10-05 is in the National Day week; the nearest earlier working day is 09-30.
        #expect(try calendar.monthsBefore(2, day("2026-12-05")) == day("2026-09-30"))
        // 2026-03-08 is a Sunday.
        #expect(try calendar.monthsBefore(2, day("2026-05-08")) == day("2026-03-06"))
    }

    @Test func monthsBeforeCrossesYearBoundary() throws {
        // 2025-11-15 is a Saturday.
        #expect(try calendar.monthsBefore(2, day("2026-01-15")) == day("2025-11-14"))
    }

    @Test func monthsBeforeRefusesNegativeOrHugeMonths() {
        #expect(throws: CalendarError.invalidMonths(-1)) { try calendar.monthsBefore(-1, day("2026-05-20")) }
        #expect(throws: CalendarError.invalidMonths(121)) { try calendar.monthsBefore(121, day("2026-05-20")) }
        #expect(throws: CalendarError.outOfRange(missingYear: 1899)) {
            try calendar.monthsBefore(2, day("1900-01-15"))
        }
    }

    @Test func weekBeforeIsSevenDaysEarlierOnAWorkingDay() throws {
        #expect(try calendar.weekBefore(day("2026-03-13")) == day("2026-03-06"))
    }

    @Test func weekBeforeMovesToPreviousWorkingDay() throws {
        // 7 days before 2026-10-12 is 10-05, inside the National Day week.
        #expect(try calendar.weekBefore(day("2026-10-12")) == day("2026-09-30"))
        // 7 days before 2026-06-26 is 06-19, the Dragon Boat Festival (Friday).
        #expect(try calendar.weekBefore(day("2026-06-26")) == day("2026-06-18"))
    }

    @Test func weekBeforeMayLandOnAdjustedWorkday() throws {
        // 7 days before 2026-02-21 (in 春节) is 02-14, the adjusted Saturday.
        #expect(try calendar.weekBefore(day("2026-02-21")) == day("2026-02-14"))
    }

    @Test func dayBeforeHolidayBlockIsNextToHoliday() throws {
        #expect(try calendar.isNextToHoliday(day("2026-09-30")))
        // The Dragon Boat block is Friday 06-19 to Sunday 06-21.
        #expect(try calendar.isNextToHoliday(day("2026-06-18")))
    }

    @Test func dayAfterHolidayBlockIsNextToHoliday() throws {
        #expect(try calendar.isNextToHoliday(day("2026-10-08")))
        #expect(try calendar.isNextToHoliday(day("2026-06-22")))
    }

    @Test func weekendJoinedToHolidayBelongsToTheBlock() throws {
        // 2024 端午节: "6月10日放假，与周末连休" — the Friday before the weekend is next to it.
        #expect(try calendar.isNextToHoliday(day("2024-06-07")))
        #expect(try calendar.isNextToHoliday(day("2024-06-11")))
    }

    @Test func ordinaryDaysAndHolidaysAreNotNextToHoliday() throws {
        #expect(try !calendar.isNextToHoliday(day("2026-03-04")))
        #expect(try !calendar.isNextToHoliday(day("2026-03-06")))  // Friday before a plain weekend
        #expect(try !calendar.isNextToHoliday(day("2026-10-03")))  // inside the block
    }

    @Test func adjustedWorkdayBesideHolidayIsNextToHoliday() throws {
        #expect(try calendar.isNextToHoliday(day("2026-02-14")))
    }

    @Test func nextToHolidayNeedsTheNextYearAtTheEdge() {
        #expect(throws: CalendarError.outOfRange(missingYear: 2027)) {
            try calendar.isNextToHoliday(day("2026-12-31"))
        }
    }

    @Test func holidaysOfAYearAreInDateOrder() throws {
        let holidays = try calendar.holidays(in: 2026)
        #expect(holidays.first == NamedDay(day: day("2026-01-01"), name: "元旦"))
        #expect(holidays.last == NamedDay(day: day("2026-10-07"), name: "国庆节"))
        #expect(holidays.map(\.day) == holidays.map(\.day).sorted())
        #expect(throws: CalendarError.outOfRange(missingYear: 2027)) { try calendar.holidays(in: 2027) }
    }

    @Test func addingAThousandWorkingDaysIsFast() throws {
        let clock = ContinuousClock()
        var last = day("2015-01-01")
        let elapsed = try clock.measure {
            for _ in 0..<1000 { last = try calendar.addingWorkingDays(1000, to: day("2015-01-01")) }
        }
        #expect(last == day("2019-01-03"))
        // Generous for debug builds on a busy machine; the release cost is about a microsecond.
        #expect(elapsed < .seconds(2))
    }
}
