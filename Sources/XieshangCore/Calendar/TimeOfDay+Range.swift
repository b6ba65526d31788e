/// A meeting's hours as the office writes them: "上午9:00", "9:00—11:30", "下午2:30至5:00".
public struct TimeRange: Hashable, Sendable {
    public let start: TimeOfDay
    /// nil when only the start is written; never before the start.
    public let end: TimeOfDay?

    /// The first time written is the start, the last one after a dash or "至" the end. An end
    /// written without 下午 that would fall before the start is in the afternoon ("下午2:30至5:00").
    /// nil when no time is written ("待定").
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { Self.separators.contains($0) }).map(String.init)
        let times = parts.compactMap { TimeOfDay(parsing: $0) }
        guard let start = times.first else { return nil }
        self.start = start
        guard times.count > 1, var end = times.last else {
            self.end = nil
            return
        }
        if end <= start, end.hour < Self.noon, let afternoon = TimeOfDay(hour: end.hour + Self.noon, minute: end.minute) {
            end = afternoon
        }
        self.end = end > start ? end : nil
    }

    private static let separators: Set<Character> = ["至", "到", "~", "～", "—", "–", "-", "－"]
    private static let noon = 12
}
