import Fluent
import Vapor
import XieshangCore

/// The call for topics, the suggestions and the annual plan, loaded from and saved to the
/// database; every change is a domain transition, audited, and (for the plan) versioned.
enum PlanningStore {
    // MARK: call for topics

    static func call(year: Int, on db: any Database) async throws -> TopicCall? {
        guard let m = try await TopicCallModel.query(on: db).filter(\.$planYear == year).first(),
              let opens = Day(iso: m.opensOn), let deadline = Day(iso: m.deadline) else { return nil }
        return TopicCall(planYear: m.planYear, opensOn: opens, deadline: deadline, closedEarly: m.closedEarly)
    }

    static func openCall(year: Int, deadline: Day, on req: Request) async throws -> TopicCall {
        try req.require(.managePlanning)
        let today = Day(req.xieshang.clock.now())
        let call = try TopicCall.open(planYear: year, today: today, deadline: deadline, regulation: req.xieshang.regulation)
        try await req.change { db in
            let existing = try await TopicCallModel.query(on: db).filter(\.$planYear == year).first()
            let before = existing.map { ["deadline": $0.deadline, "opensOn": $0.opensOn] }
            let m = existing ?? TopicCallModel()
            m.planYear = year
            m.opensOn = existing?.opensOn ?? call.opensOn.iso
            m.deadline = deadline.iso
            m.closedEarly = false
            try await m.save(on: db)
            return ((), [AuditChange(existing == nil ? "topic_call.open" : "topic_call.extend", "topic_call", String(year),
                                     before: before, after: call)])
        }
        return try await self.call(year: year, on: req.db)!
    }

    static func closeCall(year: Int, on req: Request) async throws {
        try req.require(.managePlanning)
        try await req.change { db in
            guard let m = try await TopicCallModel.query(on: db).filter(\.$planYear == year).first() else {
                throw NotFound.of("\(year)年度议题征集")
            }
            m.closedEarly = true
            try await m.save(on: db)
            return ((), [AuditChange("topic_call.close", "topic_call", String(year))])
        }
    }

    // MARK: suggestions

    struct SuggestionDTO: Content, Sendable {
        let id: Int
        let planYear: Int
        let committeeID: Int
        let committeeName: String
        let title: String
        let rationale: String
        let grounds: [TopicGround]
        let groundNames: [String]
        let suggestedMonth: Int?
        let proposedLeadCommitteeID: Int?
        let proposedLeadCommitteeName: String?
        let author: String
        let version: Int
    }

    static func dto(_ m: TopicSuggestionModel, committees: [Int: String]) -> SuggestionDTO {
        let grounds = m.grounds.split(separator: ",").compactMap { TopicGround(rawValue: String($0)) }
        return SuggestionDTO(id: m.id!, planYear: m.planYear, committeeID: m.committeeID,
                             committeeName: committees[m.committeeID] ?? "", title: m.title, rationale: m.rationale,
                             grounds: grounds, groundNames: grounds.map(\.chineseName), suggestedMonth: m.suggestedMonth,
                             proposedLeadCommitteeID: m.proposedLeadCommitteeID,
                             proposedLeadCommitteeName: m.proposedLeadCommitteeID.flatMap { committees[$0] },
                             author: m.author, version: m.version)
    }

    static func committeeNames(on db: any Database) async throws -> [Int: String] {
        Dictionary(try await CommitteeModel.query(on: db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The suggestions this principal may see: all for the office and leadership, its own
    /// committee's for a committee (二.1: committees see only their own). Anyone else is
    /// refused, as the suggestions page refuses them, rather than shown an empty list.
    static func suggestions(year: Int, for p: Principal, on db: any Database) async throws -> [SuggestionDTO] {
        let q = TopicSuggestionModel.query(on: db).filter(\.$planYear == year).sort(\.$committeeID).sort(\.$id)
        if !p.may(.viewAllSuggestions) {
            guard let c = p.committeeID, p.may(.suggestTopic(committeeID: c)) else { throw AccessError.forbidden }
            q.filter(\.$committeeID == c)
        }
        let names = try await committeeNames(on: db)
        return try await q.all().map { dto($0, committees: names) }
    }

    static func suggestion(id: Int, for p: Principal, on db: any Database) async throws -> SuggestionDTO {
        guard let m = try await TopicSuggestionModel.find(id, on: db),
              p.may(.viewAllSuggestions) || p.may(.suggestTopic(committeeID: m.committeeID)) else {
            throw NotFound.of("议题建议")
        }
        return dto(m, committees: try await committeeNames(on: db))
    }

    private static func requireOpenCall(year: Int, on req: Request) async throws {
        guard let call = try await call(year: year, on: req.db) else {
            throw Refusal(.conflict, code: "call_not_open", message: "\(year)年度议题征集尚未开始。")
        }
        guard call.isOpen(on: Day(req.xieshang.clock.now())) else { throw PlanningError.callClosed(deadline: call.deadline) }
    }

    private static func checkLead(_ draft: TopicSuggestionDraft, on db: any Database) async throws {
        if let id = draft.proposedLeadCommitteeID, try await CommitteeModel.find(id, on: db) == nil {
            throw Refusal(.invalid, code: "suggestion_invalid", message: "建议的牵头委室不存在。")
        }
    }

    static func submit(year: Int, _ draft: TopicSuggestionDraft, on req: Request) async throws -> SuggestionDTO {
        let p = try req.principal
        guard let committee = p.committeeID, p.may(.suggestTopic(committeeID: committee)) else { throw AccessError.forbidden }
        try draft.validate()
        try await requireOpenCall(year: year, on: req)
        let id: Int = try await req.change { db in
            try await checkLead(draft, on: db)
            let m = TopicSuggestionModel()
            m.planYear = year
            m.committeeID = committee
            apply(draft, to: m)
            m.author = p.displayName
            m.version = 1
            try await m.create(on: db)
            return (m.id!, [AuditChange("topic_suggestion.submit", "topic_suggestion", String(m.id!), after: draft)])
        }
        return try await suggestion(id: id, for: p, on: req.db)
    }

    static func update(id: Int, version: Int, _ draft: TopicSuggestionDraft, on req: Request) async throws -> SuggestionDTO {
        let p = try req.principal
        guard let existing = try await TopicSuggestionModel.find(id, on: req.db) else { throw NotFound.of("议题建议") }
        // Only the committee that wrote it edits it, and only while the call is open.
        guard p.may(.suggestTopic(committeeID: existing.committeeID)) else {
            throw p.may(.viewAllSuggestions) ? AccessError.forbidden : NotFound.of("议题建议")
        }
        try draft.validate()
        try await requireOpenCall(year: existing.planYear, on: req)
        try await req.change { db in
            guard let m = try await TopicSuggestionModel.find(id, on: db) else { throw NotFound.of("议题建议") }
            guard m.version == version else {
                throw Refusal(.conflict, code: "version_conflict", message: "该议题建议已被修改，请刷新后重试。")
            }
            try await checkLead(draft, on: db)
            let before = TopicSuggestionDraft(title: m.title, rationale: m.rationale,
                                              grounds: m.grounds.split(separator: ",").compactMap { TopicGround(rawValue: String($0)) },
                                              suggestedMonth: m.suggestedMonth, proposedLeadCommitteeID: m.proposedLeadCommitteeID)
            apply(draft, to: m)
            m.version += 1
            try await m.save(on: db)
            return ((), [AuditChange("topic_suggestion.update", "topic_suggestion", String(id), before: before, after: draft)])
        }
        return try await suggestion(id: id, for: p, on: req.db)
    }

    private static func apply(_ d: TopicSuggestionDraft, to m: TopicSuggestionModel) {
        m.title = d.title.trimmingCharacters(in: .whitespacesAndNewlines)
        m.rationale = d.rationale.trimmingCharacters(in: .whitespacesAndNewlines)
        m.grounds = d.grounds.map(\.rawValue).joined(separator: ",")
        m.suggestedMonth = d.suggestedMonth
        m.proposedLeadCommitteeID = d.proposedLeadCommitteeID
    }

    // MARK: the plan

    static func plan(year: Int, on db: any Database) async throws -> (AnnualPlan, Int)? {
        guard let m = try await AnnualPlanModel.query(on: db).filter(\.$year == year).first() else { return nil }
        return (try decode(m), m.version)
    }

    static func decode(_ m: AnnualPlanModel) throws -> AnnualPlan {
        try StoredJSON.value(AnnualPlan.self, from: m.body, row: "annual_plans#\(m.year)")
    }

    static func decode(_ v: AnnualPlanVersionModel) throws -> AnnualPlan {
        try StoredJSON.value(AnnualPlan.self, from: v.body, row: "annual_plan_versions#\(v.year).\(v.version)")
    }

    static func visiblePlan(year: Int, for p: Principal, on db: any Database) async throws -> (AnnualPlan, Int) {
        guard let (plan, version) = try await plan(year: year, on: db), p.may(.viewPlan(issued: plan.state == .issued)) else {
            throw NotFound.of("\(year)年度协商计划")
        }
        return (plan, version)
    }

    static func create(year: Int, on req: Request) async throws -> AnnualPlan {
        try req.require(.managePlanning)
        guard (2000...2100).contains(year) else {
            throw Refusal(.invalid, code: "invalid_year", message: "年份须在2000到2100之间。")
        }
        let plan = AnnualPlan(year: year)
        let actor = try req.principal.displayName
        let now = req.xieshang.clock.now()
        try await req.change { db in
            if try await AnnualPlanModel.query(on: db).filter(\.$year == year).count() > 0 {
                throw Refusal(.conflict, code: "plan_exists", message: "\(year)年度协商计划已存在。")
            }
            let m = AnnualPlanModel()
            m.year = year
            try await save(plan, into: m, version: 1, actor: actor, at: now, note: "创建草案", on: db)
            return ((), [AuditChange("annual_plan.create", "annual_plan", String(year), after: plan)])
        }
        return plan
    }

    /// Loads the plan, checks the version the caller started from, applies a domain
    /// transition and saves it as a new version. Refusals change nothing.
    @discardableResult
    static func mutate(year: Int, expectedVersion: Int?, action: String, note: String, on req: Request,
                       _ transition: @escaping @Sendable (inout AnnualPlan) throws -> Void) async throws -> AnnualPlan {
        try req.require(.managePlanning)
        let actor = try req.principal.displayName
        let now = req.xieshang.clock.now()
        return try await req.change { db in
            guard let m = try await AnnualPlanModel.query(on: db).filter(\.$year == year).first() else {
                throw NotFound.of("\(year)年度协商计划")
            }
            if let expectedVersion, expectedVersion != m.version {
                throw Refusal(.conflict, code: "version_conflict", message: "年度计划已被他人修改，请刷新后重试。")
            }
            let before = try decode(m)
            var plan = before
            try transition(&plan)
            try await save(plan, into: m, version: m.version + 1, actor: actor, at: now, note: note, on: db)
            return (plan, [AuditChange(action, "annual_plan", String(year), before: before, after: plan)])
        }
    }

    private static func save(_ plan: AnnualPlan, into m: AnnualPlanModel, version: Int, actor: String, at: Date,
                             note: String, on db: any Database) async throws {
        let body = try StoredJSON.text(plan)
        m.state = plan.state.rawValue
        m.body = body
        m.version = version
        try await m.save(on: db)
        let v = AnnualPlanVersionModel()
        v.year = plan.year
        v.version = version
        v.state = plan.state.rawValue
        v.body = body
        v.at = at
        v.actor = actor
        v.note = note
        try await v.create(on: db)
    }

    static func versions(year: Int, on db: any Database) async throws -> [AnnualPlanVersionModel] {
        try await AnnualPlanVersionModel.query(on: db).filter(\.$year == year).sort(\.$version, .descending).all()
    }

    static func scheduler(_ req: Request) -> SymposiumScheduler {
        SymposiumScheduler(calendar: req.xieshang.calendar.calendar, regulation: req.xieshang.regulation)
    }
}
