import NIOConcurrencyHelpers
import Vapor
import XieshangMail

/// Hands the outbox's due mails to the relay, after the changes that queued them committed:
/// at once when this process queued some (`MailOutboxSignal`), otherwise every few seconds
/// (mails queued by `xieshang remind` from cron, or by another instance, and retries).
/// One SMTP session per round, so a round of letters logs in once.
final class MailOutboxSender: LifecycleHandler, Sendable {
    /// How often the outbox is read when nothing woke the sender.
    static let pollInterval: Duration = .seconds(5)
    /// How often the sender looks whether it was woken.
    static let tick: Duration = .milliseconds(250)

    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func didBootAsync(_ app: Application) async throws {
        guard let settings = app.xieshang.config.mail else { return }
        if case .insecureNoVerification = settings.certificateVerification {
            app.logger.warning("mail: tls=insecure — the relay's certificate is not verified; anyone on the way can read the mail and the password")
        }
        let started = Task {
            var sincePoll = Duration.zero
            while !Task.isCancelled {
                if app.xieshang.outbox.take() || sincePoll >= Self.pollInterval {
                    sincePoll = .zero
                    // Rounds until nothing is due: a long queue goes out in one go.
                    while !Task.isCancelled, await Self.deliverRound(app: app, settings: settings) > 0 {}
                }
                try? await Task.sleep(for: Self.tick)
                sincePoll += Self.tick
            }
        }
        task.withLockedValue { $0 = started }
    }

    func shutdownAsync(_ app: Application) async {
        let running = task.withLockedValue { t -> Task<Void, Never>? in
            defer { t = nil }
            return t
        }
        running?.cancel()
        await running?.value
    }

    /// Claims what is due and tries each once; returns how many were claimed.
    @discardableResult
    static func deliverRound(app: Application, settings: SMTPSettings) async -> Int {
        let claimed: [MailOutbox.Claimed]
        do {
            claimed = try await MailOutbox.claimDue(app: app)
        } catch {
            app.logger.event(.error, "mail_outbox_unreadable", [("error", String(reflecting: error))])
            return 0
        }
        guard !claimed.isEmpty else { return 0 }
        var done: Set<Int> = []
        do {
            try await SMTPClient.withSession(via: settings) { session in
                for mail in claimed {
                    guard session.isUsable else { break }
                    do {
                        try await session.send(try mail.body.message(from: settings.from))
                        done.insert(mail.id)
                        try await MailOutbox.markSent(mail.id, app: app)
                        app.xieshang.metrics.mailSent()
                        app.logger.event(.info, "mail_sent", [("outbox_id", String(mail.id)), ("subject", mail.body.subject),
                                                              ("to", mail.body.to.map(\.email).joined(separator: ","))])
                    } catch let error as MailError {
                        done.insert(mail.id)
                        await record(error, for: mail, app: app)
                    }
                }
            }
        } catch let error as MailError {
            // The session could not be opened (or broke): every mail not yet tried failed with it.
            for mail in claimed where !done.contains(mail.id) {
                done.insert(mail.id)
                await record(error, for: mail, app: app)
            }
        } catch {
            app.logger.event(.error, "mail_round_failed", [("error", String(reflecting: error))])
        }
        for mail in claimed where !done.contains(mail.id) {
            try? await MailOutbox.release(mail.id, app: app)
        }
        return claimed.count
    }

    private static func record(_ error: MailError, for mail: MailOutbox.Claimed, app: Application) async {
        app.xieshang.metrics.mailFailed(transient: error.isTransient)
        let again = (try? await MailOutbox.markFailed(mail.id, error: error, app: app)) ?? true
        app.logger.event(again ? .warning : .error, again ? "mail_deferred" : "mail_failed",
                         [("outbox_id", String(mail.id)), ("subject", mail.body.subject), ("code", error.code),
                          ("error", error.message)])
    }
}
