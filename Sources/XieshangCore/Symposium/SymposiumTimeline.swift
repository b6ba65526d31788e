/// The preparation's steps and their due dates, derived from the Regulation and the working
/// calendar (二.4, 三(二), 三(五)) under DESIGN.md's date conventions. Never stored: moving the
/// symposium's date moves every step.
public struct TimelineStep: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case implementationPlan, mobilizationMeeting, research, coordinationMeeting, materials, symposium, outcomes

        public var chineseName: String {
            switch self {
            case .implementationPlan: "拟定实施方案报分管副主席审签"
            case .mobilizationMeeting: "召开部署动员会"
            case .research: "开展调研、视察、考察等前期准备"
            case .coordinationMeeting: "召开工作协调会"
            case .materials: "汇总印发文稿材料"
            case .symposium: "召开双月协商座谈会"
            case .outcomes: "报送协商成果"
            }
        }

        public var clause: String {
            switch self {
            case .implementationPlan: "二.4"
            case .mobilizationMeeting: "三(二).1"
            case .research: "一.8、三(二).2"
            case .coordinationMeeting: "三(二).3"
            case .materials: "三(四)"
            case .symposium: "三(二).4"
            case .outcomes: "三(五)"
            }
        }
    }

    public enum State: String, Sendable, Codable {
        case pending, done, overdue

        public var chineseName: String {
            switch self {
            case .pending: "待办"
            case .done: "已完成"
            case .overdue: "已逾期"
            }
        }
    }

    public var kind: Kind
    /// The research window opens at the mobilization meeting.
    public var startsOn: Day?
    public var due: Day
    public var owner: TaskOwner
    public var state: State
    /// How the rule put the date there, e.g. "会前2个月（遇节假日提前至最近的工作日）".
    public var rule: String
    /// The working calendar does not cover the year yet: the date is not adjusted for
    /// holidays and must be checked once the year's arrangement is loaded.
    public var provisional: Bool
}

public enum SymposiumTimeline {
    /// `materialsReady`: every material of the symposium can be issued (there is at least one).
    /// `outcomesSent`: its outcomes are sent (there is at least one, and none is still drafted).
    public static func steps(for s: Symposium, regulation: Regulation, calendar: WorkingCalendar,
                             today: Day, materialsReady: Bool = false, outcomesSent: Bool = false) -> [TimelineStep] {
        /// A date the calendar cannot place (its year is not covered) falls back to the plain
        /// rule and is flagged; only the steps that depend on it are provisional.
        func checked(_ f: () throws -> Day, fallback: Day) -> (day: Day, provisional: Bool) {
            do { return (try f(), false) } catch { return (fallback, true) }
        }
        let d = s.date
        let planDue = checked({ try calendar.monthsBefore(regulation.implementationPlanLeadMonths, d) },
                              fallback: d.adding(months: -regulation.implementationPlanLeadMonths))
        let mobilizationRule = checked({ try calendar.monthsBefore(regulation.mobilizationLeadMonths, d) },
                                       fallback: d.adding(months: -regulation.mobilizationLeadMonths))
        let mobilization = s.meeting(.mobilization).date.map { (day: $0, provisional: false) } ?? mobilizationRule
        let coordinationRule = checked({ try calendar.workingDayOnOrBefore(d.adding(days: -regulation.coordinationLeadDays)) },
                                       fallback: d.adding(days: -regulation.coordinationLeadDays))
        let coordination = s.meeting(.coordination).date.map { (day: $0, provisional: false) } ?? coordinationRule
        let materials = regulation.materialDues.days(before: d, calendar: calendar)
        // Once held, the outcomes' deadline counts from the day it was held, as each outcome's does.
        let outcomes = Deadline(regulation.outcomeDeadlineWorkingDays, after: s.heldOn ?? d, calendar: calendar)

        let planDone = s.implementationPlan.state != .draft && s.implementationPlan.state != .returned
        let researchDone = s.research.contains { !$0.findings.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let leadMonths = regulation.implementationPlanLeadMonths
        let raw: [(TimelineStep.Kind, Day?, Day, TaskOwner, Bool, String, Bool)] = [
            (.implementationPlan, nil, planDue.day, .committee(s.leadCommitteeID), planDone,
             "会前\(leadMonths)个月（遇非工作日提前至最近的工作日）", planDue.provisional),
            (.mobilizationMeeting, nil, mobilization.day, s.viceChairInChargeID.map(TaskOwner.person) ?? .committee(s.leadCommitteeID),
             s.meeting(.mobilization).held,
             s.meeting(.mobilization).date == nil ? "会前\(regulation.mobilizationLeadMonths)个月，分管副主席召集" : "已定于此日召开",
             mobilization.provisional),
            (.research, mobilization.day, coordination.day, .committee(s.leadCommitteeID), researchDone,
             "部署动员会之后、工作协调会之前", mobilization.provisional || coordination.provisional),
            (.coordinationMeeting, nil, coordination.day, .role(.secretaryGeneral), s.meeting(.coordination).held,
             s.meeting(.coordination).date == nil ? "会前\(regulation.coordinationLeadDays)天（遇非工作日提前），秘书长主持" : "已定于此日召开",
             coordination.provisional),
            (.materials, nil, materials.compile, .role(.office), materialsReady || s.heldOn != nil,
             "会前\(regulation.materialDues.compileLeadWorkingDays)个工作日送达办公室；发言稿再提前\(regulation.materialDues.reviewWorkingDays)个工作日报牵头委室把关",
             materials.provisional),
            (.symposium, nil, d, .role(.office), s.heldOn != nil, "年度协商计划安排", false),
            (.outcomes, s.heldOn ?? d, outcomes.day, .role(.office), outcomesSent,
             "会后\(regulation.outcomeDeadlineWorkingDays)个工作日内（会议当天不计）", outcomes.provisional),
        ]
        return raw.map { kind, start, due, owner, done, rule, provisional in
            TimelineStep(kind: kind, startsOn: start, due: due, owner: owner,
                         state: done ? .done : (today > due ? .overdue : .pending), rule: rule,
                         provisional: provisional)
        }
    }
}
