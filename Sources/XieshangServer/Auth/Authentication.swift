import Fluent
import Vapor
import XieshangCore

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }
    private struct ViaTokenKey: StorageKey { typealias Value = Bool }

    /// The signed-in principal, or `AccessError.unauthenticated` (→ login page / 401).
    var principal: Principal {
        get throws {
            guard let p = storage[PrincipalKey.self] else { throw AccessError.unauthenticated }
            return p
        }
    }

    var principalIfAny: Principal? { storage[PrincipalKey.self] }

    /// API calls with a bearer token carry no cookie and so need no CSRF token.
    var authenticatedByToken: Bool { storage[ViaTokenKey.self] ?? false }

    func setPrincipal(_ p: Principal, viaToken: Bool) {
        storage[PrincipalKey.self] = p
        storage[ViaTokenKey.self] = viaToken
    }

    /// Requires a signed-in principal holding `permission`.
    @discardableResult
    func require(_ permission: Permission) throws -> Principal {
        let p = try principal
        try p.require(permission)
        return p
    }
}

enum SessionKeys {
    static let userID = "uid"
    static let signedInAt = "at"
    static let csrf = "csrf"
}

/// Finds the principal from a bearer token or the session cookie. Routes that need one
/// ask `req.principal`; this middleware only looks.
struct PrincipalMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            let hash = SHA256.hash(data: Data(bearer.token.utf8)).hex
            guard let p = try await principal(tokenHash: hash, on: req) else {
                throw UnauthorizedRefusal(code: "invalid_token", message: "API令牌无效或已被吊销。")
            }
            req.setPrincipal(p, viaToken: true)
        } else if req.hasSessionCookie, let raw = req.session.data[SessionKeys.userID], let id = Int(raw) {
            let fresh = req.session.data[SessionKeys.signedInAt].flatMap(Double.init).map {
                req.xieshang.clock.now().timeIntervalSince1970 - $0 < req.xieshang.config.security.sessionLifetime
            } ?? false
            if fresh, let p = try await principal(userID: id, on: req) {
                req.setPrincipal(p, viaToken: false)
            } else {
                req.session.data[SessionKeys.userID] = nil
            }
        }
        return try await next.respond(to: req)
    }

    private func principal(userID: Int, on req: Request) async throws -> Principal? {
        let cache = req.xieshang.principals
        if let p = cache.principal(userID: userID) { return p }
        let generation = cache.generation
        guard let user = try await UserModel.find(userID, on: req.db), user.active else { return nil }
        let p = user.principal
        cache.store(p, loadedAt: generation)
        return p
    }

    private func principal(tokenHash: String, on req: Request) async throws -> Principal? {
        let cache = req.xieshang.principals
        if let id = cache.userID(tokenHash: tokenHash), let p = cache.principal(userID: id) { return p }
        let generation = cache.generation
        guard let token = try await APITokenModel.query(on: req.db).filter(\.$tokenHash == tokenHash).first(),
              let user = try await UserModel.find(token.userID, on: req.db), user.active else { return nil }
        let p = user.principal
        cache.store(p, tokenHash: tokenHash, loadedAt: generation)
        return p
    }
}

extension Request {
    var hasSessionCookie: Bool { cookies[application.sessions.configuration.cookieName] != nil }
}

/// A bad token is "who are you?" (401), not "you may not" (403).
struct UnauthorizedRefusal: AbortError, DomainError {
    let code: String
    let message: String
    var kind: DomainErrorKind { .forbidden }
    var status: HTTPResponseStatus { .unauthorized }
    var reason: String { message }
}
