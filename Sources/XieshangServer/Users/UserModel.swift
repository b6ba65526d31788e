import Fluent
import Foundation
import XieshangCore

// @unchecked Sendable: see MasterDataModels.swift.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(custom: .id) var id: Int?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    /// Comma-separated `Role` raw values.
    @Field(key: "roles") var roles: String
    @OptionalField(key: "person_id") var personID: Int?
    @OptionalField(key: "committee_id") var committeeID: Int?
    @OptionalField(key: "department_id") var departmentID: Int?
    @Field(key: "active") var active: Bool
    init() {}

    var principal: Principal {
        Principal(userID: id!, username: username, displayName: displayName,
                  roles: (try? Role.parseList(roles)) ?? [], personID: personID,
                  committeeID: committeeID, departmentID: departmentID)
    }
}

final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(custom: .id) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "name") var name: String
    /// SHA-256 of the token: a stolen database does not hand out working tokens.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
