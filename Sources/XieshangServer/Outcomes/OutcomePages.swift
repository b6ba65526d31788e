import Fluent
import Vapor
import XieshangCore
import XieshangDocuments

/// The outcomes' pages: `/symposia/:id/outcomes` (the symposium's outcomes, the deadline
/// countdown, the office's new draft) and `/outcomes/:oid` (one outcome: the draft form,
/// sending, acknowledgement, each department's handling, the follow-up items), and the
/// 参阅件/建议案 as a GB/T 9704 DOCX (`/outcomes/:oid/document.docx`).
struct OutcomePages: RouteCollection {
    typealias Option = SymposiumPages.Option

    func boot(routes: any RoutesBuilder) throws {
        routes.get("symposia", ":id", "outcomes", use: list)
        routes.post("symposia", ":id", "outcomes", use: create)
        let o = routes.grouped("outcomes", ":oid")
        o.get(use: detail)
        o.post(use: edit)
        o.get("document.docx", use: docx)
        o.post("send", use: send)
        o.post("acknowledge", use: acknowledge)
        o.post("handlings", use: assign)
        o.post("handlings", ":hid", use: handle)
        o.post("items", use: createItem)
        o.post("items", ":item", "status", use: itemStatus)
        o.post("items", ":item", "notes", use: itemNote)
    }

    static func path(_ oid: Int) -> String { "/outcomes/\(oid)" }

    // MARK: the symposium's outcomes

    struct ListBody: Encodable {
        let s: SymposiumDTO
        let tabs: [SymposiumPages.TabLink]
        let error: String?
        let errorDetails: [String]
        let outcomes: [OutcomeDTO]
        let canCreate: Bool
        let held: Bool
        let due: OutcomeDTO.DeadlineDTO?
        let forms: [Option]
        /// The topic's whole chain, from its suggestion to the follow-up items' results.
        let traceHref: String
        /// This quarter's and this year's summaries, for those who may read them; else empty.
        let summaries: [SymposiumPages.TabLink]
    }

    /// The summaries of the quarter and the year `today` falls in.
    static func summaryLinks(_ p: Principal, today: Day) -> [SymposiumPages.TabLink] {
        guard p.maySeeOutcomeSummaries else { return [] }
        return [ReportPeriod.quarter(containing: today), .year(today.year)].map {
            SymposiumPages.TabLink(href: "/summaries/\($0.text)", label: "\($0.chineseName)汇总", current: false)
        }
    }

    func list(req: Request) async throws -> Response { try await renderList(req) }

    func renderList(_ req: Request, error: (any DomainError)? = nil) async throws -> Response {
        let id = try SymposiumAPI.id(req)
        let loaded = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        let dto = try await SymposiumDTO.make(loaded, on: req)
        let outcomes = try await OutcomeDTO.all(OutcomeStore.all(symposiumID: id, for: req.principal, on: req.db), on: req)
        let due = loaded.symposium.heldOn.map { held in
            let d = Deadline(req.xieshang.regulation.outcomeDeadlineWorkingDays, after: held, calendar: req.xieshang.calendar.calendar)
            return OutcomeDTO.DeadlineDTO(day: d.day.iso, dayText: SymposiumDTO.dateText(d.day), workingDays: d.workingDays,
                                          provisional: d.provisional)
        }
        let symposium = loaded.symposium
        let body = ListBody(s: dto, tabs: SymposiumPages.tabs(id, current: "outcomes"), error: error?.message,
                            errorDetails: error?.details ?? [], outcomes: outcomes,
                            canCreate: try req.principal.may(.actForOffice), held: loaded.symposium.heldOn != nil, due: due,
                            forms: req.xieshang.regulation.outcomeForms.map {
                                Option(value: $0.rawValue, label: $0.chineseName, selected: false)
                            },
                            traceHref: "/plans/\(symposium.year)/topics/\(symposium.topicID)/trace",
                            summaries: Self.summaryLinks(try req.principal, today: Day(req.xieshang.clock.now())))
        return try await req.renderPage("symposium-outcomes", title: "\(dto.topic) · 协商成果", body: body)
            .with(status: error.map { $0.kind.status } ?? .ok)
    }

    func create(req: Request) async throws -> Response {
        let id = try SymposiumAPI.id(req)
        try await SymposiumAccess.require(.office, id, on: req)
        do {
            let input = try req.content.decode(OutcomeActions.CreateInput.self)
            let l = try await OutcomeActions.create(id, input, on: req)
            req.flash("已建立协商成果草稿。")
            return req.redirect(to: Self.path(l.id))
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await renderList(req, error: e)
        }
    }

    // MARK: one outcome

    struct PersonOption: Encodable { let value: String; let label: String; let selected: Bool; let handles: Bool }

    struct Options: Encodable {
        var forms: [Option] = []
        var leaders: [PersonOption] = []
        var departments: [PersonOption] = []
        var allDepartments: [Option] = []
        var speeches: [Option] = []
        var materials: [Option] = []
        var research: [Option] = []
        var results: [Option] = []
        var satisfactions: [Option] = []
    }

    /// A link to what the outcome draws on, shown to a reader who may open it.
    struct LinkedRef: Encodable { let label: String; let href: String }

    struct Linked: Encodable {
        var speeches: [LinkedRef] = []
        var materials: [LinkedRef] = []
        var research: [LinkedRef] = []
    }

    struct DetailBody: Encodable {
        let o: OutcomeDTO
        let error: String?
        let errorDetails: [String]
        let options: Options
        let seesSymposium: Bool
        let today: String
        /// What the outcome draws on, as far as this reader may open it.
        let linked: Linked
        /// Handlings this reader may act on, by id, with the actions offered.
        let handlingActions: [HandlingActions]
        /// Follow-up items, by id, with what this reader may do to each.
        let itemActions: [ItemActions]
        /// The lead committee adds follow-up items once the outcome is sent.
        let canAddItem: Bool
    }

    /// The steps the domain would accept now from this reader (`Handling.allows`).
    struct HandlingActions: Encodable {
        let id: Int
        let accept: Bool
        let reply: Bool
        let rate: Bool
        let rehandle: Bool
        let reassign: Bool
    }

    struct ItemActions: Encodable {
        let id: Int
        /// A progress note: the lead committee and the owner department (`OutcomeAccess.Check.note`).
        let note: Bool
        /// The statuses the item may move to (`FollowUpItem.Status.next`), for the lead committee; else empty.
        let statuses: [Option]
        let statusName: String
    }

    func detail(req: Request) async throws -> Response { try await renderDetail(req) }

    func renderDetail(_ req: Request, error: (any DomainError)? = nil) async throws -> Response {
        let oid = try OutcomeAPI.oid(req)
        let p = try req.principal
        let l = try await OutcomeStore.visible(oid, for: p, on: req.db)
        let dto = try await OutcomeDTO.make(l, on: req)
        let o = l.outcome
        var options = Options()
        let departments = try await DepartmentModel.query(on: req.db).sort(\.$sortOrder).all()
        options.allDepartments = departments.map { Option(value: String($0.id!), label: $0.name, selected: false) }
        if dto.can.edit {
            options.forms = req.xieshang.regulation.outcomeForms.map {
                Option(value: $0.rawValue, label: $0.chineseName, selected: $0 == o.form)
            }
            let leaders = try await PersonModel.query(on: req.db).filter(\.$kind == PersonKind.leader.rawValue)
                .sort(\.$protocolOrder).all()
            options.leaders = leaders.map { m in
                PersonOption(value: String(m.id!), label: "\(m.name)（\(m.title)）",
                             selected: o.recipient(.leader(personID: m.id!)) != nil, handles: false)
            }
            options.departments = departments.map { m in
                let r = o.recipient(.department(m.id!))
                return PersonOption(value: String(m.id!), label: m.name, selected: r != nil, handles: r?.handles ?? false)
            }
            let speeches = try await LiveStore.load(o.symposiumID, on: req.db)?.0.heldSpeeches ?? []
            options.speeches = speeches.map {
                Option(value: String($0.id), label: "第\($0.id)号　\($0.name)　\($0.segment.speechName)\($0.subject.isEmpty ? "" : "：\($0.subject)")",
                       selected: o.links.speechIDs.contains($0.id))
            }
            // Only what the editor may see: a classified or unreviewed material's title is
            // as secret here as on the materials list.
            let scope = try await MaterialStore.scope(o.symposiumID, on: req)
            let materials = try await MaterialStore.all(symposiumID: o.symposiumID, on: req.db).map(\.material)
                .filter(scope.canSee)
            options.materials = materials.map {
                Option(value: String($0.id), label: $0.citation, selected: o.links.materialIDs.contains($0.id))
            }
            let research = try await SymposiumStore.load(o.symposiumID, on: req.db)?.symposium.research ?? []
            options.research = research.map {
                Option(value: String($0.id), label: $0.title, selected: o.links.researchIDs.contains($0.id))
            }
        }
        options.results = HandlingResult.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: false) }
        options.satisfactions = Satisfaction.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: false) }
        let lead = OutcomeAccess.isLeadCommittee(l, p)
        let actions = o.handlings.map { h in
            let handler = OutcomeAccess.isHandler(h, p)
            return HandlingActions(id: h.id, accept: handler && h.allows(.accept), reply: handler && h.allows(.reply),
                                   rate: lead && h.allows(.rate), rehandle: lead && h.allows(.rehandle),
                                   reassign: p.may(.actForOffice) && h.allows(.assign))
        }
        let itemActions = try l.items.map { i in
            let next = lead ? i.status.nextInOrder : []
            return ItemActions(id: i.id, note: try OutcomeAccess.allowed(.note(i.id), l, p),
                               statuses: next.map { Option(value: $0.rawValue, label: $0.chineseName, selected: false) },
                               statusName: i.status.chineseName)
        }
        let sees = (try? await SymposiumStore.visible(o.symposiumID, for: p, on: req.db)) != nil
        let linked = try await Self.linked(o, seesSymposium: sees, on: req)
        let body = DetailBody(o: dto, error: error?.message, errorDetails: error?.details ?? [], options: options,
                              seesSymposium: sees, today: Day(req.xieshang.clock.now()).iso, linked: linked,
                              handlingActions: actions, itemActions: itemActions,
                              canAddItem: dto.can.track && o.acceptsFollowUpItems)
        return try await req.renderPage("outcome", title: "\(o.form.chineseName) · \(o.title)", body: body)
            .with(status: error.map { $0.kind.status } ?? .ok)
    }

    /// The speeches, materials and research an outcome links to. Speeches and research are
    /// parts of the symposium and shown to its readers; a material only to whom its secrecy
    /// and distribution allow, as on every path that reveals one.
    static func linked(_ o: Outcome, seesSymposium: Bool, on req: Request) async throws -> Linked {
        var linked = Linked()
        let sid = o.symposiumID
        if seesSymposium {
            let speeches = try await LiveStore.load(sid, on: req.db)?.0.heldSpeeches ?? []
            linked.speeches = speeches.filter { o.links.speechIDs.contains($0.id) }.map {
                LinkedRef(label: "第\($0.id)号　\($0.name)　\($0.segment.speechName)\($0.subject.isEmpty ? "" : "：\($0.subject)")",
                          href: "/symposia/\(sid)/record")
            }
            let research = try await SymposiumStore.load(sid, on: req.db)?.symposium.research ?? []
            linked.research = research.filter { o.links.researchIDs.contains($0.id) }.map {
                LinkedRef(label: "\($0.kind.chineseName)：\($0.title)（\($0.date.chinese)）", href: "/symposia/\(sid)/research")
            }
        }
        if !o.links.materialIDs.isEmpty {
            let scope = try await MaterialStore.scope(sid, on: req)
            linked.materials = try await MaterialStore.all(symposiumID: sid, on: req.db).map(\.material)
                .filter { o.links.materialIDs.contains($0.id) && scope.canSee($0) }
                // By title and number only, never its content: a classified one may exist on paper alone.
                .map { LinkedRef(label: "\($0.kind.chineseName)：\($0.citation)", href: "/symposia/\(sid)/materials/\($0.id)") }
        }
        return linked
    }

    /// Runs a page action after the access check; a refusal is shown on the outcome's page
    /// with nothing changed.
    func act(_ req: Request, _ check: OutcomeAccess.Check, success: String,
             _ body: @escaping () async throws -> Void) async throws -> Response {
        let oid = try OutcomeAPI.oid(req)
        try await OutcomeAccess.require(check, oid, on: req)
        do {
            try await body()
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await renderDetail(req, error: e)
        } catch let e as DecodingError {
            return try await renderDetail(req, error: invalidInput(e))
        }
        req.flash(success)
        return req.redirect(to: Self.path(oid))
    }

    /// The draft form: checkboxes for recipients and links.
    struct EditForm: Content, Sendable {
        var version: Int
        var title: String
        var body: String
        var form: OutcomeForm
        var documentNumber: String?
        var leaderIDs: [Int]?
        var departmentIDs: [Int]?
        var handlingIDs: [Int]?
        var speechIDs: [Int]?
        var materialIDs: [Int]?
        var researchIDs: [Int]?

        var input: OutcomeActions.EditInput {
            let handling = Set(handlingIDs ?? [])
            let recipients = (leaderIDs ?? []).map { OutcomeActions.RecipientInput(kind: "leader", id: $0, handles: nil) }
                + (departmentIDs ?? []).map { OutcomeActions.RecipientInput(kind: "department", id: $0, handles: handling.contains($0)) }
            return .init(version: version, title: title, body: body, form: form,
                         links: OutcomeLinks(speechIDs: speechIDs ?? [], materialIDs: materialIDs ?? [], researchIDs: researchIDs ?? []),
                         recipients: recipients, documentNumber: documentNumber)
        }
    }

    func edit(req: Request) async throws -> Response {
        try await act(req, .office, success: "已保存协商成果草稿。") {
            _ = try await OutcomeActions.edit(try OutcomeAPI.oid(req), try req.content.decode(EditForm.self).input, on: req)
        }
    }

    func send(req: Request) async throws -> Response {
        try await act(req, .office, success: "协商成果已报送。") {
            _ = try await OutcomeActions.send(try OutcomeAPI.oid(req), try req.content.decode(OutcomeActions.VersionInput.self), on: req)
        }
    }

    func acknowledge(req: Request) async throws -> Response {
        try await act(req, .acknowledge, success: "已签收。") {
            _ = try await OutcomeActions.acknowledge(try OutcomeAPI.oid(req), try req.content.decode(OutcomeActions.VersionInput.self),
                                                     on: req)
        }
    }

    func assign(req: Request) async throws -> Response {
        try await act(req, .office, success: "已交办。") {
            _ = try await OutcomeActions.assign(try OutcomeAPI.oid(req), try req.content.decode(OutcomeActions.AssignInput.self), on: req)
        }
    }

    /// What the page says after each handling step, so the reader knows which one was taken.
    static func handled(_ action: String?) -> String {
        switch action {
        case "accept": "已接收办理。"
        case "returnToOffice": "已退回办公室。"
        case "reply": "已答复。"
        case "rate": "已测评。"
        case "rehandle": "已要求重新办理。"
        case "reassign": "已重新交办。"
        default: "已办理。"
        }
    }

    func handle(req: Request) async throws -> Response {
        let action = try? req.content.get(String.self, at: "action")
        return try await act(req, .handle(try OutcomeAPI.hid(req)), success: Self.handled(action)) {
            _ = try await OutcomeActions.handle(try OutcomeAPI.oid(req), handlingID: try OutcomeAPI.hid(req),
                                                try req.content.decode(OutcomeActions.HandlingInput.self), on: req)
        }
    }

    func createItem(req: Request) async throws -> Response {
        try await act(req, .track, success: "已添加落实事项。") {
            _ = try await OutcomeActions.createItem(try OutcomeAPI.oid(req), try req.content.decode(OutcomeActions.ItemInput.self),
                                                    on: req)
        }
    }

    func itemStatus(req: Request) async throws -> Response {
        try await act(req, .track, success: "已更新落实事项状态。") {
            _ = try await OutcomeActions.setItemStatus(try OutcomeAPI.oid(req), itemID: try OutcomeAPI.item(req),
                                                       try req.content.decode(OutcomeActions.ItemStatusInput.self), on: req)
        }
    }

    func itemNote(req: Request) async throws -> Response {
        try await act(req, .note(try OutcomeAPI.item(req)), success: "已记录进展情况。") {
            _ = try await OutcomeActions.addItemNote(try OutcomeAPI.oid(req), itemID: try OutcomeAPI.item(req),
                                                     try req.content.decode(OutcomeActions.ItemNoteInput.self), on: req)
        }
    }

    // MARK: the document

    func docx(req: Request) async throws -> Response {
        let l = try await OutcomeStore.visible(try OutcomeAPI.oid(req), for: req.principal, on: req.db)
        let names = try await OutcomeDTO.Names.load(on: req.db)
        let org = try await SymposiumDocuments.organization(on: req.db)
        let doc = OutcomeDocument.make(l.outcome, names: names, org: org, today: Day(req.xieshang.clock.now()))
        return try SymposiumDocuments.docx(doc, filename: "\(l.outcome.form.chineseName)-\(l.outcome.title).docx")
    }
}
