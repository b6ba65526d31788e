import Fluent

/// Printed copies of 秘密 and 机密 materials (纸质件登记簿), one row per copy with its own version
/// so that a signature at the door and a hand-out at the desk do not conflict, and the closing
/// of a symposium's materials after the meeting (文稿材料清退归档).
struct M014_CreatePaperCopies: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("material_paper_copies")
            .field(.id, .int, .identifier(auto: true))
            .field("material_id", .int, .required, .references("materials", .id, onDelete: .cascade))
            .field("symposium_id", .int, .required, .references("symposia", .id, onDelete: .cascade))
            .field("number", .int, .required)
            .field("state", .string, .required)
            .field("holder_id", .int)
            .field("body", .string, .required)
            .field("version", .int, .required)
            .unique(on: "material_id", "number")
            .create()
        try await db.schema("material_closures")
            .field(.id, .int, .identifier(auto: true))
            .field("symposium_id", .int, .required, .references("symposia", .id, onDelete: .cascade))
            .field("body", .string, .required)
            .field("closed_at", .datetime, .required)
            .unique(on: "symposium_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        for t in ["material_closures", "material_paper_copies"] { try await db.schema(t).delete() }
    }
}
