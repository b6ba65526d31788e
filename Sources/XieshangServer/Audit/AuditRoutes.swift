import Fluent
import Vapor
import XieshangCore

/// The audit log, for the office: newest first, filterable, and a chain check.
struct AuditRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.audit.routePath, use: page)
        routes.get(Paths.API.audit.routePath, use: list)
        routes.get(Paths.API.auditVerify.routePath, use: verify)
    }

    struct EntryDTO: Content {
        let sequence: Int
        let at: Date
        let actor: String
        let action: String
        let objectType: String
        let objectID: String
        let before: String?
        let after: String?
        let hash: String
    }

    struct ListDTO: Content {
        let items: [EntryDTO]
        let total: Int
        let page: Int
        let perPage: Int
    }

    struct Query: Content {
        var objectType: String?
        var actor: String?
        var page: Int?
    }

    static let perPage = 50

    private func load(_ req: Request) async throws -> ListDTO {
        try req.require(.viewAuditLog)
        let q = try req.query.decode(Query.self)
        let page = max(1, min(q.page ?? 1, 1_000_000))
        let base = AuditEntryModel.query(on: req.db)
        if let t = q.objectType, !t.isEmpty { base.filter(\.$objectType == t) }
        if let a = q.actor, !a.isEmpty { base.filter(\.$actor == a) }
        let total = try await base.count()
        let rows = try await base.sort(\.$id, .descending).range((page - 1) * Self.perPage ..< page * Self.perPage).all()
        return ListDTO(items: rows.map {
            EntryDTO(sequence: $0.id!, at: $0.at, actor: $0.actor, action: $0.action, objectType: $0.objectType,
                     objectID: $0.objectID, before: $0.before, after: $0.after, hash: $0.hash)
        }, total: total, page: page, perPage: Self.perPage)
    }

    func list(req: Request) async throws -> ListDTO { try await load(req) }

    func verify(req: Request) async throws -> AuditLog.Verification {
        try req.require(.viewAuditLog)
        return try await AuditLog.verify(on: req.db)
    }

    struct Row: Encodable {
        let sequence: Int; let at: String; let actor: String; let action: String; let object: String
        let before: String?; let after: String?; let hash: String
    }
    struct Body: Encodable {
        let rows: [Row]; let total: Int; let page: Int; let previous: String?; let next: String?
        let verification: AuditLog.Verification?
    }

    /// The server's own changes ("system", "system:mail") and accounts since removed.
    static func systemName(_ actor: String) -> String {
        actor == "system" ? "系统" : actor.hasPrefix("system:") ? "系统（邮件发送）" : "已停用的账号"
    }

    func page(req: Request) async throws -> Response {
        let list = try await load(req)
        let verification = (try? req.query.get(Bool.self, at: "verify")) == true ? try await AuditLog.verify(on: req.db) : nil
        let fmt = ChinaTime.formatter("yyyy-MM-dd HH:mm:ss")
        // People by name, actions and objects in words: the codes stay in the record and the API.
        let accounts = Array(Set(list.items.map(\.actor)))
        let users = accounts.isEmpty ? [] : try await UserModel.query(on: req.db).filter(\.$username ~~ accounts).all()
        let names = Dictionary(users.map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let regulation = req.xieshang.regulation
        let rows = list.items.map {
            Row(sequence: $0.sequence, at: fmt.string(from: $0.at), actor: names[$0.actor] ?? Self.systemName($0.actor),
                action: AuditActionName.chinese($0.action, regulation: regulation),
                object: AuditActionName.object($0.objectType, id: $0.objectID), before: $0.before, after: $0.after,
                hash: String($0.hash.prefix(12)))
        }
        let pages = (list.total + Self.perPage - 1) / Self.perPage
        return try await req.renderPage("audit", title: "审计日志", body: Body(
            rows: rows, total: list.total, page: list.page,
            previous: list.page > 1 ? Paths.audit + "?page=\(list.page - 1)" : nil,
            next: list.page < pages ? Paths.audit + "?page=\(list.page + 1)" : nil,
            verification: verification))
    }
}
