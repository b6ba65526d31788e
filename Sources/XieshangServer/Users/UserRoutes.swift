import Fluent
import Vapor
import XieshangCore

/// Accounts, for the administrator.
struct UserRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.users.routePath, use: page)
        routes.post(Paths.users.routePath, use: createFromForm)
        routes.get(Paths.API.users.routePath, use: list)
        routes.post(Paths.API.users.routePath, use: create)
    }

    func list(req: Request) async throws -> [UserDTO] {
        try req.require(.manageUsers)
        return try await UserModel.query(on: req.db).sort(\.$id).all().map(\.dto)
    }

    func create(req: Request) async throws -> Response {
        let p = try req.require(.manageUsers)
        let input = try req.content.decode(UserStore.NewUser.self)
        return try await UserStore.create(input, app: req.application, actor: p.username)
            .encodeResponse(status: .created, for: req)
    }

    struct Row: Encodable { let user: UserDTO; let roleNames: String }
    struct RoleOption: Encodable { let value: String; let label: String }
    struct Body: Encodable {
        let rows: [Row]; let roles: [RoleOption]; let committees: [CommitteeDTO]; let departments: [DepartmentDTO]
        let error: String?
    }

    private func render(_ req: Request, error: String?) async throws -> Response {
        let users = try await list(req: req)
        let l = try await MasterDataLookups.load(on: req.db)
        let res = try await req.renderPage("users", title: "账号", body: Body(
            rows: users.map { Row(user: $0, roleNames: $0.roles.map(\.chineseName).joined(separator: "、")) },
            roles: Role.allCases.map { RoleOption(value: $0.rawValue, label: $0.chineseName) },
            committees: l.committees, departments: l.departments, error: error))
        if error != nil { res.status = .badRequest }
        return res
    }

    func page(req: Request) async throws -> Response { try await render(req, error: nil) }

    struct Form: Content {
        var username: String?; var displayName: String?; var password: String?; var roles: [String]?
        var committeeID: String?; var departmentID: String?
    }

    func createFromForm(req: Request) async throws -> Response {
        let p = try req.require(.manageUsers)
        let f = try req.content.decode(Form.self)
        do {
            let roles = try Role.parseList((f.roles ?? []).joined(separator: ","))
            let input = UserStore.NewUser(username: f.username ?? "", displayName: f.displayName ?? "",
                                          password: f.password ?? "", roles: roles.sorted(), personID: nil,
                                          committeeID: f.committeeID.flatMap { Int($0) },
                                          departmentID: f.departmentID.flatMap { Int($0) })
            let u = try await UserStore.create(input, app: req.application, actor: p.username)
            req.flash("已创建账号：\(u.username)。")
            return req.redirect(to: Paths.users)
        } catch let e as any DomainError where e.kind != .forbidden {
            return try await render(req, error: e.message)
        }
    }
}
