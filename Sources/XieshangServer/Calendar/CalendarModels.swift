import Fluent
import Foundation

// @unchecked Sendable: see MasterDataModels.swift.

/// A year's holiday arrangement loaded by the office (a year after the built-in table, or a
/// correction of one); the JSON is a `YearArrangement`.
final class CalendarYearModel: Model, @unchecked Sendable {
    static let schema = "calendar_years"
    @ID(custom: .id) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "arrangement") var arrangement: String
    @Field(key: "loaded_at") var loadedAt: Date
    init() {}
}

final class LocalDayOffModel: Model, @unchecked Sendable {
    static let schema = "local_days_off"
    @ID(custom: .id) var id: Int?
    @Field(key: "day") var day: String
    @Field(key: "reason") var reason: String
    init() {}
}
