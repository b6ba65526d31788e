import Fluent

/// Outcomes (一.6, 三(五)) and their follow-up items, each one domain value stored as JSON
/// with the columns queries need.
struct M009_CreateOutcomes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outcomes")
            .field(.id, .int, .identifier(auto: true))
            .field("symposium_id", .int, .required, .references("symposia", .id, onDelete: .cascade))
            .field("state", .string, .required)
            .field("due", .string, .required)
            .field("body", .string, .required)
            .field("version", .int, .required)
            .create()
        try await db.schema("follow_up_items")
            .field(.id, .int, .identifier(auto: true))
            .field("outcome_id", .int, .required, .references("outcomes", .id, onDelete: .cascade))
            .field("owner_department_id", .int, .required)
            .field("due", .string, .required)
            .field("status", .string, .required)
            .field("body", .string, .required)
            .field("version", .int, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for t in ["follow_up_items", "outcomes"] { try await db.schema(t).delete() }
    }
}
