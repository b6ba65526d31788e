import Fluent
import Vapor
import XieshangCore

/// 委员履职档案: a person's participation in the held symposia of the organization's current
/// term (invited, attended, speeches and their length, drafts submitted) with points, computed
/// from what the symposia recorded; a page, a CSV export and the API. The CPPCC side and county
/// leaders may read anyone's; a person reads their own.
struct ParticipationRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("people", ":id", "participation", use: page)
        routes.get("people", ":id", "participation.csv", use: csv)
        routes.get("api", "v1", "persons", ":id", "participation", use: api)
    }

    static func record(_ req: Request) async throws -> ParticipationRecord {
        let p = try req.principal
        guard let id = req.parameters.get("id", as: Int.self), let person = try await PersonModel.find(id, on: req.db) else {
            throw NotFound.of("人员")
        }
        guard p.isCPPCCSide || p.has(.leader) || p.personID == id else { throw AccessError.forbidden }
        let org = try await SymposiumDocuments.organization(on: req.db)
        guard let start = Day(iso: org.termStart), let end = Day(iso: org.termEnd) else {
            throw Refusal(.conflict, code: "term_not_set", message: "请先在组织机构中设置本届政协的起止日期。")
        }
        let term = TermOfOffice(name: org.termName, start: start, end: end)
        let sources = try await Self.heldSymposia(on: req.db).map(\.source)
        return Participation.record(personID: id, name: person.name, term: term, sources: sources, rules: req.xieshang.practice.practice.points)
    }

    /// What every held symposium recorded about participation, with its lead committee and topic.
    static func heldSymposia(on db: any Database) async throws -> [(source: ParticipationSource, leadCommitteeID: Int, topicID: Int)] {
        var held: [(source: ParticipationSource, leadCommitteeID: Int, topicID: Int)] = []
        for m in try await SymposiumModel.query(on: db).sort(\.$date).all() {
            let l = try SymposiumStore.decode(m)
            guard l.symposium.heldOn != nil else { continue }
            let speeches = try await LiveStore.load(l.id, on: db)?.0.heldSpeeches ?? []
            let materials = try await MaterialStore.all(symposiumID: l.id, on: db).map(\.material)
            held.append((ParticipationSource(symposiumID: l.id, symposium: l.symposium, speeches: speeches, materials: materials),
                         l.symposium.leadCommitteeID, l.symposium.topicID))
        }
        return held
    }

    func api(req: Request) async throws -> Response {
        let data = try StoredJSON.encoder.encode(try await Self.record(req))
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    func page(req: Request) async throws -> Response {
        try await req.renderPage("participation", title: "委员履职档案", body: try await Self.record(req))
    }

    func csv(req: Request) async throws -> Response {
        let r = try await Self.record(req)
        var table = CSVTable(header: ["日期", "议题", "受邀", "出席", "请假", "发言次数", "发言时长（秒）", "发言稿", "得分"])
        for e in r.entries {
            table.append([e.day.iso, e.topic, e.invited ? "是" : "否", e.attended ? "是" : "否", e.declined ? "是" : "否",
                          String(e.speeches), String(Int(e.speakingSeconds.rounded())), String(e.drafts), String(e.points)])
        }
        table.append(["合计", r.name, String(r.invited), String(r.attended), String(r.declined), String(r.speeches),
                      String(Int(r.speakingSeconds.rounded())), String(r.drafts), String(r.points)])
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        let name = "履职档案-\(r.name).csv".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "participation.csv"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename*=UTF-8''\(name)")
        return Response(status: .ok, headers: headers, body: .init(string: table.text))
    }
}
