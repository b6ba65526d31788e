import Fluent
import Vapor
import XieshangCore

/// `/api/v1/plans`: the call for topics, suggestions, the plan, its steps and adjustments.
struct PlanningAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let plans = routes.grouped("api", "v1", "plans")
        plans.get(use: list)
        plans.post(use: create)
        plans.get(":year", use: show)
        plans.get(":year", "versions", use: versions)
        plans.put(":year", "topics", use: setTopics)
        plans.post(":year", "schedule", use: schedule)
        plans.post(":year", "topics", ":topic", "date", use: setDate)
        plans.put(":year", "blocked-dates", use: setBlockedDates)
        plans.post(":year", "steps", use: takeStep)
        plans.post(":year", "adjustments", use: adjust)
        plans.get(":year", "call", use: call)
        plans.post(":year", "call", use: openCall)
        plans.post(":year", "call", "close", use: closeCall)
        plans.get(":year", "suggestions", use: suggestions)
        plans.post(":year", "suggestions", use: submit)
        routes.get("api", "v1", "suggestions", ":id", use: suggestion)
        routes.put("api", "v1", "suggestions", ":id", use: updateSuggestion)
    }

    static func year(_ req: Request) throws -> Int {
        guard let y = req.parameters.get("year", as: Int.self), (2000...2100).contains(y) else {
            throw NotFound.of("年度协商计划")
        }
        return y
    }

    static func dto(_ plan: AnnualPlan, version: Int, on req: Request) async throws -> PlanDTO {
        PlanDTO(plan, version: version, committees: try await PlanningStore.committeeNames(on: req.db),
                regulation: req.xieshang.regulation)
    }

    struct Summary: Content { let year: Int; let state: AnnualPlan.State; let stateName: String; let topics: Int; let documentNumber: String? }

    func list(req: Request) async throws -> [Summary] {
        let p = try req.principal
        return try await AnnualPlanModel.query(on: req.db).sort(\.$year, .descending).all().compactMap { m in
            let plan = try PlanningStore.decode(m)
            guard p.may(.viewPlan(issued: plan.state == .issued)) else { return nil }
            return Summary(year: plan.year, state: plan.state, stateName: plan.state.chineseName,
                           topics: plan.topics.count, documentNumber: plan.documentNumber)
        }
    }

    struct NewPlan: Content { let year: Int }

    func create(req: Request) async throws -> Response {
        try req.require(.managePlanning)
        let input = try req.content.decode(NewPlan.self)
        let plan = try await PlanningStore.create(year: input.year, on: req)
        return try await Self.dto(plan, version: 1, on: req).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> PlanDTO {
        let (plan, version) = try await PlanningStore.visiblePlan(year: Self.year(req), for: req.principal, on: req.db)
        return try await Self.dto(plan, version: version, on: req)
    }

    struct VersionDTO: Content { let version: Int; let state: AnnualPlan.State; let at: Date; let actor: String; let note: String; let plan: AnnualPlan }

    func versions(req: Request) async throws -> [VersionDTO] {
        let year = try Self.year(req)
        _ = try await PlanningStore.visiblePlan(year: year, for: req.principal, on: req.db)
        return try await PlanningStore.versions(year: year, on: req.db).map { v in
            let plan = try PlanningStore.decode(v)
            return VersionDTO(version: v.version, state: plan.state, at: v.at, actor: v.actor, note: v.note, plan: plan)
        }
    }

    struct TopicInput: Content, Sendable {
        var id: Int?
        var title: String
        var rationale: String?
        var leadCommitteeID: Int?
        var month: Int
        var sourceSuggestionIDs: [Int]?
    }
    struct TopicsInput: Content { let version: Int; let topics: [TopicInput] }

    /// Consolidation: the office's list of topics replaces the draft's; ids are kept for
    /// topics it already had, and a kept topic keeps its date unless its month changed.
    static func merge(_ inputs: [TopicInput], into plan: AnnualPlan) -> [PlannedTopic] {
        var nextID = plan.nextTopicID
        return inputs.map { i in
            let old = i.id.flatMap { id in plan.topics.first { $0.id == id } }
            let id = old?.id ?? { defer { nextID += 1 }; return nextID }()
            let keepDate = old?.month == i.month
            return PlannedTopic(id: id, title: i.title.trimmingCharacters(in: .whitespacesAndNewlines),
                                rationale: i.rationale ?? old?.rationale ?? "", leadCommitteeID: i.leadCommitteeID,
                                month: i.month, date: keepDate ? old?.date : nil,
                                dateOverridden: keepDate ? old?.dateOverridden ?? false : false,
                                onNonWorkingDay: keepDate ? old?.onNonWorkingDay ?? false : false,
                                sourceSuggestionIDs: i.sourceSuggestionIDs ?? old?.sourceSuggestionIDs ?? [])
        }
    }

    func setTopics(req: Request) async throws -> PlanDTO {
        try req.require(.managePlanning)
        let year = try Self.year(req)
        let input = try req.content.decode(TopicsInput.self)
        try await Self.checkCommittees(input.topics.compactMap(\.leadCommitteeID), on: req)
        let regulation = req.xieshang.regulation
        let plan = try await PlanningStore.mutate(year: year, expectedVersion: input.version, action: "annual_plan.topics",
                                                  note: "整理议题", on: req) { plan in
            try plan.setTopics(Self.merge(input.topics, into: plan), regulation: regulation)
        }
        return try await show(plan, req)
    }

    static func checkCommittees(_ ids: [Int], on req: Request) async throws {
        let known = Set(try await PlanningStore.committeeNames(on: req.db).keys)
        if let bad = ids.first(where: { !known.contains($0) }) {
            throw PlanningError.invalidTopic(["牵头委室（编号\(bad)）不存在。"])
        }
    }

    private func show(_ plan: AnnualPlan, _ req: Request) async throws -> PlanDTO {
        let version = try await PlanningStore.plan(year: plan.year, on: req.db)?.1 ?? 1
        return try await Self.dto(plan, version: version, on: req)
    }

    struct VersionOnly: Content { let version: Int }

    // Writes check the role before reading the body: a refused caller learns nothing from
    // a validation message, and an anonymous one is asked to sign in (401), not told 400.

    func schedule(req: Request) async throws -> PlanDTO {
        try req.require(.managePlanning)
        let year = try Self.year(req)
        let input = try req.content.decode(VersionOnly.self)
        let plan = try await Self.applySchedule(year: year, version: input.version, on: req)
        return try await show(plan, req)
    }

    static func applySchedule(year: Int, version: Int, on req: Request) async throws -> AnnualPlan {
        let scheduler = PlanningStore.scheduler(req)
        let regulation = req.xieshang.regulation
        return try await PlanningStore.mutate(year: year, expectedVersion: version, action: "annual_plan.schedule",
                                              note: "按规则建议日期", on: req) { plan in
            let suggestions = try scheduler.schedule(plan)
            var topics = plan.topics
            for i in topics.indices {
                guard let s = suggestions[topics[i].id] else { continue }
                topics[i].date = s.date
                topics[i].onNonWorkingDay = false
            }
            try plan.setTopics(topics, regulation: regulation)
        }
    }

    struct DateInput: Content { let version: Int; let date: Day; let confirmNonWorkingDay: Bool? }

    func setDate(req: Request) async throws -> PlanDTO {
        try req.require(.managePlanning)
        let year = try Self.year(req)
        guard let topicID = req.parameters.get("topic", as: Int.self) else { throw NotFound.of("议题") }
        let input = try req.content.decode(DateInput.self)
        let plan = try await Self.override(year: year, topicID: topicID, version: input.version, date: input.date,
                                           confirm: input.confirmNonWorkingDay ?? false, on: req)
        return try await show(plan, req)
    }

    static func override(year: Int, topicID: Int, version: Int, date: Day, confirm: Bool, on req: Request) async throws -> AnnualPlan {
        let scheduler = PlanningStore.scheduler(req)
        let regulation = req.xieshang.regulation
        return try await PlanningStore.mutate(year: year, expectedVersion: version, action: "annual_plan.date_override",
                                              note: "手动指定日期", on: req) { plan in
            guard let i = plan.topics.firstIndex(where: { $0.id == topicID }) else {
                throw Refusal(.notFound, code: "not_found", message: "年度计划中没有该议题。")
            }
            var topics = plan.topics
            topics[i] = try scheduler.override(topics[i], year: year, date: date, confirmNonWorkingDay: confirm)
            try plan.setTopics(topics, regulation: regulation)
        }
    }

    struct BlockedInput: Content { let version: Int; let blockedDates: [BlockedDate] }

    func setBlockedDates(req: Request) async throws -> PlanDTO {
        try req.require(.managePlanning)
        let year = try Self.year(req)
        let input = try req.content.decode(BlockedInput.self)
        let plan = try await Self.block(year: year, version: input.version, dates: input.blockedDates, on: req)
        return try await show(plan, req)
    }

    static func block(year: Int, version: Int, dates: [BlockedDate], on req: Request) async throws -> AnnualPlan {
        var problems: [String] = []
        for b in dates where b.day.year != year { problems.append("避开日期\(b.day.chinese)不在\(year)年。") }
        for b in dates where b.reason.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("避开日期\(b.day.chinese)须说明原因。") }
        guard problems.isEmpty else { throw PlanningError.invalidStep(problems) }
        return try await PlanningStore.mutate(year: year, expectedVersion: version, action: "annual_plan.blocked_dates",
                                              note: "更新避开日期", on: req) { plan in
            plan.blockedDates = Array(Set(dates)).sorted { $0.day < $1.day }
        }
    }

    struct StepInput: Content { let version: Int; let action: AnnualPlan.Action; let date: Day; let reference: String? }

    func takeStep(req: Request) async throws -> PlanDTO {
        try req.require(.managePlanning)
        let year = try Self.year(req)
        let input = try req.content.decode(StepInput.self)
        let plan = try await Self.step(year: year, version: input.version, action: input.action, date: input.date,
                                       reference: input.reference ?? "", on: req)
        return try await show(plan, req)
    }

    static func step(year: Int, version: Int, action: AnnualPlan.Action, date: Day, reference: String,
                     on req: Request) async throws -> AnnualPlan {
        let actor = try req.principal.displayName
        let regulation = req.xieshang.regulation
        return try await PlanningStore.mutate(year: year, expectedVersion: version, action: "annual_plan.\(action.rawValue)",
                                              note: action.chineseName, on: req) { plan in
            try plan.take(action, date: date, actor: actor, reference: reference, regulation: regulation)
        }
    }

    struct AdjustmentInput: Content {
        let version: Int
        let topicID: Int
        let title: String
        let leadCommitteeID: Int?
        let month: Int
        let date: Day?
        let confirmNonWorkingDay: Bool?
        let reason: String
    }

    func adjust(req: Request) async throws -> PlanDTO {
        try req.require(.managePlanning)
        let year = try Self.year(req)
        let input = try req.content.decode(AdjustmentInput.self)
        let plan = try await Self.adjust(year: year, input: input, on: req)
        return try await show(plan, req)
    }

    static func adjust(year: Int, input: AdjustmentInput, on req: Request) async throws -> AnnualPlan {
        try await checkCommittees(input.leadCommitteeID.map { [$0] } ?? [], on: req)
        let actor = try req.principal.displayName
        let today = Day(req.xieshang.clock.now())
        let scheduler = PlanningStore.scheduler(req)
        let regulation = req.xieshang.regulation
        return try await PlanningStore.mutate(year: year, expectedVersion: input.version, action: "annual_plan.adjust",
                                              note: "调整：\(input.reason)", on: req) { plan in
            guard let old = plan.topics.first(where: { $0.id == input.topicID }) else {
                throw Refusal(.notFound, code: "not_found", message: "年度计划中没有该议题。")
            }
            var t = old
            t.title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
            t.leadCommitteeID = input.leadCommitteeID
            t.month = input.month
            if let d = input.date {
                t = try scheduler.override(t, year: year, date: d, confirmNonWorkingDay: input.confirmNonWorkingDay ?? false)
            } else if t.month != old.month {
                t.date = try scheduler.suggest(year: year, month: t.month, blocked: plan.blockedDates,
                                               taken: Set(plan.topics.compactMap(\.date))).date
                t.dateOverridden = false
                t.onNonWorkingDay = false
            }
            try plan.adjust(topicID: input.topicID, to: t, reason: input.reason, date: today, actor: actor, regulation: regulation)
        }
    }

    // MARK: call and suggestions

    func call(req: Request) async throws -> TopicCall {
        try req.require(.viewMasterData)
        guard let c = try await PlanningStore.call(year: Self.year(req), on: req.db) else { throw NotFound.of("议题征集") }
        return c
    }

    struct CallInput: Content { let deadline: Day }

    func openCall(req: Request) async throws -> Response {
        try req.require(.managePlanning)
        let input = try req.content.decode(CallInput.self)
        return try await PlanningStore.openCall(year: Self.year(req), deadline: input.deadline, on: req)
            .encodeResponse(status: .created, for: req)
    }

    func closeCall(req: Request) async throws -> HTTPStatus {
        try await PlanningStore.closeCall(year: Self.year(req), on: req)
        return .noContent
    }

    func suggestions(req: Request) async throws -> [PlanningStore.SuggestionDTO] {
        try await PlanningStore.suggestions(year: Self.year(req), for: req.principal, on: req.db)
    }

    func submit(req: Request) async throws -> Response {
        let p = try req.principal
        guard let c = p.committeeID, p.may(.suggestTopic(committeeID: c)) else { throw AccessError.forbidden }
        let draft = try req.content.decode(TopicSuggestionDraft.self)
        return try await PlanningStore.submit(year: Self.year(req), draft, on: req).encodeResponse(status: .created, for: req)
    }

    func suggestion(req: Request) async throws -> PlanningStore.SuggestionDTO {
        guard let id = req.parameters.get("id", as: Int.self) else { throw NotFound.of("议题建议") }
        return try await PlanningStore.suggestion(id: id, for: req.principal, on: req.db)
    }

    struct SuggestionUpdate: Content { let version: Int; let suggestion: TopicSuggestionDraft }

    func updateSuggestion(req: Request) async throws -> PlanningStore.SuggestionDTO {
        guard let id = req.parameters.get("id", as: Int.self) else { throw NotFound.of("议题建议") }
        let p = try req.principal
        // The object check before the body: 404 to whoever may not see it, 403 to whoever
        // sees it but did not write it.
        let existing = try await PlanningStore.suggestion(id: id, for: p, on: req.db)
        guard p.may(.suggestTopic(committeeID: existing.committeeID)) else { throw AccessError.forbidden }
        let input = try req.content.decode(SuggestionUpdate.self)
        return try await PlanningStore.update(id: id, version: input.version, input.suggestion, on: req)
    }
}
