import Fluent

struct M007_CreateLiveMeetings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("live_meetings")
            .field(.id, .int, .identifier(auto: true))
            .field("symposium_id", .int, .required, .references("symposia", .id, onDelete: .cascade))
            .field("body", .string, .required)
            .field("sequence", .int, .required)
            .field("record", .string)
            .unique(on: "symposium_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("live_meetings").delete()
    }
}
