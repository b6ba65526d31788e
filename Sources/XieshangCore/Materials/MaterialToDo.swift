/// "Who owes what" for one material (三(四)): nothing once it can be issued; otherwise the
/// producer owes a file (or a revision of a returned draft), or the lead committee owes a review
/// or the forwarding of an approved draft to the office (三(四).3). A state secret on a
/// non-classified system is owed as printed copies delivered to the office.
public struct OwedMaterial: Sendable, Equatable {
    public enum Step: String, Sendable, Equatable {
        case submit, revise, review, forward, deliverPaper
    }

    public var step: Step
    public var owner: TaskOwner
    public var due: Day
    public var title: String
}

extension Material {
    public func owed(dues: MaterialDueDays, leadCommitteeID: Int, system: SystemClassification) -> OwedMaterial? {
        guard !isIssuable else { return nil }
        let due = dues.due(of: self)
        let name = "\(kind.chineseName)《\(title)》"
        if handling(on: system) == .paper {
            return OwedMaterial(step: .deliverPaper, owner: producer.owner, due: due, title: "向办公室送交纸质件\(name)")
        }
        switch review?.state {
        case .submitted?:
            return OwedMaterial(step: .review, owner: .committee(leadCommitteeID), due: due, title: "审核\(name)")
        case .approved?:
            return OwedMaterial(step: .forward, owner: .committee(leadCommitteeID), due: dues.compile,
                                title: "将\(name)送办公室印发")
        case .returned?:
            return OwedMaterial(step: .revise, owner: producer.owner, due: due, title: "修改后重新报送\(name)")
        case .drafting?, .forwarded?, nil:
            // A forwarded draft that is not issuable was revised after forwarding: drafting again.
            let verb = review == nil ? "提交" : (currentVersion == nil ? "提交" : "报送委室把关")
            return OwedMaterial(step: .submit, owner: producer.owner, due: due, title: "\(verb)\(name)")
        }
    }
}

extension Producer {
    /// Who answers for it on the dashboard. The party committee's and the government's offices
    /// have no accounts here: the CPPCC office collects their leaders' speeches (三(四).1).
    public var owner: TaskOwner {
        switch self {
        case .partyCommitteeOffice, .governmentOffice, .cppccOffice: .role(.office)
        case .department(let d): .department(d)
        case .leadCommittee(let c): .committee(c)
        case .attendee(let p): .person(p)
        }
    }
}
