import Fluent
import Foundation

// @unchecked Sendable: see MasterDataModels.swift.

/// One symposium as it is held: the `LiveMeeting` value as JSON, its sequence for clients
/// that resync, and the meeting record (纪要) drafted from it.
final class LiveMeetingModel: Model, @unchecked Sendable {
    static let schema = "live_meetings"
    @ID(custom: .id) var id: Int?
    @Field(key: "symposium_id") var symposiumID: Int
    @Field(key: "body") var body: String
    @Field(key: "sequence") var sequence: Int
    /// `MeetingRecord` as JSON; nil until the meeting ended.
    @OptionalField(key: "record") var record: String?
    init() {}
}
