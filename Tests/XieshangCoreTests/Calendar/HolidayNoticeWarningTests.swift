import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { NoticeFixtures.day(iso) }

/// A published notice with one line changed.
private func notice(_ year: Int, replacing old: String, with new: String) throws -> HolidayNotice {
    let text = try NoticeFixtures.notice(year)
    try #require(text.contains(old), "fixture \(year) has no “\(old)”")
    return try HolidayNotice.parse(text.replacingOccurrences(of: old, with: new))
}

private func refusal(_ text: String) -> HolidayNoticeError? {
    do {
        _ = try HolidayNotice.parse(text)
        return nil
    } catch let error as HolidayNoticeError {
        return error
    } catch {
        return nil
    }
}

/// The checks are shown, not trusted: each disagreement is a warning with a stable code.
@Suite struct HolidayNoticeWarningTests {
    @Test func warningCodesAreAStableContract() {
        #expect(HolidayNotice.Warning.Code.allCases.map(\.rawValue) == [
            "weekday_mismatch", "lunar_date_mismatch", "day_count_mismatch", "day_off_and_worked", "item_without_date",
            "workday_not_weekend", "invalid_date", "span_ends_before_start", "date_outside_year", "day_in_two_items",
        ])
    }

    @Test func weekdayNoteContradictingItsDateIsReportedButDoesNotBlock() throws {
        let read = try notice(2017, replacing: "1月22日（星期日）", with: "1月22日（星期六）")
        #expect(read.warnings.map(\.code) == [.weekdayMismatch])
        #expect(read.warnings.first?.message == "第二项“春节”中1月22日注明“星期六”，但2017年1月22日是星期日")
        #expect(read.warnings.first?.item == 2)
        #expect(read.isLoadable)
        #expect(try read.arrangement().adjustedWorkdays.contains { $0.day == day("2017-01-22") })
    }

    @Test func shortWeekdayNoteIsChecked() throws {
        let read = try notice(2026, replacing: "6月19日（周五）", with: "6月19日（周四）")
        #expect(read.warnings.map(\.code) == [.weekdayMismatch])
    }

    @Test func weekdayInsideALunarNoteIsChecked() throws {
        let read = try notice(2025, replacing: "（农历除夕、周二）", with: "（农历除夕、周三）")
        #expect(read.warnings.map(\.code) == [.weekdayMismatch])
    }

    @Test func lunarNoteContradictingItsDateIsReported() throws {
        // A 2015 repost: 2月15日 was 腊月廿七, 2月28日 正月初十.
        let read = try notice(2015, replacing: "2月15日（星期日）、2月28日（星期六）", with: "2月15日（除夕）、2月28日（大年初六）")
        #expect(read.warnings.map(\.code) == [.lunarDateMismatch, .lunarDateMismatch])
        #expect(read.warnings.last?.message == "第二项“春节”中2月28日注明“大年初六”，但2015年2月28日是农历正月初十")
    }

    @Test func dayCountContradictingTheSpanIsReported() throws {
        let read = try notice(2018, replacing: "2月15日至21日放假调休，共7天", with: "2月15日至21日放假调休，共6天")
        #expect(read.warnings.map(\.code) == [.dayCountMismatch])
        #expect(read.warnings.first?.message == "第二项“春节”写明共6天，但所列放假日期（2018年2月15日至2018年2月21日）共7天")
        #expect(read.isLoadable)
    }

    @Test func dayBothOffAndWorkedIsReportedAndBlocksLoading() throws {
        let read = try notice(2017, replacing: "9月30日（星期六）上班", with: "10月7日（星期六）上班")
        #expect(read.warnings.map(\.code) == [.dayOffAndWorked])
        #expect(!read.isLoadable)
        #expect(throws: HolidayNoticeError.self) { try read.arrangement() }
    }

    @Test func itemWithNoDateIsReported() throws {
        let read = try notice(2019, replacing: "六、中秋节：9月13日放假，与周末连休。", with: "六、中秋节：放假，与周末连休。")
        #expect(read.warnings.map(\.code) == [.itemWithoutDate])
        #expect(read.warnings.first?.message == "第六项“中秋节”没有写明放假日期")
        #expect(!read.isLoadable)
    }

    @Test func dateWithoutAnyVerbIsNotADayOff() throws {
        // A repost cut the item short: "六、中秋节：10月4日".
        let read = try notice(2019, replacing: "六、中秋节：9月13日放假，与周末连休。", with: "六、中秋节：9月13日")
        #expect(read.warnings.map(\.code) == [.itemWithoutDate])
    }

    @Test func workingDayThatIsNotAWeekendIsReported() throws {
        let read = try notice(2026, replacing: "5月9日（周六）上班", with: "5月8日（周五）上班")
        #expect(read.warnings.map(\.code) == [.workdayNotWeekend])
        #expect(read.warnings.first?.message == "第四项“劳动节”的调休上班日2026年5月8日是星期五，不是周末")
        #expect(!read.days.contains { $0.date == day("2026-05-08") })
        #expect(throws: HolidayNoticeError.self) { try read.arrangement() }
    }

    @Test func corruptedDateIsReportedOnceAndNotLoaded() throws {
        let read = try notice(2017, replacing: "10月1日至8日放假调休", with: "0月1日至8日放假调休")
        #expect(read.warnings.map(\.code) == [.invalidDate, .itemWithoutDate])
        #expect(read.warnings.first?.message == "第六项“中秋节、国庆节”中的“0月1日”不是有效日期，原文可能有误")
        #expect(!read.isLoadable)
        #expect(!read.days.contains { $0.date.month == 10 && $0.kind == .off })
        #expect {
            try read.arrangement()
        } throws: { error in
            (error as? HolidayNoticeError)?.details.first == "第六项“中秋节、国庆节”中的“0月1日”不是有效日期，原文可能有误"
        }
    }

    @Test func impossibleDayOfMonthIsReported() throws {
        let read = try notice(2018, replacing: "2月24日（星期六）上班", with: "2月30日（星期六）上班")
        #expect(read.warnings.map(\.code) == [.invalidDate])
    }

    @Test func spanEndingBeforeItStartsIsReported() throws {
        let read = try notice(2016, replacing: "6月9日至11日", with: "6月9日至1日")
        #expect(read.warnings.map(\.code).contains(.spanEndsBeforeStart))
        #expect(!read.isLoadable)
    }

    @Test func dateFarFromTheNoticesYearIsReported() throws {
        let read = try notice(2022, replacing: "2022年1月1日至3日", with: "2202年1月1日至3日")
        #expect(read.warnings.map(\.code).contains(.dateOutsideYear))
        #expect(!read.isLoadable)
    }

    @Test func sameDayInTwoItemsIsReported() throws {
        let read = try notice(2026, replacing: "9月25日（周五）至27日（周日）", with: "9月25日（周五）至10月1日（周四）")
        #expect(read.warnings.map(\.code).contains(.dayInTwoItems))
        #expect(read.warnings.map(\.code).contains(.dayCountMismatch))
    }

    @Test func textWithNothingRecognisableIsRefusedWithWhatWasExpected() {
        let error = refusal("请各单位做好节日期间值班工作。")
        #expect(error == .noItems)
        #expect(error?.code == "notice_unreadable")
        #expect(error?.message.contains("国务院办公厅关于YYYY年部分节假日安排的通知") == true)
        #expect(error?.message.contains("一、元旦：") == true)
        #expect(error?.kind == .invalid)
    }

    @Test func numberedItemsWithoutDatesAreRefused() {
        #expect(refusal("一、加强领导。\n二、落实责任。") == .noItems)
    }

    @Test func emptyTextIsRefused() {
        #expect(refusal(" \n\u{3000}\n") == .empty)
    }

    @Test func overlongTextIsRefused() {
        #expect(refusal(String(repeating: "节", count: HolidayNoticeError.maxCharacters + 1))
            == .tooLong(characters: HolidayNoticeError.maxCharacters + 1))
    }

    @Test func noticeWithoutAnyYearIsRefused() {
        #expect(refusal("一、元旦：1月1日放假，与周末连休。") == .noYear)
    }
}
