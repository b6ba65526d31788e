import Fluent
import SQLKit

struct M001_CreateMasterData: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("organizations")
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("short_name", .string, .required)
            .field("document_prefix", .string, .required)
            .field("county", .string, .required)
            .field("term_name", .string, .required)
            .field("term_start", .string, .required)
            .field("term_end", .string, .required)
            .create()
        try await db.schema("committees")
            .field(.id, .int, .identifier(auto: true))
            .field("organization_id", .int, .required, .references("organizations", .id))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("is_office", .bool, .required)
            .field("sort_order", .int, .required)
            .unique(on: "organization_id", "name")
            .create()
        try await db.schema("sectors")
            .field(.id, .int, .identifier(auto: true))
            .field("organization_id", .int, .required, .references("organizations", .id))
            .field("name", .string, .required)
            .field("sort_order", .int, .required)
            .unique(on: "organization_id", "name")
            .create()
        try await db.schema("departments")
            .field(.id, .int, .identifier(auto: true))
            .field("organization_id", .int, .required, .references("organizations", .id))
            .field("name", .string, .required)
            .field("short_name", .string, .required)
            .field("category", .string, .required)
            .field("sort_order", .int, .required)
            .unique(on: "organization_id", "name")
            .create()
        try await db.schema("persons")
            .field(.id, .int, .identifier(auto: true))
            .field("organization_id", .int, .required, .references("organizations", .id))
            .field("name", .string, .required)
            .field("gender", .string)
            .field("kind", .string, .required)
            .field("sector_id", .int, .references("sectors", .id))
            .field("committee_id", .int, .references("committees", .id))
            .field("department_id", .int, .references("departments", .id))
            .field("leader_of", .string)
            .field("unit", .string, .required)
            .field("title", .string, .required)
            .field("expertise", .string, .required)
            .field("phone", .string)
            .field("term_start", .string)
            .field("term_end", .string)
            .field("protocol_order", .int, .required)
            .field("version", .int, .required)
            .create()
        // The people list is read far more than written: its order and filters are indexed.
        let sql = db as! any SQLDatabase
        try await sql.create(index: "persons_order_idx").on("persons").column("protocol_order").column("id").run()
        try await sql.create(index: "persons_kind_idx").on("persons").column("kind").column("protocol_order").run()
        try await sql.create(index: "persons_sector_idx").on("persons").column("sector_id").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["persons", "departments", "sectors", "committees", "organizations"] {
            try await db.schema(table).delete()
        }
    }
}
