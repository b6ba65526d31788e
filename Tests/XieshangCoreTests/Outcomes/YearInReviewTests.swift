import Foundation
import Testing
@testable import XieshangCore

/// 年度协商工作报告: the year's numbers come from what the plan, the held symposia and the
/// outcomes recorded. The sources are the participation fixture's: symposium 7 (06-18, members
/// 31–36 and experts 41–42 attending, six speeches of which four by members 31, 32, 35, 31,
/// drafts of 31 and 33 submitted), symposium 8 (08-20, only 31 present, one speech of 300 s) and
/// symposium 9 in 2027.
@Suite("The year in review: the annual report's numbers")
struct YearInReviewTests {
    let r = Regulation.default

    func plan() throws -> AnnualPlan {
        var p = AnnualPlan(year: 2026, topics: [
            PlannedTopic(id: 1, title: "全会合并议题", leadCommitteeID: 1, month: 2),
            PlannedTopic(id: 2, title: "推进安化黑茶产业高质量发展", leadCommitteeID: 3, month: 6, date: Day(iso: "2026-06-18")),
            PlannedTopic(id: 3, title: "加强农村养老服务体系建设", leadCommitteeID: 4, month: 8, date: Day(iso: "2026-08-20")),
            PlannedTopic(id: 4, title: "优化营商环境", leadCommitteeID: 5, month: 12, date: Day(iso: "2026-12-17")),
        ])
        for (action, day, ref) in [(AnnualPlan.Action.adopt, "2025-12-10", "主席会议"), (.report, "2025-12-12", "党组报告"),
                                   (.consent, "2025-12-20", "县委同意"), (.issue, "2025-12-28", "安政协办联发〔2025〕1号")] {
            try p.take(action, date: Day(iso: day)!, actor: "office", reference: ref, regulation: r)
        }
        return p
    }

    func review() throws -> YearInReview {
        let sources = try ParticipationTests.sources()
        let held = sources.map { s in (source: s, leadCommitteeID: s.symposiumID == 7 ? 3 : 4, topicID: s.symposiumID - 5) }
        let summary = try OutcomeSummary(period: .year(2026), outcomes: [], items: [], asOf: Day(iso: "2026-12-31")!)
        return YearInReview(year: 2026, plan: try plan(), held: held, outcomes: summary, regulation: r)
    }

    @Test("二 the plan's topics, its joint issuance, and the symposia held in the year, in order")
    func planAndHeld() throws {
        let y = try review()
        #expect(y.plannedTopics == 4 && y.planState == .issued)
        #expect(y.planNumber == "安政协办联发〔2025〕1号" && y.planIssuedOn == Day(iso: "2025-12-28"))
        #expect(y.held.map(\.symposiumID) == [7, 8], "symposium 9 is 2027's")
        #expect(y.held.map(\.membersAttending) == [6, 1] && y.held.map(\.expertsAttending) == [2, 0])
        #expect(y.held.map(\.speeches) == [6, 1])
        // 600 + 600 + 480 + 420 + 300 + 130 = 2530 s ≈ 42 min; 300 s = 5 min.
        #expect(y.held.map(\.speakingMinutes) == [42, 5])
    }

    @Test("二.3 the Jan–Feb topic is merged with the plenary; a planned topic not yet held is listed as such")
    func topicsNotHeld() throws {
        let y = try review()
        #expect(y.notHeld.map(\.title) == ["全会合并议题", "优化营商环境"])
        #expect(y.notHeld.map(\.mergedWithPlenary) == [true, false])
    }

    @Test("三(三) participation: distinct members and experts, speeches, members who spoke, drafts submitted")
    func participationTotals() throws {
        let y = try review()
        #expect(y.membersAttending == 6 && y.expertsAttending == 2)
        #expect(y.speeches == 7 && y.memberSpeeches == 5 && y.membersWhoSpoke == 3)
        #expect(y.drafts == 2, "31's and 33's for symposium 7; 32's was never submitted")
    }

    @Test("a year without a plan in the system still reports what was held")
    func noPlan() throws {
        let summary = try OutcomeSummary(period: .year(2026), outcomes: [], items: [], asOf: Day(iso: "2026-12-31")!)
        let y = YearInReview(year: 2026, plan: nil, held: try ParticipationTests.sources().map { ($0, 3, 0) },
                             outcomes: summary, regulation: r)
        #expect(y.plannedTopics == 0 && y.planState == nil && y.notHeld.isEmpty && y.held.count == 2)
    }
}
