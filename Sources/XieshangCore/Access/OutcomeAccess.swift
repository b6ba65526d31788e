/// Who may see and act on an outcome (一.6, 三(五)).
///
/// - The CPPCC side and county leaders see every outcome; a department only sent ones, and of
///   those only the ones sent to it, assigned to it for handling, or with a follow-up item it
///   owns (a draft is the CPPCC's own, whatever it holds); members and experts none.
/// - The office drafts, sends and assigns (三(五) "办公室将…报送…送交").
/// - A recipient acknowledges receipt: the county leader named, or the department's user.
/// - The assigned department accepts, returns and replies; the lead committee rates the
///   reply and asks for re-handling, and tracks the follow-up items (三(五) "牵头委室负责相关后续工作").
public enum OutcomeAction: Sendable, Equatable {
    case view
    case office
    case acknowledge
    case handle(Int)
    case track
    /// A progress note on a follow-up item: the lead committee or the item's owner department.
    case note(Int)
}

extension Principal {
    public func sees(_ o: Outcome, items: [FollowUpItem]) -> Bool {
        if isCPPCCSide || has(.leader) { return true }
        guard has(.department), let d = departmentID else { return false }
        // Checked first, so that an item added to a draft before drafts refused items does not open it.
        guard o.state == .sent else { return false }
        return o.recipients.contains { $0.addressee.departmentID == d }
            || o.handlings.contains { $0.departmentID == d }
            || items.contains { $0.ownerDepartmentID == d }
    }

    /// The recipient this principal acknowledges for, if any.
    public func addressee(of o: Outcome) -> OutcomeRecipient.Addressee? {
        if has(.leader), let person = personID, o.recipient(.leader(personID: person)) != nil {
            return .leader(personID: person)
        }
        if has(.department), let d = departmentID, o.recipient(.department(d)) != nil { return .department(d) }
        return nil
    }

    /// The staff of the symposium's lead committee, or the office standing in for it.
    public func isLeadCommittee(_ leadCommitteeID: Int) -> Bool {
        may(.prepareSymposium(leadCommitteeID: leadCommitteeID))
    }

    public func handles(_ h: Handling) -> Bool {
        has(.department) && departmentID == h.departmentID
    }

    /// Throws when the act names a handling or an item the outcome does not hold.
    public func may(_ action: OutcomeAction, on o: Outcome, items: [FollowUpItem], leadCommitteeID: Int) throws -> Bool {
        switch action {
        case .view: return true
        case .office: return may(.actForOffice)
        case .acknowledge: return addressee(of: o) != nil
        case .handle(let hid):
            guard let h = o.handling(hid) else { throw OutcomeError.handlingNotFound }
            return handles(h) || isLeadCommittee(leadCommitteeID)
        case .track: return isLeadCommittee(leadCommitteeID)
        case .note(let itemID):
            guard let item = items.first(where: { $0.id == itemID }) else { throw OutcomeError.followUpItemNotFound }
            return isLeadCommittee(leadCommitteeID) || (has(.department) && departmentID == item.ownerDepartmentID)
        }
    }
}
