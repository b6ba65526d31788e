import Foundation

/// 协商成果 (一.6, 三(五)): what a symposium produced, in one of the three forms, sent by the
/// office within 10 working days of the symposium to the county leaders and the departments
/// that must handle it.
///
/// drafting → sent. While drafting the office edits the text, the form, the links, the
/// recipients and the document number; sending checks the form's rules, stamps every
/// recipient, and puts the outcome into handling where departments must handle it (a
/// proposal always). Every method checks its rule first and changes nothing when it refuses.
public struct Outcome: Sendable, Equatable, Codable, Identifiable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case drafting, sent

        public var chineseName: String {
            switch self {
            case .drafting: "起草中"
            case .sent: "已报送"
            }
        }
    }

    public static let maxTitleLength = 100
    public static let maxBodyLength = 50_000

    public var id: Int
    public var symposiumID: Int
    /// The day the symposium was held: the deadline counts from it.
    public private(set) var symposiumDay: Day
    public private(set) var form: OutcomeForm
    public private(set) var title: String
    public private(set) var body: String
    public private(set) var links: OutcomeLinks
    public private(set) var recipients: [OutcomeRecipient]
    /// 发文字号, e.g. 安政协参〔2026〕3号: required to send a reference brief or a recommendation.
    public private(set) var documentNumber: DocumentNumber?
    public private(set) var state: State
    /// `Regulation.outcomeDeadlineWorkingDays` after the symposium day (三(五)).
    public private(set) var due: Deadline
    public private(set) var draftedBy: String
    public private(set) var draftedAt: Date
    public private(set) var sentBy: String?
    public private(set) var sentAt: Date?
    /// One per department that handles the outcome, in the order they were assigned.
    public private(set) var handlings: [Handling]

    /// A new draft. The form must be one the Regulation allows (一.6).
    public init(id: Int = 0, symposiumID: Int, symposiumDay: Day, form: OutcomeForm, title: String, body: String = "",
                draftedBy: String, at: Date, calendar: WorkingCalendar, regulation: Regulation) throws {
        guard regulation.outcomeForms.contains(form) else { throw OutcomeError.formNotAllowed(form) }
        self.id = id
        self.symposiumID = symposiumID
        self.symposiumDay = symposiumDay
        self.form = form
        self.title = try Self.checkedTitle(title)
        self.body = try Self.checkedBody(body)
        self.links = OutcomeLinks()
        self.recipients = []
        self.documentNumber = nil
        self.state = .drafting
        self.due = Deadline(regulation.outcomeDeadlineWorkingDays, after: symposiumDay, calendar: calendar)
        self.draftedBy = draftedBy
        self.draftedAt = at
        self.sentBy = nil
        self.sentAt = nil
        self.handlings = []
    }

    // MARK: the deadline (三(五))

    /// The day outcomes are due: the `outcomeDeadlineWorkingDays`-th working day after the
    /// symposium day, the day itself not counted. Throws when the calendar lacks the year.
    public static func due(symposiumDay: Day, calendar: WorkingCalendar, regulation: Regulation) throws -> Day {
        try calendar.addingWorkingDays(regulation.outcomeDeadlineWorkingDays, to: symposiumDay)
    }

    /// The China Standard Time day it was sent.
    public var sentOn: Day? { sentAt.map(Day.init) }

    /// Sent by the due day; nil while drafting.
    public var sentOnTime: Bool? { sentOn.map { $0 <= due.day } }

    /// Not sent, and the due day is past.
    public func isOverdue(today: Day) -> Bool {
        state == .drafting && due.isPassed(today: today)
    }

    /// The dashboard's countdown in working days (0 on the due day, negative once overdue);
    /// nil once sent.
    public func daysLeft(today: Day, calendar: WorkingCalendar) -> Int? {
        state == .sent ? nil : Deadline.workingDaysLeft(today: today, until: due.day, calendar: calendar)
    }

    /// `daysLeft` in words (`Deadline.countdownText`); nil once sent.
    public func countdownText(today: Day, calendar: WorkingCalendar) -> String? {
        daysLeft(today: today, calendar: calendar).map { Deadline.countdownText(workingDaysLeft: $0) }
    }

    /// Counts every deadline again with `calendar` (after the office loads a year or a local
    /// day off); the rules they were counted with stay.
    public mutating func recountDeadlines(calendar: WorkingCalendar) {
        due = due.recounted(with: calendar)
        for i in recipients.indices {
            recipients[i].acknowledgeDue = recipients[i].acknowledgeDue?.recounted(with: calendar)
        }
        for i in handlings.indices { handlings[i].recountDeadlines(calendar: calendar) }
    }

    // MARK: drafting

    public mutating func edit(title: String, body: String) throws {
        try checkDrafting()
        let t = try Self.checkedTitle(title)
        let b = try Self.checkedBody(body)
        self.title = t
        self.body = b
    }

    public mutating func setForm(_ form: OutcomeForm, regulation: Regulation) throws {
        try checkDrafting()
        guard regulation.outcomeForms.contains(form) else { throw OutcomeError.formNotAllowed(form) }
        self.form = form
    }

    /// Replaces the links; each must belong to this outcome's symposium.
    public mutating func setLinks(_ links: OutcomeLinks, speeches: [SpeechRecord], materials: [Material],
                                  research: [ResearchActivity]) throws {
        try checkDrafting()
        let problems = links.problems(symposiumID: symposiumID, speeches: speeches, materials: materials, research: research)
        guard problems.isEmpty else { throw OutcomeError.unknownLinks(problems) }
        self.links = links
    }

    /// Replaces the recipients, in the order given. `handlingDepartments`: the departments a
    /// reference brief or a recommendation is also sent to for handling; every department of a
    /// proposal handles it, whatever this says.
    public mutating func setRecipients(_ addressees: [OutcomeRecipient.Addressee], handlingDepartments: Set<Int> = []) throws {
        try checkDrafting()
        var seen = Set<OutcomeRecipient.Addressee>()
        for a in addressees where !seen.insert(a).inserted { throw OutcomeError.duplicateRecipient(a) }
        let departments = Set(addressees.compactMap(\.departmentID))
        if let stray = handlingDepartments.subtracting(departments).min() {
            throw OutcomeError.handlerNotRecipient(departmentID: stray)
        }
        recipients = addressees.map { OutcomeRecipient($0, handles: $0.departmentID.map(handlingDepartments.contains) ?? false) }
    }

    /// The departments that handle the outcome, or will on sending: every department of a
    /// proposal, the departments named to handle a reference brief or a recommendation.
    public var handlingDepartmentIDs: [Int] {
        recipients.filter { form == .proposal || $0.handles }.compactMap(\.addressee.departmentID)
    }

    /// Sets or clears the document number while drafting.
    public mutating func setDocumentNumber(_ number: DocumentNumber?) throws {
        try checkDrafting()
        documentNumber = number
    }

    /// What still prevents sending, in Chinese (empty: ready).
    public var sendingProblems: [String] {
        var p: [String] = []
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { p.append("请填写协商成果正文。") }
        if recipients.isEmpty { p.append("请至少选择一位报送的县领导或一个送交的部门。") }
        switch form {
        case .referenceBrief, .recommendation:
            if documentNumber == nil {
                let example = form == .referenceBrief ? "安政协参〔\(symposiumDay.year)〕3号" : "安政协建〔\(symposiumDay.year)〕1号"
                p.append("\(form.chineseName)须编发文字号（如“\(example)”）后报送。")
            }
        case .proposal:
            if !recipients.contains(where: { $0.addressee.departmentID != nil }) {
                p.append("提案须至少送交一个承办部门办理。")
            }
        }
        return p
    }

    // MARK: sending (三(五))

    /// The office sends the outcome: every recipient is stamped, and each handling department
    /// (every department of a proposal) gets its `Handling`, assigned now.
    public mutating func send(by actor: String, at: Date, calendar: WorkingCalendar, regulation: Regulation) throws {
        guard state == .drafting else { throw OutcomeError.alreadySent }
        let problems = sendingProblems
        guard problems.isEmpty else { throw OutcomeError.notReadyToSend(form, problems) }
        guard at >= draftedAt else { throw OutcomeError.timeBeforeLastStep }
        let day = Day(at)
        var next = self
        var lastID = handlings.map(\.id).max() ?? 0
        for i in next.recipients.indices {
            if form == .proposal, next.recipients[i].addressee.departmentID != nil { next.recipients[i].handles = true }
            next.recipients[i].sentAt = at
            next.recipients[i].acknowledgeDue = Deadline(regulation.handling.acknowledgeWorkingDays, after: day, calendar: calendar)
            if next.recipients[i].handles, let department = next.recipients[i].addressee.departmentID {
                lastID += 1
                next.handlings.append(Handling(id: lastID, departmentID: department, by: actor, at: at,
                                               calendar: calendar, regulation: regulation))
            }
        }
        next.state = .sent
        next.sentBy = actor
        next.sentAt = at
        self = next
    }

    /// A recipient confirms receipt (签收), once.
    public mutating func acknowledge(_ addressee: OutcomeRecipient.Addressee, by actor: String, at: Date) throws {
        guard state == .sent, let sentAt else { throw OutcomeError.notSent }
        guard let i = recipients.firstIndex(where: { $0.addressee == addressee }) else { throw OutcomeError.notRecipient }
        guard recipients[i].acknowledgedAt == nil else { throw OutcomeError.alreadyAcknowledged }
        guard at >= sentAt else { throw OutcomeError.timeBeforeLastStep }
        recipients[i].acknowledgedAt = at
        recipients[i].acknowledgedBy = actor
    }

    public func recipient(_ addressee: OutcomeRecipient.Addressee) -> OutcomeRecipient? {
        recipients.first { $0.addressee == addressee }
    }

    /// Recipients past the acknowledgement's due day without having acknowledged.
    public func unacknowledged(today: Day) -> [OutcomeRecipient] {
        recipients.filter { $0.isAcknowledgementOverdue(today: today) }
    }

    // MARK: handling

    public func handling(_ id: Int) -> Handling? { handlings.first { $0.id == id } }

    /// The handlings under way (neither returned to the office nor rated).
    public var openHandlings: [Handling] { handlings.filter { !$0.state.isFinal } }

    /// Assigns a department after sending (the office reroutes a returned outcome, or adds a
    /// department): it becomes a handling recipient, sent now, if it was not one.
    @discardableResult
    public mutating func assignHandling(departmentID: Int, by actor: String, at: Date, calendar: WorkingCalendar,
                                        regulation: Regulation) throws -> Handling {
        guard state == .sent, let sentAt else { throw OutcomeError.notSent }
        guard at >= sentAt else { throw OutcomeError.timeBeforeLastStep }
        if handlings.contains(where: { $0.departmentID == departmentID && !$0.state.isFinal }) {
            throw OutcomeError.alreadyHandling(departmentID: departmentID)
        }
        var next = self
        let addressee = OutcomeRecipient.Addressee.department(departmentID)
        if let i = next.recipients.firstIndex(where: { $0.addressee == addressee }) {
            next.recipients[i].handles = true
        } else {
            var r = OutcomeRecipient(addressee, handles: true)
            r.sentAt = at
            r.acknowledgeDue = Deadline(regulation.handling.acknowledgeWorkingDays, after: Day(at), calendar: calendar)
            next.recipients.append(r)
        }
        let handling = Handling(id: (handlings.map(\.id).max() ?? 0) + 1, departmentID: departmentID, by: actor, at: at,
                                calendar: calendar, regulation: regulation)
        next.handlings.append(handling)
        self = next
        return handling
    }

    /// Applies one step to a handling (`Handling`'s methods); a refused step changes nothing.
    public mutating func updateHandling(_ id: Int, _ change: (inout Handling) throws -> Void) throws {
        guard let i = handlings.firstIndex(where: { $0.id == id }) else { throw OutcomeError.handlingNotFound }
        var h = handlings[i]
        try change(&h)
        handlings[i] = h
    }

    // MARK: follow-up items (三(五) "对需要落实事项进行跟踪")

    /// A follow-up item is owed by a department, and a draft is the CPPCC's own, not yet
    /// anything a department has received: only a sent outcome takes follow-up items.
    public var acceptsFollowUpItems: Bool { state == .sent }

    /// Refuses a follow-up item on a draft. Sending cannot be undone, so a check made before
    /// storing the item stays true while it is stored.
    public func checkAcceptsFollowUpItems() throws {
        guard acceptsFollowUpItems else { throw OutcomeError.itemNeedsSentOutcome }
    }

    // MARK: checks

    private func checkDrafting() throws {
        guard state == .drafting else { throw OutcomeError.alreadySent }
    }

    static func checkedTitle(_ title: String) throws -> String {
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw OutcomeError.titleRequired }
        guard t.count <= maxTitleLength else { throw OutcomeError.tooLong("标题", maxTitleLength) }
        return t
    }

    static func checkedBody(_ body: String) throws -> String {
        guard body.count <= maxBodyLength else { throw OutcomeError.tooLong("正文", maxBodyLength) }
        return body
    }
}
