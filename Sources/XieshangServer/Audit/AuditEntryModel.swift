import Fluent
import Foundation

// @unchecked Sendable: see MasterDataModels.swift.
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_entries"
    /// The sequence number of the chain.
    @ID(custom: .id, generatedBy: .user) var id: Int?
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "object_type") var objectType: String
    @Field(key: "object_id") var objectID: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String
    init() {}
}
