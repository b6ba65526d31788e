import Vapor
import XieshangCore

/// The plan as pages and the API show it: the domain value plus names and warnings.
struct PlanDTO: Content, Sendable {
    struct Topic: Content, Sendable {
        let id: Int
        let title: String
        let rationale: String
        let leadCommitteeID: Int?
        let leadCommitteeName: String?
        let month: Int
        let date: Day?
        let mergedWithPlenary: Bool
        let dateOverridden: Bool
        let onNonWorkingDay: Bool
        let sourceSuggestionIDs: [Int]
    }
    struct Step: Content, Sendable { let action: AnnualPlan.Action; let actionName: String; let date: Day; let actor: String; let reference: String }
    struct Adjustment: Content, Sendable {
        let date: Day; let actor: String; let topicID: Int; let reason: String; let before: Topic; let after: Topic
    }

    let year: Int
    let state: AnnualPlan.State
    let stateName: String
    let version: Int
    let documentNumber: String?
    let topics: [Topic]
    let blockedDates: [BlockedDate]
    let steps: [Step]
    let adjustments: [Adjustment]
    let warnings: [String]
    /// The next step the workflow allows, if any.
    let nextAction: AnnualPlan.Action?

    init(_ plan: AnnualPlan, version: Int, committees: [Int: String], regulation: Regulation) {
        func topic(_ t: PlannedTopic) -> Topic {
            Topic(id: t.id, title: t.title, rationale: t.rationale, leadCommitteeID: t.leadCommitteeID,
                  leadCommitteeName: t.leadCommitteeID.flatMap { committees[$0] }, month: t.month, date: t.date,
                  mergedWithPlenary: t.isMergedWithPlenary(regulation), dateOverridden: t.dateOverridden,
                  onNonWorkingDay: t.onNonWorkingDay, sourceSuggestionIDs: t.sourceSuggestionIDs)
        }
        year = plan.year
        state = plan.state
        stateName = plan.state.chineseName
        self.version = version
        documentNumber = plan.documentNumber
        topics = plan.topics.map(topic)
        blockedDates = plan.blockedDates.sorted { $0.day < $1.day }
        steps = plan.steps.map { Step(action: $0.action, actionName: $0.action.chineseName, date: $0.date, actor: $0.actor, reference: $0.reference) }
        adjustments = plan.adjustments.map {
            Adjustment(date: $0.date, actor: $0.actor, topicID: $0.topicID, reason: $0.reason, before: topic($0.before), after: topic($0.after))
        }
        warnings = plan.warnings(regulation)
        nextAction = AnnualPlan.Action.allCases.first { $0.rawValue == plan.state.nextActionRaw }
    }
}

extension AnnualPlan.State {
    var nextActionRaw: String? {
        switch self {
        case .draft: AnnualPlan.Action.adopt.rawValue
        case .adopted: AnnualPlan.Action.report.rawValue
        case .reported: AnnualPlan.Action.consent.rawValue
        case .consented: AnnualPlan.Action.issue.rawValue
        case .issued: nil
        }
    }
}

extension BlockedDate: Content {}
extension TopicGround: Content {}
extension TopicCall: Content {}
extension TopicSuggestionDraft: Content {}
extension AnnualPlan.Action: Content {}
extension AnnualPlan.State: Content {}
