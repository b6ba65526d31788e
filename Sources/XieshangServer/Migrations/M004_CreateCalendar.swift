import Fluent

struct M004_CreateCalendar: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("calendar_years")
            .field(.id, .int, .identifier(auto: true))
            .field("year", .int, .required)
            .field("arrangement", .string, .required)
            .field("loaded_at", .datetime, .required)
            .unique(on: "year")
            .create()
        try await db.schema("local_days_off")
            .field(.id, .int, .identifier(auto: true))
            .field("day", .string, .required)
            .field("reason", .string, .required)
            .unique(on: "day")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("local_days_off").delete()
        try await db.schema("calendar_years").delete()
    }
}
