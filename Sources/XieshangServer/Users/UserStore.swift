import Fluent
import Vapor
import XieshangCore

struct UserDTO: Content, Sendable {
    let id: Int; let username: String; let displayName: String; let roles: [Role]
    let personID: Int?; let committeeID: Int?; let departmentID: Int?; let active: Bool
}

extension UserModel {
    var dto: UserDTO {
        UserDTO(id: id!, username: username, displayName: displayName,
                roles: ((try? Role.parseList(roles)) ?? []).sorted(), personID: personID,
                committeeID: committeeID, departmentID: departmentID, active: active)
    }
}

/// Accounts: created by the administrator (page, API) or from the command line, where
/// API tokens are issued too.
enum UserStore {
    struct NewUser: Content, Sendable {
        var username: String
        var displayName: String
        var password: String
        var roles: [Role]
        var personID: Int?
        var committeeID: Int?
        var departmentID: Int?
    }

    static func validate(_ u: NewUser) throws {
        var problems: [String] = []
        let allowed = u.username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
        if u.username.isEmpty || u.username.count > 40 || !allowed {
            problems.append("用户名须为1到40位英文字母、数字或 . _ -。")
        }
        if u.displayName.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("请填写姓名。") }
        if u.password.count < 8 || u.password.utf8.count > 72 { problems.append("密码须为8到72个字符。") }
        if u.roles.isEmpty { problems.append("请至少选择一个角色。") }
        if u.roles.contains(.committee) && u.committeeID == nil { problems.append("委室工作人员须指定所在委室。") }
        if u.roles.contains(.department) && u.departmentID == nil { problems.append("部门联络人须指定所在部门。") }
        guard problems.isEmpty else {
            throw Refusal(.invalid, code: "user_invalid", message: problems.joined(separator: " "), details: problems)
        }
    }

    static func create(_ u: NewUser, app: Application, actor: String) async throws -> UserDTO {
        try validate(u)
        let hash = try await app.passwordHashing.hash(u.password)
        return try await app.change(by: actor) { db in
            if try await UserModel.query(on: db).filter(\.$username == u.username).count() > 0 {
                throw Refusal(.conflict, code: "username_taken", message: "用户名“\(u.username)”已被使用。")
            }
            // Unknown references are a mistake in the input (400), not a missing page.
            func unknown(_ what: String) -> Refusal { Refusal(.invalid, code: "user_invalid", message: "所选\(what)不存在。") }
            if let id = u.personID, try await PersonModel.find(id, on: db) == nil { throw unknown("人员") }
            if let id = u.committeeID, try await CommitteeModel.find(id, on: db) == nil { throw unknown("委室") }
            if let id = u.departmentID, try await DepartmentModel.find(id, on: db) == nil { throw unknown("部门") }
            let m = UserModel()
            m.username = u.username
            m.displayName = u.displayName
            m.passwordHash = hash
            m.roles = u.roles.map(\.rawValue).sorted().joined(separator: ",")
            m.personID = u.personID
            m.committeeID = u.committeeID
            m.departmentID = u.departmentID
            m.active = true
            try await m.create(on: db)
            return (m.dto, [AuditChange("user.create", "user", String(m.id!), after: m.dto)])
        }
    }

    /// Returns the token once; only its hash is stored.
    static func issueToken(username: String, name: String, app: Application, actor: String) async throws -> String {
        let token = "xs_" + [UInt8].random(count: 32).base64URLEncoded
        let hash = SHA256.hash(data: Data(token.utf8)).hex
        let now = app.xieshang.clock.now()
        try await app.change(by: actor) { db in
            guard let user = try await UserModel.query(on: db).filter(\.$username == username).first() else {
                throw NotFound.of("用户“\(username)”")
            }
            let t = APITokenModel()
            t.userID = user.id!
            t.name = name
            t.tokenHash = hash
            t.createdAt = now
            try await t.create(on: db)
            return ((), [AuditChange("api_token.create", "user", String(user.id!), after: ["name": name])])
        }
        return token
    }

    static func revokeTokens(username: String, app: Application, actor: String) async throws -> Int {
        try await app.change(by: actor) { db in
            guard let user = try await UserModel.query(on: db).filter(\.$username == username).first() else {
                throw NotFound.of("用户“\(username)”")
            }
            let tokens = try await APITokenModel.query(on: db).filter(\.$userID == user.id!).all()
            for t in tokens { try await t.delete(on: db) }
            return (tokens.count, [AuditChange("api_token.revoke_all", "user", String(user.id!), after: ["revoked": tokens.count])])
        }
    }

    static func setPassword(username: String, password: String, app: Application, actor: String) async throws {
        guard password.count >= 8, password.utf8.count <= 72 else {
            throw Refusal(.invalid, code: "user_invalid", message: "密码须为8到72个字符。")
        }
        let hash = try await app.passwordHashing.hash(password)
        try await app.change(by: actor) { db in
            guard let user = try await UserModel.query(on: db).filter(\.$username == username).first() else {
                throw NotFound.of("用户“\(username)”")
            }
            user.passwordHash = hash
            try await user.save(on: db)
            return ((), [AuditChange("user.password", "user", String(user.id!))])
        }
    }
}
