import Fluent

struct M008_CreateMaterials: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("materials")
            .field(.id, .int, .identifier(auto: true))
            .field("symposium_id", .int, .required, .references("symposia", .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("body", .string, .required)
            .field("version", .int, .required)
            .create()
        try await db.schema("material_files")
            .field(.id, .int, .identifier(auto: true))
            .field("material_id", .int, .required, .references("materials", .id, onDelete: .cascade))
            .field("number", .int, .required)
            .field("format", .string, .required)
            .field("bytes", .data, .required)
            .field("sha256", .string, .required)
            .field("text", .string, .required)
            .unique(on: "material_id", "number")
            .create()
        try await db.schema("material_downloads")
            .field(.id, .int, .identifier(auto: true))
            .field("material_id", .int, .required, .references("materials", .id, onDelete: .cascade))
            .field("version", .int, .required)
            .field("user_id", .int, .required, .references("users", .id))
            .field("actor", .string, .required)
            .field("person_id", .int)
            .field("at", .datetime, .required)
            .create()
        try await db.schema("material_packets")
            .field(.id, .int, .identifier(auto: true))
            .field("symposium_id", .int, .required, .references("symposia", .id, onDelete: .cascade))
            .field("person_id", .int, .required, .references("persons", .id))
            .field("copy_number", .int, .required)
            .field("compiled_at", .datetime)
            .field("compiled_by", .string)
            .unique(on: "symposium_id", "person_id")
            .unique(on: "symposium_id", "copy_number")
            .create()
    }

    func revert(on db: any Database) async throws {
        for t in ["material_packets", "material_downloads", "material_files", "materials"] {
            try await db.schema(t).delete()
        }
    }
}
