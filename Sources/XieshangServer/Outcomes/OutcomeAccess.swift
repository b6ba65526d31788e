import Vapor
import XieshangCore

/// Who may see and act on an outcome (一.6, 三(五)), checked before a request body is read: a
/// caller who may not see the outcome gets 404 as if it did not exist, one who sees it but may
/// not act gets 403, and only then is the input validated (400).
///
/// - The CPPCC side and county leaders see every outcome; a department only sent ones, and of
///   those only the ones sent to it, assigned to it for handling, or with a follow-up item it
///   owns (a draft is the CPPCC's own, whatever it holds); members and experts none.
/// - The office drafts, sends and assigns (三(五) "办公室将…报送…送交").
/// - A recipient acknowledges receipt: the county leader named, or the department's user.
/// - The assigned department accepts, returns and replies; the lead committee rates the
///   reply and asks for re-handling, and tracks the follow-up items (三(五) "牵头委室负责相关后续工作").
enum OutcomeAccess {
    enum Check: Sendable {
        case view
        case office
        case acknowledge
        case handle(Int)
        case track
        case note(Int)
    }

    static func sees(_ l: OutcomeStore.Loaded, _ p: Principal) -> Bool {
        if p.isCPPCCSide || p.has(.leader) { return true }
        guard p.has(.department), let d = p.departmentID else { return false }
        let o = l.outcome
        // Checked first, so that an item added to a draft before drafts refused items does not open it.
        guard o.state == .sent else { return false }
        return o.recipients.contains { $0.addressee.departmentID == d }
            || o.handlings.contains { $0.departmentID == d }
            || l.items.contains { $0.ownerDepartmentID == d }
    }

    /// The recipient this principal acknowledges for, if any.
    static func addressee(_ o: Outcome, _ p: Principal) -> OutcomeRecipient.Addressee? {
        if p.has(.leader), let person = p.personID, o.recipient(.leader(personID: person)) != nil {
            return .leader(personID: person)
        }
        if p.has(.department), let d = p.departmentID, o.recipient(.department(d)) != nil { return .department(d) }
        return nil
    }

    static func isLeadCommittee(_ l: OutcomeStore.Loaded, _ p: Principal) -> Bool {
        p.may(.prepareSymposium(leadCommitteeID: l.leadCommitteeID))
    }

    static func isHandler(_ h: Handling, _ p: Principal) -> Bool {
        p.has(.department) && p.departmentID == h.departmentID
    }

    static func allowed(_ check: Check, _ l: OutcomeStore.Loaded, _ p: Principal) throws -> Bool {
        switch check {
        case .view: return true
        case .office: return p.may(.actForOffice)
        case .acknowledge: return addressee(l.outcome, p) != nil
        case .handle(let hid):
            guard let h = l.outcome.handling(hid) else { throw OutcomeError.handlingNotFound }
            return isHandler(h, p) || isLeadCommittee(l, p)
        case .track: return isLeadCommittee(l, p)
        case .note(let itemID):
            guard let item = l.items.first(where: { $0.id == itemID }) else { throw NotFound.of("落实事项") }
            return isLeadCommittee(l, p) || (p.has(.department) && p.departmentID == item.ownerDepartmentID)
        }
    }

    @discardableResult
    static func require(_ check: Check, _ id: Int, on req: Request) async throws -> OutcomeStore.Loaded {
        let p = try req.principal
        let l = try await OutcomeStore.visible(id, for: p, on: req.db)
        guard try allowed(check, l, p) else { throw AccessError.forbidden }
        return l
    }
}
