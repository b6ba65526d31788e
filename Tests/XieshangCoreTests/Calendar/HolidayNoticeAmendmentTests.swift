import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { NoticeFixtures.day(iso) }

private func named(_ iso: String, _ name: String) -> NamedDay { NamedDay(day: day(iso), name: name) }

private func builtIn(_ year: Int) throws -> YearArrangement {
    try #require(WorkingCalendar.builtIn.arrangement(for: year))
}

/// A later notice for a loaded year is applied on top of it, and shown as a diff first.
@Suite struct HolidayNoticeAmendmentTests {
    @Test func amendmentNamesItsFestivalFromItsTitle() throws {
        #expect(try NoticeFixtures.parsedAmendment(2019).items.map(\.festivals) == [["劳动节"]])
        #expect(try NoticeFixtures.parsedAmendment(2020).items.map(\.festivals) == [["春节"]])
        #expect(try NoticeFixtures.parsedAmendment(2015).items.map(\.festivals)
            == [["中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"]])
    }

    @Test func amendmentsOtherItemsArrangeNothing() throws {
        let amendment = try NoticeFixtures.parsedAmendment(2019)
        #expect(amendment.items.map(\.number) == [1])
        #expect(amendment.documentNumber == "国办发明电〔2019〕3号")
    }

    @Test func unnumberedArrangementOfAnAmendmentIsRead() throws {
        let victoryDay = try #require(NoticeFixtures.parsedAmendment(2015).items.first)
        #expect(victoryDay.number == nil)
        #expect(victoryDay.daysOff == [day("2015-09-03"), day("2015-09-04"), day("2015-09-05")])
        #expect(victoryDay.workdays == [day("2015-09-06")])
        #expect(victoryDay.label == "正文“中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日”")
    }

    @Test func movedHolidayReplacesItsDaysAndShowsWhatChanged() throws {
        let before = try NoticeFixtures.parsedNotice(2019).arrangement()
        let amended = try before.applying(NoticeFixtures.parsedAmendment(2019))
        #expect(amended.diff.daysOffAdded == [named("2019-05-02", "劳动节"), named("2019-05-03", "劳动节"), named("2019-05-04", "劳动节")])
        #expect(amended.diff.workdaysAdded == [named("2019-04-28", "劳动节"), named("2019-05-05", "劳动节")])
        #expect(amended.diff.daysOffRemoved.isEmpty)
        #expect(amended.diff.workdaysRemoved.isEmpty)
        #expect(amended.diff.renamed.isEmpty)
        #expect(amended.arrangement.source
            == "国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）；国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号）")
    }

    @Test func extensionContinuesTheBreakAndCancelsTheWorkdayItCovers() throws {
        let before = try NoticeFixtures.parsedNotice(2020).arrangement()
        let amended = try before.applying(NoticeFixtures.parsedAmendment(2020))
        #expect(amended.diff.daysOffAdded == ["2020-01-31", "2020-02-01", "2020-02-02"].map { named($0, "春节（延长）") })
        #expect(amended.diff.workdaysRemoved == [named("2020-02-01", "春节")])
        #expect(amended.diff.workdaysAdded.isEmpty)
        #expect(amended.diff.daysOffRemoved.isEmpty)
    }

    @Test func extensionListsNoDayBeforeItIsApplied() throws {
        let extension_ = try NoticeFixtures.parsedAmendment(2020)
        #expect(extension_.items.first?.extendsThrough == day("2020-02-02"))
        #expect(extension_.days.isEmpty)
    }

    @Test func newCommemorationDayIsAddedBesideTheYearsFestivals() throws {
        let before = try NoticeFixtures.parsedNotice(2015).arrangement()
        let amended = try before.applying(NoticeFixtures.parsedAmendment(2015))
        #expect(amended.diff.daysOffAdded.map(\.day) == [day("2015-09-03"), day("2015-09-04"), day("2015-09-05")])
        #expect(amended.diff.workdaysAdded.map(\.day) == [day("2015-09-06")])
        #expect(amended.diff.daysOffRemoved.isEmpty && amended.diff.workdaysRemoved.isEmpty)
    }

    @Test func nextYearsNoticeFillsThisDecemberAndLeavesThisJanuary() throws {
        let before = try NoticeFixtures.parsedNotice(2018).arrangement()
        let amended = try before.applying(NoticeFixtures.parsedNotice(2019))
        #expect(amended.diff.daysOffAdded == [named("2018-12-30", "元旦"), named("2018-12-31", "元旦")])
        #expect(amended.diff.workdaysAdded == [named("2018-12-29", "元旦")])
        #expect(amended.diff.daysOffRemoved.isEmpty)
        #expect(amended.arrangement.daysOff.contains(named("2018-01-01", "元旦")))
    }

    @Test func applyingTheSameAmendmentAgainChangesNothing() throws {
        let once = try builtIn(2020).applying(NoticeFixtures.parsedAmendment(2020)).arrangement
        let twice = try once.applying(NoticeFixtures.parsedAmendment(2020))
        #expect(twice.diff.isEmpty)
        #expect(twice.arrangement.source == once.source)
    }

    @Test func amendmentAloneIsNotAYearsArrangement() throws {
        #expect(throws: HolidayNoticeError.amendmentNeedsLoadedYear(year: 2019)) {
            try NoticeFixtures.parsedAmendment(2019).arrangement()
        }
    }

    @Test func amendmentForAnotherYearIsRefused() throws {
        #expect(throws: HolidayNoticeError.wrongYear(noticeYear: 2019, arrangementYear: 2020)) {
            try builtIn(2020).applying(NoticeFixtures.parsedAmendment(2019))
        }
        #expect(throws: HolidayNoticeError.wrongYear(noticeYear: 2026, arrangementYear: 2020)) {
            try builtIn(2020).applying(NoticeFixtures.parsedNotice(2026))
        }
    }

    @Test func extendingAFestivalTheYearLacksIsRefused() throws {
        let withoutSpringFestival = YearArrangement(year: 2020, daysOff: [named("2020-01-01", "元旦")],
                                                    adjustedWorkdays: [], source: "测试")
        #expect(throws: HolidayNoticeError.nothingToExtend(festival: "春节", year: 2020)) {
            try withoutSpringFestival.applying(NoticeFixtures.parsedAmendment(2020))
        }
    }

    @Test func correctedNoticeReloadedShowsTheDaysItDrops() throws {
        let corrupted = try HolidayNotice.parse(NoticeFixtures.notice(2017).replacingOccurrences(
            of: "10月1日至8日放假调休，共8天", with: "10月1日至9日放假调休，共9天"))
        let before = try corrupted.arrangement()
        let amended = try before.applying(NoticeFixtures.parsedNotice(2017))
        #expect(amended.diff.daysOffRemoved == [named("2017-10-09", "国庆节")])
        #expect(amended.diff.daysOffAdded.isEmpty)
    }

    @Test func renamedDayIsShownAsARenaming() {
        let a = YearArrangement(year: 2027, daysOff: [named("2027-10-01", "国庆节")], adjustedWorkdays: [], source: "甲")
        let b = YearArrangement(year: 2027, daysOff: [named("2027-10-01", "国庆节、中秋节")], adjustedWorkdays: [], source: "乙")
        #expect(a.diff(to: b).renamed == [.init(day: day("2027-10-01"), kind: .off, from: "国庆节", to: "国庆节、中秋节")])
        #expect(a.diff(to: a).isEmpty)
    }
}
