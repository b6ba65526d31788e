import Fluent
import Foundation

// @unchecked Sendable: see MasterDataModels.swift.

/// The symposium is one domain value (`Symposium`) stored as JSON, as the annual plan is: its
/// rules live in the domain; the row adds what queries need.
final class SymposiumModel: Model, @unchecked Sendable {
    static let schema = "symposia"
    @ID(custom: .id) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "topic_id") var topicID: Int
    @Field(key: "lead_committee_id") var leadCommitteeID: Int
    @Field(key: "date") var date: String
    @Field(key: "body") var body: String
    @Field(key: "version") var version: Int
    init() {}
}

/// Who is invited to which symposium, rewritten from the symposium on every save: it answers
/// "which symposia may this member see" and "how often was this member invited this term"
/// without decoding every symposium.
final class SymposiumInvitationModel: Model, @unchecked Sendable {
    static let schema = "symposium_invitations"
    @ID(custom: .id) var id: Int?
    @Field(key: "symposium_id") var symposiumID: Int
    @Field(key: "person_id") var personID: Int
    @Field(key: "state") var state: String
    /// The symposium's date, to count invitations within a term.
    @Field(key: "date") var date: String
    init() {}
}
