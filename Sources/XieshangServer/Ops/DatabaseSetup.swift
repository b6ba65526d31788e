import Fluent
import FluentPostgresDriver
import SQLKit
import Vapor

/// How a process opens the database, by what it is going to do with it. `configure` only
/// names the database; nothing is created, migrated or written until one of these runs, so
/// that `--help`, `user list`, `audit verify` and `backup` leave everything as they found it.
enum DatabaseSetup {
    struct Missing: OperatorMessage {
        let path: String
        var description: String {
            "数据库文件 \(path) 不存在。请检查 XIESHANG_DATA_DIR / DATABASE_URL，或先运行 xieshang migrate（新装）或 xieshang restore（从备份恢复）。"
        }
    }

    struct NotMigrated: OperatorMessage {
        let pending: [String]
        var description: String {
            "数据库结构不是最新的（尚未执行：\(pending.joined(separator: "、"))）。请先运行 xieshang migrate。"
        }
    }

    /// For commands that write, and for `serve`: creates the SQLite file's directory, brings the
    /// schema up to date under the migration lock, loads the demo county when asked, and reads
    /// the calendar and county practice in force.
    /// Returns the migrations this call applied (none when the schema was up to date).
    @discardableResult
    static func openForWriting(_ app: Application) async throws -> [String] {
        if case .sqliteFile(let path) = app.xieshang.config.database {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            // WAL lets readers proceed while a write commits; set once, it persists in the file.
            try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").run()
        }
        try await configureConnections(app)
        let applied = try await MigrationLock.run(app) {
            // Read under the lock: what another instance migrated meanwhile is not ours.
            let before = (try? await DatabaseBackup.appliedMigrations(app.db)) ?? []
            try await app.autoMigrate()
            if app.xieshang.config.loadDemo { try await DemoCounty.loadIfEmpty(app: app) }
            return try await DatabaseBackup.appliedMigrations(app.db).filter { !before.contains($0) }
        }
        try await loadSettings(app)
        return applied
    }

    /// For `serve --no-migrate` (instances behind a deployment that runs `xieshang migrate`
    /// itself): the database must exist and be up to date; nothing is written.
    static func openMigrated(_ app: Application) async throws {
        try requireExisting(app)
        try await configureConnections(app)
        let pending = try await pendingMigrations(app)
        guard pending.isEmpty else { throw NotMigrated(pending: pending) }
        try await loadSettings(app)
    }

    /// For commands that only read and need the calendar and county practice in force.
    static func openReadOnly(_ app: Application) async throws {
        try requireExisting(app)
        try await loadSettings(app)
    }

    /// For commands that only read: the database must exist. An SQLite file that is not there
    /// would otherwise be created, empty, by the first query.
    static func requireExisting(_ app: Application) throws {
        if case .sqliteFile(let path) = app.xieshang.config.database, !FileManager.default.fileExists(atPath: path) {
            throw Missing(path: path)
        }
    }

    /// The migrations registered but not yet applied (empty: the schema is up to date).
    static func pendingMigrations(_ app: Application) async throws -> [String] {
        let migrator = Migrator(databases: app.databases, migrations: app.migrations, logger: app.logger,
                                on: app.eventLoopGroup.any())
        return try await migrator.previewPrepareBatch().get().map { $0.0.name }
    }

    private static func loadSettings(_ app: Application) async throws {
        try await app.xieshang.calendar.reload(from: app.db)
        try await app.xieshang.practice.reload(from: app.db)
    }

    /// Per-connection settings of SQLite (nothing is written by them).
    private static func configureConnections(_ app: Application) async throws {
        guard case .sqliteFile = app.xieshang.config.database else { return }
        // A writer waits for another process's write (the command line) instead of failing.
        // In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash of the process
        // loses nothing committed, a power cut at worst the last commits, and the file is never
        // corrupted (sqlite.org/pragma.html#pragma_synchronous). Every commit's fsync was what
        // limited the live meeting's writes. Per connection: one per event loop.
        for loop in app.eventLoopGroup.makeIterator() {
            if let db = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase {
                try await db.raw("PRAGMA synchronous=NORMAL").run()
                try await db.raw(ImmediateTransaction.busyTimeoutPragma).run()
            }
        }
    }
}

/// On PostgreSQL, migrations run under a session advisory lock held on a connection of their
/// own, so that instances starting together migrate one after the other: the second finds the
/// schema the first made instead of failing halfway through creating the same tables. The lock
/// goes with the connection if the process dies.
enum MigrationLock {
    /// Any number both instances agree on; distinct from the write turn's (AuditLog.takeTurn).
    static let key = 7_370_002

    static func run<T: Sendable>(_ app: Application, _ body: @Sendable () async throws -> T) async throws -> T {
        guard case .postgres(let url) = app.xieshang.config.database else { return try await body() }
        let logger = app.logger
        let config = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(configuration: config.coreConfiguration, id: 2, logger: logger)
        do {
            let rows = try await connection.query("SELECT pg_try_advisory_lock(\(key))", logger: logger)
            var locked = false
            for try await row in rows { locked = try row.decode(Bool.self) }
            if !locked {
                logger.event(.notice, "migration_lock_wait", [("reason", "another instance is migrating")])
                _ = try await connection.query("SELECT pg_advisory_lock(\(key))", logger: logger).collect()
            }
            let value = try await body()
            _ = try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger).collect()
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
