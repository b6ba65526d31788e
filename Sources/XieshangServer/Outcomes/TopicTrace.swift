import Fluent
import Vapor
import XieshangCore

/// Traceability (closing the loop of 二 and 三(五)): from one topic of an annual plan, the
/// whole chain — the committees' suggestions, the planned topic, its symposium, the speeches
/// held, the outcomes, the departments' replies, the follow-up items and their results — each
/// a link. Every part shows only what the reader may see; a plan the reader may not see is 404.
struct TopicTrace: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plans", ":year", "topics", ":topic", "trace", use: page)
        routes.get("api", "v1", "plans", ":year", "topics", ":topic", "trace", use: api)
    }

    struct Suggestion: Content { let id: Int; let title: String; let committee: String; let author: String; let href: String }
    struct SymposiumRef: Content {
        let id: Int; let date: String; let dateText: String; let heldOn: String?; let href: String; let recordHref: String
    }
    struct Speech: Content {
        let id: Int; let name: String; let unit: String; let segment: AgendaSegmentKind; let segmentName: String
        let subject: String; let seconds: Int
        /// `seconds` as one says a speech's length: 7分钟, 7分20秒, 45秒.
        let durationText: String
        let href: String
    }
    struct Reply: Content {
        let department: String; let round: Int; let documentName: String; let text: String; let result: HandlingResult
        let resultName: String; let satisfactionName: String?; let href: String
    }
    struct Item: Content {
        let id: Int; let title: String; let department: String; let due: String; let status: FollowUpItem.Status
        let statusName: String; let overdue: Bool; let implementedOn: String?
        /// `implementedOn` in Chinese, e.g. 2026年12月18日.
        let implementedOnText: String?
        let lastNote: String?; let href: String
    }
    struct OutcomeRef: Content {
        let id: Int; let form: OutcomeForm; let formName: String; let title: String; let documentNumber: String?
        let stateName: String; let sentOn: String?
        /// `sentOn` in Chinese, e.g. 2026年12月18日.
        let sentOnText: String?
        let sentOnTime: Bool?; let speechIDs: [Int]; let href: String
        let documentHref: String; let replies: [Reply]; let items: [Item]
    }
    /// The results: what the chain achieved so far.
    struct Results: Content {
        let outcomes: Int; let sent: Int; let replies: Int; let satisfied: Int; let items: Int; let implemented: Int
        let overdue: Int
    }

    struct TraceDTO: Content {
        let year: Int
        let topicID: Int
        let title: String
        let rationale: String
        let leadCommittee: String?
        let planHref: String
        let suggestions: [Suggestion]
        let symposium: SymposiumRef?
        let speeches: [Speech]
        let outcomes: [OutcomeRef]
        let results: Results
    }

    static func trace(_ req: Request) async throws -> TraceDTO {
        guard let year = req.parameters.get("year", as: Int.self) else { throw NotFound.of("年度协商计划") }
        let topicID = try SymposiumAPI.int(req, "topic", "议题")
        let p = try req.principal
        let (plan, _) = try await PlanningStore.visiblePlan(year: year, for: p, on: req.db)
        guard let topic = plan.topics.first(where: { $0.id == topicID }) else { throw NotFound.of("议题") }
        let committees = try await PlanningStore.committeeNames(on: req.db)
        let today = Day(req.xieshang.clock.now())

        var suggestions: [Suggestion] = []
        if !topic.sourceSuggestionIDs.isEmpty {
            for m in try await TopicSuggestionModel.query(on: req.db).filter(\.$id ~~ topic.sourceSuggestionIDs).sort(\.$id).all()
            where p.may(.viewAllSuggestions) || p.may(.suggestTopic(committeeID: m.committeeID)) {
                suggestions.append(Suggestion(id: m.id!, title: m.title, committee: committees[m.committeeID] ?? "", author: m.author,
                                              href: "/plans/\(year)/suggestions#suggestion-\(m.id!)"))
            }
        }

        var symposium: SymposiumRef?
        var speeches: [Speech] = []
        var outcomes: [OutcomeRef] = []
        var results = Results(outcomes: 0, sent: 0, replies: 0, satisfied: 0, items: 0, implemented: 0, overdue: 0)
        if let m = try await SymposiumModel.query(on: req.db).filter(\.$year == year).filter(\.$topicID == topicID).first(),
           let l = try? await SymposiumStore.visible(m.id!, for: p, on: req.db) {
            let s = l.symposium
            symposium = SymposiumRef(id: l.id, date: s.date.iso, dateText: SymposiumDTO.dateText(s.date), heldOn: s.heldOn?.iso,
                                     href: "/symposia/\(l.id)", recordHref: "/symposia/\(l.id)/record")
            speeches = (try await LiveStore.load(l.id, on: req.db)?.0.heldSpeeches ?? []).map { r in
                let seconds = Int(r.durationSeconds.rounded())
                return Speech(id: r.id, name: r.name, unit: r.unit, segment: r.segment, segmentName: r.segment.speechName,
                              subject: r.subject, seconds: seconds, durationText: SpeakingLength.text(Double(seconds)),
                              href: "/symposia/\(l.id)/record")
            }
            let names = try await OutcomeDTO.Names.load(on: req.db)
            let visible = try await OutcomeStore.all(symposiumID: l.id, for: p, on: req.db)
            for ol in visible {
                let o = ol.outcome
                let href = OutcomePages.path(ol.id)
                let replies = o.handlings.flatMap { h in
                    h.replies.map { r in
                        Reply(department: names.departments[h.departmentID] ?? "部门", round: r.round, documentName: r.documentName,
                              text: r.text, result: r.result, resultName: r.result.chineseName,
                              satisfactionName: h.ratings.first { $0.round == r.round }?.satisfaction.chineseName,
                              href: href + "#handling-\(h.id)")
                    }
                }
                let items = ol.items.map { i in
                    Item(id: i.id, title: i.title, department: names.departments[i.ownerDepartmentID] ?? "部门", due: i.due.iso,
                         status: i.status, statusName: i.status.chineseName, overdue: i.isOverdue(today: today),
                         implementedOn: i.implementedOn?.iso, implementedOnText: i.implementedOn?.chinese,
                         lastNote: i.notes.last?.text, href: href + "#items")
                }
                outcomes.append(OutcomeRef(id: ol.id, form: o.form, formName: o.form.chineseName, title: o.title,
                                           documentNumber: o.documentNumber?.text, stateName: o.state.chineseName,
                                           sentOn: o.sentOn?.iso, sentOnText: o.sentOn?.chinese, sentOnTime: o.sentOnTime,
                                           speechIDs: o.links.speechIDs,
                                           href: href, documentHref: href + "/document.docx", replies: replies, items: items))
            }
            let allItems = visible.flatMap(\.items)
            let ratings = visible.flatMap(\.outcome.handlings).compactMap(\.rating)
            results = Results(outcomes: visible.count, sent: visible.filter { $0.outcome.state == .sent }.count,
                              replies: visible.flatMap(\.outcome.handlings).flatMap(\.replies).count,
                              satisfied: ratings.filter { $0.satisfaction != .unsatisfied }.count, items: allItems.count,
                              implemented: allItems.filter { $0.status == .implemented }.count,
                              overdue: allItems.filter { $0.isOverdue(today: today) }.count)
        }
        return TraceDTO(year: year, topicID: topicID, title: topic.title, rationale: topic.rationale,
                        leadCommittee: topic.leadCommitteeID.flatMap { committees[$0] }, planHref: "/plans/\(year)",
                        suggestions: suggestions, symposium: symposium, speeches: speeches, outcomes: outcomes, results: results)
    }

    func api(req: Request) async throws -> TraceDTO { try await Self.trace(req) }

    func page(req: Request) async throws -> Response {
        let t = try await Self.trace(req)
        return try await req.renderPage("topic-trace", title: "\(t.title) · 全程追溯", body: t)
    }
}
