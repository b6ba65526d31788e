import Foundation
import Testing
@testable import XieshangCore

/// 三(五) "送交相关部门办理": a department's handling, step by step, with the county's time
/// limits on the working calendar (default: accept 5, reply 40, rate 10 working days).
@Suite("Handling by departments (三(五) 送交相关部门办理)")
struct HandlingTests {
    typealias F = OutcomeFixtures
    let calendar = WorkingCalendar.builtIn
    let regulation = Regulation.default

    /// A proposal sent Monday 2026-06-22 to departments 21 and 22; handling 1 is department 21's.
    func sent() throws -> Outcome { try F.sent(.proposal, on: "2026-06-22") }

    func handling() throws -> Handling { try #require(try sent().handling(1)) }

    @Test("三(五) assigned → accepted → replied → rated, each step with its actor, time and due date")
    func fullWay() throws {
        var h = try handling()
        #expect(h.departmentID == F.agricultureID && h.state == .assigned)
        // Accept within 5 working days of 06-22: 06-23..26, 06-29.
        #expect(h.due?.day == F.day("2026-06-29") && h.pendingStep == "承办部门接收办理或退回")
        try h.accept(by: "农业农村局", at: F.at("2026-06-24"), calendar: calendar, regulation: regulation)
        // Reply within 40 working days of 06-24: 4 in June, 23 in July, 13 in August → 08-19.
        #expect(h.state == .accepted && h.due?.day == F.day("2026-08-19"))
        try h.reply(text: "已将黑茶品牌建设列入明年重点工作。", documentName: "安农函〔2026〕12号", result: .planned,
                    by: "农业农村局", at: F.at("2026-08-10"), calendar: calendar, regulation: regulation)
        // Rate within 10 working days of 08-10: 08-11..14, 08-17..21, 08-24.
        #expect(h.state == .replied && h.due?.day == F.day("2026-08-24"))
        try h.rate(.satisfied, by: "经济委", at: F.at("2026-08-20"))
        #expect(h.state == .rated && h.due == nil && h.pendingStep == nil)
        #expect(h.steps.map(\.action) == [.assign, .accept, .reply, .rate])
        #expect(h.steps.map(\.actor) == ["办公室", "农业农村局", "农业农村局", "经济委"])
        #expect(h.steps.map(\.at) == [F.at("2026-06-22"), F.at("2026-06-24"), F.at("2026-08-10"), F.at("2026-08-20")])
        #expect(h.steps.map(\.onTime) == [nil, true, true, true])
        #expect(h.reply?.result == .planned && h.reply?.documentName == "安农函〔2026〕12号" && h.reply?.round == 1)
        #expect(h.rating?.satisfaction == .satisfied)
    }

    @Test("三(五) a department may return the outcome to the office, only with a reason; the office reassigns it")
    func returnWithReason() throws {
        var h = try handling()
        let before = h
        #expect(throws: OutcomeError.returnNeedsReason) {
            try h.returnToOffice(reason: "  ", by: "农业农村局", at: F.at("2026-06-23"))
        }
        #expect(h == before)
        try h.returnToOffice(reason: "该事项属县茶叶产业办职责。", by: "农业农村局", at: F.at("2026-06-23"))
        #expect(h.state == .returnedToOffice && h.returnReason == "该事项属县茶叶产业办职责。" && h.due == nil)
        #expect {
            try h.accept(by: "农业农村局", at: F.at("2026-06-24"), calendar: calendar, regulation: regulation)
        } throws: { e in
            (e as? OutcomeError)?.message == "办理当前为“已退回办公室”，不能“接收办理”。" && (e as? OutcomeError)?.kind == .conflict
        }
        try h.reassign(note: "经协调仍由农业农村局主办", by: "办公室", at: F.at("2026-06-25"), calendar: calendar,
                       regulation: regulation)
        // Accept within 5 working days of 06-25: 06-26, 06-29, 06-30, 07-01, 07-02.
        #expect(h.state == .assigned && h.due?.day == F.day("2026-07-02") && h.returnReason == nil)
    }

    @Test("三(五) the office reroutes a returned outcome to another department")
    func rerouteAfterReturn() throws {
        var o = try sent()
        try o.updateHandling(1) { try $0.returnToOffice(reason: "不属本部门职责", by: "农业农村局", at: F.at("2026-06-23")) }
        let h = try o.assignHandling(departmentID: F.teaOfficeID, by: "办公室", at: F.at("2026-06-24"), calendar: calendar,
                                     regulation: regulation)
        #expect(o.openHandlings.map(\.departmentID) == [F.transportID, F.teaOfficeID])
        #expect(h.state == .assigned && o.handling(1)?.state == .returnedToOffice)
        // Department 21 may be assigned again now that its handling is closed.
        try o.assignHandling(departmentID: F.agricultureID, by: "办公室", at: F.at("2026-06-25"), calendar: calendar,
                             regulation: regulation)
        #expect(o.openHandlings.count == 3)
    }

    @Test("三(五) steps out of order are refused with a Chinese message and change nothing")
    func outOfOrder() throws {
        var h = try handling()
        let before = h
        #expect(throws: OutcomeError.handlingOutOfOrder(.assigned, .reply)) {
            try h.reply(text: "答复", result: .solved, by: "农业农村局", at: F.at("2026-06-23"), calendar: calendar,
                        regulation: regulation)
        }
        #expect(throws: OutcomeError.handlingOutOfOrder(.assigned, .rate)) {
            try h.rate(.satisfied, by: "经济委", at: F.at("2026-06-23"))
        }
        #expect(throws: OutcomeError.handlingOutOfOrder(.assigned, .rehandle)) {
            try h.rehandle(by: "经济委", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        }
        #expect(h == before)
        try h.accept(by: "农业农村局", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        #expect(throws: OutcomeError.handlingOutOfOrder(.accepted, .accept)) {
            try h.accept(by: "农业农村局", at: F.at("2026-06-24"), calendar: calendar, regulation: regulation)
        }
        #expect(throws: OutcomeError.handlingOutOfOrder(.accepted, .returnToOffice)) {
            try h.returnToOffice(reason: "理由", by: "农业农村局", at: F.at("2026-06-24"))
        }
        #expect(OutcomeError.handlingOutOfOrder(.accepted, .rate).message == "办理当前为“办理中”，不能“测评答复”。")
    }

    @Test("三(五) a reply states its text or its document, and a result")
    func replyNeedsContent() throws {
        var h = try handling()
        try h.accept(by: "农业农村局", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        #expect(throws: OutcomeError.replyRequired) {
            try h.reply(text: " ", documentName: "", result: .solved, by: "农业农村局", at: F.at("2026-06-24"),
                        calendar: calendar, regulation: regulation)
        }
        try h.reply(text: "", documentName: "安农函〔2026〕15号", result: .explained, by: "农业农村局", at: F.at("2026-06-24"),
                    calendar: calendar, regulation: regulation)
        #expect(h.replies.count == 1 && h.reply?.result.chineseName == "留作参考")
    }

    @Test("三(五) an unsatisfied rating gives reasons and may send the outcome back to handling for a new reply")
    func rehandlingAfterUnsatisfied() throws {
        var h = try handling()
        try h.accept(by: "农业农村局", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        try h.reply(text: "初步答复", result: .explained, by: "农业农村局", at: F.at("2026-07-01"), calendar: calendar,
                    regulation: regulation)
        #expect(throws: OutcomeError.unsatisfiedNeedsComments) { try h.rate(.unsatisfied, by: "经济委", at: F.at("2026-07-02")) }
        #expect(h.allows(.rate) && !h.allows(.rehandle) && !h.allows(.reply))
        try h.rate(.unsatisfied, comments: "答复未回应品牌保护问题。", by: "经济委", at: F.at("2026-07-02"))
        #expect(h.allows(.rehandle) && !h.allows(.rate))
        try h.rehandle(by: "经济委", at: F.at("2026-07-03"), calendar: calendar, regulation: regulation)
        // A new reply within 40 working days of 07-03: 20 more in July, 20 in August → 08-28.
        #expect(h.state == .accepted && h.round == 2 && h.due?.day == F.day("2026-08-28"))
        #expect(h.steps.last?.note == "答复未回应品牌保护问题。")
        try h.reply(text: "补充答复", result: .partlySolved, by: "农业农村局", at: F.at("2026-08-03"), calendar: calendar,
                    regulation: regulation)
        try h.rate(.basicallySatisfied, by: "经济委", at: F.at("2026-08-05"))
        #expect(h.replies.map(\.round) == [1, 2] && h.ratings.map(\.satisfaction) == [.unsatisfied, .basicallySatisfied])
        // What a page offers after a satisfied rating: no re-handling, as the step itself refuses.
        #expect(!h.allows(.rehandle) && Handling.Action.allCases.allSatisfy { !h.allows($0) })
        #expect(throws: OutcomeError.rehandleNeedsUnsatisfied) {
            try h.rehandle(by: "经济委", at: F.at("2026-08-06"), calendar: calendar, regulation: regulation)
        }
    }

    @Test("三(五) each step is overdue after its due day; a late step is recorded as late")
    func overdueFlags() throws {
        var h = try handling()
        #expect(!h.isOverdue(today: F.day("2026-06-29")) && h.isOverdue(today: F.day("2026-06-30")))
        try h.accept(by: "农业农村局", at: F.at("2026-07-01"), calendar: calendar, regulation: regulation)
        #expect(h.steps.last?.onTime == false && !h.isOverdue(today: F.day("2026-07-01")))
        var short = regulation
        short.handling.replyWorkingDays = 2
        var g = try handling()
        try g.accept(by: "农业农村局", at: F.at("2026-06-23"), calendar: calendar, regulation: short)
        #expect(g.due?.day == F.day("2026-06-25") && g.isOverdue(today: F.day("2026-06-26")))
    }

    @Test("三(五) a step dated before the one before it is refused")
    func timeOrder() throws {
        var h = try handling()
        #expect(throws: OutcomeError.timeBeforeLastStep) {
            try h.accept(by: "农业农村局", at: F.at("2026-06-21"), calendar: calendar, regulation: regulation)
        }
    }

    @Test("三(五) a refused step through the outcome changes nothing; an unknown handling is not found")
    func throughTheOutcome() throws {
        var o = try sent()
        let before = o
        #expect(throws: OutcomeError.handlingOutOfOrder(.assigned, .rate)) {
            try o.updateHandling(2) { try $0.rate(.satisfied, by: "经济委", at: F.at("2026-06-23")) }
        }
        #expect(o == before)
        #expect(throws: OutcomeError.handlingNotFound) { try o.updateHandling(9) { _ in } }
        try o.updateHandling(2) { try $0.accept(by: "交通运输局", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation) }
        #expect(o.handling(2)?.state == .accepted)
    }
}
