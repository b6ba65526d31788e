/// What a principal may do, by role and, where an object is involved, by that object.
///
/// One place for the rules so that pages, the API and the role×route test ask the same
/// question; routes never test roles themselves.
public enum Permission: Sendable, Equatable {
    /// Committees, sectors, departments, the organization: everyone signed in.
    case viewMasterData
    case editMasterData
    /// The list of persons with units and expertise: the CPPCC side, leaders and departments
    /// (they choose and meet invitees); members and experts see the list without contacts.
    case viewPersons
    /// Phone numbers and other contact data of a person.
    case viewContactOf(personID: Int)
    case editPerson(personID: Int)
    case createPerson
    case importPersons
    case viewAuditLog
    case manageCalendar
    case viewRegulation
    /// The county's own time limits and participation points (`CountyPractice`): the office.
    case managePractice
    case manageUsers
    /// Opening the call for topics, consolidating, scheduling, recording the plan's steps
    /// and adjusting it: the office's work (二, "县政协办公室制定…年度计划").
    case managePlanning
    /// A committee submits and edits its own topic suggestions (二.1).
    case suggestTopic(committeeID: Int)
    /// All committees' suggestions: the office and the CPPCC leadership.
    case viewAllSuggestions
    /// A draft plan is internal to the CPPCC; an issued plan is public to every user.
    case viewPlan(issued: Bool)
    /// Setting up a symposium from the issued plan: the office (一.7 "由县政协办公室统筹协调").
    case createSymposium
    /// The CPPCC side and county leaders see every symposium; a member, expert or department
    /// only those it is invited to.
    case viewSymposium(invited: Bool)
    /// Drafting the implementation plan, the invitee list, pre-invitations, research and the
    /// meetings' records: the lead committee of this symposium and the office (一.7).
    case prepareSymposium(leadCommitteeID: Int)
    /// Recording the chairman's meeting's adoption and sending formal notices: the office (三(一).3).
    case actForOffice
    /// Commenting on the draft invitee list (三(一).1 "广泛征求意见").
    case commentOnInvitees
    /// One's own invitation, answered on one's own page.
    case answerInvitation(personID: Int)
    /// Marking a division-of-work task done: its owner, the lead committee or the office.
    case completeTask(owner: TaskOwner, leadCommitteeID: Int)
}

extension Principal {
    public func may(_ permission: Permission) -> Bool {
        switch permission {
        case .viewMasterData, .viewPersons, .viewRegulation:
            return true
        case .editMasterData, .createPerson, .importPersons, .manageCalendar, .managePractice:
            return isStaff
        case .viewAuditLog:
            return isStaff
        case .manageUsers:
            return has(.admin)
        case .viewContactOf(let id):
            return isCPPCCSide || personID == id
        case .editPerson(let id):
            // A member keeps their own contact data and expertise current (object check).
            return isStaff || personID == id
        case .managePlanning:
            return isStaff
        case .suggestTopic(let committee):
            return (has(.committee) || has(.office)) && committeeID == committee
        case .viewAllSuggestions:
            return isStaff || has(.chair) || has(.viceChair) || has(.secretaryGeneral)
        case .viewPlan(let issued):
            return issued || isCPPCCSide || has(.leader)
        case .createSymposium, .actForOffice:
            return isStaff
        case .viewSymposium(let invited):
            return isCPPCCSide || has(.leader) || invited
        case .prepareSymposium(let lead):
            return isStaff || (has(.committee) && committeeID == lead)
        case .commentOnInvitees:
            return isCPPCCSide || has(.leader)
        case .answerInvitation(let id):
            return personID == id
        case .completeTask(let owner, let lead):
            return may(.prepareSymposium(leadCommitteeID: lead)) || ToDoReader(self).owns(owner)
        }
    }

    /// Throws the refusal the error middleware shows as "无权访问".
    public func require(_ permission: Permission) throws {
        guard may(permission) else { throw AccessError.forbidden }
    }
}

public enum AccessError: DomainError, Equatable {
    case forbidden
    case unauthenticated

    public var code: String {
        switch self {
        case .forbidden: "forbidden"
        case .unauthenticated: "unauthenticated"
        }
    }

    public var message: String {
        switch self {
        case .forbidden: "无权访问：您的角色不能进行此项操作。"
        case .unauthenticated: "请先登录。"
        }
    }

    public var kind: DomainErrorKind { .forbidden }
}
