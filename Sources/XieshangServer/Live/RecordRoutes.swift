import Fluent
import Vapor
import XieshangCore

/// 会议纪要: drafted when the live meeting ends, edited by the lead committee, issued by the
/// office as a GB/T 9704 minutes document.
struct RecordRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "symposia", ":id", "record", use: show)
        routes.put("api", "v1", "symposia", ":id", "record", use: edit)
        routes.post("api", "v1", "symposia", ":id", "record", "issue", use: issue)
        routes.get("symposia", ":id", "record", use: page)
        routes.post("symposia", ":id", "record", use: editFromPage)
        routes.post("symposia", ":id", "record", "issue", use: issueFromPage)
        routes.get("symposia", ":id", "record.docx", use: docx)
    }

    struct RecordDTO: Content {
        let symposiumID: Int
        let exists: Bool
        let state: MeetingRecord.State?
        let stateName: String?
        let text: String
        let issueNumber: String?
        let issuedAt: Date?
        let totals: [SpeakerTotalDTO]
    }

    static func dto(_ id: Int, on req: Request) async throws -> RecordDTO {
        _ = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        guard let (m, model) = try await LiveStore.load(id, on: req.db), let r = try LiveStore.decodeRecord(model) else {
            return RecordDTO(symposiumID: id, exists: false, state: nil, stateName: nil, text: "", issueNumber: nil,
                             issuedAt: nil, totals: [])
        }
        return RecordDTO(symposiumID: id, exists: true, state: r.state, stateName: r.state.chineseName, text: r.text,
                         issueNumber: r.issueNumber, issuedAt: r.issuedAt, totals: m.totals().map(SpeakerTotalDTO.init))
    }

    func show(req: Request) async throws -> RecordDTO { try await Self.dto(SymposiumAPI.id(req), on: req) }

    struct TextInput: Content, Sendable { var text: String }
    struct IssueInput: Content, Sendable { var number: String }

    static func change(_ id: Int, action: String, on req: Request,
                       _ body: @escaping @Sendable (inout MeetingRecord, String, Date) throws -> Void) async throws {
        let actor = try req.principal.displayName
        let loaded = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        _ = try await LiveStore.mutate(loaded, action: action, on: req) { _, record, now in
            guard var r = record else { throw MeetingRecordError.meetingNotEnded }
            try body(&r, actor, now)
            record = r
            return ["state": r.state.rawValue]
        }
    }

    func edit(req: Request) async throws -> RecordDTO {
        let id = try SymposiumAPI.id(req)
        try await SymposiumAccess.require(.prepare, id, on: req)
        let input = try SymposiumAPI.decode(TextInput.self, req)
        try await Self.change(id, action: "record.edit", on: req) { r, actor, _ in try r.edit(input.text, by: actor) }
        return try await Self.dto(id, on: req)
    }

    func issue(req: Request) async throws -> RecordDTO {
        let id = try SymposiumAPI.id(req)
        try await SymposiumAccess.require(.office, id, on: req)
        let input = try SymposiumAPI.decode(IssueInput.self, req)
        try await Self.change(id, action: "record.issue", on: req) { r, _, now in try r.issue(number: input.number, at: now) }
        return try await Self.dto(id, on: req)
    }

    struct PageBody: Encodable {
        let s: SymposiumDTO; let tabs: [SymposiumPages.TabLink]; let record: RecordDTO
        let canEdit: Bool; let canIssue: Bool; let error: String?
    }

    func render(_ req: Request, error: (any DomainError)? = nil) async throws -> Response {
        let id = try SymposiumAPI.id(req)
        let loaded = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        let dto = try await SymposiumDTO.make(loaded, on: req)
        let p = try req.principal
        let body = PageBody(s: dto, tabs: SymposiumPages.tabs(id, current: "record"), record: try await Self.dto(id, on: req),
                            canEdit: p.may(.prepareSymposium(leadCommitteeID: dto.leadCommittee.id)), canIssue: p.may(.actForOffice),
                            error: error?.message)
        return try await req.renderPage("symposium-record", title: "\(dto.topic) · 会议纪要", body: body)
    }

    func page(req: Request) async throws -> Response { try await render(req) }

    func editFromPage(req: Request) async throws -> Response {
        let id = try SymposiumAPI.id(req)
        try await SymposiumAccess.require(.prepare, id, on: req)
        do {
            let input = try req.content.decode(TextInput.self)
            try await Self.change(id, action: "record.edit", on: req) { r, actor, _ in try r.edit(input.text, by: actor) }
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, error: e).with(status: e.kind.status)
        }
        req.flash("已保存会议纪要。")
        return req.redirect(to: "/symposia/\(id)/record")
    }

    func issueFromPage(req: Request) async throws -> Response {
        let id = try SymposiumAPI.id(req)
        try await SymposiumAccess.require(.office, id, on: req)
        do {
            let input = try req.content.decode(IssueInput.self)
            try await Self.change(id, action: "record.issue", on: req) { r, _, now in try r.issue(number: input.number, at: now) }
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, error: e).with(status: e.kind.status)
        }
        req.flash("会议纪要已印发。")
        return req.redirect(to: "/symposia/\(id)/record")
    }

    func docx(req: Request) async throws -> Response {
        let id = try SymposiumAPI.id(req)
        let record = try await Self.dto(id, on: req)
        guard record.exists else { throw NotFound.of("会议纪要") }
        let loaded = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        let s = try await SymposiumDTO.make(loaded, on: req)
        let org = try await SymposiumDocuments.organization(on: req.db)
        let doc = MinutesDocument.make(record: record, attendees: try await AttendeeListDTO.make(id, on: req), org: org,
                                       today: Day(req.xieshang.clock.now()))
        return try SymposiumDocuments.docx(doc, filename: "会议纪要-\(s.topic).docx")
    }
}
