/// "What do I have to do next, by when?" for one reader across one symposium: the timeline's
/// steps they own, the plan waiting for their signature, their division-of-work tasks and an
/// invitation waiting for their answer. The office sees every open item.
public struct ToDoItem: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case step, signPlan, adoptPlan, task, answerInvitation, sendNotices, remindInvitees
        /// Outcomes (三(五)): the office's sending countdown, a recipient's receipt, a department's
        /// handling step, the lead committee's rating, a follow-up item due soon or overdue.
        case sendOutcome, acknowledgeOutcome, handleOutcome, rateReply, followUpItem
        /// Materials (三(四)): a producer owes a file or a revised draft; the lead committee owes a
        /// review or the forwarding of an approved draft.
        case submitMaterial, reviewMaterial
    }

    public var kind: Kind
    public var title: String
    public var due: Day
    public var overdue: Bool
    /// Who owes it, in Chinese (for the office's view of everything).
    public var ownerName: String
    /// A task's id, for completing it from the dashboard.
    public var taskID: Int?
}

public struct ToDoReader: Sendable {
    public var personID: Int?
    public var committeeID: Int?
    public var departmentID: Int?
    public var roles: Set<Role>
    public var seesEverything: Bool

    public init(_ p: Principal) {
        personID = p.personID
        committeeID = p.committeeID
        departmentID = p.departmentID
        roles = p.roles
        seesEverything = p.isStaff
    }

    public func owns(_ owner: TaskOwner) -> Bool {
        switch owner {
        case .committee(let c): committeeID == c && (roles.contains(.committee) || roles.contains(.office))
        case .department(let d): departmentID == d
        case .person(let id): personID == id
        case .role(let r): roles.contains(r)
        }
    }
}

extension Symposium {
    /// `ownerName` resolves an owner to a name for display.
    public func toDo(for reader: ToDoReader, timeline: [TimelineStep], chairID: Int?, today: Day,
                     ownerName: (TaskOwner) -> String) -> [ToDoItem] {
        var items: [ToDoItem] = []
        func add(_ kind: ToDoItem.Kind, _ title: String, _ due: Day, _ owner: TaskOwner, taskID: Int? = nil) {
            guard reader.seesEverything || reader.owns(owner) else { return }
            items.append(ToDoItem(kind: kind, title: title, due: due, overdue: today > due, ownerName: ownerName(owner),
                                  taskID: taskID))
        }
        let due = Dictionary(timeline.map { ($0.kind, $0.due) }, uniquingKeysWith: { a, _ in a })
        for step in timeline where step.state != .done && step.kind != .outcomes {
            add(.step, step.kind.chineseName, step.due, step.owner)
        }
        let planDue = due[.implementationPlan] ?? date
        switch implementationPlan.state {
        case .submitted:
            if let signer = viceChairInChargeID ?? chairID { add(.signPlan, "审签实施方案", planDue, .person(signer)) }
        case .signed:
            add(.adoptPlan, "提请主席会议审议实施方案", planDue, .role(.office))
        default: break
        }
        for meeting in meetings {
            for task in meeting.tasks where task.doneOn == nil {
                add(.task, "\(meeting.kind.chineseName)分工：\(task.title)", task.due, task.owner, taskID: task.id)
            }
        }
        let answerBy = due[.coordinationMeeting] ?? date
        for invitee in invitees where invitee.state == .preInvited {
            add(.answerInvitation, "答复出席邀请", answerBy, .person(invitee.personID))
        }
        if !unanswered.isEmpty {
            add(.remindInvitees, "\(unanswered.count)位受邀人尚未答复，请提醒", answerBy, .committee(leadCommitteeID))
        }
        if !awaitingNotice.isEmpty {
            add(.sendNotices, "向\(awaitingNotice.count)位确认出席者寄送正式通知和邀请函", answerBy, .role(.office))
        }
        return items.sorted { ($0.due, $0.title) < ($1.due, $1.title) }
    }
}
