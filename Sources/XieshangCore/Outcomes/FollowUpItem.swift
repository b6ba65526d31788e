import Foundation

/// 落实事项 (三(五) "对需要落实事项进行跟踪"): one concrete thing an outcome asks to be done, by
/// a department, by a day; the lead committee tracks it with progress notes and a status.
///
/// open → inProgress → implemented, or dropped with a reason; open may go straight to
/// implemented or dropped; an implemented or dropped item may be reopened with a reason.
/// Every change records who made it and when.
public struct FollowUpItem: Sendable, Equatable, Codable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case open, inProgress, implemented, dropped

        public var chineseName: String {
            switch self {
            case .open: "未开始"
            case .inProgress: "推进中"
            case .implemented: "已落实"
            case .dropped: "不再落实"
            }
        }

        /// Nothing more to track.
        public var isDone: Bool { self == .implemented || self == .dropped }

        /// The statuses an item may move to from this one.
        public var next: Set<Status> {
            switch self {
            case .open: [.inProgress, .implemented, .dropped]
            case .inProgress: [.implemented, .dropped]
            case .implemented, .dropped: [.inProgress]
            }
        }

        /// `next` in the order the statuses are listed, for a choice offered to the reader.
        public var nextInOrder: [Status] { Self.allCases.filter(next.contains) }
    }

    public struct ProgressNote: Sendable, Equatable, Codable {
        /// The day the progress happened.
        public var date: Day
        public var text: String
        public var actor: String
        /// When it was recorded.
        public var at: Date
    }

    public struct StatusChange: Sendable, Equatable, Codable {
        public var from: Status
        public var to: Status
        /// Required to drop or to reopen.
        public var reason: String
        public var actor: String
        public var at: Date
        public var day: Day { Day(at) }
    }

    public struct DueChange: Sendable, Equatable, Codable {
        public var from: Day
        public var to: Day
        public var reason: String
        public var actor: String
        public var at: Date
    }

    public static let maxTitleLength = 200
    public static let maxTextLength = 2000

    public var id: Int
    public var outcomeID: Int
    public private(set) var title: String
    public private(set) var ownerDepartmentID: Int
    public private(set) var due: Day
    public private(set) var status: Status
    public private(set) var notes: [ProgressNote]
    public private(set) var changes: [StatusChange]
    public private(set) var dueChanges: [DueChange]
    public private(set) var createdBy: String
    public private(set) var createdAt: Date
    /// The last day a reminder was mailed to the owner department (nil: never; items stored
    /// before reminders were mailed read as never reminded).
    public private(set) var lastRemindedOn: Day?

    public init(id: Int = 0, outcomeID: Int, title: String, ownerDepartmentID: Int, due: Day, by actor: String, at: Date) throws {
        self.id = id
        self.outcomeID = outcomeID
        self.title = try Self.checkedTitle(title)
        self.ownerDepartmentID = ownerDepartmentID
        self.due = due
        self.status = .open
        self.notes = []
        self.changes = []
        self.dueChanges = []
        self.createdBy = actor
        self.createdAt = at
    }

    /// The reason given when dropped, while dropped.
    public var droppedReason: String? {
        status == .dropped ? changes.last { $0.to == .dropped }?.reason : nil
    }

    /// The day it was (last) marked implemented, while implemented.
    public var implementedOn: Day? {
        status == .implemented ? changes.last { $0.to == .implemented }?.day : nil
    }

    /// Not implemented or dropped, and the due day is past.
    public func isOverdue(today: Day) -> Bool { !status.isDone && today > due }

    /// Not done, not yet overdue, and due within `Regulation.handling.reminderDaysBefore` calendar days.
    public func needsReminder(today: Day, regulation: Regulation) -> Bool {
        !status.isDone && today <= due && due.ordinal - today.ordinal <= regulation.handling.reminderDaysBefore
    }

    /// A reminder mail is due (三(五) "对需要落实事项进行跟踪"): the item is near its due day or
    /// overdue, and no reminder went out in the last `reminderRepeatDays` days — so an owner
    /// hears once when the window opens and again every interval until it is done.
    public func needsReminderMail(today: Day, regulation: Regulation) -> Bool {
        guard needsReminder(today: today, regulation: regulation) || isOverdue(today: today) else { return false }
        guard let last = lastRemindedOn else { return true }
        return today.ordinal - last.ordinal >= max(1, regulation.handling.reminderRepeatDays)
    }

    public mutating func recordReminder(on day: Day) {
        lastRemindedOn = day
    }

    /// Calendar days until the due day (0 on it, negative once past).
    public func daysUntilDue(today: Day) -> Int { due.ordinal - today.ordinal }

    /// The status it had at the end of `day` (open before anything was recorded).
    public func status(asOf day: Day) -> Status {
        changes.last { $0.day <= day }?.to ?? .open
    }

    // MARK: changes

    public mutating func edit(title: String, ownerDepartmentID: Int) throws {
        guard !status.isDone else { throw OutcomeError.itemDone(status) }
        self.title = try Self.checkedTitle(title)
        self.ownerDepartmentID = ownerDepartmentID
    }

    /// Moves the status; dropping and reopening need a reason.
    public mutating func setStatus(_ to: Status, reason: String = "", by actor: String, at: Date) throws {
        guard status.next.contains(to) else { throw OutcomeError.itemOutOfOrder(status, to) }
        let why = try Self.checkedText(reason, "理由")
        if to == .dropped, why.isEmpty { throw OutcomeError.dropNeedsReason }
        if status.isDone, why.isEmpty { throw OutcomeError.reopenNeedsReason }
        if let last = changes.last, at < last.at { throw OutcomeError.timeBeforeLastStep }
        changes.append(StatusChange(from: status, to: to, reason: why, actor: actor, at: at))
        status = to
    }

    /// Records progress (进展情况) on the day it happened.
    public mutating func addNote(_ text: String, date: Day, by actor: String, at: Date) throws {
        let t = try Self.checkedText(text, "进展情况")
        guard !t.isEmpty else { throw OutcomeError.noteRequired }
        notes.append(ProgressNote(date: date, text: t, actor: actor, at: at))
    }

    /// Moves the due day, with the reason kept.
    public mutating func changeDue(to newDue: Day, reason: String, by actor: String, at: Date) throws {
        guard !status.isDone else { throw OutcomeError.itemDone(status) }
        let why = try Self.checkedText(reason, "理由")
        guard !why.isEmpty else { throw OutcomeError.dueChangeNeedsReason }
        guard newDue != due else { return }
        dueChanges.append(DueChange(from: due, to: newDue, reason: why, actor: actor, at: at))
        due = newDue
    }

    static func checkedTitle(_ title: String) throws -> String {
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw OutcomeError.itemTitleRequired }
        guard t.count <= maxTitleLength else { throw OutcomeError.tooLong("落实事项", maxTitleLength) }
        return t
    }

    static func checkedText(_ s: String, _ what: String) throws -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.count <= maxTextLength else { throw OutcomeError.tooLong(what, maxTextLength) }
        return t
    }
}
