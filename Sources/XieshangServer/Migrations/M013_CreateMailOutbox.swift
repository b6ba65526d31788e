import Fluent

/// Mails stored by the change that makes them, sent after it commits (`MailOutbox`).
struct M013_CreateMailOutbox: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("mail_outbox")
            .field(.id, .int, .identifier(auto: true))
            .field("dedupe_key", .string, .required)
            .field("kind", .string, .required)
            .field("subject", .string, .required)
            .field("recipients", .string, .required)
            .field("message", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("sent_at", .datetime)
            .field("context_path", .string)
            .field("context_title", .string)
            .unique(on: "dedupe_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("mail_outbox").delete()
    }
}
