import Testing
@testable import XieshangCore

@Suite("Implementation plan: the symposium's own arrangements (二.4)")
struct ImplementationPlanArrangementsTests {
    func symposium() -> Symposium {
        var s = SymposiumFixtures.symposium(on: "2026-06-18")
        s.place = "县政协三楼会议室"
        s.startTime = "上午9:00"
        return s
    }

    @Test("二.4 the plan's time, place, host and topic start from the symposium's, so it can be submitted as it is")
    func formStartsFromTheArrangements() throws {
        let s = symposium()
        let arrangements = ImplementationPlan.Content.arrangements(of: s, dateText: "2026年6月18日（星期四）", hostName: "陶和平")
        let filled = ImplementationPlan.Content().filled(from: arrangements)
        #expect(filled.time == "2026年6月18日（星期四） 上午9:00")
        #expect(filled.place == "县政协三楼会议室")
        #expect(filled.host == "陶和平")
        #expect(filled.topic == s.topic)
        // What the committee wrote stays.
        var written = ImplementationPlan.Content()
        written.place = "县政协二楼会议室"
        #expect(written.filled(from: arrangements).place == "县政协二楼会议室")
    }

    @Test("二.4 a plan whose time, place or host say otherwise than the symposium is pointed out, each part once")
    func disagreementsNamed() {
        let s = symposium()
        var c = SymposiumFixtures.completeContent
        c.time = "2026年6月18日上午9:00"
        c.host = "陶和平"
        #expect(c.disagreements(with: s, hostName: "陶和平").isEmpty)
        c.time = "2026年6月19日上午9:00"
        c.place = "县政府第一会议室"
        c.host = "县政协主席"
        let found = c.disagreements(with: s, hostName: "陶和平")
        #expect(found.count == 3)
        #expect(found[0].hasPrefix("时间") && found[0].contains("2026年6月18日"))
        #expect(found[1].hasPrefix("地点") && found[1].contains("县政协三楼会议室"))
        #expect(found[2].hasPrefix("主持人") && found[2].contains("陶和平"))
        // An empty part is not a disagreement: the form fills it.
        #expect(ImplementationPlan.Content().disagreements(with: s, hostName: "陶和平").isEmpty)
    }
}
