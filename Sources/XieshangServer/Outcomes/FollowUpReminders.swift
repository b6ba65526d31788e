import Fluent
import Vapor
import XieshangCore
import XieshangMail

/// Reminder mails about follow-up items (三(五) "对需要落实事项进行跟踪"): to the owner
/// department's accounts with an e-mail address, for every item near its due day or overdue that
/// was not reminded within the Regulation's interval. Run by the office (a button, the API) or
/// daily by `xieshang remind` from cron. Each mailed item records the day, audited; without SMTP
/// nothing is recorded, so that the next run with mail configured still reminds.
enum FollowUpReminders {
    struct Failure: Content { let itemID: Int; let title: String; let department: String; let reason: String }
    struct Report: Content {
        /// Items that needed a reminder today.
        let due: Int
        /// Items reminded, and the addresses each went to.
        let reminded: [Reminded]
        let notMailed: [Failure]
        let mailConfigured: Bool
    }
    struct Reminded: Content { let itemID: Int; let title: String; let department: String; let to: [String] }

    static func send(app: Application, actor: String) async throws -> Report {
        let today = Day(app.xieshang.clock.now())
        let regulation = app.xieshang.regulation
        let open = try await FollowUpItemModel.query(on: app.db)
            .filter(\.$status !~ [FollowUpItem.Status.implemented.rawValue, FollowUpItem.Status.dropped.rawValue]).sort(\.$due).all()
        let due = try open.map { ($0, try OutcomeStore.decode($0)) }.filter { $0.1.needsReminderMail(today: today, regulation: regulation) }
        let outcomeIDs = Set(due.map(\.1.outcomeID))
        let outcomes = try await OutcomeModel.query(on: app.db).filter(\.$id ~~ Array(outcomeIDs)).all()
            .reduce(into: [Int: Outcome]()) { $0[$1.id!] = try OutcomeStore.decode($1) }
        let departments = try await DepartmentModel.query(on: app.db).all().reduce(into: [Int: String]()) { $0[$1.id!] = $1.name }
        let org = try await SymposiumDocuments.organization(on: app.db)

        var reminded: [Reminded] = []
        var failures: [Failure] = []
        let settings = app.xieshang.config.mail
        for (model, item) in due {
            let department = departments[item.ownerDepartmentID] ?? "部门"
            guard let settings else {
                failures.append(Failure(itemID: model.id!, title: item.title, department: department,
                                        reason: "未配置邮件服务器，请电话提醒。"))
                continue
            }
            let recipients = try await addresses(department: item.ownerDepartmentID, on: app.db)
            guard !recipients.isEmpty else {
                failures.append(Failure(itemID: model.id!, title: item.title, department: department,
                                        reason: "该部门没有登记电子邮箱的联系人。"))
                continue
            }
            let outcome = outcomes[item.outcomeID]
            let state = item.isOverdue(today: today)
                ? "已逾期\(today.ordinal - item.due.ordinal)天" : "将于\(item.due.chinese)到期（还有\(item.daysUntilDue(today: today))天）"
            let text = """
            \(department)：

            　　\(outcome.map { "根据\($0.form.chineseName)“\($0.title)”，" } ?? "")贵单位负责的落实事项“\(item.title)”\(state)，目前状态为“\(item.status.chineseName)”。请抓紧落实，并在系统中填报进展情况。

            \(org.name)办公室
            \(today.chinese)
            """
            let message = MailMessage(from: settings.from, to: recipients, subject: "【落实事项提醒】\(item.title)", textBody: text,
                                      attachments: [], date: app.xieshang.clock.now())
            do {
                try await SMTPClient.send(message, via: settings)
            } catch let e as MailError {
                app.logger.warning("reminder for item \(model.id!) failed: \(e)")
                failures.append(Failure(itemID: model.id!, title: item.title, department: department, reason: e.message))
                continue
            }
            let to: [String] = recipients.map(\.email)
            let itemID = model.id!
            try await app.change(by: actor, invalidatingCaches: false) { db in
                guard let m = try await FollowUpItemModel.find(itemID, on: db) else { return ((), []) }
                var current = try OutcomeStore.decode(m)
                current.recordReminder(on: today)
                try await OutcomeStore.save(current, into: m, version: m.version + 1, on: db)
                return ((), [AuditChange("follow_up_item.remind", "follow_up_item", String(itemID), after: ["to": to])])
            }
            reminded.append(Reminded(itemID: itemID, title: item.title, department: department, to: to))
        }
        return Report(due: due.count, reminded: reminded, notMailed: failures, mailConfigured: settings != nil)
    }

    /// The department's active accounts whose person has a valid e-mail address.
    static func addresses(department: Int, on db: any Database) async throws -> [MailAddress] {
        let users = try await UserModel.query(on: db).filter(\.$departmentID == department).filter(\.$active == true).all()
        let personIDs = users.compactMap(\.personID)
        guard !personIDs.isEmpty else { return [] }
        return try await PersonModel.query(on: db).filter(\.$id ~~ personIDs).sort(\.$id).all().compactMap { p in
            p.email.flatMap { try? MailAddress($0, name: p.name) }
        }
    }
}
