import Fluent
import Foundation

// Fluent models are classes with property wrappers that Fluent mutates; each instance stays
// inside the request or task that loaded it, hence @unchecked Sendable (the Vapor team's
// advice for Fluent 4).

final class OrganizationModel: Model, @unchecked Sendable {
    static let schema = "organizations"
    @ID(custom: .id) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "short_name") var shortName: String
    @Field(key: "document_prefix") var documentPrefix: String
    @Field(key: "county") var county: String
    @Field(key: "term_name") var termName: String
    @Field(key: "term_start") var termStart: String
    @Field(key: "term_end") var termEnd: String
    /// Optimistic concurrency: an edit names the version it started from (409 otherwise).
    @Field(key: "version") var version: Int
    init() {}
}

final class CommitteeModel: Model, @unchecked Sendable {
    static let schema = "committees"
    @ID(custom: .id) var id: Int?
    @Field(key: "organization_id") var organizationID: Int
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    @Field(key: "is_office") var isOffice: Bool
    @Field(key: "sort_order") var sortOrder: Int
    /// Optimistic concurrency: an edit names the version it started from (409 otherwise).
    @Field(key: "version") var version: Int
    init() {}
}

final class SectorModel: Model, @unchecked Sendable {
    static let schema = "sectors"
    @ID(custom: .id) var id: Int?
    @Field(key: "organization_id") var organizationID: Int
    @Field(key: "name") var name: String
    @Field(key: "sort_order") var sortOrder: Int
    /// Optimistic concurrency: an edit names the version it started from (409 otherwise).
    @Field(key: "version") var version: Int
    init() {}
}

final class DepartmentModel: Model, @unchecked Sendable {
    static let schema = "departments"
    @ID(custom: .id) var id: Int?
    @Field(key: "organization_id") var organizationID: Int
    @Field(key: "name") var name: String
    @Field(key: "short_name") var shortName: String
    @Field(key: "category") var category: String
    @Field(key: "sort_order") var sortOrder: Int
    /// Optimistic concurrency: an edit names the version it started from (409 otherwise).
    @Field(key: "version") var version: Int
    init() {}
}

final class PersonModel: Model, @unchecked Sendable {
    static let schema = "persons"
    @ID(custom: .id) var id: Int?
    @Field(key: "organization_id") var organizationID: Int
    @Field(key: "name") var name: String
    @OptionalField(key: "gender") var gender: String?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "sector_id") var sectorID: Int?
    @OptionalField(key: "committee_id") var committeeID: Int?
    @OptionalField(key: "department_id") var departmentID: Int?
    @OptionalField(key: "leader_of") var leaderOf: String?
    @Field(key: "unit") var unit: String
    @Field(key: "title") var title: String
    /// Tags joined by "、", the separator Chinese offices type.
    @Field(key: "expertise") var expertise: String
    @OptionalField(key: "phone") var phone: String?
    /// Where invitation letters are mailed (三(一).3); added by M006.
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "term_start") var termStart: String?
    @OptionalField(key: "term_end") var termEnd: String?
    @Field(key: "protocol_order") var protocolOrder: Int
    /// Optimistic concurrency: an edit names the version it started from (409 otherwise).
    @Field(key: "version") var version: Int
    init() {}
}
