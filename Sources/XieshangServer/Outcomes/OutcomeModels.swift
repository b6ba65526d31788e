import Fluent
import Foundation

// @unchecked Sendable: see MasterDataModels.swift.

/// One outcome (`Outcome`) stored as JSON, as symposia are; the row adds what queries need.
final class OutcomeModel: Model, @unchecked Sendable {
    static let schema = "outcomes"
    @ID(custom: .id) var id: Int?
    @Field(key: "symposium_id") var symposiumID: Int
    @Field(key: "state") var state: String
    @Field(key: "due") var due: String
    @Field(key: "body") var body: String
    @Field(key: "version") var version: Int
    init() {}
}

/// One follow-up item (`FollowUpItem`) of an outcome, stored as JSON.
final class FollowUpItemModel: Model, @unchecked Sendable {
    static let schema = "follow_up_items"
    @ID(custom: .id) var id: Int?
    @Field(key: "outcome_id") var outcomeID: Int
    @Field(key: "owner_department_id") var ownerDepartmentID: Int
    @Field(key: "due") var due: String
    @Field(key: "status") var status: String
    @Field(key: "body") var body: String
    @Field(key: "version") var version: Int
    init() {}
}
