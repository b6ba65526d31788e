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

/// A notice the office loaded, as pasted (or a year typed day by day, or sent as JSON): the
/// years' sources and their history. `changes` is `[CalendarNoticeChange]` as JSON.
final class CalendarNoticeModel: Model, @unchecked Sendable {
    static let schema = "calendar_notices"
    @ID(custom: .id) var id: Int?
    /// The year the notice arranges (2019 for the notice that also moved 2018-12-29).
    @Field(key: "year") var year: Int
    /// `CalendarNoticeKind`.
    @Field(key: "kind") var kind: String
    @Field(key: "source") var source: String
    @Field(key: "text") var text: String
    @Field(key: "changes") var changes: String
    @Field(key: "loaded_at") var loadedAt: Date
    @Field(key: "loaded_by") var loadedBy: String
    init() {}
}
