import Foundation
import Testing
@testable import XieshangCore

@Suite("The agenda's segments and who may speak in them (三(二).4, 三(三))")
struct AgendaTemplateTests {
    let r = AgendaFixtures.regulation

    @Test("三(三) the template holds the Regulation's segments in order, without speakers")
    func templateFollowsTheRegulation() {
        let a = Agenda.template(r)
        #expect(a.items.map(\.kind) == [.departmentBriefing, .keynote, .bookedSpeech, .freeSpeech, .response, .leaderRemarks])
        #expect(a.items.map(\.minutesPerSpeech) == [10, 10, 8, 5, 5, nil])
        #expect(a.items.map(\.clause) == ["三(三).1", "三(三).2", "三(三).3", "三(三).4", "三(三).5", "三(三).6"])
        #expect(a.items.allSatisfy { $0.speakers.isEmpty })
        #expect(a.items.map(\.open) == [false, false, false, true, true, true])
    }

    @Test("三(三) each segment's speakers by default: departments, lead committee, members and experts, leaders")
    func speakerCategoriesOfTheDefaultProfile() {
        #expect(r.agenda.map(\.speakerCategories) == [
            [.departmentHeads], [.committeeHeads], [.members, .experts], [.members, .experts], [.departmentHeads], [.leaders],
        ])
        #expect(r.segment(.bookedSpeech)?.mainly == .members)
        #expect(r.agenda.filter { $0.mainly != nil }.map(\.kind) == [.bookedSpeech])
        #expect(AgendaSegmentRule.defaultSpeakerCategories(for: .questionsAndAnswers) == AttendeeCategory.allCases)
    }

    @Test("三(三) a profile adds a segment and reorders without code changes")
    func anotherProfile() throws {
        var p = r
        p.agenda.insert(AgendaSegmentRule(kind: .questionsAndAnswers, title: "互动交流", minutesPerSpeech: 3, speakers: nil,
                                          clause: "第七条"), at: 4)
        p.agenda.swapAt(0, 1)
        let a = Agenda.template(p)
        #expect(a.items.map(\.kind) == [.keynote, .departmentBriefing, .bookedSpeech, .freeSpeech, .questionsAndAnswers,
                                       .response, .leaderRemarks])
        #expect(a.item(.questionsAndAnswers)?.speakerCategories == AttendeeCategory.allCases)
        var b = a
        try b.setSpeakers(.questionsAndAnswers, [AgendaFixtures.chair, AgendaFixtures.member(0)],
                          attending: AgendaFixtures.attending, regulation: p)
        #expect(b.item(.questionsAndAnswers)?.speakers.count == 2)
    }

    @Test("三(三) a rule stored before speaker categories existed reads with the kind's defaults")
    func storedRuleWithoutNewFields() throws {
        let json = #"{"kind":"bookedSpeech","title":"预约发言","minutesPerSpeech":8,"speakers":{"preferred":[2,4],"allowed":[2,4]},"clause":"三(三).3"}"#
        let rule = try JSONDecoder().decode(AgendaSegmentRule.self, from: Data(json.utf8))
        #expect(rule.speakerCategories == [.members, .experts])
        #expect(rule.mainly == .members)
        let leaders = #"{"kind":"leaderRemarks","title":"领导讲话","clause":"三(三).6"}"#
        let remarks = try JSONDecoder().decode(AgendaSegmentRule.self, from: Data(leaders.utf8))
        #expect(remarks.speakerCategories == [.leaders] && remarks.mainly == nil && remarks.minutesPerSpeech == nil)
    }

    @Test("三(三).3 a profile without the 委员为主 rule keeps it off through storage")
    func explicitNoMainlySurvivesCoding() throws {
        var rule = try #require(r.segment(.bookedSpeech))
        rule.mainly = nil
        let back = try JSONDecoder().decode(AgendaSegmentRule.self, from: JSONEncoder().encode(rule))
        #expect(back == rule)
        #expect(try JSONDecoder().decode(Regulation.self, from: JSONEncoder().encode(r)) == r)
    }

    @Test("三(一).3 confirmed and notified invitees attend; one not answered or declined does not")
    func attendanceFromTheInviteeList() throws {
        let attending = try AgendaFixtures.invitees().attending
        #expect(attending == AgendaFixtures.attending)
        #expect(attending[AgendaFixtures.transport.personID] == nil)
        #expect(attending[AgendaFixtures.absentMember.personID] == nil)
        #expect(Invitee.State.allCases.filter(\.attends) == [.confirmed, .notified])
    }

    @Test("三(三) an agenda is plain data")
    func agendaCoding() throws {
        let a = try AgendaFixtures.fullAgenda()
        #expect(try JSONDecoder().decode(Agenda.self, from: JSONEncoder().encode(a)) == a)
    }
}
