import Fluent
import SQLKit

/// A SQLite transaction that takes the write lock when it begins (`BEGIN IMMEDIATE`).
///
/// Fluent begins a deferred transaction: it reads under a snapshot and asks for the write
/// lock only at its first write. If another connection (a session written on the other
/// event loop, the command line) commits in between, SQLite answers SQLITE_BUSY_SNAPSHOT at
/// once, without waiting, and the change fails: that was the "database is locked" 500 at the
/// start of a meeting. Taken at the start, the lock waits (the connection's `busy_timeout`)
/// for the other writer instead, and what the change reads is what it writes over.
enum ImmediateTransaction {
    /// How long a writer waits for another process's write before giving up.
    static let busyTimeoutMilliseconds = 10_000

    /// Per connection; set on each when the application starts and again for every change,
    /// so that a connection the pool opened later is covered too.
    static var busyTimeoutPragma: SQLQueryString { "PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))" }

    static func run<T: Sendable>(on db: any Database,
                                 _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await db.withConnection { connection in
            guard let sql = connection as? any SQLDatabase else {
                preconditionFailure("an immediate transaction needs a SQL database")
            }
            try await sql.raw(busyTimeoutPragma).run()
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let value = try await body(InTransaction(base: connection, sql: sql))
                try await sql.raw("COMMIT").run()
                return value
            } catch {
                do { try await sql.raw("ROLLBACK").run() } catch {
                    connection.logger.error("rollback failed: \(String(reflecting: error))")
                }
                throw error
            }
        }
    }

    /// The connection, seen as inside a transaction: a `transaction` the body asks for joins
    /// this one instead of beginning another (SQLite cannot nest them).
    private struct InTransaction: Database, SQLDatabase {
        let base: any Database
        let sql: any SQLDatabase

        var context: DatabaseContext { base.context }
        var inTransaction: Bool { true }

        func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
            base.execute(query: query, onOutput: onOutput)
        }
        func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
        func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }
        func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
            closure(self)
        }
        func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
            closure(self)
        }

        var logger: Logger { sql.logger }
        var eventLoop: any EventLoop { sql.eventLoop }
        var version: (any SQLDatabaseReportedVersion)? { sql.version }
        var dialect: any SQLDialect { sql.dialect }
        var queryLogLevel: Logger.Level? { sql.queryLogLevel }
        func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
            sql.execute(sql: query, onRow)
        }
        func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
            try await sql.execute(sql: query, onRow)
        }
    }
}
