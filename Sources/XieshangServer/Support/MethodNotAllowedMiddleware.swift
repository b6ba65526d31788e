import Vapor

/// A path that exists, asked with a method it does not take (TRACE, or DELETE on a list), is
/// 405 with the methods it takes in `Allow` (RFC 9110 §15.5.6), not 404: the OpenAPI document
/// and the server agree on what each path accepts. Only a path no route has is 404.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    /// Read when a 404 happens: the routes are registered after the middleware.
    let routes: Routes

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let error as any AbortError where error.status == .notFound && req.route == nil {
            let allowed = self.allowed(for: req.url.path)
            guard !allowed.isEmpty else { throw error }
            throw MethodNotAllowed(allow: allowed)
        }
    }

    /// The methods of the routes whose pattern matches `path`, HEAD with GET.
    func allowed(for path: String) -> [HTTPMethod] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods = Set(routes.all.filter { Self.matches($0.path, parts) }.map(\.method.rawValue))
        if methods.contains(HTTPMethod.GET.rawValue) { methods.insert(HTTPMethod.HEAD.rawValue) }
        return methods.sorted().map { HTTPMethod(rawValue: $0) }
    }

    static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        var i = 0
        for component in pattern {
            switch component {
            case .catchall: return i < parts.count
            case .anything, .parameter:
                guard i < parts.count else { return false }
            case .constant(let c):
                guard i < parts.count, parts[i] == c else { return false }
            }
            i += 1
        }
        return i == parts.count
    }
}

/// 405 with `Allow`, in Chinese like every refusal.
struct MethodNotAllowed: AbortError {
    let allow: [HTTPMethod]
    var status: HTTPResponseStatus { .methodNotAllowed }
    var reason: String { "不支持该请求方法。" }
    var headers: HTTPHeaders { ["Allow": allow.map(\.rawValue).joined(separator: ", ")] }
}
