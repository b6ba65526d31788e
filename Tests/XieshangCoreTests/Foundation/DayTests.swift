import Foundation
import Testing
@testable import XieshangCore

@Suite("Day: the civil date every rule counts in")
struct DayTests {
    @Test func impossibleDatesAreRefused() {
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2026, month: 13, day: 1) == nil)
        #expect(Day(iso: "2026-1-05") == nil)
        #expect(Day(iso: "2026-01-05T00:00") == nil)
        #expect(Day(iso: "２０２６-01-05") == nil)
        #expect(Day(iso: "2026-04-31") == nil)
    }

    @Test func isoRoundTrips() {
        #expect(Day(iso: "2026-03-05")?.iso == "2026-03-05")
        #expect(Day(iso: "2026-03-05")?.chinese == "2026年3月5日")
    }

    @Test func ordinalArithmeticCrossesMonthsAndYears() {
        let d = Day(year: 2026, month: 12, day: 31)!
        #expect(d.adding(days: 1) == Day(year: 2027, month: 1, day: 1))
        #expect(Day(year: 2024, month: 3, day: 1)!.adding(days: -1) == Day(year: 2024, month: 2, day: 29))
        #expect(Day(ordinal: d.ordinal) == d)
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
    }

    @Test func weekdayIsISO() {
        #expect(Day(iso: "2026-11-29")!.weekday == 7)  // a Sunday
        #expect(Day(iso: "2026-02-14")!.weekday == 6)  // a Saturday
        #expect(Day(iso: "2026-10-19")!.weekday == 1)
    }

    @Test func monthArithmeticClampsToMonthEnd() {
        #expect(Day(iso: "2026-05-31")!.adding(months: -2) == Day(iso: "2026-03-31"))
        #expect(Day(iso: "2026-04-30")!.adding(months: -2) == Day(iso: "2026-02-28"))
        #expect(Day(iso: "2024-04-30")!.adding(months: -2) == Day(iso: "2024-02-29"))
        #expect(Day(iso: "2026-01-15")!.adding(months: -2) == Day(iso: "2025-11-15"))
    }

    @Test func todayIsTakenInChinaStandardTime() {
        // 2026-11-29 17:00 UTC is already 2026-11-30 01:00 in Beijing.
        let lateUTC = Date(timeIntervalSince1970: 1_795_971_600)
        #expect(Day(lateUTC) == Day(iso: "2026-11-30"))
    }

    @Test func codableAsISOString() throws {
        let data = try JSONEncoder().encode([Day(iso: "2026-07-03")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-07-03"]"#)
        #expect(throws: (any Error).self) { try JSONDecoder().decode([Day].self, from: Data(#"["2026-7-3"]"#.utf8)) }
    }
}
