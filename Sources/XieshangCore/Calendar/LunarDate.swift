import Foundation

/// A day of the Chinese lunisolar calendar (农历), as the State Council's notices name them
/// beside the Gregorian date ("1月28日（农历除夕、周二）").
///
/// Read from Foundation's Chinese calendar, which follows the same astronomical rules as the
/// official 《农历的编算和颁行》 (GB/T 33661-2017) for the years a notice can concern.
public struct LunarDate: Hashable, Sendable {
    /// 1 = 正月 … 12 = 腊月.
    public let month: Int
    public let day: Int
    public let isLeapMonth: Bool
    /// The last day of the lunar year (除夕), whether the twelfth month has 29 or 30 days.
    public let isNewYearsEve: Bool

    public init(_ day: Day) {
        let parts = Self.calendar.dateComponents([.month, .day, .isLeapMonth], from: Self.noon(of: day))
        month = parts.month ?? 0
        self.day = parts.day ?? 0
        isLeapMonth = parts.isLeapMonth ?? false
        let next = Self.calendar.dateComponents([.month, .day], from: Self.noon(of: day.adding(days: 1)))
        isNewYearsEve = next.month == 1 && next.day == 1
    }

    /// `腊月二十八`, `正月初七`: the form the notices use.
    public var chinese: String {
        (isLeapMonth ? "闰" : "") + Self.monthNames[month - 1] + Self.dayName(day)
    }

    static let monthNames = ["正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "冬月", "腊月"]

    static func dayName(_ day: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        switch day {
        case 1...10: return "初" + digits[day]
        case 11...19: return "十" + digits[day - 10]
        case 20...29: return "二十" + digits[day - 20]
        default: return "三十"
        }
    }

    private static let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    private static let calendar: Calendar = {
        var c = Calendar(identifier: .chinese)
        c.timeZone = zone
        return c
    }()

    /// Noon in China Standard Time, so no zone or leap second can move the civil date.
    private static func noon(of day: Day) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.ordinal * 86_400 + 4 * 3600))
    }
}
