import Fluent
import Foundation

// @unchecked Sendable: see MasterDataModels.swift.

/// A material is one domain value (`Material`) stored as JSON, as the symposium is: its rules
/// live in the domain; the row adds what queries need.
final class MaterialModel: Model, @unchecked Sendable {
    static let schema = "materials"
    @ID(custom: .id) var id: Int?
    @Field(key: "symposium_id") var symposiumID: Int
    @Field(key: "kind") var kind: String
    @Field(key: "body") var body: String
    @Field(key: "version") var version: Int
    init() {}
}

/// The bytes of one uploaded version, never replaced, with the text extracted from them.
final class MaterialFileModel: Model, @unchecked Sendable {
    static let schema = "material_files"
    @ID(custom: .id) var id: Int?
    @Field(key: "material_id") var materialID: Int
    /// The version's number within the material (1, 2, 3…).
    @Field(key: "number") var number: Int
    @Field(key: "format") var format: String
    @Field(key: "bytes") var bytes: Data
    @Field(key: "sha256") var sha256: String
    @Field(key: "text") var text: String
    init() {}
}

/// Who downloaded which version of a material when (三(四).2): kept besides the audit log so
/// that the material's page can list them without reading the whole log.
final class MaterialDownloadModel: Model, @unchecked Sendable {
    static let schema = "material_downloads"
    @ID(custom: .id) var id: Int?
    @Field(key: "material_id") var materialID: Int
    @Field(key: "version") var version: Int
    @Field(key: "user_id") var userID: Int
    @Field(key: "actor") var actor: String
    @OptionalField(key: "person_id") var personID: Int?
    @Field(key: "at") var at: Date
    init() {}
}

/// A recipient's copy of a symposium's compiled packet: its 份号, given once and never reused,
/// and when the office last compiled it.
final class MaterialPacketModel: Model, @unchecked Sendable {
    static let schema = "material_packets"
    @ID(custom: .id) var id: Int?
    @Field(key: "symposium_id") var symposiumID: Int
    @Field(key: "person_id") var personID: Int
    @Field(key: "copy_number") var copyNumber: Int
    @OptionalField(key: "compiled_at") var compiledAt: Date?
    @OptionalField(key: "compiled_by") var compiledBy: String?
    init() {}
}
