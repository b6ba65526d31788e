/// A wall-clock time in China Standard Time, as a meeting's start is announced ("上午9:00").
///
/// Kept apart from `Date` for the same reason as `Day`: "9 o'clock on the symposium day" is a
/// civil fact in Beijing time, whatever the server's zone.
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Reads the forms the office types: "9:00", "09:30", "14:30", "9：00", "上午9:00",
    /// "下午2:30", "下午2点半", "上午9时". nil when no time is given ("待定", "上午").
    public init?(parsing text: String) {
        let s = String(String.UnicodeScalarView(text.unicodeScalars.map { u in
            // Full-width digits and colon (０–９, ：) are their ASCII forms shifted by 0xFEE0.
            (0xFF10...0xFF1A).contains(u.value) ? Unicode.Scalar(u.value - 0xFEE0) ?? u : u
        }))
        guard let match = s.firstMatch(of: #/(\d{1,2})(?:(?::|点|时)(\d{2}|半)?)(?:分)?/#) else { return nil }
        guard var hour = Int(match.output.1) else { return nil }
        let minute = match.output.2.map { $0 == "半" ? Self.halfHour : Int($0) ?? -1 } ?? 0
        let before = s[..<match.range.lowerBound]
        if Self.afternoonWords.contains(where: before.contains), hour < Self.noon { hour += Self.noon }
        self.init(hour: hour, minute: minute)
    }

    private static let noon = 12
    private static let halfHour = 30
    /// "中午12点" stays 12; "中午1点" is 13.
    private static let afternoonWords = ["下午", "晚上", "傍晚", "中午"]

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// "09:00".
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }
}
