import Fluent
import SQLKit
import Vapor

/// `xieshang restore FILE`: puts a backup into an empty data directory (SQLite) or an empty
/// database (PostgreSQL), then checks it against the backup's manifest: every table's row
/// count, and the audit chain verified from its first entry to the last hash recorded. A
/// restore that does not check out leaves nothing behind.
enum DatabaseRestore {
    struct Summary: Sendable {
        let manifest: BackupManifest
        let auditEntries: Int
    }

    struct Refused: OperatorMessage {
        let reason: String
        var description: String { reason }
    }

    static func run(app: Application, from path: String) async throws -> Summary {
        let file = URL(fileURLWithPath: path)
        guard FileManager.default.isReadableFile(atPath: file.path) else { throw Refused(reason: "无法读取备份文件 \(file.path)。") }
        let manifest = try BackupArchive.manifest(of: file)
        switch (app.xieshang.config.database, manifest.engine) {
        case (.sqliteFile(let target), .sqlite):
            return try await sqlite(app: app, file: file, manifest: manifest, target: URL(fileURLWithPath: target))
        case (.postgres(let url), .postgresql):
            return try await postgres(app: app, file: file, manifest: manifest, url: url)
        case (.sqliteMemory, _):
            throw Refused(reason: "不能恢复到内存数据库。")
        default:
            throw Refused(reason: "备份来自 \(manifest.engine.chineseName) 数据库，而当前配置的是另一种数据库（DATABASE_URL）；请恢复到同类数据库。")
        }
    }

    private static func sqlite(app: Application, file: URL, manifest: BackupManifest, target: URL) async throws -> Summary {
        let fm = FileManager.default
        for suffix in ["", "-wal", "-journal"] where fm.fileExists(atPath: target.path + suffix) {
            throw Refused(reason: "数据库文件 \(target.path + suffix) 已存在。恢复只写入空的数据目录：请先停止服务，把现有文件移走（或另设 XIESHANG_DATA_DIR），再恢复。")
        }
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staged = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).restoring-\(UUID().uuidString.prefix(8))")
        defer { try? fm.removeItem(at: staged) }
        try BackupArchive.extractDatabase(of: file, manifest: manifest, to: staged)
        let audit = try await DatabaseBackup.withSQLite(at: staged, app: app, id: "restore") { db in
            try await check(db, tables: try await TableCounts.sqlite(db), against: manifest)
        }
        try fm.moveItem(at: staged, to: target)
        return Summary(manifest: manifest, auditEntries: audit)
    }

    private static func postgres(app: Application, file: URL, manifest: BackupManifest, url: String) async throws -> Summary {
        _ = try PostgresTools.locate("pg_restore")
        guard let sql = app.db as? any SQLDatabase else { throw Refused(reason: "PostgreSQL 连接不可用。") }
        let existing = try await TableCounts.postgres(sql)
        guard existing.isEmpty else {
            throw Refused(reason: "目标数据库中已有 \(existing.count) 张表。恢复只写入空数据库：请新建一个空数据库（createdb），在 DATABASE_URL 中指定它后再恢复。")
        }
        let work = file.deletingLastPathComponent().appendingPathComponent(".restore-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let dump = work.appendingPathComponent(manifest.engine.databaseEntry)
        try BackupArchive.extractDatabase(of: file, manifest: manifest, to: dump)
        do {
            // One transaction: a failure halfway leaves the database as empty as it was.
            try PostgresTools.run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                                                 dump.path], url: url)
            let audit = try await check(sql, tables: try await TableCounts.postgres(sql), against: manifest)
            return Summary(manifest: manifest, auditEntries: audit)
        } catch {
            // Checked empty above: what is there now is this restore's, and is taken back.
            try? await sql.raw("DROP SCHEMA public CASCADE").run()
            try? await sql.raw("CREATE SCHEMA public").run()
            throw error
        }
    }

    /// The restored database against the manifest; returns the audit entries verified.
    private static func check(_ db: any SQLDatabase, tables: [String: Int], against manifest: BackupManifest) async throws -> Int {
        var problems: [String] = []
        for (table, expected) in manifest.tables.sorted(by: { $0.key < $1.key }) {
            let found = tables[table]
            if found != expected { problems.append("\(table)：应有\(expected)行，恢复后\(found.map(String.init) ?? "缺少此表")") }
        }
        guard let fluent = db as? any Database else { throw Refused(reason: "数据库连接不可用。") }
        let verification = try await AuditLog.verify(on: fluent)
        if !verification.intact {
            problems.append("审计日志哈希链校验失败：\(verification.problem ?? "")")
        }
        if verification.entries != manifest.audit.entries {
            problems.append("审计日志应有\(manifest.audit.entries)条，恢复后\(verification.entries)条")
        }
        let last = try await TableCounts.audit(db).lastHash
        if last != manifest.audit.lastHash { problems.append("审计日志最后一条的哈希与备份时不符") }
        guard problems.isEmpty else {
            throw Refused(reason: "恢复后校验失败，未保留恢复的数据：\n  " + problems.joined(separator: "\n  "))
        }
        return verification.entries
    }
}
