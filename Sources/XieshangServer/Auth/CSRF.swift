import Vapor
import XieshangCore

extension Request {
    /// The token this request's forms carry: the session's once signed in (set at sign-in),
    /// before that a cookie of its own. A visitor who only opens the login page is not given
    /// a session: that was a database write per anonymous page view, which anyone could
    /// make, and it competed with the meeting's writes.
    func csrfToken() -> String {
        // `session` makes one (a write at the response) as soon as it is touched.
        if hasSession, let t = session.data[SessionKeys.csrf] { return t }
        // A bearer token needs no CSRF token and must not start a session.
        if authenticatedByToken { return "" }
        guard principalIfAny == nil else {
            let t = [UInt8].random(count: 32).base64URLEncoded
            session.data[SessionKeys.csrf] = t
            return t
        }
        if let t = preSessionCSRFToken { return t }
        let t = [UInt8].random(count: 32).base64URLEncoded
        storage[NewPreSessionTokenKey.self] = t
        return t
    }

    /// The token the signed-out visitor's cookie holds, if it looks like one of ours.
    var preSessionCSRFToken: String? {
        if let made = storage[NewPreSessionTokenKey.self] { return made }
        guard let t = cookies[CSRFMiddleware.cookie]?.string, t.count == 43,
              t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        return t
    }

    /// Sets the signed-out visitor's token cookie when this request made one.
    func attachNewCSRFCookie(to response: Response) {
        guard let t = storage[NewPreSessionTokenKey.self] else { return }
        response.cookies[CSRFMiddleware.cookie] = HTTPCookies.Value(
            string: t, path: "/", isSecure: xieshang.config.security.secureCookies, isHTTPOnly: true, sameSite: .strict)
    }

    private struct NewPreSessionTokenKey: StorageKey { typealias Value = String }
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
    /// The signed-out visitor's token (double-submit: the form must carry the same value).
    static let cookie = "xieshang_csrf"
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
        let sessionToken = req.hasSessionCookie ? req.session.data[SessionKeys.csrf] : nil
        let expected = sessionToken ?? req.preSessionCSRFToken
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
