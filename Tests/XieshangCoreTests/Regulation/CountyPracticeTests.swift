import Foundation
import Testing
@testable import XieshangCore

@Suite("County practice: the limits the working method leaves to the county")
struct CountyPracticeCoreTests {
    @Test("the Regulation in force is the working method's with the county's limits applied")
    func applyingReplacesOnlyThePractice() {
        var p = CountyPractice.standard
        p.materialDues.compileLeadWorkingDays = 5
        p.handling.replyWorkingDays = 20
        let r = Regulation.default.applying(p)
        #expect(r.materialDues.compileLeadWorkingDays == 5 && r.handling.replyWorkingDays == 20)
        #expect(r.outcomeDeadlineWorkingDays == Regulation.default.outcomeDeadlineWorkingDays)
        #expect(r.agenda == Regulation.default.agenda)
        #expect(Regulation.default.applying(Regulation.default.practice) == .default)
    }

    @Test("every problem of a practice is named at once")
    func problemsNamedTogether() {
        var p = CountyPractice.standard
        p.materialDues.reviewWorkingDays = -1
        p.handling.acceptWorkingDays = 5000
        p.points.perDraft = -101
        #expect(p.problems().count == 3)
        #expect(throws: OutcomeError.self) { try p.validate() }
        #expect(CountyPractice.standard.problems().isEmpty)
    }

    @Test("a stored practice missing a part reads that part as the standard")
    func olderStoredPracticeDecodes() throws {
        let json = #"{"handling":{"replyWorkingDays":30}}"#
        let p = try JSONDecoder().decode(CountyPractice.self, from: Data(json.utf8))
        #expect(p.handling.replyWorkingDays == 30 && p.handling.acceptWorkingDays == HandlingRules.countyPractice.acceptWorkingDays)
        #expect(p.materialDues == .countyPractice && p.points == .standard)
    }
}
