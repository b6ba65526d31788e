import Foundation
@testable import XieshangCore

/// The cast and the fixed instants of the symposium tests: one county CPPCC with a chair,
/// two vice chairs, a secretary-general, committees 3 (lead) and 4, and the 2026 plan.
enum SymposiumFixtures {
    static let chairID = 10
    /// 分管副主席 of the symposia below.
    static let viceChairID = 20
    static let otherViceChairID = 21
    static let viceChairIDs: Set<Int> = [viceChairID, otherViceChairID]
    static let secretaryGeneralID = 30
    static let leadCommitteeID = 3
    static let otherCommitteeID = 4

    static let regulation = Regulation.default
    static let calendar = WorkingCalendar.builtIn

    /// 2026-06-01 09:00 China Standard Time; every `Date` in these tests is this or an offset of it.
    static let instant = Date(timeIntervalSince1970: 1_780_275_600)

    static func at(minutes: Int) -> Date { instant.addingTimeInterval(TimeInterval(minutes * 60)) }

    static func day(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else { fatalError("bad test date \(iso)") }
        return d
    }

    /// The 2026 plan: the February topic merged with the plenary session (二.3), then April
    /// (committee 3), June (committee 4) and an August topic not yet given a day.
    static func draftPlan() -> AnnualPlan {
        AnnualPlan(year: 2026, topics: [
            PlannedTopic(id: 1, title: "全会合并议题", leadCommitteeID: nil, month: 2),
            PlannedTopic(id: 2, title: "推进安化黑茶产业高质量发展", rationale: "县委中心工作", leadCommitteeID: leadCommitteeID,
                         month: 4, date: day("2026-04-21")),
            PlannedTopic(id: 3, title: "加强农村养老服务体系建设", leadCommitteeID: otherCommitteeID, month: 6,
                         date: day("2026-06-18")),
            PlannedTopic(id: 4, title: "优化营商环境", leadCommitteeID: leadCommitteeID, month: 8),
        ])
    }

    /// The plan through adoption, report, consent and joint issuance (二.1).
    static func issuedPlan() throws -> AnnualPlan {
        var p = draftPlan()
        try p.take(.adopt, date: day("2025-12-10"), actor: "office", reference: "十二届第30次主席会议", regulation: regulation)
        try p.take(.report, date: day("2025-12-12"), actor: "office", reference: "安政协党组〔2025〕5号", regulation: regulation)
        try p.take(.consent, date: day("2025-12-20"), actor: "office", reference: "县委常委会同意", regulation: regulation)
        try p.take(.issue, date: day("2025-12-28"), actor: "office", reference: "安政协办联发〔2025〕1号", regulation: regulation)
        return p
    }

    /// A symposium led by committee 3, vice chair 20 in charge, hosted by the chair.
    static func symposium(on iso: String = "2026-06-18", viceChairInChargeID: Int? = viceChairID) -> Symposium {
        Symposium(year: 2026, topicID: 2, topic: "推进安化黑茶产业高质量发展", rationale: "县委中心工作",
                  leadCommitteeID: leadCommitteeID, viceChairInChargeID: viceChairInChargeID,
                  host: SymposiumHost(personID: chairID), date: day(iso))
    }

    /// Every part 二.4 requires, filled in.
    static let completeContent = ImplementationPlan.Content(
        time: "2026年6月18日上午9:00", place: "县政协三楼会议室", host: "县政协主席", topic: "推进安化黑茶产业高质量发展",
        invitees: "委员6位、专家2位及有关部门负责同志", agenda: "部门介绍情况；中心发言；预约发言；自由发言；互动回应；领导讲话",
        otherMatters: "材料于会前3日印发", research: "5月赴江南镇、小淹镇开展专题调研")

    static func principal(_ roles: Set<Role>, personID: Int? = nil, committeeID: Int? = nil,
                          departmentID: Int? = nil) -> Principal {
        Principal(userID: 1, username: "u", displayName: "U", roles: roles, personID: personID,
                  committeeID: committeeID, departmentID: departmentID)
    }
}
