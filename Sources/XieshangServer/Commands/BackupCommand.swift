import SQLKit
import Vapor

/// `xieshang backup FILE`: a consistent copy of the SQLite database while it runs
/// (`VACUUM INTO`). PostgreSQL deployments use pg_dump.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the copy (must not exist)")
        var file: String
    }
    var help: String { "Writes a consistent copy of the SQLite database." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard !app.xieshang.isPostgres else {
            context.console.error("PostgreSQL 数据库请使用 pg_dump 备份。")
            throw ExitCode(2)
        }
        guard !FileManager.default.fileExists(atPath: s.file) else {
            context.console.error("文件 \(s.file) 已存在，未覆盖。")
            throw ExitCode(2)
        }
        try await (app.db as! any SQLDatabase).raw("VACUUM INTO \(bind: s.file)").run()
        context.console.print("已备份到 \(s.file)。")
    }
}
