import Vapor

enum Commands {
    static func register(on app: Application) {
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(UserCommand(), as: "user")
        app.asyncCommands.use(AuditCommand(), as: "audit")
        app.asyncCommands.use(CalendarCommand(), as: "calendar")
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(RestoreCommand(), as: "restore")
        // Ours rather than Fluent's: under the migration lock, and without asking to confirm.
        app.asyncCommands.use(MigrateCommand(), as: "migrate")
        app.asyncCommands.use(DocumentSampleCommand(), as: "document-sample")
        app.asyncCommands.use(RemindCommand(), as: "remind")
    }
}

/// Commands act as this pseudo-user in the audit log, with the OS user for context.
func commandActor() -> String {
    "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown")
}
