import Fluent
import Vapor
import XieshangCore
import XieshangMail

/// Reminder mails about follow-up items (三(五) "对需要落实事项进行跟踪"): to the owner
/// department's accounts with an e-mail address, for every item near its due day or overdue that
/// was not reminded within the Regulation's interval. Run by the office (a button, the API) or
/// daily by `xieshang remind` from cron. Each reminded item records the day, audited, in the
/// transaction that queues its mail in the outbox (sent after the commit); without SMTP nothing
/// is recorded, so that the next run with mail configured still reminds.
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
    /// Queued for the relay; delivery is shown on the office's mail page.
    struct Reminded: Content { let itemID: Int; let title: String; let department: String; let to: [String] }

    static func send(app: Application, actor: String) async throws -> Report {
        let now = app.xieshang.clock.now()
        let today = Day(now)
        let regulation = app.xieshang.regulation
        let open = try await FollowUpItemModel.query(on: app.db)
            .filter(\.$status !~ [FollowUpItem.Status.implemented.rawValue, FollowUpItem.Status.dropped.rawValue]).sort(\.$due).all()
        let due = try open.map { ($0, try OutcomeStore.decode($0)) }.filter { $0.1.needsReminderMail(today: today, regulation: regulation) }
        let outcomeIDs = Set(due.map(\.1.outcomeID))
        let outcomes = try await OutcomeModel.query(on: app.db).filter(\.$id ~~ Array(outcomeIDs)).all()
            .reduce(into: [Int: Outcome]()) { $0[$1.id!] = try OutcomeStore.decode($1) }
        let departments = try await DepartmentModel.query(on: app.db).all().reduce(into: [Int: String]()) { $0[$1.id!] = $1.name }
        let org = try await SymposiumDocuments.organization(on: app.db)

        var failures: [Failure] = []
        guard let settings = app.xieshang.config.mail else {
            for (model, item) in due {
                failures.append(Failure(itemID: model.id!, title: item.title, department: departments[item.ownerDepartmentID] ?? "部门",
                                        reason: "未配置邮件服务器，请电话提醒。"))
            }
            return Report(due: due.count, reminded: [], notMailed: failures, mailConfigured: false)
        }
        var planned: [(reminded: Reminded, mail: OutgoingMail)] = []
        for (model, item) in due {
            let department = departments[item.ownerDepartmentID] ?? "部门"
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
            let mail = OutgoingMail(dedupeKey: "\(OutgoingMail.Kind.followUpReminder.rawValue)/item/\(model.id!)/\(today.iso)",
                                    kind: .followUpReminder, to: recipients, subject: "【落实事项提醒】\(item.title)", text: text,
                                    attachments: [], contextPath: nil, contextTitle: outcome?.title)
            planned.append((Reminded(itemID: model.id!, title: item.title, department: department, to: recipients.map(\.email)), mail))
        }
        // The reminders are recorded and their mails queued in one transaction: a mail goes out
        // only for a reminder that was recorded, and a second run (a double click, cron and the
        // office at once) finds the items reminded today and queues nothing.
        let plannedNow = planned
        let reminded: [Reminded] = try await app.change(by: actor, invalidatingCaches: false) { db in
            var done: [Reminded] = []
            var mails: [OutgoingMail] = []
            var changes: [AuditChange] = []
            for (entry, mail) in plannedNow {
                guard let m = try await FollowUpItemModel.find(entry.itemID, on: db) else { continue }
                var current = try OutcomeStore.decode(m)
                guard current.needsReminderMail(today: today, regulation: regulation) else { continue }
                current.recordReminder(on: today)
                try await OutcomeStore.save(current, into: m, version: m.version + 1, on: db)
                changes.append(AuditChange("follow_up_item.remind", "follow_up_item", String(entry.itemID), after: ["to": entry.to]))
                mails.append(mail)
                done.append(entry)
            }
            try await MailOutbox.enqueue(mails, from: settings.from, at: now, by: actor, on: db)
            return (done, changes)
        }
        app.xieshang.outbox.wake()
        return Report(due: due.count, reminded: reminded, notMailed: failures, mailConfigured: true)
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
