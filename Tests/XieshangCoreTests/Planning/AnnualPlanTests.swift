import Testing
@testable import XieshangCore

@Suite("The annual plan from draft to joint issuance (二.1, 二.2)")
struct AnnualPlanTests {
    let r = Regulation.default

    func draft() -> AnnualPlan {
        AnnualPlan(year: 2026, topics: [
            PlannedTopic(id: 1, title: "全会合并议题", leadCommitteeID: 1, month: 2),
            PlannedTopic(id: 2, title: "推进安化黑茶产业高质量发展", leadCommitteeID: 3, month: 4, date: Day(iso: "2026-04-21")),
        ])
    }

    func issued() throws -> AnnualPlan {
        var p = draft()
        try p.take(.adopt, date: Day(iso: "2025-12-10")!, actor: "office", reference: "十二届第30次主席会议", regulation: r)
        try p.take(.report, date: Day(iso: "2025-12-12")!, actor: "office", reference: "安政协党组〔2025〕5号", regulation: r)
        try p.take(.consent, date: Day(iso: "2025-12-20")!, actor: "office", reference: "县委常委会同意", regulation: r)
        try p.take(.issue, date: Day(iso: "2025-12-28")!, actor: "office", reference: "安政协办联发〔2025〕1号", regulation: r)
        return p
    }

    @Test("二.2 the plan as issued is what the notice said, whatever was adjusted since")
    func planAsIssuedUndoesTheAdjustments() throws {
        var p = try issued()
        let issuedTopics = p.topics
        #expect(draft().asIssued == nil)
        let day = Day(iso: "2026-03-02")!
        var moved = p.topics[1]
        moved.month = 5
        moved.date = Day(iso: "2026-05-19")
        try p.adjust(topicID: 2, to: moved, reason: "与县人代会时间冲突", date: day, actor: "office", regulation: r)
        var renamed = p.topics[1]
        renamed.title = "推进安化黑茶全产业链高质量发展"
        try p.adjust(topicID: 2, to: renamed, reason: "扩大协商范围", date: day, actor: "office", regulation: r)
        #expect(p.topics != issuedTopics)
        let asIssued = try #require(p.asIssued)
        #expect(asIssued.topics == issuedTopics)
        #expect(asIssued.adjustments.isEmpty)
        #expect(asIssued.documentNumber == "安政协办联发〔2025〕1号")
        #expect(asIssued.issuedOn == Day(iso: "2025-12-28"))
        #expect(p.adjustments.count == 2)
    }

    @Test func stepsTakenInOrderReachIssuance() throws {
        let p = try issued()
        #expect(p.state == .issued)
        #expect(p.steps.map(\.action) == [.adopt, .report, .consent, .issue])
        #expect(p.documentNumber == "安政协办联发〔2025〕1号")
    }

    @Test func stepOutOfOrderIsRefusedAndChangesNothing() {
        var p = draft()
        let before = p
        #expect(throws: PlanningError.outOfOrder(from: .draft, action: .issue)) {
            try p.take(.issue, date: Day(iso: "2025-12-28")!, actor: "office", reference: "安政协办联发〔2025〕1号", regulation: r)
        }
        #expect(p == before)
    }

    @Test func outOfOrderMessageNamesTheMissingStep() {
        let e = PlanningError.outOfOrder(from: .adopted, action: .consent)
        #expect(e.message.contains("党组") && e.kind == .conflict)
    }

    @Test func adoptionNeedsTheChairmansMeetingNumber() {
        var p = draft()
        #expect(throws: PlanningError.self) {
            try p.take(.adopt, date: Day(iso: "2025-12-10")!, actor: "office", reference: " ", regulation: r)
        }
        #expect(p.state == .draft)
    }

    @Test func issuanceNeedsAWellFormedDocumentNumber() throws {
        var p = try issued()
        p.state = .consented
        p.steps.removeLast()
        for bad in ["安政协办联发[2025]1号", "安政协办联发〔2025〕01号", "〔2025〕1号", "安政协办联发〔25〕1号"] {
            #expect(throws: PlanningError.self) {
                try p.take(.issue, date: Day(iso: "2025-12-28")!, actor: "office", reference: bad, regulation: r)
            }
        }
    }

    @Test func stepDatesCannotGoBackwards() throws {
        var p = draft()
        try p.take(.adopt, date: Day(iso: "2025-12-10")!, actor: "office", reference: "第30次", regulation: r)
        #expect(throws: PlanningError.self) {
            try p.take(.report, date: Day(iso: "2025-12-01")!, actor: "office", reference: "", regulation: r)
        }
    }

    @Test func issuedPlanCannotBeEditedDirectly() throws {
        var p = try issued()
        #expect(throws: PlanningError.notEditable(.issued)) { try p.setTopics([], regulation: r) }
    }

    @Test func adjustmentAfterIssuanceKeepsReasonAndBothVersions() throws {
        var p = try issued()
        var changed = p.topics[1]
        changed.month = 5
        changed.date = Day(iso: "2026-05-19")
        try p.adjust(topicID: 2, to: changed, reason: "县委调整工作安排", date: Day(iso: "2026-03-01")!, actor: "office", regulation: r)
        #expect(p.topics[1].month == 5)
        #expect(p.adjustments.count == 1)
        #expect(p.adjustments[0].before.month == 4 && p.adjustments[0].after.month == 5)
        #expect(p.adjustments[0].reason == "县委调整工作安排")
    }

    @Test func adjustmentNeedsAReason() throws {
        var p = try issued()
        #expect(throws: PlanningError.adjustmentNeedsReason) {
            try p.adjust(topicID: 2, to: p.topics[1], reason: "  ", date: Day(iso: "2026-03-01")!, actor: "office", regulation: r)
        }
    }

    @Test func draftNeedsNoAdjustment() {
        var p = draft()
        #expect(throws: PlanningError.adjustmentOnlyAfterIssuance) {
            try p.adjust(topicID: 2, to: p.topics[1], reason: "x", date: Day(iso: "2026-03-01")!, actor: "office", regulation: r)
        }
    }

    @Test func countOtherThanSixIsWarnedNotForbidden() throws {
        var p = draft()
        #expect(p.warnings(r).contains { $0.contains("一般每年安排6个") })
        try p.take(.adopt, date: Day(iso: "2025-12-10")!, actor: "office", reference: "第30次", regulation: r)
        #expect(p.state == .adopted)
    }

    @Test func topicNeedsALeadCommitteeUnlessMerged() {
        var p = draft()
        #expect(throws: PlanningError.self) {
            try p.setTopics([PlannedTopic(id: 1, title: "议题", leadCommitteeID: nil, month: 6)], regulation: r)
        }
        #expect(throws: Never.self) {
            try p.setTopics([PlannedTopic(id: 1, title: "全会", leadCommitteeID: nil, month: 1)], regulation: r)
        }
    }

    @Test func topicDateMustLieInItsMonth() {
        var p = draft()
        #expect(throws: PlanningError.self) {
            try p.setTopics([PlannedTopic(id: 1, title: "议题", leadCommitteeID: 1, month: 6, date: Day(iso: "2026-07-01"))], regulation: r)
        }
    }

    @Test func documentNumberHasNoLeadingZeros() {
        #expect(DocumentNumber(prefix: "安政协办联发", year: 2026, serial: 1).text == "安政协办联发〔2026〕1号")
        #expect(DocumentNumber(parsing: "安政协办联发〔2026〕12号") == DocumentNumber(prefix: "安政协办联发", year: 2026, serial: 12))
        #expect(DocumentNumber(parsing: "安政协办联发〔+202〕1号") == nil)
        #expect(DocumentNumber(parsing: "安政协办联发〔2026〕第1号") == nil)
    }
}

@Suite("The November call for topics (二.1)")
struct TopicCallTests {
    @Test func callIsOpenUntilAndIncludingTheDeadline() {
        let c = TopicCall(planYear: 2027, opensOn: Day(iso: "2026-11-02")!, deadline: Day(iso: "2026-11-30")!)
        #expect(c.isOpen(on: Day(iso: "2026-11-30")!))
        #expect(!c.isOpen(on: Day(iso: "2026-12-01")!))
        #expect(!c.isOpen(on: Day(iso: "2026-11-01")!))
    }

    @Test func callOpensInNovemberOfThePreviousYear() {
        let c = TopicCall(planYear: 2027, opensOn: Day(iso: "2026-11-02")!, deadline: Day(iso: "2026-11-30")!)
        #expect(c.opensInPrescribedMonth(.default))
        let late = TopicCall(planYear: 2027, opensOn: Day(iso: "2026-12-02")!, deadline: Day(iso: "2026-12-20")!)
        #expect(!late.opensInPrescribedMonth(.default))
    }

    @Test func deadlineMayNotLieInThePast() {
        #expect(throws: PlanningError.self) {
            try TopicCall.open(planYear: 2027, today: Day(iso: "2026-11-29")!, deadline: Day(iso: "2026-11-20")!, regulation: .default)
        }
    }

    @Test func suggestionNeedsTitleRationaleAndGround() {
        let s = TopicSuggestionDraft(title: "", rationale: "", grounds: [], suggestedMonth: 13, proposedLeadCommitteeID: nil)
        do {
            try s.validate()
            Issue.record("expected a refusal")
        } catch let e as Refusal {
            #expect(e.details.count == 4)
        } catch { Issue.record("\(error)") }
    }
}
