import Testing
import XieshangCore

/// Meeting times as the office types them.
@Suite struct TimeOfDayTests {
    @Test(arguments: [
        ("9:00", "09:00"), ("09:30", "09:30"), ("14:30", "14:30"), ("９：００", "09:00"), ("上午9:00", "09:00"),
        ("下午2:30", "14:30"), ("下午2点半", "14:30"), ("上午9时", "09:00"), ("下午3时30分", "15:30"),
        ("中午12点", "12:00"), ("晚上7点", "19:00"), ("2026年12月17日上午9:00", "09:00"),
    ])
    func writtenTimeIsRead(_ written: String, _ expected: String) {
        #expect(TimeOfDay(parsing: written)?.description == expected)
    }

    @Test(arguments: ["待定", "上午", "", "25:00", "9:75"])
    func textWithoutAValidTimeGivesNone(_ written: String) {
        #expect(TimeOfDay(parsing: written) == nil)
    }

    @Test func impossibleTimeIsRefused() {
        #expect(TimeOfDay(hour: 24) == nil)
        #expect(TimeOfDay(hour: 8, minute: 60) == nil)
        #expect(TimeOfDay(hour: 8, minute: 30)! < TimeOfDay(hour: 9)!)
    }
}

/// A meeting's hours: the start, and the end when one is written after a dash or 至.
@Suite struct TimeRangeTests {
    @Test(arguments: [
        ("上午9:00", "09:00", nil), ("9:00—11:30", "09:00", "11:30"), ("下午2:30至5:00", "14:30", "17:00"),
        ("上午9:00至下午5:00", "09:00", "17:00"), ("14:30-17:00", "14:30", "17:00"), ("9:00～12:00", "09:00", "12:00"),
        ("2026-12-17 9:00-11:00", "09:00", "11:00"), ("下午3时", "15:00", nil),
    ] as [(String, String, String?)])
    func writtenHoursAreRead(_ written: String, _ start: String, _ end: String?) throws {
        let range = try #require(TimeRange(parsing: written))
        #expect(range.start.description == start)
        #expect(range.end?.description == end)
    }

    @Test(arguments: ["待定", "", "上午", "另行通知"])
    func textWithoutATimeGivesNone(_ written: String) {
        #expect(TimeRange(parsing: written) == nil)
    }

    @Test func endThatCannotFollowTheStartIsDropped() throws {
        #expect(try #require(TimeRange(parsing: "下午3:00至下午2:00")).end == nil)
    }
}
