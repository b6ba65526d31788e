import Fluent
import Vapor

/// Deletes the sessions that can no longer sign anyone in: signed in longer ago than the
/// session lifetime (the principal middleware already refuses them) or never signed in at
/// all (sign-in writes the time together with the user; a session without it is one whose
/// user was cleared). Without this every sign-in left a row behind for ever.
enum SessionPurge {
    /// Returns how many sessions were deleted.
    @discardableResult
    static func run(app: Application) async throws -> Int {
        let now = app.xieshang.clock.now().timeIntervalSince1970
        let lifetime = app.xieshang.config.security.sessionLifetime
        let purge: @Sendable () async throws -> Int = {
            let records = try await SessionRecord.query(on: app.db).all()
            let expired = records.filter { record in
                guard let at = record.data[SessionKeys.signedInAt].flatMap(Double.init) else { return true }
                return now - at >= lifetime
            }
            let ids = expired.compactMap(\.id)
            // Bounded statements: both databases limit the values bound to one.
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                try await SessionRecord.query(on: app.db).filter(\.$id ~~ chunk).delete()
            }
            for record in expired { app.xieshang.sessionMemory?.forget(record.key) }
            return ids.count
        }
        // On SQLite in turn with the other writes (see QuietSessions).
        let count = app.xieshang.isPostgres ? try await purge() : try await app.xieshang.writeGate.withLock(purge)
        if count > 0 { app.logger.event(.info, "sessions_purged", [("count", String(count))]) }
        return count
    }
}
