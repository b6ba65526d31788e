import Fluent
import Vapor
import XieshangCore

/// The planning pages: the year view, the call for topics and suggestions, the plan with
/// consolidation, scheduling, the adoption-to-issuance steps and adjustments.
struct PlanningPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plans", use: index)
        routes.post("plans", use: create)
        routes.get("plans", ":year", use: show)
        routes.get("plans", ":year", "print", use: printable)
        routes.post("plans", ":year", "topics", use: saveTopics)
        routes.post("plans", ":year", "topics", "from-suggestions", use: fromSuggestions)
        routes.post("plans", ":year", "schedule", use: schedule)
        routes.post("plans", ":year", "topics", ":topic", "date", use: setDate)
        routes.post("plans", ":year", "blocked-dates", use: addBlockedDate)
        routes.post("plans", ":year", "steps", use: takeStep)
        routes.post("plans", ":year", "adjustments", use: adjust)
        routes.get("plans", ":year", "suggestions", use: suggestions)
        routes.post("plans", ":year", "suggestions", use: submit)
        routes.post("plans", ":year", "call", use: openCall)
        routes.post("plans", ":year", "call", "close", use: closeCall)
        routes.get("suggestions", ":id", "edit", use: editSuggestion)
        routes.post("suggestions", ":id", use: updateSuggestion)
    }

    struct Option: Encodable { let value: String; let label: String; let selected: Bool }

    static func monthOptions(_ selected: Int?) -> [Option] {
        (1...12).map { Option(value: String($0), label: "\($0)月", selected: $0 == selected) }
    }

    static func committeeOptions(_ committees: [CommitteeDTO], _ selected: Int?) -> [Option] {
        committees.map { Option(value: String($0.id), label: $0.name, selected: $0.id == selected) }
    }

    /// Runs a page action; a domain refusal is shown on the plan page instead of an error page.
    private func attempt(_ req: Request, year: Int, success: String, to path: String? = nil,
                         _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, year: year, error: e)
        } catch is DecodingError {
            return try await render(req, year: year, error: Refusal(.invalid, code: "invalid_form", message: "表单内容有误，请检查后重新提交。"))
        }
        req.flash(success)
        return req.redirect(to: path ?? "/plans/\(year)")
    }

    // MARK: index

    struct IndexBody: Encodable {
        struct Row: Encodable { let year: Int; let stateName: String; let topics: Int; let documentNumber: String? }
        struct Lead: Encodable { let year: Int; let title: String; let month: Int; let date: String? }
        let plans: [Row]
        let canManage: Bool
        let nextYear: Int
        let callMonth: Int
        let ourCommittee: String?
        let ourTopics: [Lead]
        let timeline: PlanTimeline?
        let feedURL: String?
        let personalFeedURL: String?
    }

    func index(req: Request) async throws -> Response {
        let p = try req.principal
        let plans = try await PlanningAPI().list(req: req)
        let today = Day(req.xieshang.clock.now())
        var ours: [IndexBody.Lead] = []
        var committeeName: String?
        var timeline: PlanTimeline?
        let names = try await PlanningStore.committeeNames(on: req.db)
        for s in plans {
            guard let (plan, _) = try await PlanningStore.plan(year: s.year, on: req.db) else { continue }
            if timeline == nil || plan.year == today.year {
                timeline = PlanTimeline(plan, committees: names, regulation: req.xieshang.regulation)
            }
            if let c = p.committeeID, p.has(.committee) {
                committeeName = names[c]
                ours += plan.topics.filter { $0.leadCommitteeID == c }.map {
                    IndexBody.Lead(year: plan.year, title: $0.title, month: $0.month, date: $0.date?.chinese)
                }
            }
        }
        let feed = try await CalendarFeeds.url(for: p, personal: false, on: req).map { CalendarFeeds.absolute($0, req) }
        let personalFeed = try await CalendarFeeds.url(for: p, personal: true, on: req).map { CalendarFeeds.absolute($0, req) }
        let body = IndexBody(plans: plans.map { .init(year: $0.year, stateName: $0.stateName, topics: $0.topics, documentNumber: $0.documentNumber) },
                             canManage: p.may(.managePlanning), nextYear: today.year + 1,
                             callMonth: req.xieshang.regulation.topicCallMonth, ourCommittee: committeeName,
                             ourTopics: ours, timeline: timeline, feedURL: feed, personalFeedURL: personalFeed)
        return try await req.renderPage("plans", title: "年度协商计划", body: body)
    }

    struct YearForm: Content { var year: String? }

    func create(req: Request) async throws -> Response {
        try req.require(.managePlanning)
        let f = try req.content.decode(YearForm.self)
        guard let year = f.year.flatMap({ Int($0) }) else {
            throw Refusal(.invalid, code: "invalid_year", message: "请填写年份。")
        }
        _ = try await PlanningStore.create(year: year, on: req)
        req.flash("已创建\(year)年度协商计划草案。")
        return req.redirect(to: "/plans/\(year)")
    }

    // MARK: the plan page

    struct PlanBody: Encodable {
        struct TopicRow: Encodable {
            let number: Int
            let topic: PlanDTO.Topic
            let months: [Option]
            let committees: [Option]
            let dateText: String
        }
        struct SuggestionRow: Encodable { let s: PlanningStore.SuggestionDTO; let used: Bool }
        let plan: PlanDTO
        let rows: [TopicRow]
        let newRowMonths: [Option]
        let newRowCommittees: [Option]
        let suggestions: [SuggestionRow]
        let canManage: Bool
        let isDraft: Bool
        let isIssued: Bool
        let nextActionName: String?
        let nextAction: String?
        let referenceLabel: String
        let today: String
        let error: String?
        let errorDetails: [String]
        let timeline: PlanTimeline
        let versions: [VersionRow]
        let mergedMonths: String
        /// Why "按规则建议日期" cannot place dates yet: the year's holidays are not loaded.
        let calendarMissing: String?
    }
    struct VersionRow: Encodable { let version: Int; let at: String; let actor: String; let note: String; let stateName: String }

    func show(req: Request) async throws -> Response {
        try await render(req, year: PlanningAPI.year(req), error: nil)
    }

    func render(_ req: Request, year: Int, error: (any DomainError)?) async throws -> Response {
        let p = try req.principal
        let (plan, version) = try await PlanningStore.visiblePlan(year: year, for: p, on: req.db)
        let dto = try await PlanningAPI.dto(plan, version: version, on: req)
        let lookups = try await MasterDataLookups.load(on: req.db)
        let suggestions = p.may(.managePlanning) ? try await PlanningStore.suggestions(year: year, for: p, on: req.db) : []
        let used = Set(plan.topics.flatMap(\.sourceSuggestionIDs))
        let fmt = ChinaTime.formatter("yyyy-MM-dd HH:mm")
        let versions = try await PlanningStore.versions(year: year, on: req.db).map {
            VersionRow(version: $0.version, at: fmt.string(from: $0.at), actor: $0.actor, note: $0.note,
                       stateName: AnnualPlan.State(rawValue: $0.state)?.chineseName ?? $0.state)
        }
        let next = dto.nextAction
        let body = PlanBody(
            plan: dto,
            rows: dto.topics.enumerated().map { i, t in
                PlanBody.TopicRow(number: i + 1, topic: t, months: Self.monthOptions(t.month),
                                  committees: Self.committeeOptions(lookups.committees, t.leadCommitteeID),
                                  dateText: t.mergedWithPlenary ? "与全体会议合并" : (t.date.map { "\($0.chinese)（\($0.chineseWeekday)）" } ?? "未安排"))
            },
            newRowMonths: Self.monthOptions(nil), newRowCommittees: Self.committeeOptions(lookups.committees, nil),
            suggestions: suggestions.map { PlanBody.SuggestionRow(s: $0, used: used.contains($0.id)) },
            canManage: p.may(.managePlanning), isDraft: plan.state == .draft, isIssued: plan.state == .issued,
            nextActionName: next?.chineseName, nextAction: next?.rawValue,
            referenceLabel: next.map(Self.referenceLabel) ?? "",
            today: Day(req.xieshang.clock.now()).iso, error: error?.message, errorDetails: error?.details ?? [],
            timeline: PlanTimeline(plan, committees: try await PlanningStore.committeeNames(on: req.db), regulation: req.xieshang.regulation),
            versions: versions,
            mergedMonths: req.xieshang.regulation.monthsMergedWithPlenary.map { "\($0)月" }.joined(separator: "、"),
            calendarMissing: req.xieshang.calendar.calendar.arrangement(for: year) == nil
                ? PlanningError.calendarNotLoaded(year).message : nil)
        let res = try await req.renderPage("plan", title: "\(year)年度协商计划", body: body)
        if let error { res.status = error.kind.status }
        return res
    }

    static func referenceLabel(_ action: AnnualPlan.Action) -> String {
        switch action {
        case .adopt: "主席会议（届次、期数）"
        case .report: "党组报告文号"
        case .consent: "县委同意的方式或文号"
        case .issue: "联合发文字号"
        }
    }

    struct TopicsForm: Content {
        struct Row: Content { var id: String?; var title: String?; var leadCommitteeID: String?; var month: String?; var remove: String? }
        var version: Int
        var topics: [Row]?
    }

    func saveTopics(req: Request) async throws -> Response {
        try req.require(.managePlanning)
        let year = try PlanningAPI.year(req)
        return try await attempt(req, year: year, success: "已保存议题。") {
            let f = try req.content.decode(TopicsForm.self)
            let inputs: [PlanningAPI.TopicInput] = (f.topics ?? []).compactMap { r in
                let title = (r.title ?? "").trimmingCharacters(in: .whitespaces)
                guard r.remove == nil, !(title.isEmpty && r.id.flatMap { Int($0) } == nil) else { return nil }
                return PlanningAPI.TopicInput(id: r.id.flatMap { Int($0) }, title: title, rationale: nil,
                                              leadCommitteeID: r.leadCommitteeID.flatMap { Int($0) },
                                              month: r.month.flatMap { Int($0) } ?? 0, sourceSuggestionIDs: nil)
            }
            try await PlanningAPI.checkCommittees(inputs.compactMap(\.leadCommitteeID), on: req)
            let regulation = req.xieshang.regulation
            try await PlanningStore.mutate(year: year, expectedVersion: f.version, action: "annual_plan.topics",
                                           note: "整理议题", on: req) { plan in
                try plan.setTopics(PlanningAPI.merge(inputs, into: plan), regulation: regulation)
            }
        }
    }

    struct FromSuggestionsForm: Content { var version: Int; var suggestionIDs: [Int]?; var title: String? }

    /// Merges the chosen suggestions (duplicates from several committees) into one topic.
    func fromSuggestions(req: Request) async throws -> Response {
        let p = try req.require(.managePlanning)
        let year = try PlanningAPI.year(req)
        return try await attempt(req, year: year, success: "已将所选建议整理为议题。") {
            let f = try req.content.decode(FromSuggestionsForm.self)
            let ids = f.suggestionIDs ?? []
            guard !ids.isEmpty else { throw PlanningError.invalidTopic(["请至少勾选一条议题建议。"]) }
            let all = try await PlanningStore.suggestions(year: year, for: p, on: req.db)
            // The first ticked suggestion gives the topic its defaults (title, month, lead).
            let chosen = ids.compactMap { id in all.first { $0.id == id } }
            guard let first = chosen.first else { throw PlanningError.invalidTopic(["所选议题建议不存在。"]) }
            let regulation = req.xieshang.regulation
            let title = f.title.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? first.title
            try await PlanningStore.mutate(year: year, expectedVersion: f.version, action: "annual_plan.topics",
                                           note: "采纳议题建议", on: req) { plan in
                let taken = Set(plan.topics.map(\.month))
                let free = SymposiumScheduler(calendar: .builtIn, regulation: regulation).months(count: 12).first { !taken.contains($0) }
                let month = first.suggestedMonth ?? free ?? 12
                var topics = plan.topics
                topics.append(PlannedTopic(id: plan.nextTopicID, title: title,
                                           rationale: chosen.map(\.rationale).joined(separator: "\n"),
                                           leadCommitteeID: first.proposedLeadCommitteeID ?? first.committeeID,
                                           month: month, sourceSuggestionIDs: chosen.map(\.id)))
                try plan.setTopics(topics, regulation: regulation)
            }
        }
    }

    struct VersionForm: Content { var version: Int }

    func schedule(req: Request) async throws -> Response {
        try req.require(.managePlanning)
        let year = try PlanningAPI.year(req)
        return try await attempt(req, year: year, success: "已按规则建议各次座谈会日期。") {
            let f = try req.content.decode(VersionForm.self)
            _ = try await PlanningAPI.applySchedule(year: year, version: f.version, on: req)
        }
    }

    struct DateForm: Content { var version: Int; var date: String?; var confirmNonWorkingDay: String? }

    func setDate(req: Request) async throws -> Response {
        try req.require(.managePlanning)
        let year = try PlanningAPI.year(req)
        return try await attempt(req, year: year, success: "已修改日期。") {
            let f = try req.content.decode(DateForm.self)
            guard let topic = req.parameters.get("topic", as: Int.self) else { throw NotFound.of("议题") }
            guard let d = f.date.flatMap(Day.init(iso:)) else { throw PlanningError.invalidStep(["请选择日期。"]) }
            _ = try await PlanningAPI.override(year: year, topicID: topic, version: f.version, date: d,
                                               confirm: f.confirmNonWorkingDay != nil, on: req)
        }
    }

    struct BlockForm: Content { var version: Int; var day: String?; var reason: String?; var remove: String? }

    func addBlockedDate(req: Request) async throws -> Response {
        try req.require(.managePlanning)
        let year = try PlanningAPI.year(req)
        return try await attempt(req, year: year, success: "已更新避开日期。") {
            let f = try req.content.decode(BlockForm.self)
            guard let (plan, _) = try await PlanningStore.plan(year: year, on: req.db) else { throw NotFound.of("年度计划") }
            var dates = plan.blockedDates
            if let r = f.remove.flatMap(Day.init(iso:)) {
                dates.removeAll { $0.day == r }
            } else {
                guard let d = f.day.flatMap(Day.init(iso:)) else { throw PlanningError.invalidStep(["请选择要避开的日期。"]) }
                dates.append(BlockedDate(day: d, reason: (f.reason ?? "").trimmingCharacters(in: .whitespaces)))
            }
            _ = try await PlanningAPI.block(year: year, version: f.version, dates: dates, on: req)
        }
    }

    struct StepForm: Content { var version: Int; var action: String?; var date: String?; var reference: String? }

    func takeStep(req: Request) async throws -> Response {
        try req.require(.managePlanning)
        let year = try PlanningAPI.year(req)
        return try await attempt(req, year: year, success: "已记录。") {
            let f = try req.content.decode(StepForm.self)
            guard let action = f.action.flatMap(AnnualPlan.Action.init(rawValue:)) else { throw PlanningError.invalidStep(["未知的步骤。"]) }
            guard let d = f.date.flatMap(Day.init(iso:)) else { throw PlanningError.invalidStep(["请填写日期。"]) }
            _ = try await PlanningAPI.step(year: year, version: f.version, action: action, date: d, reference: f.reference ?? "", on: req)
        }
    }

    struct AdjustForm: Content {
        var version: Int; var topicID: Int; var title: String?; var leadCommitteeID: String?; var month: String?
        var date: String?; var confirmNonWorkingDay: String?; var reason: String?
    }

    func adjust(req: Request) async throws -> Response {
        try req.require(.managePlanning)
        let year = try PlanningAPI.year(req)
        return try await attempt(req, year: year, success: "已调整，调整理由已记录。") {
            let f = try req.content.decode(AdjustForm.self)
            let input = PlanningAPI.AdjustmentInput(
                version: f.version, topicID: f.topicID, title: f.title ?? "", leadCommitteeID: f.leadCommitteeID.flatMap { Int($0) },
                month: f.month.flatMap { Int($0) } ?? 0, date: f.date.flatMap(Day.init(iso:)),
                confirmNonWorkingDay: f.confirmNonWorkingDay != nil, reason: f.reason ?? "")
            _ = try await PlanningAPI.adjust(year: year, input: input, on: req)
        }
    }

    // MARK: printable plan

    func printable(req: Request) async throws -> Response {
        let year = try PlanningAPI.year(req)
        let (plan, version) = try await PlanningStore.visiblePlan(year: year, for: req.principal, on: req.db)
        let dto = try await PlanningAPI.dto(plan, version: version, on: req)
        let org = try await OrganizationModel.query(on: req.db).first()
        struct Body: Encodable { let plan: PlanDTO; let organization: String; let rows: [PrintRow] }
        struct PrintRow: Encodable { let index: Int; let title: String; let time: String; let lead: String }
        let rows = dto.topics.enumerated().map { i, t in
            PrintRow(index: i + 1, title: t.title,
                     time: t.mergedWithPlenary ? "\(t.month)月（与全体会议合并进行）" : (t.date?.chinese ?? "\(t.month)月"),
                     lead: t.leadCommitteeName ?? "")
        }
        return try await req.renderPage("plan-print", title: "\(year)年度双月协商座谈会计划",
                                        body: Body(plan: dto, organization: org?.name ?? "", rows: rows))
    }

    // MARK: call and suggestions

    struct SuggestionsBody: Encodable {
        let year: Int
        let call: TopicCall?
        let callOpen: Bool
        let callOpensInPrescribedMonth: Bool
        let callMonth: Int
        let suggestions: [PlanningStore.SuggestionDTO]
        let canManage: Bool
        let canSubmit: Bool
        let committeeName: String?
        let grounds: [Option]
        let months: [Option]
        let committees: [Option]
        let defaultDeadline: String
        let error: String?
        let errorDetails: [String]
        let form: SuggestionForm
    }

    func suggestions(req: Request) async throws -> Response {
        try await renderSuggestions(req, year: PlanningAPI.year(req), error: nil, form: SuggestionForm())
    }

    func renderSuggestions(_ req: Request, year: Int, error: (any DomainError)?, form: SuggestionForm) async throws -> Response {
        let p = try req.principal
        guard p.may(.viewAllSuggestions) || p.committeeID.map({ p.may(.suggestTopic(committeeID: $0)) }) == true else {
            throw AccessError.forbidden
        }
        let call = try await PlanningStore.call(year: year, on: req.db)
        let today = Day(req.xieshang.clock.now())
        let lookups = try await MasterDataLookups.load(on: req.db)
        let names = try await PlanningStore.committeeNames(on: req.db)
        let deadline = (try? req.xieshang.calendar.calendar.workingDayOnOrBefore(Day(year: year - 1, month: 11, day: 30)!))
            ?? Day(year: year - 1, month: 11, day: 30)!
        let body = SuggestionsBody(
            year: year, call: call, callOpen: call?.isOpen(on: today) ?? false,
            callOpensInPrescribedMonth: call?.opensInPrescribedMonth(req.xieshang.regulation) ?? true,
            callMonth: req.xieshang.regulation.topicCallMonth,
            suggestions: try await PlanningStore.suggestions(year: year, for: p, on: req.db),
            canManage: p.may(.managePlanning),
            canSubmit: p.committeeID.map { p.may(.suggestTopic(committeeID: $0)) } ?? false,
            committeeName: p.committeeID.flatMap { names[$0] },
            grounds: TopicGround.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: form.grounds?.contains($0.rawValue) ?? false) },
            months: Self.monthOptions(form.suggestedMonth.flatMap { Int($0) }),
            committees: Self.committeeOptions(lookups.committees, form.proposedLeadCommitteeID.flatMap { Int($0) }),
            defaultDeadline: max(deadline, today).iso, error: error?.message, errorDetails: error?.details ?? [], form: form)
        let res = try await req.renderPage("suggestions", title: "\(year)年度议题征集", body: body)
        if let error { res.status = error.kind.status }
        return res
    }

    struct CallForm: Content { var deadline: String? }

    func openCall(req: Request) async throws -> Response {
        try req.require(.managePlanning)
        let year = try PlanningAPI.year(req)
        let f = try req.content.decode(CallForm.self)
        do {
            guard let d = f.deadline.flatMap(Day.init(iso:)) else { throw PlanningError.invalidStep(["请选择截止日期。"]) }
            _ = try await PlanningStore.openCall(year: year, deadline: d, on: req)
        } catch let e as any DomainError where e.kind != .forbidden {
            return try await renderSuggestions(req, year: year, error: e, form: SuggestionForm())
        }
        req.flash("已向各委室征集\(year)年度议题。")
        return req.redirect(to: "/plans/\(year)/suggestions")
    }

    func closeCall(req: Request) async throws -> Response {
        let year = try PlanningAPI.year(req)
        try await PlanningStore.closeCall(year: year, on: req)
        req.flash("议题征集已截止。")
        return req.redirect(to: "/plans/\(year)/suggestions")
    }

    struct SuggestionForm: Content {
        var title: String?; var rationale: String?; var grounds: [String]?; var suggestedMonth: String?
        var proposedLeadCommitteeID: String?; var version: Int?

        var draft: TopicSuggestionDraft {
            TopicSuggestionDraft(title: title ?? "", rationale: rationale ?? "",
                                 grounds: (grounds ?? []).compactMap(TopicGround.init(rawValue:)),
                                 suggestedMonth: suggestedMonth.flatMap { Int($0) },
                                 proposedLeadCommitteeID: proposedLeadCommitteeID.flatMap { Int($0) })
        }
    }

    func submit(req: Request) async throws -> Response {
        let year = try PlanningAPI.year(req)
        let f = try req.content.decode(SuggestionForm.self)
        do {
            _ = try await PlanningStore.submit(year: year, f.draft, on: req)
        } catch let e as any DomainError where e.kind != .forbidden {
            return try await renderSuggestions(req, year: year, error: e, form: f)
        }
        req.flash("已提交议题建议。")
        return req.redirect(to: "/plans/\(year)/suggestions")
    }

    struct EditBody: Encodable {
        let s: PlanningStore.SuggestionDTO; let grounds: [Option]; let months: [Option]; let committees: [Option]; let error: String?
    }

    func editSuggestion(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: Int.self) else { throw NotFound.of("议题建议") }
        let p = try req.principal
        let s = try await PlanningStore.suggestion(id: id, for: p, on: req.db)
        guard p.may(.suggestTopic(committeeID: s.committeeID)) else { throw AccessError.forbidden }
        return try await renderEdit(req, s, error: nil)
    }

    private func renderEdit(_ req: Request, _ s: PlanningStore.SuggestionDTO, error: String?) async throws -> Response {
        let lookups = try await MasterDataLookups.load(on: req.db)
        let res = try await req.renderPage("suggestion-edit", title: "修改议题建议", body: EditBody(
            s: s, grounds: TopicGround.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: s.grounds.contains($0)) },
            months: Self.monthOptions(s.suggestedMonth), committees: Self.committeeOptions(lookups.committees, s.proposedLeadCommitteeID),
            error: error))
        if error != nil { res.status = .badRequest }
        return res
    }

    func updateSuggestion(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: Int.self) else { throw NotFound.of("议题建议") }
        let p = try req.principal
        let existing = try await PlanningStore.suggestion(id: id, for: p, on: req.db)
        let f = try req.content.decode(SuggestionForm.self)
        do {
            _ = try await PlanningStore.update(id: id, version: f.version ?? existing.version, f.draft, on: req)
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await renderEdit(req, existing, error: e.message)
        }
        req.flash("已保存议题建议。")
        return req.redirect(to: "/plans/\(existing.planYear)/suggestions")
    }
}

/// The year at a glance: twelve months, each with the topics held in it.
struct PlanTimeline: Encodable {
    struct Month: Encodable { let month: Int; let merged: Bool; let items: [Item] }
    struct Item: Encodable { let title: String; let lead: String; let date: String; let flagged: Bool }
    let year: Int
    let stateName: String
    let months: [Month]

    init(_ plan: AnnualPlan, committees: [Int: String], regulation: Regulation) {
        year = plan.year
        stateName = plan.state.chineseName
        months = (1...12).map { m in
            Month(month: m, merged: regulation.monthsMergedWithPlenary.contains(m),
                  items: plan.topics.filter { $0.month == m }.map {
                      Item(title: $0.title, lead: $0.leadCommitteeID.flatMap { committees[$0] } ?? "",
                           date: $0.isMergedWithPlenary(regulation) ? "全体会议" : ($0.date.map { "\($0.month)月\($0.day)日" } ?? "待定"),
                           flagged: $0.onNonWorkingDay)
                  })
        }
    }
}
