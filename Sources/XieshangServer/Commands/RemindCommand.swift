import Vapor

/// `xieshang remind`: the day's reminder mails about follow-up items, for cron (daily).
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Queues the day's reminder mails about follow-up items (落实事项) to their departments (the server sends them)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await DatabaseSetup.openForWriting(context.application)
        let report = try await FollowUpReminders.send(app: context.application, actor: commandActor())
        context.console.print(ReminderRoutes.text(report))
        if !report.notMailed.isEmpty { throw ExitCode(1) }
    }
}
