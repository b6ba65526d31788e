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
