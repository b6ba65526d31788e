import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { NoticeFixtures.day(iso) }

private func named(_ iso: String, _ name: String) -> NamedDay { NamedDay(day: day(iso), name: name) }

/// The built-in table up to and including `last`.
private func builtIn(through last: Int) throws -> WorkingCalendar {
    try WorkingCalendar(arrangements: WorkingCalendar.builtIn.arrangements.filter { $0.year <= last })
}

/// A calendar loaded from the notices of these years alone (no neighbour's December days).
private func fromNotices(_ years: ClosedRange<Int>) throws -> WorkingCalendar {
    try WorkingCalendar(arrangements: years.map { try NoticeFixtures.parsedNotice($0).arrangement() })
}

private func refusal(_ body: () throws -> Void) -> HolidayNoticeError? {
    do {
        try body()
        return nil
    } catch {
        return error as? HolidayNoticeError
    }
}

/// Loading a notice: what it adds or changes is worked out in full before anything is stored.
@Suite struct NoticeLoadingTests {
    @Test func yearsNoticeAddsItsYearAsPublished() throws {
        let loading = try builtIn(through: 2025).loading(NoticeFixtures.parsedNotice(2026))
        #expect(loading.years == [2026])
        let added = try #require(loading.changes.first)
        #expect(added.before == nil)
        #expect(added.diff == nil)
        let official = try #require(WorkingCalendar.builtIn.arrangement(for: 2026))
        #expect(Set(added.after.daysOff.map(\.day)) == Set(official.daysOff.map(\.day)))
        #expect(Set(added.after.adjustedWorkdays.map(\.day)) == Set(official.adjustedWorkdays.map(\.day)))
        #expect(loading.calendar.coveredYears == 2015...2026)
        #expect(try loading.calendar.isWorkingDay(day("2026-02-14")))
        #expect(try !loading.calendar.isWorkingDay(day("2026-10-07")))
    }

    @Test func yearsNoticeChangesTheDecemberBeforeWhenItReachesIntoIt() throws {
        // 2018 from its own notice knows nothing of 2019's 元旦, which began on 2018-12-30.
        let loading = try fromNotices(2018...2018).loading(NoticeFixtures.parsedNotice(2019))
        #expect(loading.years == [2018, 2019])
        let december = try #require(loading.changes.first?.diff)
        #expect(december.workdaysAdded == [named("2018-12-29", "元旦")])
        #expect(december.daysOffAdded == [named("2018-12-30", "元旦"), named("2018-12-31", "元旦")])
        #expect(december.daysOffRemoved.isEmpty && december.workdaysRemoved.isEmpty)
        #expect(loading.changes.last?.before == nil)
        #expect(try loading.calendar.isWorkingDay(day("2018-12-29")))
        #expect(try !loading.calendar.isWorkingDay(day("2018-12-31")))
    }

    @Test func decemberAlreadyArrangedIsNotAChange() throws {
        // The built-in 2018 already has 2019's 元旦 days.
        let loading = try builtIn(through: 2018).loading(NoticeFixtures.parsedNotice(2019))
        #expect(loading.years == [2019])
    }

    @Test func yearsNoticeForALoadedYearIsRefused() throws {
        let error = refusal { _ = try WorkingCalendar.builtIn.loading(NoticeFixtures.parsedNotice(2026)) }
        #expect(error == .yearAlreadyLoaded(year: 2026, source: WorkingCalendar.builtIn.arrangement(for: 2026)!.source))
        #expect(error?.kind == .conflict)
        #expect(error?.code == "notice_year_loaded")
    }

    @Test func amendmentChangesItsLoadedYearAndShowsTheDiff() throws {
        let loading = try fromNotices(2020...2020).loading(NoticeFixtures.parsedAmendment(2020))
        #expect(loading.years == [2020])
        let change = try #require(loading.changes.first)
        #expect(change.before == (try NoticeFixtures.parsedNotice(2020).arrangement()))
        #expect(change.diff?.daysOffAdded == ["2020-01-31", "2020-02-01", "2020-02-02"].map { named($0, "春节（延长）") })
        #expect(change.diff?.workdaysRemoved == [named("2020-02-01", "春节")])
        #expect(try !loading.calendar.isWorkingDay(day("2020-02-01")))
        #expect(change.after.source.hasSuffix("国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）"))
    }

    @Test func amendmentAppliedTwiceChangesNothingAndIsRefused() throws {
        let once = try fromNotices(2020...2020).loading(NoticeFixtures.parsedAmendment(2020)).calendar
        let error = refusal { _ = try once.loading(NoticeFixtures.parsedAmendment(2020)) }
        #expect(error?.code == "notice_changes_nothing")
        #expect(error?.kind == .conflict)
    }

    @Test func amendmentOfAYearNotLoadedIsRefused() throws {
        let error = refusal { _ = try fromNotices(2019...2019).loading(NoticeFixtures.parsedAmendment(2020)) }
        #expect(error == .amendmentNeedsLoadedYear(year: 2020))
    }

    @Test func corruptedCopyIsRefusedWithItsProblems() throws {
        let text = try NoticeFixtures.notice(2017).replacingOccurrences(of: "10月1日至8日放假调休", with: "0月1日至8日放假调休")
        let corrupted = try HolidayNotice.parse(text)
        let error = refusal { _ = try builtIn(through: 2016).loading(corrupted) }
        #expect(error?.code == "notice_not_loadable")
        #expect(error?.details.first == "第六项“中秋节、国庆节”中的“0月1日”不是有效日期，原文可能有误")
    }

    @Test func yearThatWouldLeaveAGapIsRefused() throws {
        #expect(throws: CalendarError.yearsNotContiguous(missingYears: [2025])) {
            _ = try builtIn(through: 2024).loading(NoticeFixtures.parsedNotice(2026))
        }
    }
}

/// The office is told in time: from the month of the call for next year's topics (二.1), until
/// next year's arrangement is loaded.
@Suite struct YearsToLoadTests {
    private let regulation = Regulation.default

    @Test func nextYearIsDueFromTheMonthOfTheCallForTopics() throws {
        let calendar = WorkingCalendar.builtIn
        #expect(regulation.topicCallMonth == 11)
        #expect(calendar.yearsToLoad(today: day("2026-10-31"), regulation: regulation).isEmpty)
        #expect(calendar.yearsToLoad(today: day("2026-11-01"), regulation: regulation) == [2027])
        #expect(calendar.yearsToLoad(today: day("2026-12-31"), regulation: regulation) == [2027])
    }

    @Test func loadedNextYearIsNotDue() throws {
        #expect(WorkingCalendar.builtIn.yearsToLoad(today: day("2025-11-01"), regulation: regulation).isEmpty)
        let calendar = try builtIn(through: 2025)
        #expect(calendar.yearsToLoad(today: day("2025-11-01"), regulation: regulation) == [2026])
        #expect(try calendar.withArrangement(NoticeFixtures.parsedNotice(2026).arrangement())
            .yearsToLoad(today: day("2025-12-01"), regulation: regulation).isEmpty)
    }

    @Test func thisYearMissingIsDueAllYear() throws {
        let calendar = try builtIn(through: 2025)
        #expect(calendar.yearsToLoad(today: day("2026-01-05"), regulation: regulation) == [2026])
        #expect(WorkingCalendar.builtIn.yearsToLoad(today: day("2027-02-01"), regulation: regulation) == [2027])
    }
}
