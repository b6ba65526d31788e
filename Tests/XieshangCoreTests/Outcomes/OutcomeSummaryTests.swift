import Foundation
import Testing
@testable import XieshangCore

/// 三(五) "定期对协商成果进行整理汇总": the quarterly and yearly numbers on one fixture, every
/// number reasoned out. Replies are due 10 working days after acceptance in this fixture.
@Suite("Outcome summary per quarter and year (三(五) 定期整理汇总)")
struct OutcomeSummaryTests {
    typealias F = OutcomeFixtures
    static let calendar = WorkingCalendar.builtIn
    static let regulation: Regulation = {
        var r = Regulation.default
        r.handling.replyWorkingDays = 10
        return r
    }()

    static func accept(_ o: inout Outcome, _ id: Int, _ iso: String) throws {
        try o.updateHandling(id) { try $0.accept(by: "部门", at: F.at(iso), calendar: calendar, regulation: regulation) }
    }

    static func reply(_ o: inout Outcome, _ id: Int, _ iso: String, _ result: HandlingResult) throws {
        try o.updateHandling(id) {
            try $0.reply(text: "答复", result: result, by: "部门", at: F.at(iso), calendar: calendar, regulation: regulation)
        }
    }

    static func outcome(_ id: Int, _ form: OutcomeForm, held: String, _ recipients: [OutcomeRecipient.Addressee],
                        handling: Set<Int> = [], sent: String? = nil) throws -> Outcome {
        var o = try F.draft(form, id: id, symposiumDay: F.day(held), on: held, regulation: regulation)
        try o.setRecipients(recipients, handlingDepartments: handling)
        if form != .proposal { try o.setDocumentNumber(DocumentNumber(prefix: "安政协参", year: 2026, serial: id)) }
        if let sent { try o.send(by: "办公室", at: F.at(sent), calendar: calendar, regulation: regulation) }
        return o
    }

    /// A: proposal of 06-18, due 07-03, sent 07-02; 21 accepts 07-03 (reply due 07-17), replies 07-15
    ///    (solved), rated 07-20 satisfied; 23 accepts 07-06 (reply due 07-20) and never replies.
    /// B: recommendation of 08-20, due 09-03, sent 09-07 (late); 22 accepts 09-08 (reply due 09-21,
    ///    Sunday 09-20 worked), replies 09-24 (late, planned), rated 09-28 unsatisfied, re-handled
    ///    09-29 (reply due 10-19, outside Q3).
    /// C: proposal of 09-29, due 10-19, never sent. D: reference brief of 07-16, due 07-30, never sent.
    /// E: proposal of 09-10, due 09-23, sent 09-23; 21 accepts 09-24 (reply due 10-15), 22 returns it 09-25.
    static func outcomes() throws -> [Outcome] {
        var a = try outcome(1, .proposal, held: "2026-06-18", [.leader(personID: 10), .department(21), .department(23)],
                            sent: "2026-07-02")
        try accept(&a, 1, "2026-07-03")
        try accept(&a, 2, "2026-07-06")
        try reply(&a, 1, "2026-07-15", .solved)
        try a.updateHandling(1) { try $0.rate(.satisfied, by: "经济委", at: F.at("2026-07-20")) }

        var b = try outcome(2, .recommendation, held: "2026-08-20", [.leader(personID: 10), .department(22)],
                            handling: [22], sent: "2026-09-07")
        try accept(&b, 1, "2026-09-08")
        try reply(&b, 1, "2026-09-24", .planned)
        try b.updateHandling(1) {
            try $0.rate(.unsatisfied, comments: "未回应资金问题", by: "经济委", at: F.at("2026-09-28"))
            try $0.rehandle(by: "经济委", at: F.at("2026-09-29"), calendar: calendar, regulation: regulation)
        }

        let c = try outcome(3, .proposal, held: "2026-09-29", [.department(21)])
        let d = try outcome(4, .referenceBrief, held: "2026-07-16", [.leader(personID: 10)])

        var e = try outcome(5, .proposal, held: "2026-09-10", [.leader(personID: 10), .department(21), .department(22)],
                            sent: "2026-09-23")
        try accept(&e, 1, "2026-09-24")
        try e.updateHandling(2) { try $0.returnToOffice(reason: "不属本部门职责", by: "交通运输局", at: F.at("2026-09-25")) }
        return [a, b, c, d, e]
    }

    /// i1 (A, due 08-31) started 07-10, implemented 08-20; i2 (A, due 09-15) started 08-01;
    /// i3 (B, due 09-30) open; i4 (B, due 09-10) dropped 09-01; i5 (E, due 12-31) open.
    static func items() throws -> [FollowUpItem] {
        func item(_ id: Int, _ outcome: Int, due: String) throws -> FollowUpItem {
            try FollowUpItem(id: id, outcomeID: outcome, title: "落实事项\(id)", ownerDepartmentID: 21, due: F.day(due),
                             by: "经济委", at: F.at("2026-07-06"))
        }
        var i1 = try item(1, 1, due: "2026-08-31")
        try i1.setStatus(.inProgress, by: "部门", at: F.at("2026-07-10"))
        try i1.setStatus(.implemented, by: "经济委", at: F.at("2026-08-20"))
        var i2 = try item(2, 1, due: "2026-09-15")
        try i2.setStatus(.inProgress, by: "部门", at: F.at("2026-08-01"))
        let i3 = try item(3, 2, due: "2026-09-30")
        var i4 = try item(4, 2, due: "2026-09-10")
        try i4.setStatus(.dropped, reason: "情况变化", by: "经济委", at: F.at("2026-09-01"))
        let i5 = try item(5, 5, due: "2026-12-31")
        return [i1, i2, i3, i4, i5]
    }

    func counts(_ c: [OutcomeSummary.Count]) -> [Int] { c.map(\.count) }

    @Test("三(五) the due dates of the fixture are the working calendar's")
    func fixtureDueDates() throws {
        let o = try Self.outcomes()
        #expect(o.map(\.due.day) == ["2026-07-03", "2026-09-03", "2026-10-19", "2026-07-30", "2026-09-23"].map(F.day))
        #expect(o[0].handlings.compactMap { $0.steps[1].next?.day } == [F.day("2026-07-17"), F.day("2026-07-20")])
        #expect(o[1].handlings[0].steps[1].next?.day == F.day("2026-09-21"))
        #expect(o[1].handlings[0].due?.day == F.day("2026-10-19"))
    }

    @Test("三(五) a quarter's summary: outcomes by form and state, on-time rates, results, satisfaction, items")
    func quarterAtItsEnd() throws {
        let s = try OutcomeSummary(period: .quarter(2026, 3), outcomes: Self.outcomes(), items: Self.items(),
                                   asOf: F.day("2026-09-30"))
        #expect(s.from == F.day("2026-07-01") && s.through == F.day("2026-09-30"))
        // B, C, D, E were held in Q3; A in Q2.
        #expect(s.outcomes == 4)
        #expect(s.byForm.map(\.label) == ["政协参阅件", "建议案", "提案"] && counts(s.byForm) == [1, 1, 2])
        #expect(counts(s.byState) == [2, 2] && s.overdueDrafts == 1)
        // Due in Q3: A and E on time, B sent late, D never sent.
        #expect(s.sending == OutcomeSummary.OnTime(onTime: 2, late: 2, pending: 0))
        #expect(s.sending.rate == 0.5 && s.sending.percentText == "50%")
        // B's handling re-handled (accepted), E's accepted and returned.
        #expect(s.handlings == 3 && counts(s.handlingsByState) == [0, 2, 1, 0, 0])
        // Replies due in Q3: A/21 on time, A/23 never, B/22 late.
        #expect(s.replies.onTime == 1 && s.replies.late == 2 && s.replies.due == 3)
        #expect(s.replies.rate == 1.0 / 3.0 && s.replies.percentText == "33.3%")
        #expect(counts(s.results) == [1, 0, 1, 0])
        #expect(counts(s.satisfaction) == [1, 0, 1])
        #expect(s.items.total == 4 && s.items.implemented == 1 && s.items.inProgress == 1 && s.items.open == 1
                && s.items.dropped == 1 && s.items.overdue == 1)
        #expect(counts(s.items.byStatus) == [1, 1, 1, 1])
        #expect(s.items.implementedPercentText == "25%")
    }

    @Test("三(五) while a quarter runs, what is not yet due is pending and later steps are not seen")
    func quarterUnderWay() throws {
        let s = try OutcomeSummary(period: .quarter(2026, 3), outcomes: Self.outcomes(), items: Self.items(),
                                   asOf: F.day("2026-08-31"))
        #expect(counts(s.byState) == [4, 0] && s.overdueDrafts == 1)
        #expect(s.sending == OutcomeSummary.OnTime(onTime: 1, late: 1, pending: 2) && s.sending.percentText == "50%")
        #expect(s.handlings == 0)
        #expect(s.replies.onTime == 1 && s.replies.late == 1 && s.replies.pending == 0)
        #expect(counts(s.results) == [1, 0, 0, 0] && counts(s.satisfaction) == [1, 0, 0])
        #expect(counts(s.items.byStatus) == [2, 1, 1, 0] && s.items.overdue == 0)
    }

    @Test("三(五) a year's summary counts every outcome of the year")
    func year() throws {
        let s = try OutcomeSummary(period: .year(2026), outcomes: Self.outcomes(), items: Self.items(),
                                   asOf: F.day("2026-12-31"))
        #expect(s.outcomes == 5 && counts(s.byForm) == [1, 1, 3])
        // C, due 10-19, never sent: late too.
        #expect(s.sending == OutcomeSummary.OnTime(onTime: 2, late: 3, pending: 0) && s.sending.percentText == "40%")
        // B's second reply, due 10-19, never given; E/21's, due 10-15, never given.
        #expect(s.replies.onTime == 1 && s.replies.late == 4)
        #expect(s.items.total == 5 && s.items.overdue == 2)
    }

    @Test("三(五) nothing due gives no rate, shown as a dash")
    func emptyPeriod() throws {
        let s = try OutcomeSummary(period: .quarter(2026, 1), outcomes: Self.outcomes(), items: Self.items(),
                                   asOf: F.day("2026-03-31"))
        #expect(s.outcomes == 0 && s.sending.rate == nil && s.sending.percentText == "—")
        #expect(counts(s.byForm) == [0, 0, 0])
    }

    @Test("三(五) periods: quarters and years with their date ranges, names and text")
    func periods() throws {
        #expect(ReportPeriod.quarter(2026, 4).days == F.day("2026-10-01")...F.day("2026-12-31"))
        #expect(ReportPeriod.quarter(2024, 1).days == F.day("2024-01-01")...F.day("2024-03-31"))
        #expect(ReportPeriod.year(2026).days == F.day("2026-01-01")...F.day("2026-12-31"))
        #expect(ReportPeriod.quarter(2026, 4).chineseName == "2026年第四季度" && ReportPeriod.year(2026).chineseName == "2026年度")
        #expect(ReportPeriod(text: "2026-Q4") == .quarter(2026, 4) && ReportPeriod(text: "2026") == .year(2026))
        #expect(ReportPeriod(text: "2026-Q5") == nil && ReportPeriod(text: "26") == nil)
        #expect(["2026-01-01", "2026-03-31", "2026-04-01", "2026-09-30", "2026-12-31"].map { ReportPeriod.quarter(containing: F.day($0)) }
                == [.quarter(2026, 1), .quarter(2026, 1), .quarter(2026, 2), .quarter(2026, 3), .quarter(2026, 4)])
        #expect(throws: OutcomeError.invalidPeriod) {
            try OutcomeSummary(period: .quarter(2026, 0), outcomes: [], items: [], asOf: F.day("2026-03-31"))
        }
        let data = try JSONEncoder().encode(ReportPeriod.quarter(2026, 4))
        #expect(try JSONDecoder().decode(ReportPeriod.self, from: data) == .quarter(2026, 4))
    }
}
