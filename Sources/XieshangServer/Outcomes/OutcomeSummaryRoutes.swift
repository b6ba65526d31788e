import Fluent
import Vapor
import XieshangCore

/// 定期整理汇总 (三(五)): the outcomes of a quarter or a year (`OutcomeSummary`) as a page with
/// inline SVG bar charts and as JSON. The CPPCC side and county leaders.
struct OutcomeSummaryRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("summaries", ":period", use: page)
        routes.get("summaries", ":period", "report.docx", use: docx)
        routes.get("api", "v1", "summaries", ":period", use: api)
    }

    static func summary(_ req: Request) async throws -> OutcomeSummary { try await load(req).summary }

    static func load(_ req: Request) async throws -> (summary: OutcomeSummary, outcomes: [OutcomeStore.Loaded]) {
        let p = try req.principal
        guard p.maySeeOutcomeSummaries else { throw AccessError.forbidden }
        guard let period = req.parameters.get("period").flatMap(ReportPeriod.init(text:)), let days = period.days else {
            throw NotFound.of("汇总期间")
        }
        let today = Day(req.xieshang.clock.now())
        let all = try await OutcomeStore.all(for: p, on: req.db)
        return (try OutcomeSummary(period: period, outcomes: all.map(\.outcome), items: all.flatMap(\.items),
                                   asOf: min(today, days.upperBound)), all)
    }

    func docx(req: Request) async throws -> Response {
        let (s, outcomes) = try await Self.load(req)
        let doc = SummaryDocument.make(s, outcomes: outcomes, names: try await OutcomeDTO.Names.load(on: req.db),
                                       org: try await SymposiumDocuments.organization(on: req.db),
                                       today: Day(req.xieshang.clock.now()))
        return try SymposiumDocuments.docx(doc, filename: "\(s.period.chineseName)协商成果汇总.docx")
    }

    func api(req: Request) async throws -> Response {
        let data = try StoredJSON.encoder.encode(try await Self.summary(req))
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

    struct Link: Encodable { let href: String; let label: String }
    struct Body: Encodable {
        let s: OutcomeSummary; let title: String; let charts: [Chart]
        let docx: String
        /// A year's page also offers the annual report.
        let annual: String?
        /// The neighbouring periods and the other kind (the quarter's year, the year's quarters).
        let periods: [Link]
        let dates: String
        let results: String
        let satisfaction: String
        /// The office may send the day's follow-up reminders from here.
        let canRemind: Bool
    }

    static func path(_ p: ReportPeriod) -> String { "/summaries/\(p.text)" }

    static func neighbours(_ p: ReportPeriod) -> [Link] {
        func link(_ q: ReportPeriod) -> Link { Link(href: path(q), label: q.chineseName) }
        switch p {
        case .quarter(let y, let q):
            let previous: ReportPeriod = q == 1 ? .quarter(y - 1, 4) : .quarter(y, q - 1)
            let next: ReportPeriod = q == 4 ? .quarter(y + 1, 1) : .quarter(y, q + 1)
            return [link(previous), link(next), link(.year(y))]
        case .year(let y):
            return [link(.year(y - 1)), link(.year(y + 1))] + (1...4).map { link(.quarter(y, $0)) }
        }
    }

    func page(req: Request) async throws -> Response {
        let s = try await Self.summary(req)
        let charts = [Chart(id: "by-form", title: "协商成果（按形式）", s.byForm),
                      Chart(id: "by-state", title: "协商成果（按状态）", s.byState),
                      Chart(id: "handlings", title: "部门办理（按状态）", s.handlingsByState),
                      Chart(id: "items", title: "落实事项（按状态）", s.items.byStatus)]
        func listed(_ counts: [OutcomeSummary.Count]) -> String {
            let shown = counts.filter { $0.count > 0 }.map { "\($0.label)\($0.count)件" }
            return shown.isEmpty ? "无" : shown.joined(separator: "、")
        }
        let body = Body(s: s, title: s.period.chineseName, charts: charts, docx: Self.path(s.period) + "/report.docx",
                        annual: { if case .year(let y) = s.period { return "/reports/\(y)/annual.docx" } else { return nil } }(),
                        periods: Self.neighbours(s.period).filter { ReportPeriod(text: String($0.href.dropFirst(11))) != nil },
                        dates: "\(s.from.chinese)至\(s.through.chinese)，统计截至\(s.asOf.chinese)",
                        results: listed(s.results), satisfaction: listed(s.satisfaction),
                        canRemind: try req.principal.may(.actForOffice))
        return try await req.renderPage("outcome-summary", title: "\(s.period.chineseName)协商成果汇总", body: body)
    }
}
