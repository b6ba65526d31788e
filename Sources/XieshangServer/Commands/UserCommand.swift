import Vapor
import XieshangCore

/// `xieshang user create|token|revoke-tokens|password|list`.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create | token | revoke-tokens | password | list")
        var action: String
        @Option(name: "username", short: "u", help: "Login name")
        var username: String?
        @Option(name: "name", help: "Display name (create) or token name (token)")
        var name: String?
        @Option(name: "password", short: "p", help: "Password (create, password); read from XIESHANG_PASSWORD if absent")
        var password: String?
        @Option(name: "roles", short: "r", help: "Comma-separated roles: admin,office,committee,chair,viceChair,secretaryGeneral,member,expert,department,leader")
        var roles: String?
        @Option(name: "committee", help: "Committee id (for the committee role)")
        var committee: Int?
        @Option(name: "department", help: "Department id (for the department role)")
        var department: Int?
        @Option(name: "person", help: "Person id this account belongs to")
        var person: Int?
    }

    var help: String { "Manages accounts and API tokens." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        let actor = commandActor()
        func need(_ v: String?, _ flag: String) throws -> String {
            guard let v, !v.isEmpty else { throw Refusal(.invalid, code: "missing_option", message: "缺少参数 --\(flag)") }
            return v
        }
        let password = s.password ?? ProcessInfo.processInfo.environment["XIESHANG_PASSWORD"]
        let actions = ["create", "token", "revoke-tokens", "password", "list"]
        guard actions.contains(s.action) else {
            context.console.error("未知操作“\(s.action)”：可用 create、token、revoke-tokens、password、list")
            throw ExitCode(2)
        }
        // Listing reads only; the others change accounts, on a database brought up to date first.
        if s.action == "list" { try DatabaseSetup.requireExisting(app) } else { try await DatabaseSetup.openForWriting(app) }
        do {
            switch s.action {
            case "create":
                let u = try await UserStore.create(.init(
                    username: need(s.username, "username"), displayName: s.name ?? need(s.username, "username"),
                    password: need(password, "password"), roles: Role.parseList(need(s.roles, "roles")).sorted(),
                    personID: s.person, committeeID: s.committee, departmentID: s.department), app: app, actor: actor)
                context.console.print("已创建账号 \(u.username)（id \(u.id)）。")
            case "token":
                let token = try await UserStore.issueToken(username: need(s.username, "username"),
                                                           name: s.name ?? "cli", app: app, actor: actor)
                context.console.print(token)
            case "revoke-tokens":
                let n = try await UserStore.revokeTokens(username: need(s.username, "username"), app: app, actor: actor)
                context.console.print("已吊销\(n)个令牌。")
            case "password":
                try await UserStore.setPassword(username: need(s.username, "username"),
                                                password: need(password, "password"), app: app, actor: actor)
                context.console.print("已修改密码。")
            case "list":
                for u in try await UserModel.query(on: app.db).sort(\.$id).all() {
                    context.console.print("\(u.id!)\t\(u.username)\t\(u.displayName)\t\(u.roles)")
                }
            default:
                throw Refusal(.invalid, code: "unknown_action", message: "未知操作“\(s.action)”：可用 create、token、revoke-tokens、password、list")
            }
        } catch let e as any DomainError {
            context.console.error(e.message)
            throw ExitCode(2)
        }
    }
}

struct ExitCode: Error { let code: Int32; init(_ c: Int32) { code = c } }
