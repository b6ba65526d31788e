import Fluent
import Foundation

// @unchecked Sendable: see MasterDataModels.swift.

/// One printed copy of a classified material (`PaperCopy`) as JSON, with the columns the
/// retrieval list and the store's queries need.
final class PaperCopyModel: Model, @unchecked Sendable {
    static let schema = "material_paper_copies"
    @ID(custom: .id) var id: Int?
    @Field(key: "material_id") var materialID: Int
    @Field(key: "symposium_id") var symposiumID: Int
    /// 份号.
    @Field(key: "number") var number: Int
    @Field(key: "state") var state: String
    /// The person holding it now (handed out or kept), nil in the office and after return.
    @OptionalField(key: "holder_id") var holderID: Int?
    @Field(key: "body") var body: String
    @Field(key: "version") var version: Int
    init() {}
}

/// The closing of a symposium's materials after the meeting (`MaterialsClosure`), once.
final class MaterialClosureModel: Model, @unchecked Sendable {
    static let schema = "material_closures"
    @ID(custom: .id) var id: Int?
    @Field(key: "symposium_id") var symposiumID: Int
    @Field(key: "body") var body: String
    @Field(key: "closed_at") var closedAt: Date
    init() {}
}
