import Foundation

/// A day off the county grants on top of the State Council's arrangement (a local festival,
/// a day declared by the county government), which no national table can know.
public struct LocalDayOff: Hashable, Sendable, Codable {
    public let day: Day
    public let reason: String

    public init(day: Day, reason: String) {
        self.day = day
        self.reason = reason
    }

    public func validate() throws {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw CalendarError.invalidLocalDayOff(day: day, problem: "未填写放假原因")
        }
    }
}
