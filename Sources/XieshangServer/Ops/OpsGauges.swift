import Fluent
import SQLKit
import Vapor

/// The gauges `/metrics` reads from the database and this process when it is asked, rather
/// than keeping them up to date on every change: a scrape every few seconds costs a handful of
/// small queries, and they are then never out of step with the data.
enum OpsGauges {
    static func refresh(app: Application) async throws {
        let metrics = app.xieshang.metrics
        let db = app.db

        // The database pool: Fluent keeps one connection per event loop (its default). How long
        // a trivial query takes includes the wait for a free one.
        let loops = Array(app.eventLoopGroup.makeIterator()).count
        metrics.gauge("db_pool_connections_max", help: "Database connections this process may open (one per event loop).",
                      Double(loops))
        let started = ContinuousClock.now
        try await (db as! any SQLDatabase).raw("SELECT 1").run()
        let ping = ContinuousClock.now - started
        metrics.gauge("db_ping", unit: "seconds", help: "Time to get a pooled connection and run SELECT 1.",
                      Double(ping.components.seconds) + Double(ping.components.attoseconds) / 1e18)
        metrics.gauge("write_queue_waiting", help: "State changes of this process waiting for their turn to write.",
                      Double(await app.xieshang.writeGate.waiting))
        if app.xieshang.isPostgres, let sql = db as? any SQLDatabase {
            let rows = try await sql.raw("""
                SELECT coalesce(state, 'unknown') AS state, count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() GROUP BY 1
                """).all()
            for state in ["active", "idle", "idle in transaction"] {
                let n = try rows.first { try $0.decode(column: "state", as: String.self) == state }?.decode(column: "n", as: Int.self) ?? 0
                metrics.gauge("db_server_connections", help: "Connections to this database on the PostgreSQL server (all instances), by state.",
                              labels: [("state", state)], Double(n))
            }
        }

        // The live meeting: meetings in progress (all instances), and the screens on this one.
        var running = 0
        for row in try await LiveMeetingModel.query(on: db).filter(\.$record == nil).all() {
            if let loaded = try await LiveStore.load(row.symposiumID, on: db), loaded.0.phase == .running { running += 1 }
        }
        metrics.gauge("live_meetings_in_progress", help: "Symposia whose live meeting has started and not ended.", Double(running))
        let screens = app.xieshang.liveHub.counts()
        metrics.gauge("live_screens_connected", help: "Live-meeting screens and phones connected to this process.", Double(screens.screens))
        metrics.gauge("live_meetings_watched", help: "Symposia with at least one screen connected to this process.", Double(screens.meetings))

        // The outbox.
        for (status, n) in try await MailOutbox.counts(on: db) {
            metrics.gauge("mail_outbox", help: "Mails in the outbox, by state (failed: given up, shown to the office).",
                          labels: [("status", status.rawValue)], Double(n))
        }
        metrics.gauge("sessions_stored", help: "Sign-in sessions stored (expired ones are purged periodically).",
                      Double(try await SessionRecord.query(on: db).count()))
    }
}
