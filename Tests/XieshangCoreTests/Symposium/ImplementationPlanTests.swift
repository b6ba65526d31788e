import Foundation
import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { SymposiumFixtures.day(iso) }

/// 二.4: "由牵头委室拟定实施方案报分管主席审签……方案经主席会议审议通过".
@Suite("Implementation plan: draft → submitted → signed or returned → adopted (二.4)")
struct ImplementationPlanTests {
    typealias Plan = ImplementationPlan
    let complete = SymposiumFixtures.completeContent
    let when = SymposiumFixtures.instant
    let today = day("2026-04-15")

    /// The note an action needs to be accepted (return: comments; adopt: the meeting's reference).
    func note(for action: Plan.Action) -> String {
        switch action {
        case .return: "议程中自由发言时间偏少"
        case .adopt: "十二届第35次主席会议"
        default: ""
        }
    }

    /// The content an action brings (save needs one; submit may bring one).
    func content(for action: Plan.Action) -> Plan.Content? {
        action == .save || action == .submit ? complete : nil
    }

    /// A plan reached by legal steps only.
    func plan(in state: Plan.State) throws -> Plan {
        var p = Plan()
        let path: [Plan.Action] = switch state {
        case .draft: []
        case .submitted: [.submit]
        case .returned: [.submit, .return]
        case .signed: [.submit, .sign]
        case .adopted: [.submit, .sign, .adopt]
        }
        if state != .draft { try p.take(.save, content: complete, actor: "委室", at: when, on: today) }
        for action in path {
            try p.take(action, content: content(for: action), note: note(for: action), actor: "actor", at: when, on: today)
        }
        #expect(p.state == state)
        return p
    }

    /// The legal transitions, written out from 二.4 rather than read from `Action.from`.
    static let legal: [Plan.State: [Plan.Action: Plan.State]] = [
        .draft: [.save: .draft, .submit: .submitted],
        .returned: [.save: .returned, .submit: .submitted],
        .submitted: [.sign: .signed, .return: .returned],
        .signed: [.adopt: .adopted],
        .adopted: [:],
    ]

    @Test("二.4 a new plan is an empty draft with no versions")
    func newPlanIsAnEmptyDraft() {
        let p = Plan()
        #expect(p.state == .draft)
        #expect(p.versions.isEmpty)
        #expect(p.content == Plan.Content())
        #expect(p.adoptedBy == nil && p.adoptedOn == nil)
        #expect(p.signature == nil && p.lastReturn == nil)
    }

    @Test("二.4 every legal step reaches the state the working method names", arguments: Plan.State.allCases)
    func legalSteps(from state: Plan.State) throws {
        for (action, target) in Self.legal[state] ?? [:] {
            var p = try plan(in: state)
            try p.take(action, content: content(for: action), note: note(for: action), actor: "actor", at: when, on: today)
            #expect(p.state == target, "\(state) –\(action)→")
        }
    }

    @Test("二.4 a step out of order is refused with planStepOutOfOrder and changes nothing", arguments: Plan.State.allCases)
    func illegalStepsRefused(from state: Plan.State) throws {
        let legalHere = Set((Self.legal[state] ?? [:]).keys)
        for action in Plan.Action.allCases where !legalHere.contains(action) {
            var p = try plan(in: state)
            let before = p
            #expect(throws: SymposiumError.planStepOutOfOrder(state, action)) {
                try p.take(action, content: complete, note: note(for: action), actor: "actor", at: when, on: today)
            }
            #expect(p == before, "\(state) –\(action)→ changed the plan")
        }
    }

    @Test("二.4 the full way: save, submit, return with comments, save, resubmit, sign, adopt")
    func fullWayWithAReturn() throws {
        var p = Plan()
        var partial = complete
        partial.agenda = "部门介绍情况；中心发言"
        try p.take(.save, content: partial, actor: "委室", at: when, on: day("2026-04-10"))
        try p.take(.submit, actor: "委室", at: when, on: day("2026-04-13"))
        try p.take(.return, note: "请补充预约发言和互动回应", actor: "分管副主席", at: when, on: day("2026-04-14"))
        try p.take(.save, content: complete, actor: "委室", at: when, on: day("2026-04-15"))
        try p.take(.submit, actor: "委室", at: when, on: day("2026-04-15"))
        try p.take(.sign, note: "同意", actor: "分管副主席", at: when, on: day("2026-04-16"))
        try p.take(.adopt, note: "十二届第35次主席会议", actor: "办公室", at: when, on: day("2026-04-20"))
        #expect(p.state == .adopted)
        #expect(p.versions.map(\.action) == [.save, .submit, .return, .save, .submit, .sign, .adopt])
        #expect(p.versions.map(\.state) == [.draft, .submitted, .returned, .returned, .submitted, .signed, .adopted])
        #expect(p.lastReturn?.note == "请补充预约发言和互动回应")
        #expect(p.signature?.note == "同意")
        #expect(p.signature?.content == complete)
    }

    @Test("二.4 submitting is refused while a required part is missing; the error names every missing part")
    func submitRefusedWhilePartsMissing() {
        var p = Plan()
        #expect(throws: SymposiumError.planIncomplete(["时间", "地点", "主持人", "议题", "拟邀请出席人员", "议程", "有关事项",
                                                       "调研、视察、考察等前期准备工作安排"])) {
            try p.take(.submit, actor: "委室", at: when, on: today)
        }
        #expect(p == Plan())
    }

    @Test("二.4 a part holding only blanks counts as missing, and the refusal names just those parts")
    func blankPartsAreMissing() throws {
        var p = Plan()
        var c = complete
        c.place = " \n "
        c.research = ""
        try p.take(.save, content: c, actor: "委室", at: when, on: today)
        let before = p
        #expect(c.missingParts == ["地点", "调研、视察、考察等前期准备工作安排"])
        #expect(throws: SymposiumError.planIncomplete(["地点", "调研、视察、考察等前期准备工作安排"])) {
            try p.take(.submit, actor: "委室", at: when, on: today)
        }
        #expect(p == before)
        let message = SymposiumError.planIncomplete(c.missingParts).message
        #expect(message.contains("地点") && message.contains("调研、视察、考察等前期准备工作安排") && message.contains("二.4"))
        #expect(SymposiumError.planIncomplete(c.missingParts).details == ["地点", "调研、视察、考察等前期准备工作安排"])
    }

    @Test("二.4 content brought with a refused submission is not kept")
    func refusedSubmissionKeepsNoContent() {
        var p = Plan()
        var c = complete
        c.host = ""
        #expect(throws: SymposiumError.planIncomplete(["主持人"])) {
            try p.take(.submit, content: c, actor: "委室", at: when, on: today)
        }
        #expect(p.content == Plan.Content())
        #expect(p.versions.isEmpty)
    }

    @Test("二.4 content brought with the submission is checked and saved with it")
    func submissionCarriesContent() throws {
        var p = Plan()
        try p.take(.submit, content: complete, actor: "委室", at: when, on: today)
        #expect(p.state == .submitted)
        #expect(p.content == complete)
        #expect(p.versions.last?.content == complete)
    }

    @Test("二.4 a full plan has no missing part")
    func completeContentHasNoMissingPart() {
        #expect(complete.missingParts.isEmpty)
        #expect(Plan.Content.parts.count == 8)
    }

    @Test("二.4 saving needs the content")
    func saveNeedsContent() {
        var p = Plan()
        #expect(throws: SymposiumError.invalid(["缺少方案内容。"])) {
            try p.take(.save, actor: "委室", at: when, on: today)
        }
        #expect(p == Plan())
    }

    @Test("二.4 a part longer than 5000 characters is refused on save and on submit")
    func overlongPartRefused() {
        var p = Plan()
        var c = complete
        c.otherMatters = String(repeating: "字", count: 5001)
        #expect(throws: SymposiumError.invalid(["“有关事项”超过5000个字。"])) {
            try p.take(.save, content: c, actor: "委室", at: when, on: today)
        }
        #expect(throws: SymposiumError.invalid(["“有关事项”超过5000个字。"])) {
            try p.take(.submit, content: c, actor: "委室", at: when, on: today)
        }
        #expect(p == Plan())
        c.otherMatters = String(repeating: "字", count: 5000)
        #expect(throws: Never.self) { try p.take(.save, content: c, actor: "委室", at: when, on: today) }
    }

    @Test("二.4 returning needs comments; blanks are not comments")
    func returnNeedsComments() throws {
        for blank in ["", "  ", "\n"] {
            var p = try plan(in: .submitted)
            let before = p
            #expect(throws: SymposiumError.returnNeedsComments) {
                try p.take(.return, note: blank, actor: "分管副主席", at: when, on: today)
            }
            #expect(p == before)
        }
    }

    @Test("二.4 adoption needs the chairman's meeting's reference, and records it with the day")
    func adoptionRecordsReferenceAndDay() throws {
        var p = try plan(in: .signed)
        let before = p
        #expect(throws: SymposiumError.self) {
            try p.take(.adopt, note: " ", actor: "办公室", at: when, on: day("2026-04-20"))
        }
        #expect(p == before)
        try p.take(.adopt, note: "  十二届第35次主席会议 ", actor: "办公室", at: when, on: day("2026-04-20"))
        #expect(p.adoptedBy == "十二届第35次主席会议")
        #expect(p.adoptedOn == day("2026-04-20"))
        #expect(p.versions.last?.note == "十二届第35次主席会议")
    }

    @Test("二.4 every action appends one numbered version with its state, actor, time and note")
    func everyActionAppendsAVersion() throws {
        var p = Plan()
        let steps: [(Plan.Action, String, String)] = [
            (.save, "李干事", ""), (.submit, "李干事", ""), (.return, "王副主席", "请补充调研安排"),
            (.save, "李干事", ""), (.submit, "李干事", ""), (.sign, "王副主席", "同意"), (.adopt, "办公室", "第35次主席会议"),
        ]
        for (i, step) in steps.enumerated() {
            let at = SymposiumFixtures.at(minutes: i)
            try p.take(step.0, content: step.0 == .save ? complete : nil, note: step.2, actor: step.1, at: at, on: today)
            #expect(p.versions.count == i + 1)
            let v = try #require(p.versions.last)
            #expect(v.number == i + 1)
            #expect(v.action == step.0)
            #expect(v.state == p.state)
            #expect(v.actor == step.1)
            #expect(v.at == at)
            #expect(v.note == step.2)
            #expect(v.content == p.content)
        }
    }

    @Test("二.4 a refused action appends no version")
    func refusedActionAppendsNothing() throws {
        var p = try plan(in: .submitted)
        let count = p.versions.count
        _ = try? p.take(.adopt, note: "x", actor: "办公室", at: when, on: today)
        _ = try? p.take(.return, note: "", actor: "分管副主席", at: when, on: today)
        #expect(p.versions.count == count)
    }

    @Test("二.4 the differences between versions list exactly the changed parts, in the plan's order")
    func differencesListChangedPartsOnly() {
        var new = complete
        new.research = "6月赴马路镇实地考察"
        new.place = "县政协一楼会议室"
        let d = new.differences(from: complete)
        #expect(d == [
            Plan.FieldChange(part: "地点", before: "县政协三楼会议室", after: "县政协一楼会议室"),
            Plan.FieldChange(part: "调研、视察、考察等前期准备工作安排", before: "5月赴江南镇、小淹镇开展专题调研", after: "6月赴马路镇实地考察"),
        ])
        #expect(complete.differences(from: complete).isEmpty)
        #expect(complete.differences(from: Plan.Content()).map(\.part) == Plan.Content.parts.map(\.name))
    }

    @Test("二.4 the differences between the returned and the resubmitted version show what the return changed")
    func differencesAcrossAReturn() throws {
        var p = try plan(in: .returned)
        var revised = p.content
        revised.agenda = "部门介绍情况；中心发言；预约发言4位；自由发言；互动回应；领导讲话"
        try p.take(.submit, content: revised, actor: "委室", at: when, on: today)
        let returned = try #require(p.lastReturn)
        let resubmitted = try #require(p.versions.last)
        #expect(resubmitted.content.differences(from: returned.content).map(\.part) == ["议程"])
    }
}
