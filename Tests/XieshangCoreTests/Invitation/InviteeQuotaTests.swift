import Testing
@testable import XieshangCore

@Suite("Invitee quotas (三(一).1)")
struct InviteeQuotaTests {
    let regulation = Regulation.default

    func members(_ sectors: [Int?]) -> [InviteeCount] {
        sectors.map { InviteeCount(category: .members, sectorID: $0) }
    }

    func experts(_ n: Int) -> [InviteeCount] {
        Array(repeating: InviteeCount(category: .experts, sectorID: nil), count: n)
    }

    @Test("三(一).1 about six members: four members is a warning, not a refusal")
    func fourMembersWarn() {
        let r = InviteeQuotaReport.evaluate(members([1, 2, 3, 4]) + experts(2), regulation: regulation)
        #expect(r.members == 4)
        #expect(r.isAcceptable)
        #expect(r.refusals.isEmpty)
        #expect(r.warnings == ["拟邀请委员4位，工作办法要求6位左右。"])
        #expect(r.membersPreferred == "6")
    }

    @Test("三(一).1 about six members: six members from several sectors is neither warned nor refused")
    func sixMembersAreFine() {
        let r = InviteeQuotaReport.evaluate(members([1, 1, 2, 3, 4, nil]) + experts(3), regulation: regulation)
        #expect(r.members == 6 && r.experts == 3)
        #expect(r.warnings.isEmpty)
        #expect(r.refusals.isEmpty)
        #expect(r.sectorsCovered == 4)
        #expect(r.sectorSpread.first == SectorShare(sectorID: 1, count: 2))
        #expect(r.sectorSpread.map(\.count).reduce(0, +) == 5)
    }

    @Test("三(一).1 about six members: eight members is a warning, not a refusal")
    func eightMembersWarn() {
        let r = InviteeQuotaReport.evaluate(members(Array(1...8)) + experts(2), regulation: regulation)
        #expect(r.isAcceptable)
        #expect(r.warnings == ["拟邀请委员8位，工作办法要求6位左右。"])
    }

    @Test("三(一).1 two to three experts: two and three pass, one and four are warned")
    func expertsTwoToThree() {
        let six = members(Array(1...6))
        for n in [2, 3] {
            let r = InviteeQuotaReport.evaluate(six + experts(n), regulation: regulation)
            #expect(r.warnings.isEmpty, "\(n) experts")
        }
        let one = InviteeQuotaReport.evaluate(six + experts(1), regulation: regulation)
        #expect(one.warnings == ["拟邀请专家学者1位，工作办法要求2—3位。"])
        #expect(one.isAcceptable)
        let four = InviteeQuotaReport.evaluate(six + experts(4), regulation: regulation)
        #expect(four.warnings == ["拟邀请专家学者4位，工作办法要求2—3位。"])
        #expect(four.expertsPreferred == "2—3")
    }

    @Test("三(一).1 counts outside the allowed range are refused")
    func outsideAllowedIsRefused() {
        let none = InviteeQuotaReport.evaluate(experts(2), regulation: regulation)
        #expect(!none.isAcceptable)
        #expect(none.refusals == ["尚未邀请委员，至少须邀请1位。"])
        #expect(none.refusal?.code == "invitee_quota_out_of_range")

        let crowd = InviteeQuotaReport.evaluate(members(Array(1...31)) + experts(11), regulation: regulation)
        #expect(crowd.refusals == ["拟邀请委员31位，超过上限30位。", "拟邀请专家学者11位，超过上限10位。"])
        // Refused counts are not warned about twice.
        #expect(crowd.warnings.isEmpty)
    }

    @Test("三(一).1 各界别: members all from one sector are warned")
    func oneSectorWarns() {
        let r = InviteeQuotaReport.evaluate(members([7, 7, 7, 7, 7, 7]) + experts(2), regulation: regulation)
        #expect(r.isAcceptable)
        #expect(r.sectorsCovered == 1)
        #expect(r.sectorSpread == [SectorShare(sectorID: 7, count: 6)])
        #expect(r.warnings == ["拟邀请委员均来自同一界别，宜尽量邀请各界别代表。"])
    }

    @Test("三(一).1 only members and experts count towards the quotas")
    func otherCategoriesDoNotCount() {
        let heads = [AttendeeCategory.leaders, .committeeHeads, .departmentHeads].map {
            InviteeCount(category: $0, sectorID: nil)
        }
        let r = InviteeQuotaReport.evaluate(heads + members(Array(1...6)) + experts(2), regulation: regulation)
        #expect(r.members == 6 && r.experts == 2)
        #expect(r.warnings.isEmpty && r.refusals.isEmpty)
    }

    @Test("三(一).2 a person's kind decides the attendee category")
    func categoryFromKind() {
        #expect(AttendeeCategory(kind: .leader) == .leaders)
        #expect(AttendeeCategory(kind: .committeeHead) == .committeeHeads)
        #expect(AttendeeCategory(kind: .departmentHead) == .departmentHeads)
        #expect(AttendeeCategory(kind: .member) == .members)
        #expect(AttendeeCategory(kind: .expert) == .experts)
    }
}
