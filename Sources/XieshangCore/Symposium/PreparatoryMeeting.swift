import Foundation

/// 部署动员会 (三(二).1) and 工作协调会 (三(二).3): when, who convenes, who attends, what was
/// decided, and the division of work (分工) that flows into everyone's dashboard.
public struct PreparatoryMeeting: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case mobilization, coordination

        public var chineseName: String {
            switch self {
            case .mobilization: "部署动员会"
            case .coordination: "工作协调会"
            }
        }

        public var clause: String {
            switch self {
            case .mobilization: "三(二).1"
            case .coordination: "三(二).3"
            }
        }

        /// Who convenes or chairs, as the working method names them.
        public var convenorTitle: String {
            switch self {
            case .mobilization: "分管副主席召集"
            case .coordination: "秘书长主持"
            }
        }

        /// Who attends, as the working method names them; the store proposes persons from it.
        public var attendeeRule: String {
            switch self {
            case .mobilization: "县委办和县政府办相关负责同志、各委室负责同志和县委、县政府有关部门、单位的负责同志"
            case .coordination: "各委室负责同志"
            }
        }
    }

    public var kind: Kind
    /// nil until scheduled: the timeline's due date is shown instead.
    public var date: Day?
    public var time: String
    public var place: String
    public var convenorID: Int?
    public var attendeeIDs: [Int]
    /// 会议纪要: what was reported and decided.
    public var decisions: String
    public var tasks: [MeetingTask]
    /// The record was saved after the meeting took place.
    public var held: Bool

    public init(kind: Kind) {
        self.kind = kind
        self.date = nil
        self.time = ""
        self.place = ""
        self.convenorID = nil
        self.attendeeIDs = []
        self.decisions = ""
        self.tasks = []
        self.held = false
    }
}

/// One line of the division of work: what, who, by when.
public struct MeetingTask: Sendable, Equatable, Codable, Identifiable {
    public var id: Int
    public var title: String
    public var owner: TaskOwner
    public var due: Day
    public var doneOn: Day?

    public init(id: Int, title: String, owner: TaskOwner, due: Day, doneOn: Day? = nil) {
        self.id = id
        self.title = title
        self.owner = owner
        self.due = due
        self.doneOn = doneOn
    }
}

/// Who owes a step or a task: a committee, a department or one person.
public enum TaskOwner: Sendable, Equatable, Codable, Hashable {
    case committee(Int)
    case department(Int)
    case person(Int)
    /// A role as a whole (the office, the secretary-general).
    case role(Role)
}
