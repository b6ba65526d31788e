import Fluent

/// The office's county practice (`CountyPractice`): one row, the value as JSON.
struct M010_CreateCountyPractice: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("county_practice")
            .field(.id, .int, .identifier(auto: false))
            .field("body", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("county_practice").delete()
    }
}
