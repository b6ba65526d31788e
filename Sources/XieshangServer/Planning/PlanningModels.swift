import Fluent
import Foundation

// @unchecked Sendable: see MasterDataModels.swift.

final class TopicCallModel: Model, @unchecked Sendable {
    static let schema = "topic_calls"
    @ID(custom: .id) var id: Int?
    @Field(key: "plan_year") var planYear: Int
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "deadline") var deadline: String
    @Field(key: "closed_early") var closedEarly: Bool
    init() {}
}

final class TopicSuggestionModel: Model, @unchecked Sendable {
    static let schema = "topic_suggestions"
    @ID(custom: .id) var id: Int?
    @Field(key: "plan_year") var planYear: Int
    @Field(key: "committee_id") var committeeID: Int
    @Field(key: "title") var title: String
    @Field(key: "rationale") var rationale: String
    /// Comma-separated `TopicGround` raw values.
    @Field(key: "grounds") var grounds: String
    @OptionalField(key: "suggested_month") var suggestedMonth: Int?
    @OptionalField(key: "proposed_lead_committee_id") var proposedLeadCommitteeID: Int?
    @Field(key: "author") var author: String
    @Field(key: "version") var version: Int
    init() {}
}

/// The plan is one domain value (`AnnualPlan`) stored as JSON: its state machine lives in
/// the domain, and the row only adds what queries need (year, state, version).
final class AnnualPlanModel: Model, @unchecked Sendable {
    static let schema = "annual_plans"
    @ID(custom: .id) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "state") var state: String
    @Field(key: "body") var body: String
    @Field(key: "version") var version: Int
    init() {}
}

/// Every saved version of a plan, so that its history can be shown and compared.
final class AnnualPlanVersionModel: Model, @unchecked Sendable {
    static let schema = "annual_plan_versions"
    @ID(custom: .id) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "version") var version: Int
    @Field(key: "state") var state: String
    @Field(key: "body") var body: String
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "note") var note: String
    init() {}
}

/// A secret calendar-feed address: for the whole organization (person nil) or one person.
final class CalendarFeedModel: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"
    @ID(custom: .id) var id: Int?
    @Field(key: "token") var token: String
    @OptionalField(key: "person_id") var personID: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
