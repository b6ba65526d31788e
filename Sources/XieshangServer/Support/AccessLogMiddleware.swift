import Foundation
import Vapor

/// One line per request in the access log (logfmt, so that both people and `grep`/log
/// shippers read it), and the request's count and latency in `/metrics`:
///
///     time=2026-11-29T02:00:00.123Z request_id=5f1c… client=10.0.0.7 user=office method=POST
///     path=/symposia/3/live/speeches route=/symposia/:id/live/speeches status=303 duration_ms=12.4
///
/// The path is logged without its query (where tokens may travel) and with route parameters
/// that are credentials (a calendar feed's `:token`) masked.
struct AccessLogMiddleware: AsyncMiddleware {
    let logger: Logger
    let metrics: OpsMetrics

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let res = try await next.respond(to: req)
            record(req, status: res.status.code, since: started)
            return res
        } catch {
            // Only what escaped the error middleware (nothing should): logged as the 500 it becomes.
            record(req, status: HTTPResponseStatus.internalServerError.code, since: started)
            throw error
        }
    }

    private func record(_ req: Request, status: UInt, since started: ContinuousClock.Instant) {
        let duration = ContinuousClock.now - started
        let route = Self.routeLabel(req, status: status)
        metrics.request(method: req.method.rawValue, route: route, status: status, duration: duration)
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        logger.info(Logger.Message(stringLiteral: LogLine([
            ("time", LogLine.timestamp(Date())),
            ("request_id", req.requestID),
            ("client", req.clientAddress),
            ("user", req.principalIfAny?.username ?? "-"),
            ("method", req.method.rawValue),
            ("path", Self.loggedPath(req)),
            ("route", route),
            ("status", String(status)),
            ("duration_ms", String(format: "%.1f", ms)),
        ]).text))
    }

    /// The registered pattern; requests that matched none are one series, not one per path.
    static func routeLabel(_ req: Request, status: UInt) -> String {
        if let route = req.route { return "/" + route.path.map(\.description).joined(separator: "/") }
        return status == HTTPStatus.ok.code || status == HTTPStatus.notModified.code ? "(static file)" : "(no route)"
    }

    static func loggedPath(_ req: Request) -> String {
        let path = req.url.path
        guard let route = req.route else { return path }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        // segments[0] is the empty string before the leading slash.
        var masked = segments.map(String.init)
        for (i, component) in route.path.enumerated() where i + 1 < masked.count {
            if case .parameter(let name) = component, Self.isCredential(name) { masked[i + 1] = "***" }
        }
        return masked.joined(separator: "/")
    }

    private static func isCredential(_ parameter: String) -> Bool {
        let name = parameter.lowercased()
        return name.contains("token") || name.contains("secret") || name.contains("password")
    }
}

/// `key=value` pairs on one line; values with spaces, quotes or `=` are quoted.
struct LogLine {
    let fields: [(String, String)]
    init(_ fields: [(String, String)]) { self.fields = fields }

    var text: String {
        fields.map { key, value in "\(key)=\(Self.quoted(value))" }.joined(separator: " ")
    }

    static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && value.allSatisfy { !$0.isWhitespace && $0 != "\"" && $0 != "=" && $0 != "\\" }
        if plain { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        return "\"\(escaped)\""
    }

    /// UTC with milliseconds. The wall clock of the machine, not the application's injected
    /// clock: log lines are read beside the system's other logs.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

extension Logger {
    /// A `key=value` line at `level` (sign-in refusals, lockouts, refused objects, failures).
    func event(_ level: Logger.Level, _ event: String, _ fields: [(String, String)]) {
        log(level: level, Logger.Message(stringLiteral: LogLine([("event", event)] + fields).text))
    }
}
