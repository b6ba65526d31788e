/// The year's plan and its way from draft to joint issuance (二.1), then adjustments (二.2).
///
/// Each step records who decided and when; a step out of order is refused with the step
/// that must come first, and refusing changes nothing.
public struct AnnualPlan: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable, CaseIterable, Comparable {
        case draft, adopted, reported, consented, issued

        public var chineseName: String {
            switch self {
            case .draft: "草案"
            case .adopted: "主席会议通过"
            case .reported: "党组已报县委"
            case .consented: "县委同意"
            case .issued: "联合发文实施"
            }
        }

        var nextStepHint: String {
            switch self {
            case .draft: "经政协主席会议协商通过"
            case .adopted: "以县政协党组名义报县委"
            case .reported: "经县委同意"
            case .consented: "由县委办、县政府办、县政协办联合发文"
            case .issued: "（已发文，后续变动请使用调整）"
            }
        }

        public static func < (a: State, b: State) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public enum Action: String, Sendable, Codable, CaseIterable {
        case adopt, report, consent, issue

        public var chineseName: String {
            switch self {
            case .adopt: "主席会议通过"
            case .report: "党组报县委"
            case .consent: "县委同意"
            case .issue: "联合发文"
            }
        }

        var from: State {
            switch self {
            case .adopt: .draft
            case .report: .adopted
            case .consent: .reported
            case .issue: .consented
            }
        }

        var to: State {
            switch self {
            case .adopt: .adopted
            case .report: .reported
            case .consent: .consented
            case .issue: .issued
            }
        }
    }

    /// One step taken: when, by whom, and its record (meeting number, document number…).
    public struct Step: Sendable, Equatable, Codable {
        public var action: Action
        public var date: Day
        public var actor: String
        /// 主席会议 number for adoption, the party group's report number, the consent's
        /// reference, or the joint document number for issuance.
        public var reference: String
        public init(action: Action, date: Day, actor: String, reference: String) {
            self.action = action
            self.date = date
            self.actor = actor
            self.reference = reference
        }
    }

    /// A change after issuance, with its reason (二.2 "可以适时调整").
    public struct Adjustment: Sendable, Equatable, Codable {
        public var date: Day
        public var actor: String
        public var topicID: Int
        public var reason: String
        public var before: PlannedTopic
        public var after: PlannedTopic
    }

    public var year: Int
    public var state: State
    public var topics: [PlannedTopic]
    public var blockedDates: [BlockedDate]
    public var steps: [Step]
    public var adjustments: [Adjustment]

    public init(year: Int, topics: [PlannedTopic] = [], blockedDates: [BlockedDate] = []) {
        self.year = year
        self.state = .draft
        self.topics = topics
        self.blockedDates = blockedDates
        self.steps = []
        self.adjustments = []
    }

    public var documentNumber: String? { steps.first { $0.action == .issue }?.reference }
    public var nextTopicID: Int { (topics.map(\.id).max() ?? 0) + 1 }

    /// Things the office should look at but may decide otherwise ("一般每年安排6个议题").
    public func warnings(_ regulation: Regulation) -> [String] {
        var w: [String] = []
        if topics.count != regulation.symposiaPerYear {
            w.append("目前共\(topics.count)个议题；工作办法规定一般每年安排\(regulation.symposiaPerYear)个。")
        }
        if !regulation.monthsMergedWithPlenary.isEmpty, !topics.contains(where: { $0.isMergedWithPlenary(regulation) }) {
            let months = regulation.monthsMergedWithPlenary.map { "\($0)" }.joined(separator: "、")
            w.append("没有安排与全体会议合并进行的\(months)月份议题。")
        }
        let held = topics.filter { !$0.isMergedWithPlenary(regulation) }
        for t in held where t.date == nil { w.append("议题“\(t.title)”尚未安排日期。") }
        for t in held where t.onNonWorkingDay { w.append("议题“\(t.title)”安排在非工作日\(t.date?.chinese ?? "")。") }
        let months = held.map(\.month).sorted()
        for (a, b) in zip(months, months.dropFirst()) where b - a < regulation.cadenceMonths - 1 {
            w.append("\(a)月与\(b)月的议题间隔不足\(regulation.cadenceMonths)个月左右。")
        }
        return w
    }

    /// Replaces the topics while the plan is a draft.
    public mutating func setTopics(_ newTopics: [PlannedTopic], regulation: Regulation) throws {
        guard state == .draft else { throw PlanningError.notEditable(state) }
        let problems = newTopics.flatMap { $0.problems(year: year, regulation: regulation) }
        guard problems.isEmpty else { throw PlanningError.invalidTopic(problems) }
        topics = newTopics.sorted { ($0.month, $0.date ?? Day(year: year, month: $0.month, day: 1)!) < ($1.month, $1.date ?? Day(year: year, month: $1.month, day: 1)!) }
    }

    /// Takes one step of the adoption and issuance workflow.
    public mutating func take(_ action: Action, date: Day, actor: String, reference: String, regulation: Regulation) throws {
        guard state == action.from else { throw PlanningError.outOfOrder(from: state, action: action) }
        var problems: [String] = []
        let ref = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        switch action {
        case .adopt:
            if ref.isEmpty { problems.append("请填写主席会议的届次或期数。") }
            if topics.isEmpty { problems.append("年度计划尚无议题。") }
            problems += topics.flatMap { $0.problems(year: year, regulation: regulation) }
        case .report, .consent:
            break
        case .issue:
            if DocumentNumber(parsing: ref) == nil {
                problems.append("联合发文字号格式应如“安政协办联发〔\(date.year)〕1号”。")
            }
        }
        if let last = steps.last, date < last.date {
            problems.append("日期\(date.chinese)早于上一步骤的日期\(last.date.chinese)。")
        }
        guard problems.isEmpty else { throw PlanningError.invalidStep(problems) }
        steps.append(Step(action: action, date: date, actor: actor, reference: ref))
        state = action.to
    }

    /// Changes a topic after issuance; the reason is required and the change kept.
    public mutating func adjust(topicID: Int, to newTopic: PlannedTopic, reason: String, date: Day, actor: String,
                                regulation: Regulation) throws {
        guard state == .issued else { throw PlanningError.adjustmentOnlyAfterIssuance }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw PlanningError.adjustmentNeedsReason }
        guard let index = topics.firstIndex(where: { $0.id == topicID }) else {
            throw Refusal(.notFound, code: "not_found", message: "年度计划中没有该议题。")
        }
        var t = newTopic
        t.id = topicID
        let problems = t.problems(year: year, regulation: regulation)
        guard problems.isEmpty else { throw PlanningError.invalidTopic(problems) }
        adjustments.append(Adjustment(date: date, actor: actor, topicID: topicID, reason: why, before: topics[index], after: t))
        topics[index] = t
    }
}

/// 发文字号: organ prefix, year in 〔〕, serial without leading zeros (GB/T 9704-2012).
public struct DocumentNumber: Sendable, Equatable, Codable, CustomStringConvertible {
    public var prefix: String
    public var year: Int
    public var serial: Int

    public init(prefix: String, year: Int, serial: Int) {
        self.prefix = prefix
        self.year = year
        self.serial = serial
    }

    public var text: String { "\(prefix)〔\(year)〕\(serial)号" }
    public var description: String { text }

    public init?(parsing s: String) {
        guard let open = s.firstIndex(of: "〔"), let close = s.firstIndex(of: "〕"), open < close,
              s.hasSuffix("号") else { return nil }
        let prefix = String(s[..<open])
        let yearText = s[s.index(after: open)..<close]
        let serialText = s[s.index(after: close)..<s.index(before: s.endIndex)]
        guard !prefix.isEmpty, !prefix.contains(where: { "〔〕[]()（）".contains($0) }),
              yearText.count == 4, yearText.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(yearText),
              let n = Int(serialText), n > 0, !serialText.hasPrefix("0"),
              serialText.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.init(prefix: prefix, year: y, serial: n)
    }
}

import Foundation
