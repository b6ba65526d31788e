import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { NoticeFixtures.day(iso) }

private func days(_ isos: String...) -> [Day] { isos.map(day) }

private func item(_ notice: HolidayNotice, _ number: Int) throws -> HolidayNotice.Item {
    try #require(notice.items.first { $0.number == number })
}

/// The shapes the notices of 2015–2026 take (shared/calendar-notices/README.md), one rule each.
@Suite struct HolidayNoticeShapeTests {
    @Test func noticeHasSixOrSevenNumberedItems() throws {
        #expect(try NoticeFixtures.parsedNotice(2020).items.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(try NoticeFixtures.parsedNotice(2026).items.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test func mergedItemHeadedMidAutumnFirstNamesTheFestivalDayAndPaysWorkdaysToNationalDay() throws {
        let merged = try item(NoticeFixtures.parsedNotice(2023), 6)
        #expect(merged.heading == "中秋节、国庆节")
        #expect(merged.festivals == ["中秋节", "国庆节"])
        #expect(merged.daysOff.first == day("2023-09-29"))
        #expect(merged.daysOff.count == 8)
        let names = Dictionary(uniqueKeysWithValues: merged.namedDaysOff.map { ($0.day, $0.name) })
        #expect(names[day("2023-09-29")] == "中秋节")  // 农历八月十五
        #expect(names[day("2023-10-01")] == "国庆节")
        #expect(merged.namedWorkdays.map(\.name) == ["国庆节", "国庆节"])
    }

    @Test func mergedItemHeadedNationalDayFirstIsTheSameBreak() throws {
        let merged = try item(NoticeFixtures.parsedNotice(2025), 6)
        #expect(merged.festivals == ["国庆节", "中秋节"])
        #expect(merged.namedDaysOff.filter { $0.name == "中秋节" }.map(\.day) == [day("2025-10-06")])
        #expect(merged.workdays == days("2025-09-28", "2025-10-11"))
    }

    @Test func nationalDayKeepsItsNameWhenMidAutumnFallsOnTheSameDay() throws {
        let merged = try item(NoticeFixtures.parsedNotice(2020), 6)
        #expect(Set(merged.namedDaysOff.map(\.name)) == ["国庆节"])  // 2020-10-01 was 八月十五
    }

    @Test func oneDayJoinedWithTheWeekendAddsNoDay() throws {
        let newYear = try item(NoticeFixtures.parsedNotice(2016), 1)
        #expect(newYear.daysOff == [day("2016-01-01")])
        #expect(newYear.joinsWeekend)
        #expect(newYear.workdays.isEmpty)
    }

    @Test func compensatoryDayIsOffAndTheWeekendBetweenBelongsToTheBreak() throws {
        let notice = try NoticeFixtures.parsedNotice(2015)
        #expect(try item(notice, 3).daysOff == days("2015-04-05", "2015-04-06"))
        #expect(try item(notice, 5).daysOff == days("2015-06-20", "2015-06-21", "2015-06-22"))
    }

    @Test func bareDateOnASundayGetsNoCompensatoryDay() throws {
        let midAutumn = try item(NoticeFixtures.parsedNotice(2015), 6)
        #expect(midAutumn.daysOff == [day("2015-09-27")])
        let labour = try item(NoticeFixtures.parsedNotice(2019), 4)
        #expect(labour.daysOff == [day("2019-05-01")])
    }

    @Test func oneDayWithItsCountIsOneDay() throws {
        let qingming = try item(NoticeFixtures.parsedNotice(2023), 3)
        #expect(qingming.daysOff == [day("2023-04-05")])
        #expect(qingming.statedDayCount == 1)
    }

    @Test func oneDayWithoutAdjustmentMovesNoWeekend() throws {
        let newYear = try item(NoticeFixtures.parsedNotice(2025), 1)
        #expect(newYear.daysOff == [day("2025-01-01")])
        #expect(newYear.statedDayCount == 1)
        #expect(newYear.workdays.isEmpty)
    }

    @Test func spanCountsItsWeekendDays() throws {
        let qingming = try item(NoticeFixtures.parsedNotice(2025), 3)
        #expect(qingming.spans == [day("2025-04-04")...day("2025-04-06")])
        #expect(qingming.daysOff.count == qingming.statedDayCount)
    }

    @Test func spanCrossesMonths() throws {
        let spring = try item(NoticeFixtures.parsedNotice(2022), 2)
        #expect(spring.spans == [day("2022-01-31")...day("2022-02-06")])
    }

    @Test func spanCrossesYearsAndWorkdayFallsInThePreviousYear() throws {
        let notice = try NoticeFixtures.parsedNotice(2019)
        let newYear = try item(notice, 1)
        #expect(newYear.daysOff == days("2018-12-30", "2018-12-31", "2019-01-01"))
        #expect(newYear.workdays == [day("2018-12-29")])
        #expect(notice.years == [2018, 2019])
    }

    @Test func spanCrossingTheYearWithoutYearsStartsInTheOldYear() throws {
        let notice = try HolidayNotice.parse("""
            国务院办公厅关于2019年部分节假日安排的通知
            一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。
            """)
        let newYear = try item(notice, 1)
        #expect(newYear.daysOff == days("2018-12-30", "2018-12-31", "2019-01-01"))
        #expect(newYear.workdays == [day("2018-12-29")])
        #expect(notice.warnings.isEmpty)
    }

    @Test func endOfSpanMayOmitItsMonth() throws {
        let newYear = try item(NoticeFixtures.parsedNotice(2026), 1)
        #expect(newYear.spans == [day("2026-01-01")...day("2026-01-03")])
    }

    @Test func yearPrefixMayAppearOnAnyDate() throws {
        #expect(try item(NoticeFixtures.parsedNotice(2021), 1).daysOff == days("2021-01-01", "2021-01-02", "2021-01-03"))
        #expect(try item(NoticeFixtures.parsedNotice(2020), 1).daysOff == [day("2020-01-01")])
    }

    @Test func weekdayAndLunarNotesOnBothEndsAreRead() throws {
        let spring = try item(NoticeFixtures.parsedNotice(2026), 2)
        #expect(spring.spans == [day("2026-02-15")...day("2026-02-23")])
        #expect(spring.workdays == days("2026-02-14", "2026-02-28"))
    }

    @Test func workdaysMayBeBeforeAfterOrWeeksAway() throws {
        #expect(try item(NoticeFixtures.parsedNotice(2026), 4).workdays == [day("2026-05-09")])
        #expect(try item(NoticeFixtures.parsedNotice(2017), 2).workdays == days("2017-01-22", "2017-02-04"))
        #expect(try item(NoticeFixtures.parsedNotice(2026), 7).workdays == days("2026-09-20", "2026-10-10"))
    }

    @Test func encouragementToRestOnNewYearsEveGivesNoDayOff() throws {
        let notice = try NoticeFixtures.parsedNotice(2024)
        #expect(!notice.days.contains { $0.date == day("2024-02-09") })
        #expect(try item(notice, 2).daysOff.first == day("2024-02-10"))
    }

    @Test func datesOutsideTheItemsAreNotArrangements() throws {
        // 2025: "自2025年1月1日起", "2024年11月修订", "（如逢周三则只在当日放假）" in the preamble.
        let notice = try NoticeFixtures.parsedNotice(2025)
        #expect(notice.days.allSatisfy { $0.date.year == 2025 })
        let withPreambleDate = try HolidayNotice.parse(
            NoticeFixtures.notice(2026).replacingOccurrences(of: "经国务院批准，", with: "经国务院批准，自2026年3月3日起，"))
        #expect(withPreambleDate.days == (try NoticeFixtures.parsedNotice(2026).days))
    }

    @Test func noticePastedAsOneLineStopsAtTheClosingParagraph() throws {
        let oneLine = try NoticeFixtures.notice(2019).replacingOccurrences(of: "\n", with: "")
        let notice = try HolidayNotice.parse(oneLine)
        #expect(notice.days == (try NoticeFixtures.parsedNotice(2019).days))
        #expect(notice.items.last?.text == "国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。")
    }

    @Test func itemKeepsItsOwnTextForThePage() throws {
        let spring = try item(NoticeFixtures.parsedNotice(2017), 2)
        #expect(spring.text == "春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。")
        #expect(spring.label == "第二项“春节”")
    }

    @Test func differingDaysListOffDaysWeekendHolidaysAndWorkedWeekends() throws {
        let notice = try NoticeFixtures.parsedNotice(2019)
        let listed = notice.days
        #expect(listed.contains(.init(date: day("2019-02-04"), kind: .off, holiday: "春节", item: 2)))
        #expect(listed.contains(.init(date: day("2019-02-09"), kind: .off, holiday: "春节", item: 2)))  // a Saturday
        #expect(listed.contains(.init(date: day("2019-02-02"), kind: .work, holiday: "春节", item: 2)))
        #expect(listed.contains(.init(date: day("2018-12-29"), kind: .work, holiday: "元旦", item: 1)))
        #expect(listed.map(\.date) == listed.map(\.date).sorted())
        #expect(listed.allSatisfy { $0.kind == .off || $0.date.isWeekend })
        // Every day off and every worked weekend of the notice, nothing else.
        let items = notice.items
        #expect(listed.filter { $0.kind == .off }.count == items.map(\.daysOff.count).reduce(0, +))
        #expect(listed.filter { $0.kind == .work }.count == items.map(\.workdays.count).reduce(0, +))
    }

    @Test func arrangementHoldsOnlyTheNoticeYearsDays() throws {
        let arrangement = try NoticeFixtures.parsedNotice(2019).arrangement()
        #expect(arrangement.year == 2019)
        #expect(arrangement.daysOff.allSatisfy { $0.day.year == 2019 })
        #expect(!arrangement.adjustedWorkdays.contains { $0.day == day("2018-12-29") })
        #expect(arrangement.source == "国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）")
    }

    @Test func itemNumbersUpToTwelveAreRead() {
        #expect(ChineseNumeral.value("七") == 7)
        #expect(ChineseNumeral.value("十") == 10)
        #expect(ChineseNumeral.value("十二") == 12)
        #expect(ChineseNumeral.value("二十八") == 28)
        #expect(ChineseNumeral.value("廿八") == 28)
        #expect(ChineseNumeral.value("十二三") == nil)
        #expect(ChineseNumeral.text(12) == "十二")
        #expect(ChineseNumeral.text(21) == "二十一")
    }
}
