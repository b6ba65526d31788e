import Fluent

struct M005_CreatePlanning: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("topic_calls")
            .field(.id, .int, .identifier(auto: true))
            .field("plan_year", .int, .required)
            .field("opens_on", .string, .required)
            .field("deadline", .string, .required)
            .field("closed_early", .bool, .required)
            .unique(on: "plan_year")
            .create()
        try await db.schema("topic_suggestions")
            .field(.id, .int, .identifier(auto: true))
            .field("plan_year", .int, .required)
            .field("committee_id", .int, .required, .references("committees", .id))
            .field("title", .string, .required)
            .field("rationale", .string, .required)
            .field("grounds", .string, .required)
            .field("suggested_month", .int)
            .field("proposed_lead_committee_id", .int, .references("committees", .id))
            .field("author", .string, .required)
            .field("version", .int, .required)
            .create()
        try await db.schema("annual_plans")
            .field(.id, .int, .identifier(auto: true))
            .field("year", .int, .required)
            .field("state", .string, .required)
            .field("body", .string, .required)
            .field("version", .int, .required)
            .unique(on: "year")
            .create()
        try await db.schema("annual_plan_versions")
            .field(.id, .int, .identifier(auto: true))
            .field("year", .int, .required)
            .field("version", .int, .required)
            .field("state", .string, .required)
            .field("body", .string, .required)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("note", .string, .required)
            .unique(on: "year", "version")
            .create()
        try await db.schema("calendar_feeds")
            .field(.id, .int, .identifier(auto: true))
            .field("token", .string, .required)
            .field("person_id", .int, .references("persons", .id))
            .field("user_id", .int, .required, .references("users", .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "token")
            .create()
    }

    func revert(on db: any Database) async throws {
        for t in ["calendar_feeds", "annual_plan_versions", "annual_plans", "topic_suggestions", "topic_calls"] {
            try await db.schema(t).delete()
        }
    }
}
