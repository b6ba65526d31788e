import Testing
@testable import XieshangCore

@Suite("The agenda's estimated length (三(三))")
struct AgendaEstimateTests {
    typealias F = AgendaFixtures
    let r = AgendaFixtures.regulation

    @Test("三(三) the estimate is each limit times the planned speakers, free speech by those not booked")
    func estimateOfTheFullAgenda() throws {
        let report = try F.fullAgenda().report(attending: F.attending, regulation: r)
        // Briefing 10 + keynote 10 + booked 4 × 8 + free (8 members and experts − 4 booked) × 5 + one response 5.
        #expect(report.estimatedMinutes == 10 + 10 + 32 + 20 + 5)
        #expect(report.estimateNote.contains("其他与会人员自由发言按其余与会委员、专家学者4位、每人5分钟计"))
    }

    @Test("三(三).6 leaders' remarks are unlimited: left out of the estimate and named in the note")
    func unlimitedSegmentsAreNamed() throws {
        let report = try F.fullAgenda().report(attending: F.attending, regulation: r)
        #expect(report.estimateNote.hasSuffix("县委、县政府、县政协领导讲话不限时，未计入。"))
        var more = try F.fullAgenda()
        try more.setSpeakers(.leaderRemarks, [F.secretary, F.chair], attending: F.attending, regulation: r)
        #expect(more.report(attending: F.attending, regulation: r).estimatedMinutes == report.estimatedMinutes)
    }

    @Test("三(三).4 free speech counts only attending members and experts")
    func freeSpeechFollowsAttendance() throws {
        let a = try F.fullAgenda()
        var attending = F.attending
        attending[F.member(5).personID] = nil
        attending[F.experts[1].personID] = nil
        #expect(a.report(attending: attending, regulation: r).estimatedMinutes == 77 - 2 * 5)
    }

    @Test("三(三) the empty template estimates free speech only")
    func templateEstimate() {
        let report = Agenda.template(r).report(attending: F.attending, regulation: r)
        #expect(report.estimatedMinutes == 8 * 5)
    }
}
