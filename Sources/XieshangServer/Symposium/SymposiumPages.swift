import Fluent
import Vapor
import XieshangCore

/// The symposium's pages: overview and timeline, implementation plan, meetings, research,
/// invitees and invitations, attendee list; and "我的邀请" for invitees.
struct SymposiumPages: RouteCollection {
    enum Tab: String, CaseIterable, Encodable {
        case overview, plan, meetings, research, invitees, attendees

        var template: String { self == .overview ? "symposium" : "symposium-\(rawValue)" }
        var label: String {
            switch self {
            case .overview: "概况与时间表"
            case .plan: "实施方案"
            case .meetings: "动员会与协调会"
            case .research: "前期调研"
            case .invitees: "邀请名单"
            case .attendees: "出席人员名单"
            }
        }
        func path(_ id: Int) -> String { self == .overview ? "/symposia/\(id)" : "/symposia/\(id)/\(rawValue)" }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("symposia", use: index)
        routes.post("symposia", use: create)
        let s = routes.grouped("symposia", ":id")
        s.get(use: overview)
        for tab in Tab.allCases where tab != .overview {
            s.get(.constant(tab.rawValue)) { req in try await render(req, tab) }
        }
        s.post("arrangements", use: arrangements)
        s.post("reschedule", use: reschedule)
        s.post("plan", use: plan)
        s.get("plan.docx", use: planDocx)
        s.post("meetings", ":kind", use: scheduleMeeting)
        s.post("meetings", ":kind", "record", use: recordMeeting)
        s.post("meetings", ":kind", "tasks", use: addTask)
        s.post("tasks", ":task", use: completeTask)
        s.post("research", use: addResearch)
        s.post("research", ":research", use: updateFindings)
        s.post("invitees", use: addInvitee)
        s.post("invitees", "pre-invite", use: preInvite)
        s.post("invitees", "remind", use: remind)
        s.post("invitees", ":person", "remove", use: removeInvitee)
        s.post("invitees", ":person", "answer", use: answer)
        s.get("invitees", ":person", "letter.docx", use: letter)
        s.post("formal-notices", use: sendNotices)
        s.post("invitee-comments", use: comment)
        s.get("attendees.docx", use: attendeesDocx)
        routes.get("invitations", use: invitations)
        routes.post("invitations", ":id", "answer", use: answerOwn)
    }

    struct Option: Encodable { let value: String; let label: String; let selected: Bool }
    struct TabLink: Encodable { let href: String; let label: String; let current: Bool }

    /// Every page of a symposium, in the order of the work: preparation, agenda, the meeting, its record.
    static func tabs(_ id: Int, current: String) -> [TabLink] {
        var links = Tab.allCases.map { TabLink(href: $0.path(id), label: $0.label, current: $0.rawValue == current) }
        links.insert(TabLink(href: "/symposia/\(id)/agenda", label: "议程", current: current == "agenda"), at: 5)
        links.append(TabLink(href: "/symposia/\(id)/materials", label: "文稿材料", current: current == "materials"))
        links.append(TabLink(href: "/symposia/\(id)/live", label: "会议进行", current: current == "live"))
        links.append(TabLink(href: "/symposia/\(id)/record", label: "会议纪要", current: current == "record"))
        links.append(TabLink(href: "/symposia/\(id)/outcomes", label: "协商成果", current: current == "outcomes"))
        return links
    }

    /// What the reader may do here, so that the page offers only that.
    struct Can: Encodable {
        let prepare: Bool
        let office: Bool
        let sign: Bool
        let comment: Bool
        let coordinate: Bool
        /// Those consulted on the invitees see the deliberation (reasons, comments).
        let deliberate: Bool
    }

    struct Body: Encodable {
        let s: SymposiumDTO
        let tabs: [TabLink]
        let can: Can
        let error: String?
        let errorDetails: [String]
        let extra: Extra
    }

    /// Page-specific data; unused parts stay empty.
    struct Extra: Encodable {
        var hosts: [Option] = []
        var viceChairs: [Option] = []
        var diff: SymposiumAPI.Diff?
        var versionOptions: [Option] = []
        var owners: [Option] = []
        var roles: [Option] = []
        var researchKinds: [Option] = []
        var suggestions: [InviteeSuggestion] = []
        var persons: [PersonGroup] = []
        var attendees: AttendeeListDTO?
        var report: InvitationMail.Report?
        var today: String = ""
        var mailConfigured = false
        /// The plan form's text: what was stored (its empty time, place, host and topic taken
        /// from the symposium), or what was just submitted and refused.
        var planContent: ImplementationPlan.Content?
        /// Where the stored plan's time, place or host say otherwise than the symposium.
        var planDisagreements: [String] = []
    }

    struct PersonGroup: Encodable { let label: String; let options: [Option] }

    static func id(_ req: Request) throws -> Int { try SymposiumAPI.id(req) }

    func render(_ req: Request, _ tab: Tab, error: (any DomainError)? = nil, report: InvitationMail.Report? = nil,
                planContent: ImplementationPlan.Content? = nil) async throws -> Response {
        let p = try req.principal
        let id = try Self.id(req)
        let loaded = try await SymposiumStore.visible(id, for: p, on: req.db)
        let dto = try await SymposiumDTO.make(loaded, on: req)
        let leadership = try await Leadership.load(on: req.db)
        let signer = loaded.symposium.viceChairInChargeID ?? leadership.chairID
        let can = Can(prepare: p.may(.prepareSymposium(leadCommitteeID: dto.leadCommittee.id)), office: p.may(.actForOffice),
                      sign: signer != nil && p.personID == signer, comment: p.may(.commentOnInvitees),
                      coordinate: p.has(.secretaryGeneral) || p.may(.prepareSymposium(leadCommitteeID: dto.leadCommittee.id)),
                      deliberate: p.may(.commentOnInvitees))
        var extra = Extra()
        extra.today = Day(req.xieshang.clock.now()).iso
        extra.mailConfigured = req.xieshang.config.mail != nil
        extra.report = report
        switch tab {
        case .overview:
            let leaders = try await PersonModel.query(on: req.db).filter(\.$kind == PersonKind.leader.rawValue)
                .filter(\.$leaderOf == "cppcc").sort(\.$protocolOrder).all()
            let eligible = leaders.filter { $0.id == leadership.chairID || leadership.viceChairIDs.contains($0.id!) }
            extra.hosts = eligible.map { Option(value: String($0.id!), label: "\($0.name)（\($0.title)）", selected: $0.id == dto.host?.id) }
            extra.viceChairs = leaders.filter { leadership.viceChairIDs.contains($0.id!) }.map {
                Option(value: String($0.id!), label: "\($0.name)（\($0.title)）", selected: $0.id == dto.viceChairInCharge?.id)
            }
        case .plan:
            let stored = loaded.symposium.implementationPlan.content
            let arrangements = ImplementationPlan.Content.arrangements(of: loaded.symposium, dateText: dto.dateText,
                                                                      hostName: dto.host?.name)
            extra.planContent = planContent ?? stored.filled(from: arrangements)
            extra.planDisagreements = stored.disagreements(with: loaded.symposium, hostName: dto.host?.name)
            let versions = loaded.symposium.implementationPlan.versions
            extra.versionOptions = versions.map { Option(value: String($0.number), label: "第\($0.number)版（\($0.action.chineseName)）", selected: false) }
            if let a = req.query[Int.self, at: "a"], let b = req.query[Int.self, at: "b"],
               let va = versions.first(where: { $0.number == a }), let vb = versions.first(where: { $0.number == b }) {
                extra.diff = SymposiumAPI.Diff(from: a, to: b, changes: vb.content.differences(from: va.content))
            }
        case .meetings:
            let committees = try await CommitteeModel.query(on: req.db).sort(\.$sortOrder).all()
            let departments = try await DepartmentModel.query(on: req.db).sort(\.$sortOrder).all()
            extra.owners = committees.map { Option(value: "committee:\($0.id!)", label: $0.name, selected: false) }
                + departments.map { Option(value: "department:\($0.id!)", label: $0.name, selected: false) }
            extra.roles = [Role.office, .secretaryGeneral].map { Option(value: "role:\($0.rawValue)", label: $0 == .office ? "县政协办公室" : $0.chineseName, selected: false) }
        case .research:
            extra.researchKinds = ResearchActivity.Kind.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: false) }
        case .invitees:
            if can.prepare {
                extra.suggestions = try await InviteeSuggestions.suggest(for: loaded, on: req)
                let invited = Set(loaded.symposium.invitees.map(\.personID))
                let persons = try await PersonModel.query(on: req.db).sort(\.$protocolOrder).all().filter { !invited.contains($0.id!) }
                extra.persons = PersonKind.allCases.compactMap { kind in
                    let group = persons.filter { $0.kind == kind.rawValue }
                    guard !group.isEmpty else { return nil }
                    return PersonGroup(label: AttendeeCategory(kind: kind).chineseName, options: group.map {
                        Option(value: String($0.id!), label: "\($0.name)　\($0.unit)\($0.title)", selected: false)
                    })
                }
            }
        case .attendees:
            extra.attendees = try await AttendeeListDTO.make(id, on: req)
        }
        let body = Body(s: dto, tabs: Self.tabs(id, current: tab.rawValue),
                        can: can, error: error?.message, errorDetails: error?.details ?? [], extra: extra)
        return try await req.renderPage(tab.template, title: "\(dto.topic) · \(tab.label)", body: body)
    }

    /// Runs a page action; a refusal is shown on the page it came from, with nothing changed.
    func act(_ req: Request, _ tab: Tab, success: String, planContent: ImplementationPlan.Content? = nil,
             _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, tab, error: e, planContent: planContent).with(status: e.kind.status)
        } catch is DecodingError {
            return try await render(req, tab, error: Refusal(.invalid, code: "invalid_form", message: "表单内容有误，请检查后重新提交。"))
                .with(status: .badRequest)
        }
        req.flash(success)
        return req.redirect(to: tab.path(try Self.id(req)))
    }

    // MARK: list and creation

    struct IndexBody: Encodable {
        struct Row: Encodable { let id: Int; let topic: String; let dateText: String; let leadCommittee: String; let planStateName: String; let invitees: Int; let confirmed: Int }
        struct Candidate: Encodable { let value: String; let label: String }
        let rows: [Row]
        let canCreate: Bool
        let candidates: [Candidate]
        let viceChairs: [Option]
        let error: String?
    }

    func index(req: Request) async throws -> Response {
        try await renderIndex(req, error: nil)
    }

    func renderIndex(_ req: Request, error: String?) async throws -> Response {
        let p = try req.principal
        let rows = try await SymposiumAPI().list(req: req).map {
            IndexBody.Row(id: $0.id, topic: $0.topic, dateText: $0.dateText, leadCommittee: $0.leadCommittee,
                          planStateName: $0.planStateName, invitees: $0.invitees, confirmed: $0.confirmed)
        }
        var candidates: [IndexBody.Candidate] = []
        var viceChairs: [Option] = []
        if p.may(.createSymposium) {
            let existing = Set(try await SymposiumModel.query(on: req.db).all().map { "\($0.year)-\($0.topicID)" })
            let committees = try await PlanningStore.committeeNames(on: req.db)
            let today = Day(req.xieshang.clock.now())
            for m in try await AnnualPlanModel.query(on: req.db).filter(\.$state == AnnualPlan.State.issued.rawValue)
                .sort(\.$year).all() {
                let plan = try PlanningStore.decode(m)
                for t in plan.topics where !t.isMergedWithPlenary(req.xieshang.regulation) && t.date != nil
                    && !existing.contains("\(plan.year)-\(t.id)") {
                    // Two years can share a title: the plan's year is named, and a day already
                    // past is marked, since such a symposium must be moved before it is held.
                    let past = t.date! < today ? "　【日期已过，建立后须先调整会议日期】" : ""
                    candidates.append(.init(value: "\(plan.year)-\(t.id)",
                                            label: "\(plan.year)年度　\(t.date!.chinese)　\(t.title)（\(t.leadCommitteeID.flatMap { committees[$0] } ?? "")牵头）\(past)"))
                }
            }
            let leadership = try await Leadership.load(on: req.db)
            viceChairs = try await PersonModel.query(on: req.db).filter(\.$id ~~ Array(leadership.viceChairIDs))
                .sort(\.$protocolOrder).all().map { Option(value: String($0.id!), label: "\($0.name)（\($0.title)）", selected: false) }
        }
        let body = IndexBody(rows: rows, canCreate: p.may(.createSymposium), candidates: candidates, viceChairs: viceChairs, error: error)
        return try await req.renderPage("symposia", title: "协商座谈会", body: body)
    }

    struct CreateForm: Content { let topic: String; let viceChairInChargeID: Int? }

    func create(req: Request) async throws -> Response {
        try req.require(.createSymposium)
        do {
            let form = try req.content.decode(CreateForm.self)
            let parts = form.topic.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2 else { throw Refusal(.invalid, code: "invalid_form", message: "请选择议题。") }
            let loaded = try await SymposiumActions.create(.init(year: parts[0], topicID: parts[1],
                                                                 viceChairInChargeID: form.viceChairInChargeID), on: req)
            if loaded.symposium.date < Day(req.xieshang.clock.now()) {
                req.flash("已建立协商座谈会。计划日期\(loaded.symposium.date.chinese)已过，请先在概况中调整会议日期（写明理由），再安排地点、拟定实施方案。")
            } else {
                req.flash("已建立协商座谈会，请安排地点并拟定实施方案。")
            }
            return req.redirect(to: "/symposia/\(loaded.id)")
        } catch let e as any DomainError where e.kind != .forbidden {
            return try await renderIndex(req, error: e.message).with(status: e.kind.status)
        } catch is DecodingError {
            return try await renderIndex(req, error: "请选择议题。").with(status: .badRequest)
        }
    }

    func overview(req: Request) async throws -> Response { try await render(req, .overview) }

    struct ArrangementsForm: Content {
        let version: Int; let place: String; let startTime: String; let hostID: Int?; let entrustmentNote: String?
        let viceChairInChargeID: Int?
    }

    func arrangements(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await act(req, .overview, success: "已保存会议安排。") {
            let f = try req.content.decode(ArrangementsForm.self)
            _ = try await SymposiumActions.setArrangements(Self.id(req), .init(version: f.version, place: f.place, startTime: f.startTime,
                                                                               hostID: f.hostID, entrustmentNote: f.entrustmentNote,
                                                                               viceChairInChargeID: f.viceChairInChargeID), on: req)
        }
    }

    struct RescheduleForm: Content { let version: Int; let date: String; let startTime: String?; let reason: String; let confirmNonWorkingDay: String? }

    func reschedule(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.office, Self.id(req), on: req)
        return try await act(req, .overview, success: "已调整会期，时间表已按新日期重新推算。") {
            let f = try req.content.decode(RescheduleForm.self)
            _ = try await SymposiumActions.reschedule(Self.id(req), .init(version: f.version, date: f.date, startTime: f.startTime?.isEmpty == false ? f.startTime : nil,
                                                                          reason: f.reason, confirmNonWorkingDay: f.confirmNonWorkingDay != nil), on: req)
        }
    }

    // MARK: implementation plan

    struct PlanForm: Content {
        let version: Int; let action: ImplementationPlan.Action; let note: String?; let content: ImplementationPlan.Content?
    }

    func plan(req: Request) async throws -> Response {
        let f = try? req.content.decode(PlanForm.self)
        let message: String
        switch f?.action {
        case .save: message = "已保存实施方案（新版本）。"
        case .submit: message = "已报送分管副主席审签。"
        case .sign: message = "已审签实施方案。"
        case .return: message = "已退回修改。"
        case .adopt: message = "已登记主席会议审议通过。"
        case nil: message = ""
        }
        try await SymposiumAccess.require(.planAction, Self.id(req), on: req)
        // A refused submission shows the form as it was typed, not as it was stored.
        return try await act(req, .plan, success: message, planContent: f?.content) {
            let f = try req.content.decode(PlanForm.self)
            // Only drafting actions carry the text; signing must not alter what was submitted.
            let content = (f.action == .save || f.action == .submit) ? f.content : nil
            _ = try await SymposiumActions.plan(Self.id(req), .init(version: f.version, action: f.action, note: f.note, content: content), on: req)
        }
    }

    func planDocx(req: Request) async throws -> Response {
        let loaded = try await SymposiumStore.visible(Self.id(req), for: req.principal, on: req.db)
        let dto = try await SymposiumDTO.make(loaded, on: req)
        let org = try await SymposiumDocuments.organization(on: req.db)
        let doc = SymposiumDocuments.implementationPlan(dto, org: org, today: Day(req.xieshang.clock.now()))
        return try SymposiumDocuments.docx(doc, filename: "实施方案-\(dto.topic).docx")
    }

    // MARK: meetings

    struct MeetingForm: Content { let version: Int; let date: String; let time: String?; let place: String? }

    func scheduleMeeting(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await act(req, .meetings, success: "已安排会议，参会人员按工作办法列出。") {
            let f = try req.content.decode(MeetingForm.self)
            _ = try await SymposiumActions.scheduleMeeting(Self.id(req), SymposiumAPI.kind(req),
                                                           .init(version: f.version, date: f.date, time: f.time, place: f.place), on: req)
        }
    }

    struct RecordForm: Content { let version: Int; let decisions: String; let held: String? }

    func recordMeeting(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.recordMeeting(SymposiumAPI.kind(req)), Self.id(req), on: req)
        return try await act(req, .meetings, success: "已保存会议记录。") {
            let f = try req.content.decode(RecordForm.self)
            _ = try await SymposiumActions.recordMeeting(Self.id(req), SymposiumAPI.kind(req),
                                                         .init(version: f.version, decisions: f.decisions, held: f.held != nil), on: req)
        }
    }

    struct TaskForm: Content { let title: String; let owner: String; let due: String }

    func addTask(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.recordMeeting(SymposiumAPI.kind(req)), Self.id(req), on: req)
        return try await act(req, .meetings, success: "已添加分工。") {
            let f = try req.content.decode(TaskForm.self)
            let parts = f.owner.split(separator: ":", maxSplits: 1).map(String.init)
            let input = SymposiumActions.TaskInput(title: f.title, ownerKind: parts.first ?? "",
                                                   ownerID: parts.count > 1 ? Int(parts[1]) : nil,
                                                   ownerRole: parts.count > 1 ? Role(rawValue: parts[1]) : nil, due: f.due)
            _ = try await SymposiumActions.addTask(Self.id(req), SymposiumAPI.kind(req), input, on: req)
        }
    }

    struct DoneForm: Content { let done: String?; let back: String? }

    func completeTask(req: Request) async throws -> Response {
        let f = try? req.content.decode(DoneForm.self)
        try await SymposiumAccess.require(.completeTask(SymposiumAPI.int(req, "task", "分工事项")), Self.id(req), on: req)
        let response = try await act(req, .meetings, success: f?.done == "1" ? "已标记完成。" : "已重新打开。") {
            _ = try await SymposiumActions.completeTask(Self.id(req), taskID: SymposiumAPI.int(req, "task", "分工事项"),
                                                        done: f?.done == "1", on: req)
        }
        if response.status == .seeOther, f?.back == "dashboard" { return req.redirect(to: Paths.dashboard) }
        return response
    }

    // MARK: research

    struct ResearchForm: Content {
        let kind: ResearchActivity.Kind; let title: String; let date: String; let place: String
        let participants: String?; let findings: String?
    }

    func addResearch(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await act(req, .research, success: "已登记前期准备活动。") {
            let f = try req.content.decode(ResearchForm.self)
            _ = try await SymposiumActions.addResearch(Self.id(req), .init(kind: f.kind, title: f.title, date: f.date, place: f.place,
                                                                           participants: f.participants, findings: f.findings), on: req)
        }
    }

    func updateFindings(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await act(req, .research, success: "已保存调研成果。") {
            _ = try await SymposiumActions.updateFindings(Self.id(req), researchID: SymposiumAPI.int(req, "research", "调研活动"),
                                                          req.content.decode(SymposiumActions.FindingsInput.self), on: req)
        }
    }

    // MARK: invitees

    func addInvitee(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await act(req, .invitees, success: "已加入邀请名单。") {
            _ = try await SymposiumActions.addInvitee(Self.id(req), req.content.decode(SymposiumActions.InviteeInput.self), on: req)
        }
    }

    func removeInvitee(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await act(req, .invitees, success: "已移出邀请名单。") {
            _ = try await SymposiumActions.removeInvitee(Self.id(req), personID: SymposiumAPI.int(req, "person", "受邀人"), on: req)
        }
    }

    func preInvite(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await act(req, .invitees, success: "已向名单中的人员发出预约邀请，待其答复。") {
            _ = try await SymposiumActions.preInvite(Self.id(req), on: req)
        }
    }

    struct AnswerForm: Content { let answer: Invitee.Answer; let note: String? }

    func answer(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.answer(personID: SymposiumAPI.int(req, "person", "受邀人")), Self.id(req), on: req)
        return try await act(req, .invitees, success: "已登记答复。") {
            let f = try req.content.decode(AnswerForm.self)
            _ = try await SymposiumActions.answer(Self.id(req), personID: SymposiumAPI.int(req, "person", "受邀人"),
                                                 .init(answer: f.answer, note: f.note), on: req)
        }
    }

    func remind(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        do {
            let report = try await InvitationMail.remind(Self.id(req), on: req)
            return try await render(req, .invitees, report: report)
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, .invitees, error: e).with(status: e.kind.status)
        }
    }

    func sendNotices(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.office, Self.id(req), on: req)
        do {
            let report = try await InvitationMail.sendNotices(Self.id(req), on: req)
            return try await render(req, .invitees, report: report)
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, .invitees, error: e).with(status: e.kind.status)
        }
    }

    func comment(req: Request) async throws -> Response {
        try await SymposiumAccess.require(.comment, Self.id(req), on: req)
        return try await act(req, .invitees, success: "已提交意见。") {
            _ = try await SymposiumActions.comment(Self.id(req), req.content.decode(SymposiumActions.CommentInput.self), on: req)
        }
    }

    func letter(req: Request) async throws -> Response {
        let p = try req.principal
        let person = try SymposiumAPI.int(req, "person", "受邀人")
        let loaded = try await SymposiumStore.visible(Self.id(req), for: p, on: req.db)
        // The invitee's own letter, or any letter for those who prepare and send them.
        guard p.personID == person || p.may(.prepareSymposium(leadCommitteeID: loaded.symposium.leadCommitteeID)) else {
            throw NotFound.of("邀请函")
        }
        let dto = try await SymposiumDTO.make(loaded, on: req)
        guard let inv = dto.invitees.first(where: { $0.personID == person }), inv.state != .proposed, inv.state != .declined else {
            throw NotFound.of("邀请函")
        }
        let org = try await SymposiumDocuments.organization(on: req.db)
        let contact = try await SymposiumDocuments.contact(committeeID: dto.leadCommittee.id, committeeName: dto.leadCommittee.name,
                                                           org: org, on: req.db)
        let doc = SymposiumDocuments.invitationLetter(dto, invitee: inv, org: org, contact: contact,
                                                      today: Day(req.xieshang.clock.now()))
        return try SymposiumDocuments.docx(doc, filename: "邀请函-\(inv.name).docx")
    }

    func attendeesDocx(req: Request) async throws -> Response {
        let list = try await AttendeeListDTO.make(Self.id(req), on: req)
        let org = try await SymposiumDocuments.organization(on: req.db)
        return try SymposiumDocuments.docx(SymposiumDocuments.attendeeList(list, org: org, today: Day(req.xieshang.clock.now())),
                                           filename: "出席人员名单-\(list.topic).docx")
    }

    // MARK: my invitations

    struct InvitationsBody: Encodable { let invitations: [MyInvitation]; let error: String? }

    func invitations(req: Request) async throws -> Response {
        try await req.renderPage("invitations", title: "我的邀请",
                                 body: InvitationsBody(invitations: MyInvitation.all(for: req.principal, on: req), error: nil))
    }

    func answerOwn(req: Request) async throws -> Response {
        let p = try req.principal
        guard let person = p.personID else { throw AccessError.forbidden }
        try await SymposiumAccess.require(.answer(personID: person), Self.id(req), on: req)
        do {
            let f = try req.content.decode(AnswerForm.self)
            _ = try await SymposiumActions.answer(Self.id(req), personID: person, .init(answer: f.answer, note: f.note), on: req)
            req.flash(f.answer == .confirm ? "已确认出席，谢谢！正式通知和邀请函将随后送达。" : "已答复不能出席，谢谢告知。")
            return req.redirect(to: "/invitations")
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await req.renderPage("invitations", title: "我的邀请",
                                            body: InvitationsBody(invitations: MyInvitation.all(for: p, on: req), error: e.message))
                .with(status: e.kind.status)
        } catch is DecodingError {
            return try await req.renderPage("invitations", title: "我的邀请",
                                            body: InvitationsBody(invitations: MyInvitation.all(for: p, on: req), error: "请选择能否出席。"))
                .with(status: .badRequest)
        }
    }
}

extension Response {
    func with(status: HTTPResponseStatus) -> Response {
        self.status = status
        return self
    }
}
