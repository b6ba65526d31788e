import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor
import XieshangMail

/// The outbox: a change stores its mails in its own transaction (`enqueue`), and
/// `MailOutboxSender` hands them to the relay after the commit. A mail is never sent for a
/// change that rolled back, a slow relay never holds up a request, and a double click finds
/// its mails already queued (the second change has nobody left to notify, and each mail has a
/// key of its own).
enum MailOutbox {
    enum Status: String, Sendable, CaseIterable {
        case pending, sending, sent, failed

        var chineseName: String {
            switch self {
            case .pending: "待发送"
            case .sending: "发送中"
            case .sent: "已发送"
            case .failed: "发送失败"
            }
        }
    }

    /// When a transient failure is tried again: a minute, then doubling up to an hour, for
    /// about a working day in all; then the mail is given up and shown to the office.
    struct RetryPolicy: Sendable {
        var firstDelay: TimeInterval = 60
        var longestDelay: TimeInterval = 3600
        var maxAttempts = 14
        /// How long a sender may hold a claimed mail before another may take it over.
        var claim: TimeInterval = 10 * 60

        func delay(afterAttempt attempt: Int) -> TimeInterval {
            min(longestDelay, firstDelay * pow(2, Double(max(0, attempt - 1))))
        }
    }

    static let retry = RetryPolicy()

    /// Stores `mails` inside the caller's transaction; a mail whose key is already stored is
    /// left out. Returns the keys stored.
    @discardableResult
    static func enqueue(_ mails: [OutgoingMail], from sender: MailAddress, at now: Date, by actor: String,
                        on db: any Database) async throws -> Set<String> {
        guard !mails.isEmpty else { return [] }
        let keys = mails.map(\.dedupeKey)
        let existing = Set(try await MailOutboxModel.query(on: db).filter(\.$dedupeKey ~~ keys).all().map(\.dedupeKey))
        var stored: Set<String> = []
        for mail in mails where !existing.contains(mail.dedupeKey) && stored.insert(mail.dedupeKey).inserted {
            let body = StoredMail(to: mail.to.map { .init(email: $0.email, name: $0.name) }, subject: mail.subject,
                                  text: mail.text,
                                  attachments: mail.attachments.map { .init(filename: $0.filename, contentType: $0.contentType, data: $0.data) },
                                  messageID: MailMessage.newMessageID(for: sender), date: now)
            let m = MailOutboxModel()
            m.dedupeKey = mail.dedupeKey
            m.kind = mail.kind.rawValue
            m.subject = mail.subject
            m.recipients = mail.to.map(\.description).joined(separator: ", ")
            m.message = try StoredJSON.text(body)
            m.status = Status.pending.rawValue
            m.attempts = 0
            m.nextAttemptAt = now
            m.createdAt = now
            m.createdBy = actor
            m.contextPath = mail.contextPath
            m.contextTitle = mail.contextTitle
            try await m.create(on: db)
        }
        return stored
    }

    /// A mail taken for sending.
    struct Claimed: Sendable {
        let id: Int
        let attempts: Int
        let body: StoredMail
    }

    /// Takes up to `limit` mails that are due (or whose sender's claim lapsed) for sending.
    static func claimDue(app: Application, limit: Int = 20) async throws -> [Claimed] {
        let now = app.xieshang.clock.now()
        let claim = retry.claim
        return try await app.change(by: "system:mail", invalidatingCaches: false) { db in
            let due = try await MailOutboxModel.query(on: db)
                .filter(\.$status ~~ [Status.pending.rawValue, Status.sending.rawValue])
                .filter(\.$nextAttemptAt <= now).sort(\.$id).limit(limit).all()
            var claimed: [Claimed] = []
            for m in due {
                m.status = Status.sending.rawValue
                m.nextAttemptAt = now.addingTimeInterval(claim)
                try await m.update(on: db)
                do {
                    claimed.append(Claimed(id: m.id!, attempts: m.attempts,
                                           body: try StoredJSON.value(StoredMail.self, from: m.message, row: "mail_outbox#\(m.id!)")))
                } catch {
                    m.status = Status.failed.rawValue
                    m.lastError = "邮件内容无法读取：\(error)"
                    try await m.update(on: db)
                }
            }
            return (claimed, [])
        }
    }

    static func markSent(_ id: Int, app: Application) async throws {
        let now = app.xieshang.clock.now()
        try await app.change(by: "system:mail", invalidatingCaches: false) { db in
            guard let m = try await MailOutboxModel.find(id, on: db) else { return ((), []) }
            m.status = Status.sent.rawValue
            m.attempts += 1
            m.sentAt = now
            m.lastError = nil
            try await m.update(on: db)
            return ((), [])
        }
    }

    /// Records a failed attempt: tried again later when the failure is transient and attempts
    /// are left, otherwise given up. Returns whether it will be tried again.
    @discardableResult
    static func markFailed(_ id: Int, error: MailError, app: Application) async throws -> Bool {
        let now = app.xieshang.clock.now()
        return try await app.change(by: "system:mail", invalidatingCaches: false) { db in
            guard let m = try await MailOutboxModel.find(id, on: db) else { return (false, []) }
            m.attempts += 1
            m.lastError = error.message
            let again = error.isTransient && m.attempts < retry.maxAttempts
            m.status = again ? Status.pending.rawValue : Status.failed.rawValue
            m.nextAttemptAt = now.addingTimeInterval(again ? retry.delay(afterAttempt: m.attempts) : 0)
            try await m.update(on: db)
            return (again, [])
        }
    }

    /// Gives a claimed mail back untried (the connection broke before its turn).
    static func release(_ id: Int, app: Application) async throws {
        let now = app.xieshang.clock.now()
        try await app.change(by: "system:mail", invalidatingCaches: false) { db in
            guard let m = try await MailOutboxModel.find(id, on: db), m.status == Status.sending.rawValue else { return ((), []) }
            m.status = Status.pending.rawValue
            m.nextAttemptAt = now
            try await m.update(on: db)
            return ((), [])
        }
    }

    /// How many mails are in each state, for the page and /metrics.
    static func counts(on db: any Database) async throws -> [Status: Int] {
        var counts: [Status: Int] = [:]
        for status in Status.allCases {
            counts[status] = try await MailOutboxModel.query(on: db).filter(\.$status == status.rawValue).count()
        }
        return counts
    }
}

/// Wakes the sender when a change has queued mail, so that it goes out at once rather than
/// at the next poll.
final class MailOutboxSignal: Sendable {
    private let woken = NIOLockedValueBox(false)

    func wake() { woken.withLockedValue { $0 = true } }

    /// Whether `wake` was called since the last time this was asked.
    func take() -> Bool { woken.withLockedValue { w in defer { w = false }; return w } }
}
