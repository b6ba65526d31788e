import Fluent

/// The holiday notices the office loaded, as pasted: each year's source and its history of
/// amendments (`calendar_years` keeps the resulting arrangement).
struct M012_CreateCalendarNotices: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("calendar_notices")
            .field(.id, .int, .identifier(auto: true))
            .field("year", .int, .required)
            .field("kind", .string, .required)
            .field("source", .string, .required)
            .field("text", .string, .required)
            .field("changes", .string, .required)
            .field("loaded_at", .datetime, .required)
            .field("loaded_by", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("calendar_notices").delete()
    }
}
