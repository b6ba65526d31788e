import Vapor
import XieshangCore

extension Request {
    /// The session's CSRF token, created on first use (also before login, so the login
    /// form itself is protected).
    func csrfToken() -> String {
        if let t = session.data[SessionKeys.csrf] { return t }
        let t = [UInt8].random(count: 32).base64URLEncoded
        session.data[SessionKeys.csrf] = t
        return t
    }
}

extension Array where Element == UInt8 {
    static func random(count: Int) -> [UInt8] {
        var g = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &g) }
    }

    var base64URLEncoded: String {
        Data(self).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Every state-changing request made with a session cookie must carry the session's token,
/// as the form field `_csrf` or the header `X-CSRF-Token`. Bearer-token API calls are exempt:
/// a browser never attaches those by itself.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"
    static let bodyLimit = 4 * 1024 * 1024
    /// A route that accepts larger forms (a material's upload) names its limit in
    /// `Route.userInfo` under this key, so that the token can be read from such a form too.
    static let bodyLimitKey = "xieshang.csrfBodyLimit"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(req.method), !req.authenticatedByToken else {
            return try await next.respond(to: req)
        }
        // An API call with neither cookie nor token carries no credential a forger could
        // borrow; the route answers it with 401 ("sign in"), not a CSRF refusal. Pages keep
        // the check even then, so that the login form cannot be forged either.
        if !req.hasSessionCookie && req.url.path.hasPrefix(Paths.API.root + "/") {
            return try await next.respond(to: req)
        }
        let expected = req.hasSessionCookie ? req.session.data[SessionKeys.csrf] : nil
        var presented = req.headers.first(name: Self.header)
        if presented == nil {
            let limit = (req.route?.userInfo[Self.bodyLimitKey] as? Int) ?? Self.bodyLimit
            _ = try await req.body.collect(max: limit).get()
            presented = try? req.content.get(String.self, at: Self.field)
        }
        guard let expected, let presented, !presented.isEmpty,
              constantTimeEqual(Array(expected.utf8), Array(presented.utf8)) else {
            throw Refusal(.forbidden, code: "csrf_invalid",
                          message: "安全令牌无效或已过期，请返回上一页刷新后重新提交。")
        }
        return try await next.respond(to: req)
    }

    private func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
