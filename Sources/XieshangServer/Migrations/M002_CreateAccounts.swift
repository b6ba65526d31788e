import Fluent

struct M002_CreateAccounts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .field(.id, .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("roles", .string, .required)
            .field("person_id", .int, .references("persons", .id))
            .field("committee_id", .int, .references("committees", .id))
            .field("department_id", .int, .references("departments", .id))
            .field("active", .bool, .required)
            .unique(on: "username")
            .create()
        try await db.schema("api_tokens")
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("users", .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("api_tokens").delete()
        try await db.schema("users").delete()
    }
}
