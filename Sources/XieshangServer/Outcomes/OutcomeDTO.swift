import Fluent
import Vapor
import XieshangCore

/// An outcome as the API and the pages show it: its text, recipients, deadline countdown,
/// handlings and follow-up items, with Chinese names, and what the reader may do with it.
struct OutcomeDTO: Content {
    struct DeadlineDTO: Content {
        let day: String
        let dayText: String
        let workingDays: Int
        let provisional: Bool
    }

    struct Recipient: Content {
        let kind: String
        let id: Int
        let name: String
        let handles: Bool
        let sentAt: Date?
        let acknowledgeDue: String?
        /// `acknowledgeDue` in Chinese with the weekday, e.g. 2026年12月21日（星期一）.
        let acknowledgeDueText: String?
        let acknowledgedAt: Date?
        let acknowledgedBy: String?
        let acknowledgementOverdue: Bool
    }

    struct Step: Content {
        let action: Handling.Action
        let actionName: String
        let state: Handling.State
        let actor: String
        let at: Date
        let note: String
        let due: String?
        let onTime: Bool?
    }

    struct Reply: Content {
        let text: String
        let documentName: String
        let result: HandlingResult
        let resultName: String
        let actor: String
        let at: Date
        let round: Int
    }

    struct Rating: Content {
        let satisfaction: Satisfaction
        let satisfactionName: String
        let comments: String
        let actor: String
        let at: Date
        let round: Int
    }

    struct HandlingDTO: Content {
        let id: Int
        let departmentID: Int
        let department: String
        let state: Handling.State
        let stateName: String
        let due: String?
        /// `due` in Chinese with the weekday.
        let dueText: String?
        let overdue: Bool
        let pendingStep: String?
        let round: Int
        let returnReason: String?
        let steps: [Step]
        let replies: [Reply]
        let ratings: [Rating]
    }

    struct Note: Content {
        let date: String
        /// `date` in Chinese, e.g. 2026年12月18日.
        let dateText: String
        let text: String
        let actor: String
        let at: Date
    }
    struct StatusChange: Content {
        let from: FollowUpItem.Status; let to: FollowUpItem.Status; let reason: String; let actor: String; let at: Date
    }

    struct Item: Content {
        let id: Int
        /// The item's own version, for its edits (status, progress notes).
        let version: Int
        let outcomeID: Int
        let title: String
        let ownerDepartmentID: Int
        let ownerDepartment: String
        let due: String
        let dueText: String
        let daysUntilDue: Int
        let status: FollowUpItem.Status
        let statusName: String
        let overdue: Bool
        let needsReminder: Bool
        let implementedOn: String?
        let droppedReason: String?
        let notes: [Note]
        let changes: [StatusChange]
        let createdBy: String
        let createdAt: Date
    }

    struct Links: Content {
        let speechIDs: [Int]
        let materialIDs: [Int]
        let researchIDs: [Int]
    }

    struct Can: Content {
        let edit: Bool
        let send: Bool
        /// The office assigns a further department, or reroutes a returned outcome.
        let assign: Bool
        let acknowledge: Bool
        let track: Bool
    }

    let id: Int
    let symposiumID: Int
    let topic: String
    let symposiumDay: String
    /// `symposiumDay` in Chinese with the weekday.
    let symposiumDayText: String
    let form: OutcomeForm
    let formName: String
    let title: String
    let body: String
    let links: Links
    let recipients: [Recipient]
    let documentNumber: String?
    let state: Outcome.State
    let stateName: String
    let due: DeadlineDTO
    /// Working days left to send it (0 on the due day, negative once overdue); omitted once sent.
    let daysLeft: Int?
    /// `daysLeft` in words, as the dashboard says it: 剩3个工作日, 今天到期, 已逾期2个工作日; omitted once sent.
    let countdownText: String?
    let overdue: Bool
    let sendingProblems: [String]
    let draftedBy: String
    let draftedAt: Date
    let sentBy: String?
    let sentAt: Date?
    let sentOnTime: Bool?
    let handlings: [HandlingDTO]
    let items: [Item]
    let version: Int
    let can: Can

    /// Names of the persons and departments outcomes mention.
    struct Names: Sendable {
        let persons: [Int: String]
        let departments: [Int: String]
        let topics: [Int: String]

        static func load(on db: any Database) async throws -> Names {
            let persons = try await PersonModel.query(on: db).all()
            let departments = try await DepartmentModel.query(on: db).all()
            let symposia = try await SymposiumModel.query(on: db).all()
            var topics: [Int: String] = [:]
            for s in symposia {
                topics[s.id!] = try SymposiumStore.decode(s).symposium.topic
            }
            return Names(persons: Dictionary(persons.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a }),
                         departments: Dictionary(departments.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a }),
                         topics: topics)
        }

        func name(_ a: OutcomeRecipient.Addressee) -> String {
            switch a {
            case .leader(let id): persons[id] ?? "县领导"
            case .department(let id): departments[id] ?? "部门"
            }
        }
    }

    static func item(_ i: FollowUpItem, version: Int, names: Names, today: Day, regulation: Regulation) -> Item {
        Item(id: i.id, version: version, outcomeID: i.outcomeID, title: i.title, ownerDepartmentID: i.ownerDepartmentID,
             ownerDepartment: names.departments[i.ownerDepartmentID] ?? "部门", due: i.due.iso,
             dueText: SymposiumDTO.dateText(i.due), daysUntilDue: i.daysUntilDue(today: today), status: i.status,
             statusName: i.status.chineseName, overdue: i.isOverdue(today: today),
             needsReminder: i.needsReminder(today: today, regulation: regulation), implementedOn: i.implementedOn?.iso,
             droppedReason: i.droppedReason,
             notes: i.notes.map { Note(date: $0.date.iso, dateText: $0.date.chinese, text: $0.text, actor: $0.actor, at: $0.at) },
             changes: i.changes.map { StatusChange(from: $0.from, to: $0.to, reason: $0.reason, actor: $0.actor, at: $0.at) },
             createdBy: i.createdBy, createdAt: i.createdAt)
    }

    static func make(_ l: OutcomeStore.Loaded, names: Names, principal p: Principal, today: Day, calendar: WorkingCalendar,
                     regulation: Regulation) -> OutcomeDTO {
        let o = l.outcome
        let recipients = o.recipients.map { r in
            Recipient(kind: r.addressee.departmentID == nil ? "leader" : "department",
                      id: r.addressee.departmentID ?? r.addressee.personID ?? 0, name: names.name(r.addressee), handles: r.handles,
                      sentAt: r.sentAt, acknowledgeDue: r.acknowledgeDue?.day.iso,
                      acknowledgeDueText: r.acknowledgeDue.map { SymposiumDTO.dateText($0.day) }, acknowledgedAt: r.acknowledgedAt,
                      acknowledgedBy: r.acknowledgedBy, acknowledgementOverdue: r.isAcknowledgementOverdue(today: today))
        }
        let handlings = o.handlings.map { h in
            HandlingDTO(id: h.id, departmentID: h.departmentID, department: names.departments[h.departmentID] ?? "部门",
                        state: h.state, stateName: h.state.chineseName, due: h.due?.day.iso,
                        dueText: h.due.map { SymposiumDTO.dateText($0.day) }, overdue: h.isOverdue(today: today),
                        pendingStep: h.pendingStep, round: h.round, returnReason: h.returnReason,
                        steps: h.steps.map { s in
                            Step(action: s.action, actionName: s.action.chineseName, state: s.state, actor: s.actor, at: s.at,
                                 note: s.note, due: s.due?.day.iso, onTime: s.onTime)
                        },
                        replies: h.replies.map { r in
                            Reply(text: r.text, documentName: r.documentName, result: r.result, resultName: r.result.chineseName,
                                  actor: r.actor, at: r.at, round: r.round)
                        },
                        ratings: h.ratings.map { r in
                            Rating(satisfaction: r.satisfaction, satisfactionName: r.satisfaction.chineseName,
                                   comments: r.comments, actor: r.actor, at: r.at, round: r.round)
                        })
        }
        let office = p.may(.actForOffice)
        return OutcomeDTO(
            id: l.id, symposiumID: o.symposiumID, topic: names.topics[o.symposiumID] ?? "", symposiumDay: o.symposiumDay.iso,
            symposiumDayText: SymposiumDTO.dateText(o.symposiumDay),
            form: o.form, formName: o.form.chineseName, title: o.title, body: o.body,
            links: Links(speechIDs: o.links.speechIDs, materialIDs: o.links.materialIDs, researchIDs: o.links.researchIDs),
            recipients: recipients, documentNumber: o.documentNumber?.text, state: o.state, stateName: o.state.chineseName,
            due: DeadlineDTO(day: o.due.day.iso, dayText: SymposiumDTO.dateText(o.due.day), workingDays: o.due.workingDays,
                             provisional: o.due.provisional),
            daysLeft: o.daysLeft(today: today, calendar: calendar), countdownText: o.countdownText(today: today, calendar: calendar),
            overdue: o.isOverdue(today: today),
            sendingProblems: o.state == .drafting ? o.sendingProblems : [], draftedBy: o.draftedBy, draftedAt: o.draftedAt,
            sentBy: o.sentBy, sentAt: o.sentAt, sentOnTime: o.sentOnTime, handlings: handlings,
            items: l.items.map { item($0, version: l.itemVersions[$0.id] ?? 0, names: names, today: today, regulation: regulation) }, version: l.version,
            can: Can(edit: office && o.state == .drafting, send: office && o.state == .drafting, assign: office && o.state == .sent,
                     acknowledge: OutcomeAccess.addressee(o, p).map { o.recipient($0)?.isAcknowledged == false } ?? false,
                     track: OutcomeAccess.isLeadCommittee(l, p)))
    }

    static func make(_ l: OutcomeStore.Loaded, on req: Request) async throws -> OutcomeDTO {
        try await all([l], on: req)[0]
    }

    static func all(_ ls: [OutcomeStore.Loaded], on req: Request) async throws -> [OutcomeDTO] {
        let names = try await Names.load(on: req.db)
        let p = try req.principal
        let today = Day(req.xieshang.clock.now())
        return ls.map { make($0, names: names, principal: p, today: today, calendar: req.xieshang.calendar.calendar,
                             regulation: req.xieshang.regulation) }
    }
}
