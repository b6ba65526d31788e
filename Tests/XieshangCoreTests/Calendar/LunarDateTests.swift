import Testing
@testable import XieshangCore

private func lunar(_ iso: String) -> LunarDate { LunarDate(NoticeFixtures.day(iso)) }

/// The lunar dates the notices print beside their Gregorian dates.
@Suite struct LunarDateTests {
    @Test func newYearsEveIsTheLastDayOfTheLunarYear() {
        #expect(lunar("2025-01-28").isNewYearsEve)
        #expect(lunar("2025-01-28").chinese == "腊月二十九")  // a 29-day month: no 腊月三十
        #expect(lunar("2015-02-18").isNewYearsEve)
        #expect(!lunar("2025-01-29").isNewYearsEve)
    }

    @Test func lunarDateIsWrittenAsTheNoticesWriteIt() {
        #expect(lunar("2026-02-15").chinese == "腊月二十八")
        #expect(lunar("2026-02-23").chinese == "正月初七")
        #expect(lunar("2020-02-02").chinese == "正月初九")
        #expect(lunar("2023-09-29").chinese == "八月十五")
    }

    @Test func noteClaimsAreReadInEveryForm() {
        #expect(LunarClaim("农历除夕、周二")?.claim == .newYearsEve)
        #expect(LunarClaim("农历腊月二十八、周日")?.claim == .day(month: 12, day: 28))
        #expect(LunarClaim("农历正月初九，星期日")?.claim == .day(month: 1, day: 9))
        #expect(LunarClaim("大年初六")?.claim == .day(month: 1, day: 6))
        #expect(LunarClaim("星期六") == nil)
    }
}
