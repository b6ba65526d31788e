/// Who may do what to one symposium (一.2, 一.7, 二.4, 三(一)–三(三)).
///
/// Whether the symposium can be seen at all is `Permission.viewSymposium`; these are the acts on
/// one the caller sees. The server answers a refusal with 403, after a 404 for what it may
/// not see, and checks again on the loaded value inside the transaction.
public enum SymposiumAction: Sendable, Equatable {
    case view
    /// Drafting the implementation plan, the invitee list, research and the meetings' records:
    /// the lead committee and the office (一.7).
    case prepare
    /// The office alone: formal notices, the chairman's meeting, dates.
    case office
    /// Drafting (lead committee, office), signing (the vice chair in charge, or the chair when
    /// none is named) or adopting (office) the implementation plan (二.4).
    case planAction
    /// A meeting's record: those who prepare, and the secretary-general for the coordination
    /// meeting he chairs (三(二).3).
    case recordMeeting(PreparatoryMeeting.Kind)
    /// Marking a division-of-work task done: its owner, or those who prepare.
    case completeTask(Int)
    /// An invitation's answer: the invitee, or those who prepare (a phone answer).
    case answer(personID: Int)
    /// Commenting on the draft list (三(一).1 "广泛征求意见").
    case comment
    /// The live meeting's console: the office, or the host who runs the meeting (三(三)).
    case runConsole
    /// A request to speak for `personID` (nil: one's own), or its withdrawal: one's own from
    /// one's phone; anyone's at the console, for someone who raised a hand.
    case requestToSpeak(personID: Int?)
}

extension Principal {
    /// `chairID` signs when no vice chair is in charge. Throws when the act names what the
    /// symposium does not hold (a task, an invitee).
    public func may(_ action: SymposiumAction, on s: Symposium, chairID: Int?) throws -> Bool {
        let prepare = may(.prepareSymposium(leadCommitteeID: s.leadCommitteeID))
        switch action {
        case .view:
            return true
        case .prepare:
            return prepare
        case .office:
            return may(.actForOffice)
        case .planAction:
            let signer = s.viceChairInChargeID ?? chairID
            return prepare || may(.actForOffice) || (signer != nil && personID == signer)
        case .recordMeeting(let kind):
            return prepare || (kind == .coordination && has(.secretaryGeneral))
        case .completeTask(let taskID):
            guard let task = s.task(id: taskID) else { throw SymposiumError.taskNotFound }
            return may(.completeTask(owner: task.owner, leadCommitteeID: s.leadCommitteeID))
        case .answer(let person):
            guard s.invitee(person) != nil else { throw SymposiumError.notInvited }
            return prepare || may(.answerInvitation(personID: person))
        case .comment:
            return may(.commentOnInvitees)
        case .runConsole:
            return runsConsole(of: s)
        case .requestToSpeak(let person):
            return runsConsole(of: s) || person == nil || person == personID
        }
    }

    /// The office, or the host (the chair, or the vice chair entrusted) who runs the meeting.
    public func runsConsole(of s: Symposium) -> Bool {
        may(.actForOffice) || (personID != nil && personID == s.host.personID)
    }
}
