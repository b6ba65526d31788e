/// A day of a holiday arrangement with the festival it belongs to ("国庆节"), so that a
/// screen can say why a date is off or why a Saturday is a working day.
public struct NamedDay: Hashable, Sendable, Codable {
    public let day: Day
    public let name: String

    public init(day: Day, name: String) {
        self.day = day
        self.name = name
    }
}
