import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Notices writes made by another process — the command line, or another instance on the
/// same PostgreSQL — which bypass this process's cache invalidation. Every state change
/// appends to the audit log, so a new highest sequence number is the signal to drop the
/// caches and reload the working calendar.
final class ChangeWatcher: LifecycleHandler, Sendable {
    private let interval: Duration
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interval: Duration = .seconds(1)) { self.interval = interval }

    func didBootAsync(_ app: Application) async throws {
        let interval = self.interval
        let started = Task {
            var last = try? await Self.latest(on: app.db)
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled, let now = try? await Self.latest(on: app.db) else { continue }
                if now != last {
                    last = now
                    app.xieshang.people.invalidate()
                    app.xieshang.principals.invalidate()
                    try? await app.xieshang.calendar.reload(from: app.db)
                    try? await app.xieshang.practice.reload(from: app.db)
                }
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

    static func latest(on db: any Database) async throws -> Int {
        try await AuditEntryModel.query(on: db).max(\.$id) ?? 0
    }
}
