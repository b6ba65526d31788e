import FluentPostgresDriver
import NIOConcurrencyHelpers
import Vapor

/// Carries "this symposium's live state changed" to every app instance. On one SQLite
/// instance that is a local call; on PostgreSQL every instance LISTENs on one channel and
/// a change is announced with NOTIFY after its transaction commits, so a speech started
/// through instance A reaches the viewers connected to instance B. No broker of our own:
/// PostgreSQL delivers in commit order to every listener.
final class LiveBus: Sendable {
    static let channel = "xieshang_live"

    /// Tells this process's viewers; set once at boot (loads the state and publishes it).
    private let deliver = NIOLockedValueBox<(@Sendable (Int) async -> Void)?>(nil)
    private let listener = NIOLockedValueBox<Task<Void, Never>?>(nil)
    let instanceID = UUID().uuidString

    func onChange(_ body: @escaping @Sendable (Int) async -> Void) {
        deliver.withLockedValue { $0 = body }
    }

    /// Called after the change committed, with the new state already encoded: this process's
    /// screens get those bytes at once; other instances read the state themselves.
    func announce(_ symposiumID: Int, message: ByteBuffer, app: Application) async {
        app.xieshang.liveHub.publish(message, to: symposiumID)
        guard app.xieshang.isPostgres, let sql = app.db as? any SQLDatabase else { return }
        do {
            try await sql.raw("SELECT pg_notify(\(bind: Self.channel), \(bind: "\(instanceID) \(symposiumID)"))").run()
        } catch {
            app.logger.error("live: NOTIFY failed: \(String(reflecting: error))")
        }
    }

    /// A dedicated connection LISTENs for other instances' changes, reconnecting after a
    /// failure; our own announcements are skipped (already delivered locally).
    func startListening(url: String, logger: Logger) {
        let task = Task { [weak self] in
            var attempt = 0
            while !Task.isCancelled, let self {
                do {
                    let config = try SQLPostgresConfiguration(url: url)
                    let connection = try await PostgresConnection.connect(configuration: config.coreConfiguration,
                                                                          id: 1, logger: logger)
                    attempt = 0
                    defer { Task { try? await connection.close() } }
                    try await connection.listen(on: Self.channel) { notifications in
                        for try await n in notifications {
                            let parts = n.payload.split(separator: " ")
                            guard parts.count == 2, parts[0] != self.instanceID, let id = Int(parts[1]) else { continue }
                            if let deliver = self.deliver.withLockedValue({ $0 }) { await deliver(id) }
                        }
                    }
                } catch {
                    if Task.isCancelled { return }
                    attempt += 1
                    logger.warning("live: LISTEN connection lost (\(String(reflecting: error))), retrying")
                    try? await Task.sleep(for: .milliseconds(min(5_000, 200 * attempt)))
                }
            }
        }
        listener.withLockedValue { $0 = task }
    }

    func stop() {
        listener.withLockedValue { $0?.cancel(); $0 = nil }
    }
}
