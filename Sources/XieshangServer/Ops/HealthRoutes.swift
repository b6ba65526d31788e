import Fluent
import SQLKit
import Vapor
import XieshangCore

/// `/readyz` for a load balancer or systemd: the database answers and its schema is up to
/// date (`/healthz`, beside the dashboard, only says the process serves). `/metrics` for
/// Prometheus, readable from this machine or with the metrics token.
struct HealthRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.readyz.routePath, use: readyz)
        routes.get(Paths.metrics.routePath, use: metrics)
    }

    struct Readiness: Content {
        let status: String
        let database: String
        let pendingMigrations: [String]
        let problem: String?
    }

    func readyz(req: Request) async throws -> Response {
        let readiness: Readiness
        do {
            try await (req.db as! any SQLDatabase).raw("SELECT 1").run()
        } catch {
            req.logger.event(.error, "not_ready", [("request_id", req.requestID), ("error", String(reflecting: error))])
            return try await answer(Readiness(status: "unavailable", database: "unreachable", pendingMigrations: [],
                                              problem: "数据库无法连接"), status: .serviceUnavailable, on: req)
        }
        do {
            let pending = try await DatabaseSetup.pendingMigrations(req.application)
            readiness = Readiness(status: pending.isEmpty ? "ready" : "unavailable", database: "reachable",
                                  pendingMigrations: pending, problem: pending.isEmpty ? nil : "数据库结构不是最新的，请运行 xieshang migrate")
        } catch {
            readiness = Readiness(status: "unavailable", database: "reachable", pendingMigrations: [],
                                  problem: "数据库尚未初始化，请运行 xieshang migrate")
        }
        return try await answer(readiness, status: readiness.status == "ready" ? .ok : .serviceUnavailable, on: req)
    }

    private func answer(_ r: Readiness, status: HTTPStatus, on req: Request) async throws -> Response {
        let res = try await r.encodeResponse(status: status, for: req)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    func metrics(req: Request) async throws -> Response {
        try Self.authorizeScrape(req)
        try await OpsGauges.refresh(app: req.application)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: req.xieshang.metrics.text()))
    }

    /// With `XIESHANG_METRICS_TOKEN`: HTTP basic authentication with the token as password
    /// (any user name; Prometheus' `basic_auth`). Without: only a client on this machine that
    /// connects directly — a request a proxy forwarded (it has X-Forwarded-For) comes from
    /// elsewhere even when the proxy runs here.
    static func authorizeScrape(_ req: Request) throws {
        if let token = req.xieshang.config.metricsToken {
            guard let given = req.headers.basicAuthorization?.password,
                  Data(given.utf8).constantTimeEquals(Data(token.utf8)) else {
                throw Refusal(.forbidden, code: "metrics_forbidden", message: "读取运行指标须提供指标令牌（XIESHANG_METRICS_TOKEN）。")
            }
            return
        }
        guard let peer = req.remoteAddress?.ipAddress, IPAddress.isLoopback(peer), req.headers[.xForwardedFor].isEmpty else {
            throw Refusal(.forbidden, code: "metrics_forbidden", message: "运行指标仅限本机读取；从其他机器读取须设置 XIESHANG_METRICS_TOKEN。")
        }
    }
}

private extension Data {
    /// Compares without stopping at the first difference: the time taken says nothing about the token.
    func constantTimeEquals(_ other: Data) -> Bool {
        guard count == other.count else { return false }
        return zip(self, other).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
