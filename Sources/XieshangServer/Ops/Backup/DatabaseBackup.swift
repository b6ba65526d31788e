import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// `xieshang backup FILE`: a consistent copy of the whole database while the server runs,
/// material files included (they are rows of `material_files`), with a manifest of what it
/// holds. SQLite: `VACUUM INTO` (one read transaction; writers carry on). PostgreSQL: `pg_dump`
/// in a snapshot exported by a transaction that also counts the rows, so that the counts are
/// exactly the dump's. Nothing is written to the database; the file appears only when whole.
enum DatabaseBackup {
    struct Summary: Sendable {
        let manifest: BackupManifest
        let fileBytes: Int64
    }

    struct Exists: OperatorMessage {
        let path: String
        var description: String { "文件 \(path) 已存在，未覆盖。" }
    }

    static func run(app: Application, to path: String) async throws -> Summary {
        let file = URL(fileURLWithPath: path)
        guard !FileManager.default.fileExists(atPath: file.path) else { throw Exists(path: file.path) }
        try DatabaseSetup.requireExisting(app)
        // Beside the target, so that the final rename stays on one file system.
        let work = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).partial-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let migrations = try await appliedMigrations(app.db)
        let manifest: BackupManifest
        switch app.xieshang.config.database {
        case .sqliteFile:
            manifest = try await sqlite(app: app, into: work, migrations: migrations)
        case .sqliteMemory:
            throw BackupArchive.Invalid(reason: "内存数据库无法备份")
        case .postgres(let url):
            manifest = try await postgres(app: app, url: url, into: work, migrations: migrations)
        }
        let partial = work.appendingPathComponent("backup.zip")
        try BackupArchive.write(manifest, database: work.appendingPathComponent(manifest.engine.databaseEntry), to: partial)
        try FileManager.default.moveItem(at: partial, to: file)
        return Summary(manifest: manifest, fileBytes: try BackupArchive.size(of: file))
    }

    private static func sqlite(app: Application, into work: URL, migrations: [String]) async throws -> BackupManifest {
        let copy = work.appendingPathComponent(BackupManifest.Engine.sqlite.databaseEntry)
        try await (app.db as! any SQLDatabase).raw("VACUUM INTO \(bind: copy.path)").run()
        // Counted in the copy, not the live file: what the backup holds, whatever was written since.
        let (tables, audit) = try await withSQLite(at: copy, app: app, id: "backup") { db in
            (try await TableCounts.sqlite(db), try await TableCounts.audit(db))
        }
        return BackupManifest(engine: .sqlite, createdAt: app.xieshang.clock.now(), bytes: try BackupArchive.size(of: copy),
                              sha256: try BackupArchive.sha256(of: copy), tables: tables, audit: audit, migrations: migrations)
    }

    private static func postgres(app: Application, url: String, into work: URL, migrations: [String]) async throws -> BackupManifest {
        let dump = work.appendingPathComponent(BackupManifest.Engine.postgresql.databaseEntry)
        _ = try PostgresTools.locate("pg_dump")
        let logger = app.logger
        let config = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(configuration: config.coreConfiguration, id: 3, logger: logger)
        let sql = connection.sql()
        do {
            try await sql.raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
            let snapshot = try await sql.raw("SELECT pg_export_snapshot() AS id").first()?.decode(column: "id", as: String.self) ?? ""
            let tables = try await TableCounts.postgres(sql)
            let audit = try await TableCounts.audit(sql)
            // The dump reads the same snapshot while this transaction holds it open.
            // Level 1: material files (DOCX, PDF) hardly compress, but pg_dump writes bytea as hex
            // text, which any level halves; level 1 does it at less than half the CPU of the default.
            try PostgresTools.run("pg_dump", ["--format=custom", "--compress=1", "--no-owner", "--no-privileges",
                                              "--snapshot=\(snapshot)", "--file", dump.path], url: url)
            try await sql.raw("COMMIT").run()
            try await connection.close()
            return BackupManifest(engine: .postgresql, createdAt: app.xieshang.clock.now(), bytes: try BackupArchive.size(of: dump),
                                  sha256: try BackupArchive.sha256(of: dump), tables: tables, audit: audit, migrations: migrations)
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static func appliedMigrations(_ db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY batch, name").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    /// Opens an SQLite file other than the application's as a database of its own for `body`.
    static func withSQLite<T: Sendable>(at file: URL, app: Application, id: String,
                                        _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let databaseID = DatabaseID(string: "\(id)-\(UUID().uuidString.prefix(8))")
        app.databases.use(.sqlite(.file(file.path)), as: databaseID, isDefault: false)
        defer { app.databases.reinitialize(databaseID) }
        guard let db = app.databases.database(databaseID, logger: app.logger, on: app.eventLoopGroup.any()) as? any SQLDatabase else {
            throw BackupArchive.Invalid(reason: "无法打开 \(file.path)")
        }
        return try await body(db)
    }
}

/// What a backup's manifest records and a restore checks.
enum TableCounts {
    static func sqlite(_ db: any SQLDatabase) async throws -> [String: Int] {
        let names = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
            .map { try $0.decode(column: "name", as: String.self) }
        return try await counts(names, db)
    }

    static func postgres(_ db: any SQLDatabase) async throws -> [String: Int] {
        let names = try await db.raw("""
            SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
            """).all().map { try $0.decode(column: "name", as: String.self) }
        return try await counts(names, db)
    }

    static func counts(_ tables: [String], _ db: any SQLDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for name in tables {
            counts[name] = try await db.raw("SELECT count(*) AS n FROM \(ident: name)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return counts
    }

    static func audit(_ db: any SQLDatabase) async throws -> BackupManifest.Audit {
        let row = try await db.raw("SELECT count(*) AS n FROM audit_entries").first()
        let last = try await db.raw("SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1").first()
        return BackupManifest.Audit(entries: try row?.decode(column: "n", as: Int.self) ?? 0,
                                    lastHash: try last?.decode(column: "hash", as: String.self))
    }
}
