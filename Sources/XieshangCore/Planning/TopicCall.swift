/// The November call for next year's topics (二.1): the office opens it with a deadline;
/// until then each committee submits and edits its own suggestions.
public struct TopicCall: Sendable, Equatable, Codable {
    /// The year the topics are for (the call itself runs in the previous November).
    public var planYear: Int
    public var opensOn: Day
    public var deadline: Day
    public var closedEarly: Bool

    public init(planYear: Int, opensOn: Day, deadline: Day, closedEarly: Bool = false) {
        self.planYear = planYear
        self.opensOn = opensOn
        self.deadline = deadline
        self.closedEarly = closedEarly
    }

    /// Suggestions may be submitted and edited on the deadline day itself.
    public func isOpen(on day: Day) -> Bool { !closedEarly && day >= opensOn && day <= deadline }

    public static func open(planYear: Int, today: Day, deadline: Day, regulation: Regulation) throws -> TopicCall {
        guard planYear == today.year + 1 || planYear == today.year else {
            throw PlanningError.callYear(planYear)
        }
        guard deadline >= today else { throw PlanningError.deadlinePassed(deadline) }
        guard deadline.year <= planYear else { throw PlanningError.deadlineTooLate(deadline, planYear) }
        return TopicCall(planYear: planYear, opensOn: today, deadline: deadline)
    }

    /// Whether the call opens in the month the working method names; the office is warned,
    /// not stopped, when it opens at another time.
    public func opensInPrescribedMonth(_ regulation: Regulation) -> Bool {
        opensOn.month == regulation.topicCallMonth && opensOn.year == planYear - 1
    }
}

/// Why a topic matters (二.2): the three grounds the working method names.
public enum TopicGround: String, Sendable, Codable, CaseIterable {
    case centralWork, majorReform, publicConcern

    public var chineseName: String {
        switch self {
        case .centralWork: "县委、县政府中心工作"
        case .majorReform: "推动科学发展、全面深化改革中的重大问题"
        case .publicConcern: "群众最为关切的问题"
        }
    }
}

/// A committee's topic suggestion during the call.
public struct TopicSuggestionDraft: Sendable, Equatable, Codable {
    public var title: String
    public var rationale: String
    public var grounds: [TopicGround]
    /// 1–12; nil when the committee has no preference.
    public var suggestedMonth: Int?
    public var proposedLeadCommitteeID: Int?

    public init(title: String, rationale: String, grounds: [TopicGround], suggestedMonth: Int?, proposedLeadCommitteeID: Int?) {
        self.title = title
        self.rationale = rationale
        self.grounds = grounds
        self.suggestedMonth = suggestedMonth
        self.proposedLeadCommitteeID = proposedLeadCommitteeID
    }

    public func validate() throws {
        var problems: [String] = []
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { problems.append("请填写议题名称。") }
        if t.count > 80 { problems.append("议题名称不能超过80个字。") }
        if rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("请说明选题理由。") }
        if rationale.count > 2000 { problems.append("选题理由不能超过2000字。") }
        if grounds.isEmpty { problems.append("请至少选择一项选题依据（中心工作、重大问题或群众关切）。") }
        if let m = suggestedMonth, !(1...12).contains(m) { problems.append("建议月份须在1到12之间。") }
        guard problems.isEmpty else {
            throw Refusal(.invalid, code: "suggestion_invalid", message: problems.joined(separator: ""), details: problems)
        }
    }
}

import Foundation
