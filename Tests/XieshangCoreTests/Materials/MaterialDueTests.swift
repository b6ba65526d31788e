import Foundation
import Testing
@testable import XieshangCore

/// 三(四) "由办公室汇总印发" and 三(四).3 "由承办的委室负责把关，汇总后送办公室印发": when each
/// material is owed and by whom, under the county practice (materials at the office 3 working
/// days before, speech drafts at the lead committee 2 working days before that). Dates use the
/// built-in 2026 arrangement: 端午节 06-19..21; 国庆节 10-01..07 with Saturday 10-10 worked.
@Suite("Materials: due dates and who owes what (三(四))")
struct MaterialDueTests {
    typealias F = MaterialFixtures
    let rules = MaterialDueRules.countyPractice

    @Test("三(四) materials reach the office three working days before, counting over the Dragon Boat holiday")
    func compileDayCountsWorkingDaysOnly() {
        // Symposium Tue 06-23: Mon 06-22 (1), Fri 06-19..Sun 06-21 holiday, Thu 06-18 (2), Wed 06-17 (3).
        let dues = rules.days(before: F.day("2026-06-23"), calendar: .builtIn)
        #expect(dues.compile == F.day("2026-06-17"))
        // Drafts two working days before that: Tue 06-16 (1), Mon 06-15 (2).
        #expect(dues.draft == F.day("2026-06-15"))
        #expect(!dues.provisional)
    }

    @Test("三(四).3 a worked Saturday counts and National Day does not")
    func compileDayAcrossNationalDay() {
        // Symposium Tue 10-13: Mon 10-12 (1), Sat 10-10 worked (2), Fri 10-09 (3).
        let dues = rules.days(before: F.day("2026-10-13"), calendar: .builtIn)
        #expect(dues.compile == F.day("2026-10-09"))
        // Thu 10-08 (1), 10-01..07 holiday, Wed 09-30 (2).
        #expect(dues.draft == F.day("2026-09-30"))
    }

    @Test("三(四) a year the calendar does not cover counts weekdays and is flagged provisional")
    func uncoveredYearIsProvisional() {
        // Thu 2027-06-17: Wed 16 (1), Tue 15 (2), Mon 14 (3); then Fri 11 (1), Thu 10 (2).
        let dues = rules.days(before: F.day("2027-06-17"), calendar: .builtIn)
        #expect(dues.provisional)
        #expect(dues.compile == F.day("2027-06-14"))
        #expect(dues.draft == F.day("2027-06-10"))
    }

    @Test("三(四) a material's own due day wins over the rule; speech drafts follow the earlier rule")
    func ownDueDayWins() throws {
        let dues = rules.days(before: F.day("2026-06-23"), calendar: .builtIn)
        #expect(dues.due(of: try F.material(.departmentBriefing)) == F.day("2026-06-17"))
        #expect(dues.due(of: try F.material(.bookedSpeech)) == F.day("2026-06-15"))
        #expect(dues.due(of: try F.material(.keynote)) == F.day("2026-06-15"))
        #expect(dues.due(of: try F.material(.departmentBriefing, due: F.day("2026-06-10"))) == F.day("2026-06-10"))
    }

    @Test("三(四).1 leaders' speeches are owed by their offices; the CPPCC office chases the party committee's and the government's")
    func producersOwe() throws {
        let dues = rules.days(before: F.day("2026-06-23"), calendar: .builtIn)
        func owner(_ kind: MaterialKind, _ producer: Producer? = nil) throws -> TaskOwner? {
            try F.material(kind, producer: producer).owed(dues: dues, leadCommitteeID: F.leadCommitteeID, system: .nonClassified)?.owner
        }
        #expect(try owner(.leaderSpeech, .governmentOffice) == .role(.office))
        #expect(try owner(.leaderSpeech, .partyCommitteeOffice) == .role(.office))
        #expect(try owner(.departmentBriefing) == .department(F.departmentID))
        #expect(try owner(.keynote) == .committee(F.leadCommitteeID))
        #expect(try owner(.bookedSpeech) == .person(F.speakerID))
        #expect(try owner(.attendeeList) == .role(.office))
    }

    @Test("三(四).3 a submitted draft is owed by the lead committee's review, a returned one by its author's revision")
    func reviewStepsOwed() throws {
        let dues = rules.days(before: F.day("2026-06-23"), calendar: .builtIn)
        var m = try F.material(.bookedSpeech)
        #expect(m.owed(dues: dues, leadCommitteeID: F.leadCommitteeID, system: .nonClassified)?.step == .submit)
        try F.upload(&m)
        try m.review(.submit, actor: "发言人", at: F.at(minutes: 1))
        let review = m.owed(dues: dues, leadCommitteeID: F.leadCommitteeID, system: .nonClassified)
        #expect(review?.step == .review)
        #expect(review?.owner == .committee(F.leadCommitteeID))
        try m.review(.return, comments: "请压缩", actor: "委室", at: F.at(minutes: 2))
        let revise = m.owed(dues: dues, leadCommitteeID: F.leadCommitteeID, system: .nonClassified)
        #expect(revise?.step == .revise)
        #expect(revise?.owner == .person(F.speakerID))
        try F.upload(&m, minutes: 3)
        try m.review(.submit, actor: "发言人", at: F.at(minutes: 4))
        try m.review(.approve, actor: "委室", at: F.at(minutes: 5))
        let forward = m.owed(dues: dues, leadCommitteeID: F.leadCommitteeID, system: .nonClassified)
        #expect(forward?.step == .forward)
        #expect(forward?.due == dues.compile)
        try m.review(.forward, actor: "委室", at: F.at(minutes: 6))
        #expect(m.owed(dues: dues, leadCommitteeID: F.leadCommitteeID, system: .nonClassified) == nil)
    }

    @Test("三(四) a material that can be issued is owed by no one")
    func issuableOwesNothing() throws {
        let dues = rules.days(before: F.day("2026-06-23"), calendar: .builtIn)
        for kind in MaterialKind.allCases {
            #expect(try F.issuable(kind).owed(dues: dues, leadCommitteeID: F.leadCommitteeID, system: .nonClassified) == nil)
        }
    }

    @Test("三(四) the timeline's compile step is due on the office's day and done when every material can be issued")
    func timelineStep() {
        let s = SymposiumFixtures.symposium(on: "2026-06-23")
        func step(ready: Bool) -> TimelineStep? {
            SymposiumTimeline.steps(for: s, regulation: .default, calendar: .builtIn, today: F.day("2026-06-18"),
                                    materialsReady: ready).first { $0.kind == .materials }
        }
        #expect(step(ready: false)?.due == F.day("2026-06-17"))
        #expect(step(ready: false)?.state == .overdue)
        #expect(step(ready: true)?.state == .done)
    }

    @Test("a profile stored before material due rules existed reads with the county practice")
    func olderProfileDecodes() throws {
        let encoded = try JSONEncoder().encode(Regulation.default)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        object.removeValue(forKey: "materialDues")
        let decoded = try JSONDecoder().decode(Regulation.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(decoded.materialDues == .countyPractice)
        #expect(decoded == .default)
    }
}
