import Vapor
import XieshangCore

/// Who may act on a symposium, checked before a request body is read: a caller who may not
/// see the symposium gets 404 as if it did not exist, one who sees it but may not act gets
/// 403, and only then is the input validated (400). The domain checks again on the loaded
/// value inside the transaction.
enum SymposiumAccess {
    enum Check: Sendable {
        case view
        /// The lead committee and the office (一.7).
        case prepare
        /// The office alone (formal notices, the chairman's meeting, dates).
        case office
        /// Drafting (lead committee, office), signing (the vice chair in charge) or adopting (office).
        case planAction
        case recordMeeting(PreparatoryMeeting.Kind)
        case task(Int)
        case answer(personID: Int)
        case comment
    }

    @discardableResult
    static func require(_ check: Check, _ id: Int, on req: Request) async throws -> SymposiumStore.Loaded {
        let p = try req.principal
        let loaded = try await SymposiumStore.visible(id, for: p, on: req.db)
        let s = loaded.symposium
        let prepare = p.may(.prepareSymposium(leadCommitteeID: s.leadCommitteeID))
        let allowed: Bool
        switch check {
        case .view: allowed = true
        case .prepare: allowed = prepare
        case .office: allowed = p.may(.actForOffice)
        case .planAction:
            var signer = s.viceChairInChargeID
            if signer == nil { signer = try await Leadership.load(on: req.db).chairID }
            allowed = prepare || p.may(.actForOffice) || (signer != nil && p.personID == signer)
        case .recordMeeting(let kind): allowed = prepare || (kind == .coordination && p.has(.secretaryGeneral))
        case .task(let taskID):
            guard let task = s.task(id: taskID) else { throw SymposiumError.taskNotFound }
            allowed = p.may(.completeTask(owner: task.owner, leadCommitteeID: s.leadCommitteeID))
        case .answer(let personID):
            guard s.invitee(personID) != nil else { throw SymposiumError.notInvited }
            allowed = prepare || p.may(.answerInvitation(personID: personID))
        case .comment: allowed = p.may(.commentOnInvitees)
        }
        guard allowed else { throw AccessError.forbidden }
        return loaded
    }
}
