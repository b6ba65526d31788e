import Testing
@testable import XieshangCore

@Suite("Scheduling the year's symposia (二.3)")
struct SymposiumSchedulerTests {
    let scheduler = SymposiumScheduler(calendar: .builtIn, regulation: .default)

    func plan2026() -> AnnualPlan {
        let months = scheduler.months(count: 6)
        return AnnualPlan(year: 2026, topics: months.enumerated().map { i, m in
            PlannedTopic(id: i + 1, title: "议题\(i + 1)", leadCommitteeID: 1, month: m)
        })
    }

    @Test func sixTopicsFallEveryTwoMonthsWithJanuaryFebruaryFirst() {
        #expect(scheduler.months(count: 6) == [2, 4, 6, 8, 10, 12])
    }

    @Test func januaryFebruaryTopicMergesWithPlenaryAndGetsNoDate() throws {
        let s = try scheduler.suggest(year: 2026, month: 2, blocked: [])
        #expect(s.date == nil)
        #expect(s.reason.contains("全体会议"))
        #expect(try scheduler.suggest(year: 2026, month: 1, blocked: []).date == nil)
    }

    @Test func suggested2026DatesAreWorkingDaysOnly() throws {
        let result = try scheduler.schedule(plan2026())
        let dates = result.values.compactMap(\.date)
        #expect(dates.count == 5)
        for d in dates { #expect(try WorkingCalendar.builtIn.isWorkingDay(d), "\(d) is not a working day") }
    }

    @Test func suggestedDatesAreNeverNextToAPublicHoliday() throws {
        // October 2026: National Day runs 10-01..07 and 10-10 is an adjusted workday.
        for month in 3...12 {
            let s = try scheduler.suggest(year: 2026, month: month, blocked: [])
            if let d = s.date { #expect(try !WorkingCalendar.builtIn.isNextToHoliday(d), "\(d)") }
        }
    }

    @Test func suggestedDatesAreSpreadEvenly() throws {
        let dates = try scheduler.schedule(plan2026()).values.compactMap(\.date).sorted()
        for (a, b) in zip(dates, dates.dropFirst()) {
            let gap = b.ordinal - a.ordinal
            #expect((50...70).contains(gap), "gap \(gap) days between \(a) and \(b)")
        }
    }

    @Test func blockedDatesAreAvoided() throws {
        let free = try scheduler.suggest(year: 2026, month: 6, blocked: [])
        let d = try #require(free.date)
        let s = try scheduler.suggest(year: 2026, month: 6, blocked: [BlockedDate(day: d, reason: "常委会会议")])
        #expect(s.date != nil && s.date != d)
        #expect(s.reason.contains("常委会会议"))
    }

    @Test func twoTopicsInOneMonthGetDifferentDays() throws {
        var plan = plan2026()
        plan.topics.append(PlannedTopic(id: 7, title: "议题7", leadCommitteeID: 2, month: 6))
        let r = try scheduler.schedule(plan)
        #expect(r[3]?.date != nil && r[7]?.date != nil && r[3]?.date != r[7]?.date)
    }

    @Test func midweekDaysArePreferred() throws {
        for month in 3...12 {
            if let d = try scheduler.suggest(year: 2026, month: month, blocked: []).date {
                #expect((1...5).contains(d.weekday))
            }
        }
        let june = try #require(try scheduler.suggest(year: 2026, month: 6, blocked: []).date)
        #expect((2...4).contains(june.weekday))
    }

    @Test func officeOverrideOntoNonWorkingDayNeedsConfirmation() throws {
        let t = PlannedTopic(id: 1, title: "议题", leadCommitteeID: 1, month: 10)
        let sunday = Day(iso: "2026-10-04")!
        #expect(throws: PlanningError.self) {
            try scheduler.override(t, year: 2026, date: sunday, confirmNonWorkingDay: false)
        }
        let confirmed = try scheduler.override(t, year: 2026, date: sunday, confirmNonWorkingDay: true)
        #expect(confirmed.onNonWorkingDay && confirmed.dateOverridden && confirmed.date == sunday)
    }

    @Test func officeOverrideOntoWorkingDayIsNotFlagged() throws {
        let t = PlannedTopic(id: 1, title: "议题", leadCommitteeID: 1, month: 10)
        let o = try scheduler.override(t, year: 2026, date: Day(iso: "2026-10-21")!, confirmNonWorkingDay: false)
        #expect(!o.onNonWorkingDay && o.dateOverridden)
    }

    @Test func overriddenDatesAreKeptWhenRescheduling() throws {
        var plan = plan2026()
        plan.topics[2] = try scheduler.override(plan.topics[2], year: 2026, date: Day(iso: "2026-06-02")!, confirmNonWorkingDay: false)
        #expect(try scheduler.schedule(plan)[plan.topics[2].id] == nil)
    }

    @Test func mergedMonthCannotBeGivenADate() {
        let t = PlannedTopic(id: 1, title: "议题", leadCommitteeID: 1, month: 2)
        #expect(throws: PlanningError.mergedMonthHasNoDate(2)) {
            try scheduler.override(t, year: 2026, date: Day(iso: "2026-02-10")!, confirmNonWorkingDay: false)
        }
    }
}

@Suite("Scheduling around adjusted workdays")
struct AdjustedWorkdaySchedulingTests {
    @Test func weekendAdjustedWorkdayIsNotSuggested() throws {
        // Sunday 2026-09-20 is a working day (调休) and exactly the target day of September.
        let s = try SymposiumScheduler(calendar: .builtIn, regulation: .default).suggest(year: 2026, month: 9, blocked: [])
        let d = try #require(s.date)
        #expect(d != Day(iso: "2026-09-20"))
        #expect(!d.isWeekend)
    }
}

/// Next year's plan is drafted from November, usually before its holidays are published: the
/// scheduler says so instead of failing on the first day it cannot classify.
@Suite("Scheduling a year whose holidays are not loaded (二.3)")
struct SchedulingWithoutTheYearsHolidaysTests {
    @Test func schedulingAYearNotLoadedSaysWhyAndHowToProceed() throws {
        let scheduler = SymposiumScheduler(calendar: .builtIn, regulation: .default)
        let plan = AnnualPlan(year: 2027, topics: [PlannedTopic(id: 1, title: "议题1", leadCommitteeID: 1, month: 4)])
        #expect(throws: PlanningError.calendarNotLoaded(2027)) { try scheduler.schedule(plan) }
        let error = PlanningError.calendarNotLoaded(2027)
        #expect(error.kind == .conflict)
        #expect(error.message.contains("2027年的节假日安排尚未载入"))
        #expect(error.message.contains("工作日历"))
    }

    @Test func schedulingWorksOnceTheYearIsLoaded() throws {
        let next = YearArrangement(year: 2027, daysOff: [NamedDay(day: Day(year: 2027, month: 1, day: 1)!, name: "元旦")],
                                   adjustedWorkdays: [], source: "测试")
        let scheduler = SymposiumScheduler(calendar: try WorkingCalendar.builtIn.withArrangement(next), regulation: .default)
        let plan = AnnualPlan(year: 2027, topics: [PlannedTopic(id: 1, title: "议题1", leadCommitteeID: 1, month: 4)])
        #expect(try scheduler.schedule(plan)[1]?.date?.month == 4)
    }
}
