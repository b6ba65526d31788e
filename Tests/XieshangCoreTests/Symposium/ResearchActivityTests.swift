import Foundation
import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { SymposiumFixtures.day(iso) }

/// 一.8 "采取专题调研、专题视察、民主评议、实地考察等方式", 三(二).2 "形成相关发言材料".
@Suite("Preparatory research (一.8, 三(二).2)")
struct ResearchActivityTests {
    @Test("一.8 the four ways of field work, by their names in the working method")
    func fourKinds() {
        #expect(ResearchActivity.Kind.allCases.map(\.chineseName) == ["专题调研", "专题视察", "民主评议", "实地考察"])
    }

    @Test("三(二).2 an activity is kept with its text trimmed")
    func activityKept() throws {
        var s = SymposiumFixtures.symposium(on: "2026-06-18")
        let id = try s.addResearch(kind: .inspection, title: " 黑茶园区视察 ", date: day("2026-05-20"), place: " 安化黑茶产业园 ",
                                   participants: " 分管副主席、经济科技委员会 ", findings: "")
        #expect(s.research == [ResearchActivity(id: id, kind: .inspection, title: "黑茶园区视察", date: day("2026-05-20"),
                                                place: "安化黑茶产业园", participants: "分管副主席、经济科技委员会", findings: "")])
    }

    @Test("一.8 research comes before the symposium; title and place are required; every problem is named")
    func activityRules() {
        var s = SymposiumFixtures.symposium(on: "2026-06-18")
        #expect(throws: SymposiumError.invalid(["请填写活动名称。", "请填写地点。", "前期准备活动须在协商座谈会之前（2026年6月18日）。"])) {
            try s.addResearch(kind: .research, title: " ", date: day("2026-06-19"), place: "", participants: "", findings: "")
        }
        #expect(throws: SymposiumError.invalid(["活动名称不超过100个字。"])) {
            try s.addResearch(kind: .research, title: String(repeating: "字", count: 101), date: day("2026-05-01"), place: "江南镇",
                              participants: "", findings: "")
        }
        #expect(s.research.isEmpty)
        #expect(s.lastLocalID == 0)
    }

    @Test("三(二).2 findings are added later; an unknown activity is refused")
    func findingsUpdated() throws {
        var s = SymposiumFixtures.symposium(on: "2026-06-18")
        let id = try s.addResearch(kind: .evaluation, title: "民主评议", date: day("2026-05-06"), place: "县农业农村局",
                                   participants: "", findings: "")
        try s.updateResearchFindings(id: id, findings: " 服务窗口办事效率有待提高 ")
        #expect(s.research.first?.findings == "服务窗口办事效率有待提高")
        #expect(throws: SymposiumError.invalid(["没有这项调研活动。"])) { try s.updateResearchFindings(id: id + 1, findings: "x") }
        #expect(throws: SymposiumError.invalid(["内容过长。"])) {
            try s.updateResearchFindings(id: id, findings: String(repeating: "字", count: 20001))
        }
        #expect(s.research.first?.findings == "服务窗口办事效率有待提高")
    }
}
