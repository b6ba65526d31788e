import Vapor
import XieshangCore

/// `xieshang import persons FILE.csv`: the same all-or-nothing import as the page.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "persons")
        var what: String
        @Argument(name: "file", help: "CSV file (UTF-8, UTF-8 with BOM, or GB18030)")
        var file: String
    }
    var help: String { "Imports persons from a CSV file as exported from Excel." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard s.what == "persons" else {
            context.console.error("只能导入 persons（人员）。")
            throw ExitCode(2)
        }
        guard let data = FileManager.default.contents(atPath: s.file) else {
            context.console.error("无法读取文件 \(s.file)。")
            throw ExitCode(2)
        }
        try await DatabaseSetup.openForWriting(app)
        let req = Request(application: app, on: app.eventLoopGroup.next())
        req.setPrincipal(Principal(userID: 0, username: commandActor(), displayName: "命令行", roles: [.admin]), viaToken: true)
        do {
            let n = try await PersonStore.importCSV(data, on: req)
            context.console.print("成功导入\(n)人。")
        } catch let e as any DomainError {
            context.console.error(e.message)
            for d in e.details { context.console.error("  " + d) }
            throw ExitCode(2)
        }
    }
}
