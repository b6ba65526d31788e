import Fluent

struct M003_CreateAuditLog: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries")
            .field(.id, .int, .identifier(auto: false))
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("object_type", .string, .required)
            .field("object_id", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("audit_entries").delete()
    }
}
