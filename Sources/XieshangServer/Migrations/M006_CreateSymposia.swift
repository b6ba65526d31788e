import Fluent

struct M006_CreateSymposia: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("symposia")
            .field(.id, .int, .identifier(auto: true))
            .field("year", .int, .required)
            .field("topic_id", .int, .required)
            .field("lead_committee_id", .int, .required, .references("committees", .id))
            .field("date", .string, .required)
            .field("body", .string, .required)
            .field("version", .int, .required)
            .unique(on: "year", "topic_id")
            .create()
        try await db.schema("symposium_invitations")
            .field(.id, .int, .identifier(auto: true))
            .field("symposium_id", .int, .required, .references("symposia", .id, onDelete: .cascade))
            .field("person_id", .int, .required, .references("persons", .id))
            .field("state", .string, .required)
            .field("date", .string, .required)
            .unique(on: "symposium_id", "person_id")
            .create()
        try await db.schema("persons").field("email", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("persons").deleteField("email").update()
        try await db.schema("symposium_invitations").delete()
        try await db.schema("symposia").delete()
    }
}
