import Vapor

/// `xieshang backup FILE`: a consistent copy of the database, material files included, while
/// the server runs (see `DatabaseBackup`). Reads only: never creates or migrates a database.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the backup (must not exist), e.g. /var/backups/xieshang-$(date +%F).zip")
        var file: String
    }
    var help: String { "Writes a consistent backup of the database (SQLite or PostgreSQL) with a manifest of its contents." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let started = ContinuousClock.now
        let summary = try await DatabaseBackup.run(app: context.application, to: s.file)
        let m = summary.manifest
        let rows = m.tables.values.reduce(0, +)
        context.console.print("已备份到 \(s.file)（\(m.engine.chineseName)，\(Bytes.text(summary.fileBytes))，\(m.tables.count)张表共\(rows)行，"
                              + "其中材料文件\(m.tables["material_files"] ?? 0)个，审计日志\(m.audit.entries)条；用时\(Bytes.seconds(ContinuousClock.now - started))）。")
    }
}

/// `xieshang restore FILE`: into an empty data directory or database, then checked.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A backup written by `xieshang backup`")
        var file: String
    }
    var help: String { "Restores a backup into an empty data directory (SQLite) or empty database (PostgreSQL) and verifies it." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let started = ContinuousClock.now
        let summary = try await DatabaseRestore.run(app: context.application, from: s.file)
        let m = summary.manifest
        context.console.print("已从 \(s.file) 恢复（备份于\(ChinaTime.formatter("yyyy-MM-dd HH:mm:ss").string(from: m.createdAt))）："
                              + "\(m.tables.count)张表的行数与备份一致，审计日志\(summary.auditEntries)条哈希链校验通过；"
                              + "用时\(Bytes.seconds(ContinuousClock.now - started))。启动服务（xieshang serve）时会按需升级数据库结构。")
    }
}

/// `xieshang migrate`: brings the schema up to date (on PostgreSQL under the migration lock).
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Brings the database schema up to date (creates it on first use)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let done = try await DatabaseSetup.openForWriting(context.application)
        context.console.print(done.isEmpty ? "数据库结构已是最新。" : "已执行\(done.count)项数据库迁移：\(done.joined(separator: "、"))。")
    }
}

enum Bytes {
    static func text(_ n: Int64) -> String {
        let mb = Double(n) / 1_048_576
        return mb >= 1 ? String(format: "%.1f MB", mb) : "\(n) 字节"
    }

    static func seconds(_ d: Duration) -> String {
        String(format: "%.1f秒", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
}
