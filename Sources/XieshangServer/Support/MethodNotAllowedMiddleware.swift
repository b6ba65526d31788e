import Vapor
import XieshangCore

/// A path that exists, asked with a method it does not take (TRACE, or DELETE on a list), is
/// 405 with the methods it takes in `Allow` (RFC 9110 §15.5.6), not 404: the OpenAPI document
/// and the server agree on what each path accepts. Only a path no route has is 404.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    /// Read when a 404 happens: the routes are registered after the middleware.
    let routes: Routes

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            guard Self.isNotFound(error) else { throw error }
            let allowed = self.allowed(for: req.url.path, answeredBy: req.route)
            guard !allowed.isEmpty, !allowed.contains(where: { $0.rawValue == req.method.rawValue }) else { throw error }
            throw MethodNotAllowed(allow: allowed)
        }
    }

    /// The router's 404 or a handler's "no such object" (a parameter that names nothing).
    static func isNotFound(_ error: any Error) -> Bool {
        if let abort = error as? any AbortError, abort.status == .notFound { return true }
        if let domain = error as? any DomainError, domain.kind == .notFound { return true }
        return false
    }

    /// The methods of the most specific routes whose pattern matches `path`, HEAD with GET;
    /// none when the route that answered (if any) is itself one of the most specific. So
    /// `PUT /persons/import` is 405 (the path is `POST /persons/import`'s, not a person `:id`'s),
    /// while `GET /persons/999` stays a missing person.
    func allowed(for path: String, answeredBy route: Route?) -> [HTTPMethod] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let matching = routes.all.filter { Self.matches($0.path, parts) }
        guard let best = matching.map({ Self.specificity($0.path) }).max() else { return [] }
        if let route, Self.specificity(route.path) >= best { return [] }
        var methods = Set(matching.filter { Self.specificity($0.path) == best }.map(\.method.rawValue))
        if methods.contains(HTTPMethod.GET.rawValue) { methods.insert(HTTPMethod.HEAD.rawValue) }
        return methods.sorted().map { HTTPMethod(rawValue: $0) }
    }

    static func specificity(_ pattern: [PathComponent]) -> Int {
        pattern.filter { if case .constant = $0 { true } else { false } }.count
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
