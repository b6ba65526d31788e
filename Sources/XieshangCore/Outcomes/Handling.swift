import Foundation

/// One department's handling of an outcome (提案/建议办理, 三(五) "送交相关部门办理"):
/// assigned → accepted, or returned to the office with a reason → replied with a reply
/// document and a stated result → rated by the lead committee; an unsatisfied rating may send
/// it back to handling (accepted again, a new round).
///
/// Each step's due date comes from `Regulation.handling` on the working calendar, counted from
/// the day of the step before; every step records who took it and when. A step out of order is
/// refused with the state it is in, and a refused step changes nothing.
public struct Handling: Sendable, Equatable, Codable, Identifiable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case assigned, accepted, returnedToOffice, replied, rated

        public var chineseName: String {
            switch self {
            case .assigned: "已交办，待接收"
            case .accepted: "办理中"
            case .returnedToOffice: "已退回办公室"
            case .replied: "已答复，待测评"
            case .rated: "已测评"
            }
        }

        /// Nothing more is due from anyone (a rated handling may still be sent back to handling).
        public var isFinal: Bool { self == .returnedToOffice || self == .rated }
    }

    public enum Action: String, Sendable, Codable, CaseIterable {
        case assign, accept, returnToOffice, reply, rate, rehandle

        public var chineseName: String {
            switch self {
            case .assign: "交办"
            case .accept: "接收办理"
            case .returnToOffice: "退回办公室"
            case .reply: "答复"
            case .rate: "测评答复"
            case .rehandle: "重新办理"
            }
        }

        /// The states the action may start from; `assign` from a return is the office's reassignment.
        public var from: Set<State> {
            switch self {
            case .assign: [.returnedToOffice]
            case .accept, .returnToOffice: [.assigned]
            case .reply: [.accepted]
            case .rate: [.replied]
            case .rehandle: [.rated]
            }
        }

        public var to: State {
            switch self {
            case .assign: .assigned
            case .accept, .rehandle: .accepted
            case .returnToOffice: .returnedToOffice
            case .reply: .replied
            case .rate: .rated
            }
        }
    }

    public struct Step: Sendable, Equatable, Codable {
        public var action: Action
        /// The state after the step.
        public var state: State
        public var actor: String
        public var at: Date
        /// The reason of a return or a re-handling, the rating's comments, the reply's document name.
        public var note: String
        /// The deadline this step had to meet; nil for the first assignment.
        public var due: Deadline?
        /// The deadline this step set for the next one; nil when nothing more is due.
        public var next: Deadline?

        /// The China Standard Time day of the step.
        public var day: Day { Day(at) }

        /// Taken by its due day; nil when it had none.
        public var onTime: Bool? { due.map { day <= $0.day } }
    }

    /// 答复: the reply's text or its document, and the result the department states.
    public struct Reply: Sendable, Equatable, Codable {
        public var text: String
        /// The reply document's name (答复函), e.g. "关于县政协建议案的答复（安农函〔2026〕12号）".
        public var documentName: String
        public var result: HandlingResult
        public var actor: String
        public var at: Date
        /// 1 for the first handling, 2 after one re-handling…
        public var round: Int
    }

    public struct Rating: Sendable, Equatable, Codable {
        public var satisfaction: Satisfaction
        public var comments: String
        public var actor: String
        public var at: Date
        public var round: Int
    }

    public static let maxNoteLength = 1000
    public static let maxReplyLength = 20_000
    public static let maxDocumentNameLength = 200

    public let id: Int
    public let departmentID: Int
    public private(set) var state: State
    /// The current step's due day: accepting, replying or rating; nil once returned or rated.
    public private(set) var due: Deadline?
    public private(set) var steps: [Step]
    public private(set) var replies: [Reply]
    public private(set) var ratings: [Rating]

    /// Assigned to the department now (the outcome's sending, or the office's later assignment).
    public init(id: Int, departmentID: Int, by actor: String, at: Date, calendar: WorkingCalendar, regulation: Regulation) {
        self.id = id
        self.departmentID = departmentID
        self.state = .assigned
        let next = Deadline(regulation.handling.acceptWorkingDays, after: Day(at), calendar: calendar)
        self.due = next
        self.steps = [Step(action: .assign, state: .assigned, actor: actor, at: at, note: "", due: nil, next: next)]
        self.replies = []
        self.ratings = []
    }

    /// 1 for the first handling, +1 for every re-handling.
    public var round: Int { 1 + steps.filter { $0.action == .rehandle }.count }
    public var reply: Reply? { replies.last }
    public var rating: Rating? { ratings.last }
    public var assignedAt: Date { steps.last { $0.action == .assign }?.at ?? steps[0].at }

    /// The reason of the return, while returned to the office.
    public var returnReason: String? {
        state == .returnedToOffice ? steps.last { $0.action == .returnToOffice }?.note : nil
    }

    /// The current step is past its due day.
    public func isOverdue(today: Day) -> Bool { due?.isPassed(today: today) ?? false }

    /// What is due now and from whom, in Chinese, e.g. "承办部门接收办理"; nil when nothing is.
    public var pendingStep: String? {
        switch state {
        case .assigned: "承办部门接收办理或退回"
        case .accepted: "承办部门答复"
        case .replied: "牵头委室测评答复"
        case .returnedToOffice, .rated: nil
        }
    }

    /// Whether `action` may be taken now, so that a page offers only the steps the domain
    /// would accept (a re-handling also needs the last rating to be unsatisfied).
    public func allows(_ action: Action) -> Bool { (try? check(action)) != nil }

    // MARK: steps

    /// The department accepts the outcome for handling; the reply falls due.
    public mutating func accept(by actor: String, at: Date, calendar: WorkingCalendar, regulation: Regulation) throws {
        try take(.accept, by: actor, at: at, note: "",
                 next: Deadline(regulation.handling.replyWorkingDays, after: Day(at), calendar: calendar))
    }

    /// The department returns the outcome to the office (not its business, or unclear); the reason is required.
    public mutating func returnToOffice(reason: String, by actor: String, at: Date) throws {
        let why = try Self.checkedNote(reason)
        guard !why.isEmpty else { throw OutcomeError.returnNeedsReason }
        try take(.returnToOffice, by: actor, at: at, note: why, next: nil)
    }

    /// The office assigns a returned outcome to the same department again (after clarifying it).
    public mutating func reassign(note: String = "", by actor: String, at: Date, calendar: WorkingCalendar,
                                  regulation: Regulation) throws {
        try take(.assign, by: actor, at: at, note: try Self.checkedNote(note),
                 next: Deadline(regulation.handling.acceptWorkingDays, after: Day(at), calendar: calendar))
    }

    /// The department replies: its text or the name of its reply document (at least one), and the result.
    public mutating func reply(text: String, documentName: String = "", result: HandlingResult, by actor: String, at: Date,
                               calendar: WorkingCalendar, regulation: Regulation) throws {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let document = documentName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty || !document.isEmpty else { throw OutcomeError.replyRequired }
        guard body.count <= Self.maxReplyLength else { throw OutcomeError.tooLong("答复内容", Self.maxReplyLength) }
        guard document.count <= Self.maxDocumentNameLength else {
            throw OutcomeError.tooLong("答复文件名称", Self.maxDocumentNameLength)
        }
        let round = self.round
        try take(.reply, by: actor, at: at, note: document,
                 next: Deadline(regulation.handling.rateWorkingDays, after: Day(at), calendar: calendar))
        replies.append(Reply(text: body, documentName: document, result: result, actor: actor, at: at, round: round))
    }

    /// The lead committee rates the reply; an unsatisfied rating must say why.
    public mutating func rate(_ satisfaction: Satisfaction, comments: String = "", by actor: String, at: Date) throws {
        let c = try Self.checkedNote(comments)
        if satisfaction == .unsatisfied, c.isEmpty { throw OutcomeError.unsatisfiedNeedsComments }
        let round = self.round
        try take(.rate, by: actor, at: at, note: c, next: nil)
        ratings.append(Rating(satisfaction: satisfaction, comments: c, actor: actor, at: at, round: round))
    }

    /// After an unsatisfied rating, the lead committee asks the department to handle it again:
    /// back to accepted, with a new reply due.
    public mutating func rehandle(reason: String = "", by actor: String, at: Date, calendar: WorkingCalendar,
                                  regulation: Regulation) throws {
        try check(.rehandle)
        let why = try Self.checkedNote(reason)
        try take(.rehandle, by: actor, at: at, note: why.isEmpty ? (rating?.comments ?? "") : why,
                 next: Deadline(regulation.handling.replyWorkingDays, after: Day(at), calendar: calendar))
    }

    /// Counts the deadlines again with `calendar`.
    public mutating func recountDeadlines(calendar: WorkingCalendar) {
        due = due?.recounted(with: calendar)
        for i in steps.indices {
            steps[i].due = steps[i].due?.recounted(with: calendar)
            steps[i].next = steps[i].next?.recounted(with: calendar)
        }
    }

    private func check(_ action: Action) throws {
        guard action.from.contains(state) else { throw OutcomeError.handlingOutOfOrder(state, action) }
        if action == .rehandle, rating?.satisfaction != .unsatisfied { throw OutcomeError.rehandleNeedsUnsatisfied }
    }

    private mutating func take(_ action: Action, by actor: String, at: Date, note: String, next: Deadline?) throws {
        try check(action)
        if let last = steps.last, at < last.at { throw OutcomeError.timeBeforeLastStep }
        steps.append(Step(action: action, state: action.to, actor: actor, at: at, note: note, due: due, next: next))
        state = action.to
        due = next
    }

    static func checkedNote(_ s: String) throws -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.count <= maxNoteLength else { throw OutcomeError.tooLong("说明", maxNoteLength) }
        return t
    }
}
