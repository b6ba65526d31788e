import Vapor

/// `xieshang audit verify`: recomputes the hash chain; exits non-zero if it is broken.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }
    var help: String { "Checks the audit log's hash chain." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            context.console.error("未知操作“\(signature.action)”：可用 verify")
            throw ExitCode(2)
        }
        // Reads only: never creates or migrates the database it checks.
        try DatabaseSetup.requireExisting(context.application)
        let v = try await AuditLog.verify(on: context.application.db)
        if v.intact {
            context.console.print("审计日志完整：共\(v.entries)条记录，哈希链校验通过。")
        } else {
            context.console.error("审计日志已被篡改：\(v.problem ?? "")（已校验\(v.entries)条）。")
            throw ExitCode(1)
        }
    }
}
