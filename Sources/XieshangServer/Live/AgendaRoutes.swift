import Fluent
import Vapor
import XieshangCore
import XieshangDocuments

/// The agenda (三(二).4, 三(三)): who speaks in each segment, checked against the Regulation
/// and the attendance; as an API, a page of the symposium and a GB/T 9704 DOCX.
struct AgendaRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "symposia", ":id", "agenda", use: show)
        routes.put("api", "v1", "symposia", ":id", "agenda", ":kind", use: setSpeakers)
        routes.get("symposia", ":id", "agenda", use: page)
        routes.post("symposia", ":id", "agenda", ":kind", use: editFromPage)
        routes.get("symposia", ":id", "agenda.docx", use: docx)
    }

    struct Candidate: Content { let personID: Int; let name: String; let unit: String; let category: AttendeeCategory; let categoryName: String }
    struct Item: Content {
        let kind: AgendaSegmentKind; let title: String; let minutesPerSpeech: Int?; let clause: String; let open: Bool
        let speakers: [AgendaSpeaker]; let candidates: [Candidate]
    }
    struct AgendaDTO: Content {
        let symposiumID: Int; let items: [Item]; let refusals: [String]; let warnings: [String]
        let estimatedMinutes: Int; let estimateNote: String
    }

    static func kind(_ req: Request) throws -> AgendaSegmentKind {
        guard let k = req.parameters.get("kind").flatMap(AgendaSegmentKind.init(rawValue:)) else { throw NotFound.of("议程环节") }
        return k
    }

    static func dto(_ loaded: SymposiumStore.Loaded, on req: Request) async throws -> AgendaDTO {
        let s = loaded.symposium
        let regulation = req.xieshang.regulation
        let agenda = s.agendaOrTemplate(regulation)
        let attending = s.invitees.attending
        let persons = try await SymposiumDTO.Names.load(for: [s], on: req.db).persons
        let report = agenda.report(attending: attending, regulation: regulation)
        let items = agenda.items.map { item in
            let planned = Set(item.speakers.map(\.personID))
            let candidates = s.invitees.filter { $0.state.attends && item.speakerCategories.contains($0.category) && !planned.contains($0.personID) }
                .compactMap { i -> Candidate? in
                    guard let p = persons[i.personID] else { return nil }
                    return Candidate(personID: i.personID, name: p.name, unit: p.unit, category: i.category, categoryName: i.category.chineseName)
                }
            return Item(kind: item.kind, title: item.title, minutesPerSpeech: item.minutesPerSpeech, clause: item.clause,
                        open: item.open, speakers: item.speakers, candidates: candidates)
        }
        return AgendaDTO(symposiumID: loaded.id, items: items, refusals: report.refusals, warnings: report.warnings,
                         estimatedMinutes: report.estimatedMinutes, estimateNote: report.estimateNote)
    }

    func show(req: Request) async throws -> AgendaDTO {
        try await Self.dto(SymposiumStore.visible(SymposiumAPI.id(req), for: req.principal, on: req.db), on: req)
    }

    struct SpeakerInput: Content, Sendable { var personID: Int; var subject: String? }
    struct SpeakersInput: Content, Sendable { var version: Int; var speakers: [SpeakerInput] }

    /// Replaces one segment's planned speakers; names, units and categories come from the
    /// persons and the invitation, never from the caller.
    static func set(_ id: Int, _ kind: AgendaSegmentKind, _ input: [SpeakerInput], basedOn version: Int, on req: Request) async throws -> SymposiumStore.Loaded {
        // The meeting runs on the agenda it started with; a later edit would part the two.
        if let (live, _) = try await LiveStore.load(id, on: req.db), live.phase != .notStarted {
            throw Refusal(.conflict, code: "meeting_started", message: "会议已开始，议程不能再修改。")
        }
        let persons = try await PersonModel.query(on: req.db).filter(\.$id ~~ input.map(\.personID)).all()
        let byID = Dictionary(persons.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let regulation = req.xieshang.regulation
        return try await SymposiumStore.mutate(id, expectedVersion: version, action: "agenda.\(kind.rawValue)", on: req,
                                               authorize: SymposiumStore.preparer) { s, _ in
            let attending = s.invitees.attending
            let speakers = try input.map { i -> AgendaSpeaker in
                guard let p = byID[i.personID] else { throw SymposiumError.invalid(["没有这位人员。"]) }
                let category = attending[i.personID] ?? AttendeeCategory(kind: PersonKind(rawValue: p.kind) ?? .member)
                return AgendaSpeaker(personID: i.personID, name: p.name, unit: p.unit, category: category,
                                     subject: String((i.subject ?? "").prefix(100)))
            }
            var agenda = s.agendaOrTemplate(regulation)
            try agenda.setSpeakers(kind, speakers, attending: attending, regulation: regulation)
            s.agenda = agenda
            return ["segment": kind.rawValue, "speakers": speakers.map(\.personID).map(String.init).joined(separator: ",")]
        }
    }

    func setSpeakers(req: Request) async throws -> AgendaDTO {
        let id = try SymposiumAPI.id(req)
        try await SymposiumAccess.require(.prepare, id, on: req)
        let kind = try Self.kind(req)
        let input = try SymposiumAPI.decode(SpeakersInput.self, req)
        return try await Self.dto(Self.set(id, kind, input.speakers, basedOn: input.version, on: req), on: req)
    }

    // MARK: page

    struct PageBody: Encodable {
        let s: SymposiumDTO
        let tabs: [SymposiumPages.TabLink]
        let agenda: AgendaDTO
        let canEdit: Bool
        let error: String?
        let errorDetails: [String]
    }

    func page(req: Request) async throws -> Response { try await render(req, error: nil) }

    func render(_ req: Request, error: (any DomainError)?) async throws -> Response {
        let id = try SymposiumAPI.id(req)
        let loaded = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        let dto = try await SymposiumDTO.make(loaded, on: req)
        let body = PageBody(s: dto, tabs: SymposiumPages.tabs(id, current: "agenda"), agenda: try await Self.dto(loaded, on: req),
                            canEdit: try req.principal.may(.prepareSymposium(leadCommitteeID: dto.leadCommittee.id)),
                            error: error?.message, errorDetails: error?.details ?? [])
        return try await req.renderPage("symposium-agenda", title: "\(dto.topic) · 议程", body: body)
    }

    struct EditForm: Content { let version: Int; let op: String; let personID: Int?; let subject: String? }

    /// add / remove / up: the page edits one speaker at a time; the whole list is checked.
    func editFromPage(req: Request) async throws -> Response {
        let id = try SymposiumAPI.id(req)
        let loaded = try await SymposiumAccess.require(.prepare, id, on: req)
        let kind = try Self.kind(req)
        do {
            let f = try req.content.decode(EditForm.self)
            var list = (loaded.symposium.agendaOrTemplate(req.xieshang.regulation).item(kind)?.speakers ?? [])
                .map { SpeakerInput(personID: $0.personID, subject: $0.subject) }
            guard let person = f.personID else { throw Refusal(.invalid, code: "invalid_form", message: "请选择发言人。") }
            switch f.op {
            case "add": list.append(SpeakerInput(personID: person, subject: f.subject))
            case "remove": list.removeAll { $0.personID == person }
            case "up":
                if let i = list.firstIndex(where: { $0.personID == person }), i > 0 { list.swapAt(i, i - 1) }
            default: throw Refusal(.invalid, code: "invalid_form", message: "未知操作。")
            }
            _ = try await Self.set(id, kind, list, basedOn: f.version, on: req)
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, error: e).with(status: e.kind.status)
        } catch is DecodingError {
            return try await render(req, error: Refusal(.invalid, code: "invalid_form", message: "表单内容有误。")).with(status: .badRequest)
        }
        req.flash("已更新议程。")
        return req.redirect(to: "/symposia/\(id)/agenda")
    }

    func docx(req: Request) async throws -> Response {
        let id = try SymposiumAPI.id(req)
        let loaded = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        let agenda = try await Self.dto(loaded, on: req)
        let s = try await SymposiumDTO.make(loaded, on: req)
        let org = try await SymposiumDocuments.organization(on: req.db)
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八"]
        var body: [OfficialDocument.Block] = [
            .paragraph("时间：\(s.dateText)\(s.startTime)"),
            .paragraph("地点：\(s.place.isEmpty ? "另行通知" : s.place)"),
            .paragraph("主持人：\(s.host?.name ?? "")"),
        ]
        for (i, item) in agenda.items.enumerated() {
            let limit = item.minutesPerSpeech.map { "（每人不超过\($0)分钟）" } ?? ""
            body.append(.heading1("\(numerals[min(i, numerals.count - 1)])、\(item.title)\(limit)"))
            if item.speakers.isEmpty {
                let open: String
                switch item.kind {
                case .response: open = "到会部门负责同志针对发言中涉及的问题作互动发言。"
                case .leaderRemarks: open = "出席座谈会的县委、县政府、县政协领导讲话。"
                default: open = "与会委员、专家学者自由发言。"
                }
                body.append(.paragraph(item.open ? open : "（待定）"))
            }
            for (n, sp) in item.speakers.enumerated() {
                let who = sp.unit.isEmpty ? sp.name : "\(sp.name)（\(sp.unit)）"
                body.append(.paragraph("\(n + 1). \(who)" + (sp.subject.isEmpty ? "" : "：\(sp.subject)")))
            }
        }
        body.append(.paragraph("预计用时约\(agenda.estimatedMinutes)分钟（\(agenda.estimateNote)）。"))
        let doc = OfficialDocument(format: .plain, issuingOrgans: ["\(org.name)办公室"],
                                   title: "“\(s.topic)”双月协商座谈会议程", body: body, signatures: ["\(org.name)办公室"],
                                   date: Day(req.xieshang.clock.now()))
        return try SymposiumDocuments.docx(doc, filename: "议程-\(s.topic).docx")
    }
}
