import Testing
@testable import XieshangCore

/// Every refusal has a stable code for API clients, a Chinese message and the right kind
/// (DESIGN.md: "a clear Chinese message … an API client gets a 4xx with a machine-readable error").
@Suite("Symposium refusals: codes, messages, kinds")
struct SymposiumErrorTests {
    static let all: [SymposiumError] = [
        .planNotIssued(2026), .topicNotInPlan(2026), .topicMergedWithPlenary, .topicHasNoDate, .alreadyCreated,
        .noLeadCommittee, .hostNotEligible, .entrustmentRequired, .entrustmentNotByChair,
        .planStepOutOfOrder(.draft, .sign), .planIncomplete(["地点"]), .returnNeedsComments, .notViceChairInCharge,
        .invitationOutOfOrder(.proposed, "提醒答复"), .alreadyInvited("王委员"), .notInvited, .cannotRemove(.confirmed),
        .quotaRefused(["拟邀请委员过多。"]), .expertIsMember("钱委员"), .rescheduleNeedsReason,
        .nonWorkingDay(SymposiumFixtures.day("2026-10-01"), "国庆节放假"), .alreadyHeld, .taskNotFound, .invalid(["地点不超过100个字。"]),
    ]

    @Test("every refusal has its own snake_case code and a Chinese message")
    func codesAreDistinctAndMessagesChinese() {
        let codes = Self.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        for e in Self.all {
            #expect(e.code.allSatisfy { $0.isLowercase || $0 == "_" }, "\(e.code)")
            #expect(e.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(e.code)")
        }
    }

    @Test("a step out of order, a duplicate or a held symposium is a conflict; signing by another is forbidden")
    func kinds() {
        let conflicts: [SymposiumError] = [.planStepOutOfOrder(.draft, .sign), .invitationOutOfOrder(.proposed, "x"), .alreadyCreated,
                                           .alreadyInvited("x"), .cannotRemove(.confirmed), .planNotIssued(2026), .alreadyHeld]
        #expect(conflicts.allSatisfy { $0.kind == .conflict })
        #expect(SymposiumError.notViceChairInCharge.kind == .forbidden)
        #expect(SymposiumError.notInvited.kind == .notFound && SymposiumError.taskNotFound.kind == .notFound)
        #expect(SymposiumError.planIncomplete([]).kind == .invalid)
        #expect(SymposiumError.expertIsMember("x").kind == .invalid)
    }

    @Test("二.4 三(一).3 messages name the state and the step refused")
    func messagesNameStateAndStep() {
        #expect(SymposiumError.planStepOutOfOrder(.draft, .sign).message == "实施方案当前状态为“起草中”，不能“审签”。")
        #expect(SymposiumError.invitationOutOfOrder(.proposed, "提醒答复").message == "该邀请当前为“拟邀请”，不能提醒答复。")
        #expect(SymposiumError.cannotRemove(.confirmed).message.contains("确认出席"))
        #expect(SymposiumError.invalid(["a。", "b。"]).details == ["a。", "b。"])
    }
}
