import Foundation
import Testing
@testable import XieshangCore

@Suite("Planning the speakers of each segment (三(三).1–6)")
struct AgendaSpeakerRulesTests {
    typealias F = AgendaFixtures
    let r = AgendaFixtures.regulation

    func refusals(_ kind: AgendaSegmentKind, _ speakers: [AgendaSpeaker]) -> [String] {
        var a = Agenda.template(r)
        do {
            try a.setSpeakers(kind, speakers, attending: F.attending, regulation: r)
            return []
        } catch let e as AgendaError {
            return e.details
        } catch {
            return ["unexpected \(error)"]
        }
    }

    /// Saved, but the report says the agenda must still be changed.
    func reportRefusals(_ kind: AgendaSegmentKind, _ speakers: [AgendaSpeaker]) throws -> [String] {
        var a = Agenda.template(r)
        try a.setSpeakers(kind, speakers, attending: F.attending, regulation: r)
        return a.report(attending: F.attending, regulation: r).refusals
    }

    func warnings(_ kind: AgendaSegmentKind, _ speakers: [AgendaSpeaker]) throws -> [String] {
        var a = Agenda.template(r)
        try a.setSpeakers(kind, speakers, attending: F.attending, regulation: r)
        return a.report(attending: F.attending, regulation: r).warnings.filter { !$0.contains("尚未安排") }
    }

    @Test("三(三).1 a department not confirmed to attend cannot brief")
    func briefingNeedsAttendance() {
        #expect(refusals(.departmentBriefing, [F.transport]) == ["县交通运输局负责同志未确认出席，不能安排介绍情况（三(三).1）"])
    }

    @Test("三(三).1 the briefing is a department's: a member is refused")
    func briefingIsADepartments() {
        #expect(refusals(.departmentBriefing, [F.member(0)])
            == ["王委员是委员，不能安排介绍情况，该环节由部门负责同志发言（三(三).1）"])
    }

    @Test("三(三).1 one department briefs; two are warned, not refused")
    func twoBriefingsAreWarned() throws {
        #expect(try warnings(.departmentBriefing, [F.agriculture]).isEmpty)
        #expect(try warnings(.departmentBriefing, [F.agriculture, F.teaOffice]) == ["介绍情况安排2位，工作办法一般为1位（三(三).1）"])
    }

    @Test("三(三).1 more briefings than the profile allows are refused")
    func tooManyBriefings() {
        var p = r
        p.agenda[0].speakers = Quota(preferred: 1...1, allowed: 1...1)
        var a = Agenda.template(p)
        #expect(throws: AgendaError.refused(["介绍情况安排2位，超过工作办法规定的1位（三(三).1）"])) {
            try a.setSpeakers(.departmentBriefing, [F.agriculture, F.teaOffice], attending: F.attending, regulation: p)
        }
    }

    @Test("三(三).2 the keynote is the lead committee's")
    func keynoteIsTheCommittees() {
        #expect(refusals(.keynote, [F.committeeHead]).isEmpty)
        #expect(refusals(.keynote, [F.agriculture])
            == ["县农业农村局负责同志是部门负责同志，不能安排中心发言，该环节由委室负责同志发言（三(三).2）"])
    }

    @Test("三(三).3 two to four booked speakers are accepted")
    func twoToFourBooked() {
        #expect(refusals(.bookedSpeech, [F.member(0), F.member(1)]).isEmpty)
        #expect(refusals(.bookedSpeech, [F.member(0), F.member(1), F.member(2), F.experts[0]]).isEmpty)
    }

    @Test("三(三).3 five booked speakers are refused")
    func fiveBookedAreRefused() {
        let five = [F.member(0), F.member(1), F.member(2), F.member(3), F.experts[0]]
        #expect(refusals(.bookedSpeech, five) == ["预约发言安排5位，超过工作办法规定的4位（三(三).3）"])
    }

    @Test("三(三).3 a single booked speaker is refused")
    func oneBookedIsRefused() throws {
        // Saved (speakers are added one at a time), but the agenda is not acceptable yet.
        #expect(refusals(.bookedSpeech, [F.member(0)]).isEmpty)
        #expect(try reportRefusals(.bookedSpeech, [F.member(0)]) == ["预约发言安排1位，至少须安排2位（三(三).3）"])
    }

    @Test("三(三).3 booked speeches by experts only are refused: 委员为主")
    func expertsOnlyAreRefused() throws {
        #expect(try reportRefusals(.bookedSpeech, F.experts) == ["预约发言以委员为主（三(三).3）"])
    }

    @Test("三(三).3 members not more than half of the booked speakers is warned")
    func halfMembersIsWarned() throws {
        #expect(try warnings(.bookedSpeech, [F.member(0), F.experts[0]]) == ["预约发言2位中委员1位，宜以委员为主（三(三).3）"])
        #expect(try warnings(.bookedSpeech, [F.member(0), F.member(1), F.experts[0]]).isEmpty)
    }

    @Test("三(三).3 a member who declined cannot be booked")
    func declinedMemberCannotBeBooked() {
        #expect(refusals(.bookedSpeech, [F.member(0), F.absentMember]) == ["何委员未确认出席，不能安排预约发言（三(三).3）"])
    }

    @Test("三(三).3 a department head cannot give a booked speech")
    func bookedSpeechIsMembersAndExperts() {
        #expect(refusals(.bookedSpeech, [F.member(0), F.teaOffice])
            == ["县茶叶产业办负责同志是部门负责同志，不能安排预约发言，该环节由委员、专家学者发言（三(三).3）"])
    }

    @Test("三(三) the same person twice in one segment is refused")
    func samePersonTwice() {
        #expect(refusals(.bookedSpeech, [F.member(0), F.member(1), F.member(0)]) == ["王委员在预约发言中重复安排（三(三).3）"])
    }

    @Test("三(三).5 only departments give responses")
    func responsesAreDepartments() {
        #expect(refusals(.response, [F.agriculture, F.teaOffice]).isEmpty)
        #expect(refusals(.response, [F.experts[0]])
            == ["黄教授是专家学者，不能安排互动回应发言，该环节由部门负责同志发言（三(三).5）"])
    }

    @Test("三(三).6 only leaders give remarks")
    func remarksAreLeaders() {
        #expect(refusals(.leaderRemarks, [F.secretary, F.chair]).isEmpty)
        #expect(refusals(.leaderRemarks, [F.committeeHead])
            == ["县政协经济委负责同志是委室负责同志，不能安排领导讲话，该环节由县领导发言（三(三).6）"])
    }

    @Test("三(三) every refusal is reported at once, and nothing changes")
    func allRefusalsAtOnceNothingChanges() throws {
        var a = try F.fullAgenda()
        let before = a
        let speakers = [F.experts[0], F.experts[1], F.transport, F.experts[0], F.agriculture]
        #expect {
            try a.setSpeakers(.bookedSpeech, speakers, attending: F.attending, regulation: r)
        } throws: { e in
            guard let e = e as? AgendaError else { return false }
            return e.details == [
                "县交通运输局负责同志未确认出席，不能安排预约发言（三(三).3）",
                "黄教授在预约发言中重复安排（三(三).3）",
                "县农业农村局负责同志是部门负责同志，不能安排预约发言，该环节由委员、专家学者发言（三(三).3）",
            ] && e.code == "agenda_refused" && e.kind == .invalid && e.message.hasPrefix("发言安排不符合工作办法：")
        }
        #expect(a == before)
    }

    @Test("三(三) a segment not on the agenda is refused")
    func segmentNotOnTheAgenda() {
        var a = Agenda.template(r)
        #expect(throws: AgendaError.noSuchSegment(.questionsAndAnswers)) {
            try a.setSpeakers(.questionsAndAnswers, [F.chair], attending: F.attending, regulation: r)
        }
        #expect(AgendaError.noSuchSegment(.questionsAndAnswers).kind == .notFound)
    }

    @Test("三(三) speaking order is the order given, with the attendee's category and trimmed subjects")
    func orderAndCategoryKept() throws {
        var a = Agenda.template(r)
        var wrong = F.member(1)
        wrong.category = .experts
        wrong.subject = "  关于茶旅融合的建议 "
        try a.setSpeakers(.bookedSpeech, [wrong, F.member(0)], attending: F.attending, regulation: r)
        let planned = try #require(a.item(.bookedSpeech)).speakers
        #expect(planned.map(\.personID) == [32, 31])
        #expect(planned[0].category == .members && planned[0].subject == "关于茶旅融合的建议")
    }

    @Test("三(三) an empty list clears the segment; the report warns it is not planned")
    func emptyClearsAndIsWarned() throws {
        var a = try F.fullAgenda()
        try a.setSpeakers(.bookedSpeech, [], attending: F.attending, regulation: r)
        #expect(a.item(.bookedSpeech)?.speakers == [])
        let report = a.report(attending: F.attending, regulation: r)
        #expect(report.refusals.isEmpty)
        #expect(report.warnings == ["委员、专家学者预约发言尚未安排发言人（三(三).3）"])
    }

    @Test("三(三) a complete agenda has neither refusals nor warnings")
    func completeAgendaIsClean() throws {
        let report = try F.fullAgenda().report(attending: F.attending, regulation: r)
        #expect(report.refusals.isEmpty && report.warnings.isEmpty && report.isAcceptable)
    }

    @Test("三(三).3 a booked member who declines after planning makes the report refuse")
    func laterDeclineIsRefusedInTheReport() throws {
        let a = try F.fullAgenda()
        var attending = F.attending
        attending[F.member(1).personID] = nil
        let report = a.report(attending: attending, regulation: r)
        #expect(report.refusals == ["李委员未确认出席，不能安排预约发言（三(三).3）"])
        #expect(!report.isAcceptable)
    }
}
