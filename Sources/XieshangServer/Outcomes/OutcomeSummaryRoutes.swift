import Fluent
import Vapor
import XieshangCore

/// 定期整理汇总 (三(五)): the outcomes of a quarter or a year (`OutcomeSummary`) as a page with
/// inline SVG bar charts and as JSON. The CPPCC side and county leaders.
struct OutcomeSummaryRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("summaries", ":period", use: page)
        routes.get("api", "v1", "summaries", ":period", use: api)
    }

    static func summary(_ req: Request) async throws -> OutcomeSummary {
        let p = try req.principal
        guard p.isCPPCCSide || p.has(.leader) else { throw AccessError.forbidden }
        guard let period = req.parameters.get("period").flatMap(ReportPeriod.init(text:)), let days = period.days else {
            throw NotFound.of("汇总期间")
        }
        let today = Day(req.xieshang.clock.now())
        let all = try await OutcomeStore.all(for: p, on: req.db)
        return try OutcomeSummary(period: period, outcomes: all.map(\.outcome), items: all.flatMap(\.items),
                                  asOf: min(today, days.upperBound))
    }

    func api(req: Request) async throws -> Response {
        let data = try SymposiumStore.encoder.encode(try await Self.summary(req))
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// One horizontal bar chart as inline SVG.
    struct Chart: Encodable {
        struct Bar: Encodable { let label: String; let count: Int; let y: Int; let width: Int; let textX: Int; let textY: Int }
        let id: String; let title: String; let height: Int; let bars: [Bar]

        init(id: String, title: String, _ counts: [OutcomeSummary.Count]) {
            let most = max(1, counts.map(\.count).max() ?? 1)
            self.id = id
            self.title = title
            height = counts.count * 28 + 8
            bars = counts.enumerated().map { i, c in
                Bar(label: c.label, count: c.count, y: 4 + i * 28, width: c.count * 300 / most, textX: 130 + c.count * 300 / most + 6,
                    textY: 4 + i * 28 + 16)
            }
        }
    }

    struct Body: Encodable {
        let s: OutcomeSummary; let title: String; let charts: [Chart]
    }

    func page(req: Request) async throws -> Response {
        let s = try await Self.summary(req)
        let charts = [Chart(id: "by-form", title: "协商成果（按形式）", s.byForm),
                      Chart(id: "by-state", title: "协商成果（按状态）", s.byState),
                      Chart(id: "handlings", title: "部门办理（按状态）", s.handlingsByState),
                      Chart(id: "items", title: "落实事项（按状态）", s.items.byStatus)]
        return try await req.renderPage("outcome-summary", title: "\(s.period.chineseName)协商成果汇总",
                                        body: Body(s: s, title: s.period.chineseName, charts: charts))
    }
}
