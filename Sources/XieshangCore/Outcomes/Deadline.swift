/// A due date "within N working days after" a day (DESIGN.md "Date conventions": the day
/// itself not counted), kept with what it was counted from so that it can be recounted when
/// the office loads a year's arrangement or a local day off.
///
/// A deadline never fails: where the working calendar does not cover a day, Monday to Friday
/// count as working days and the deadline is `provisional`, to be checked once the year is loaded.
public struct Deadline: Sendable, Equatable, Codable {
    public var anchor: Day
    public var workingDays: Int
    public var day: Day
    public var provisional: Bool

    public init(_ workingDays: Int, after anchor: Day, calendar: WorkingCalendar) {
        var remaining = max(0, workingDays)
        var day = anchor
        var provisional = false
        while remaining > 0 {
            day = day.adding(days: 1)
            let working = Self.isWorking(day, calendar: calendar, provisional: &provisional)
            if working { remaining -= 1 }
        }
        self.anchor = anchor
        self.workingDays = workingDays
        self.day = day
        self.provisional = provisional
    }

    /// The same rule counted again with `calendar`.
    public func recounted(with calendar: WorkingCalendar) -> Deadline {
        Deadline(workingDays, after: anchor, calendar: calendar)
    }

    public func isPassed(today: Day) -> Bool { today > day }

    /// Working days from `today` to `due`, for a countdown: the working days after `today` up
    /// to and including `due` (0 on the day itself); once past, minus the working days after
    /// `due` up to and including `today`, and at least 1 late.
    public static func workingDaysLeft(today: Day, until due: Day, calendar: WorkingCalendar) -> Int {
        var provisional = false
        if today <= due {
            return count(after: today, through: due, calendar: calendar, provisional: &provisional)
        }
        return -max(1, count(after: due, through: today, calendar: calendar, provisional: &provisional))
    }

    /// The countdown as every page and the dashboard word it, from `workingDaysLeft`:
    /// "剩3个工作日", "今天到期", "已逾期2个工作日" — never a minus sign in front of a reader.
    public static func countdownText(workingDaysLeft left: Int) -> String {
        left < 0 ? "已逾期\(-left)个工作日" : left == 0 ? "今天到期" : "剩\(left)个工作日"
    }

    static func count(after start: Day, through end: Day, calendar: WorkingCalendar, provisional: inout Bool) -> Int {
        guard start < end else { return 0 }
        var n = 0
        for ordinal in (start.ordinal + 1)...end.ordinal
        where isWorking(Day(ordinal: ordinal), calendar: calendar, provisional: &provisional) {
            n += 1
        }
        return n
    }

    static func isWorking(_ day: Day, calendar: WorkingCalendar, provisional: inout Bool) -> Bool {
        if calendar.covers(day), let working = try? calendar.isWorkingDay(day) { return working }
        provisional = true
        return !day.isWeekend
    }
}
