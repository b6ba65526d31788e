import Fluent
import Vapor
import XieshangCore

/// The office's view of the outbox: what waits, what failed and why, what went out; and a
/// button to try again now (after the relay or an address was fixed).
struct MailOutboxPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.mail.routePath, use: page)
        routes.post(Paths.mailRetryAll.routePath, use: retryAll)
        routes.post("mail", ":id", "retry", use: retryOne)
    }

    /// How many sent mails the page lists (the failed and waiting ones are all listed).
    static let sentShown = 50

    struct Row: Encodable {
        let id: Int
        let kind: String
        let subject: String
        let recipients: String
        let status: String
        let statusName: String
        let attempts: Int
        let lastError: String?
        /// When it is tried next (waiting), or when it was sent.
        let when: String?
        let contextPath: String?
        let contextTitle: String?
        let retryable: Bool
        let retryPath: String
    }

    struct Body: Encodable {
        let configured: Bool
        let relay: String?
        let pending: Int
        let failed: Int
        let sent: Int
        /// Failed, or waiting after a failure: what "全部重新发送" would send now.
        let retryable: Int
        let open: [Row]
        let recent: [Row]
    }

    func page(req: Request) async throws -> Response {
        try req.require(.actForOffice)
        let counts = try await MailOutbox.counts(on: req.db)
        let open = try await MailOutboxModel.query(on: req.db)
            .filter(\.$status != MailOutbox.Status.sent.rawValue).sort(\.$id, .descending).all()
        let recent = try await MailOutboxModel.query(on: req.db)
            .filter(\.$status == MailOutbox.Status.sent.rawValue).sort(\.$id, .descending).limit(Self.sentShown).all()
        let rows = open.map(row)
        let body = Body(configured: req.xieshang.config.mail != nil, relay: req.xieshang.config.mail?.description,
                        pending: (counts[.pending] ?? 0) + (counts[.sending] ?? 0), failed: counts[.failed] ?? 0,
                        sent: counts[.sent] ?? 0, retryable: rows.filter(\.retryable).count, open: rows, recent: recent.map(row))
        return try await req.renderPage("mail-outbox", title: "邮件发送", body: body)
    }

    private func row(_ m: MailOutboxModel) -> Row {
        let fmt = ChinaTime.formatter("yyyy-MM-dd HH:mm")
        let status = MailOutbox.Status(rawValue: m.status) ?? .pending
        let when: String? = switch status {
        case .sent: m.sentAt.map { "发送于" + fmt.string(from: $0) }
        case .pending: m.attempts > 0 ? "将于" + fmt.string(from: m.nextAttemptAt) + "重试" : nil
        case .sending, .failed: nil
        }
        return Row(id: m.id!, kind: OutgoingMail.Kind(rawValue: m.kind)?.chineseName ?? m.kind, subject: m.subject,
                   recipients: m.recipients, status: m.status, statusName: status.chineseName, attempts: m.attempts,
                   lastError: m.lastError, when: when, contextPath: m.contextPath, contextTitle: m.contextTitle,
                   retryable: status == .failed || (status == .pending && m.attempts > 0), retryPath: Paths.mailRetry(m.id!))
    }

    func retryOne(req: Request) async throws -> Response {
        try req.require(.actForOffice)
        guard let id = req.parameters.get("id", as: Int.self), try await MailOutboxModel.find(id, on: req.db) != nil else {
            throw NotFound.of("邮件")
        }
        let n = try await retry(on: req) { $0.filter(\.$id == id) }
        guard n > 0 else {
            throw Refusal(.conflict, code: "mail_not_retryable", message: "该邮件已发送或正在发送，无需重试。")
        }
        req.flash("已安排立即重新发送。")
        return req.redirect(to: Paths.mail)
    }

    func retryAll(req: Request) async throws -> Response {
        try req.require(.actForOffice)
        let n = try await retry(on: req) { $0 }
        req.flash(n > 0 ? "已安排\(n)封邮件立即重新发送。" : "没有需要重试的邮件。")
        return req.redirect(to: Paths.mail)
    }

    /// Failed mails, and waiting ones that already failed once, become due now; a given-up mail
    /// gets its full round of attempts again.
    private func retry(on req: Request,
                       _ narrow: @escaping @Sendable (QueryBuilder<MailOutboxModel>) -> QueryBuilder<MailOutboxModel>) async throws -> Int {
        let now = req.xieshang.clock.now()
        let n: Int = try await req.change(invalidatingCaches: false) { db in
            let rows = try await narrow(MailOutboxModel.query(on: db)).all().filter { m in
                m.status == MailOutbox.Status.failed.rawValue || (m.status == MailOutbox.Status.pending.rawValue && m.attempts > 0)
            }
            for m in rows {
                if m.status == MailOutbox.Status.failed.rawValue { m.attempts = 0 }
                m.status = MailOutbox.Status.pending.rawValue
                m.nextAttemptAt = now
                try await m.update(on: db)
            }
            return (rows.count, rows.map { AuditChange("mail.retry", "mail_outbox", String($0.id!), after: ["subject": $0.subject]) })
        }
        req.xieshang.outbox.wake()
        return n
    }
}
