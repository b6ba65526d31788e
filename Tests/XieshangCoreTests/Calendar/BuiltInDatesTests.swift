import Testing
@testable import XieshangCore

/// Dates checked by hand against the State Council notices (not against chinesecalendar,
/// which generated the table), chosen where the arrangement is easiest to get wrong.
private let handChecked: [(iso: String, kind: DayKind)] = [
    ("2015-01-04", .adjustedWorkday("元旦")),  // Sunday
    ("2015-02-28", .adjustedWorkday("春节")),
    ("2015-05-02", .weekend),  // "5月1日放假，与周末连休": the weekend is not named
    ("2015-09-03", .holiday("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日")),
    ("2015-09-05", .holiday("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日")),  // "9月3日至5日"
    ("2015-09-06", .adjustedWorkday("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日")),
    ("2015-09-27", .holiday("中秋节")),  // a Sunday, no 补休
    ("2016-02-06", .adjustedWorkday("春节")),
    ("2016-06-12", .adjustedWorkday("端午节")),
    ("2016-10-08", .adjustedWorkday("国庆节")),
    ("2017-01-22", .adjustedWorkday("春节")),
    ("2017-04-01", .adjustedWorkday("清明节")),
    ("2017-05-29", .holiday("端午节")),
    ("2017-09-30", .adjustedWorkday("国庆节")),
    ("2017-10-04", .holiday("中秋节")),  // inside the merged 国庆节、中秋节 block
    ("2018-04-30", .holiday("劳动节")),
    ("2018-12-29", .adjustedWorkday("元旦")),  // from the 2019 notice
    ("2018-12-31", .holiday("元旦")),
    ("2019-02-02", .adjustedWorkday("春节")),
    ("2019-05-03", .holiday("劳动节")),  // from the notice that extended 2019's 劳动节
    ("2019-05-05", .adjustedWorkday("劳动节")),
    ("2020-01-19", .adjustedWorkday("春节")),
    ("2020-01-31", .holiday("春节（延长）")),
    ("2020-02-03", .workday),
    ("2020-10-08", .holiday("国庆节")),
    ("2021-02-20", .adjustedWorkday("春节")),
    ("2021-09-18", .adjustedWorkday("中秋节")),
    ("2022-01-29", .adjustedWorkday("春节")),
    ("2022-04-02", .adjustedWorkday("清明节")),
    ("2022-12-31", .holiday("元旦")),  // from the 2023 notice
    ("2023-01-02", .holiday("元旦")),
    ("2023-06-25", .adjustedWorkday("端午节")),
    ("2023-09-29", .holiday("中秋节")),
    ("2023-10-08", .adjustedWorkday("国庆节")),
    ("2023-12-30", .weekend),  // 2024: "元旦：1月1日放假，与周末连休"
    ("2024-02-09", .workday),  // 除夕 only "encouraged" off in 2024
    ("2024-02-18", .adjustedWorkday("春节")),
    ("2024-04-07", .adjustedWorkday("清明节")),
    ("2024-06-08", .weekend),
    ("2024-09-14", .adjustedWorkday("中秋节")),
    ("2024-10-12", .adjustedWorkday("国庆节")),
    ("2025-01-28", .holiday("春节")),  // 除夕, statutory from 2025
    ("2025-02-08", .adjustedWorkday("春节")),
    ("2025-05-05", .holiday("劳动节")),
    ("2025-10-06", .holiday("中秋节")),
    ("2025-10-11", .adjustedWorkday("国庆节")),
    ("2026-01-02", .holiday("元旦")),
    ("2026-01-04", .adjustedWorkday("元旦")),
    ("2026-02-23", .holiday("春节")),
    ("2026-02-28", .adjustedWorkday("春节")),
    ("2026-04-06", .holiday("清明节")),
    ("2026-05-09", .adjustedWorkday("劳动节")),
    ("2026-09-25", .holiday("中秋节")),
    ("2026-10-10", .adjustedWorkday("国庆节")),
    ("2026-12-31", .workday),
]

@Suite struct BuiltInDatesTests {
    @Test(arguments: handChecked)
    func handCheckedDateHasItsOfficialKind(_ iso: String, _ expected: DayKind) throws {
        #expect(try WorkingCalendar.builtIn.kind(of: #require(Day(iso: iso))) == expected)
    }

    @Test func workingDaysPerYearMatchChineseCalendar() throws {
        // Counted with chinese_calendar.is_workday; the full day-by-day comparison runs in
        // tests/calendar/test_calendar_crosscheck.py against the server.
        let expected = [2015: 249, 2016: 250, 2017: 249, 2018: 250, 2019: 250, 2020: 249,
                        2021: 250, 2022: 249, 2023: 249, 2024: 251, 2025: 248, 2026: 248]
        for (year, count) in expected {
            var n = 0
            var d = try #require(Day(year: year, month: 1, day: 1))
            while d.year == year {
                if try WorkingCalendar.builtIn.isWorkingDay(d) { n += 1 }
                d = d.adding(days: 1)
            }
            #expect(n == count, "\(year)")
        }
    }
}
