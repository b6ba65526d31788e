import Vapor
import XieshangCore

/// The office sends the day's follow-up reminders now (`FollowUpReminders`): a button on the
/// summaries page and the API; cron runs the same with `xieshang remind`.
struct ReminderRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("reminders", "follow-up-items", use: page)
        routes.post("api", "v1", "reminders", "follow-up-items", use: api)
    }

    func api(req: Request) async throws -> FollowUpReminders.Report {
        try req.require(.actForOffice)
        return try await FollowUpReminders.send(app: req.application, actor: try req.principal.username)
    }

    func page(req: Request) async throws -> Response {
        try req.require(.actForOffice)
        let r = try await FollowUpReminders.send(app: req.application, actor: try req.principal.username)
        req.flash(Self.text(r))
        let back = OutcomeSummaryRoutes.path(.quarter(containing: Day(req.xieshang.clock.now())))
        return req.redirect(to: back + "#reminders")
    }

    /// One line for the page and the command.
    static func text(_ r: FollowUpReminders.Report) -> String {
        guard r.due > 0 else { return "今天没有需要提醒的落实事项。" }
        var parts = ["需提醒的落实事项\(r.due)项，已将\(r.reminded.count)项的提醒邮件加入发送队列"]
        if !r.notMailed.isEmpty {
            parts.append("未能发送\(r.notMailed.count)项（" + r.notMailed.map { "\($0.department)“\($0.title)”：\($0.reason)" }
                .joined(separator: "；") + "）")
        }
        return parts.joined(separator: "，") + "。"
    }
}
