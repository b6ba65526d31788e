import Testing
@testable import XieshangCore

/// Who may act on one symposium, asked of the domain directly (一.2, 一.7, 二.4, 三(二).3, 三(三)).
@Suite("Access: acting on a symposium")
struct SymposiumAccessTests {
    typealias F = SymposiumFixtures

    func may(_ p: Principal, _ action: SymposiumAction, _ s: Symposium = F.symposium()) throws -> Bool {
        try p.may(action, on: s, chairID: F.chairID)
    }

    @Test("一.7 the lead committee and the office prepare; another committee does not")
    func preparing() throws {
        #expect(try may(F.principal([.committee], committeeID: F.leadCommitteeID), .prepare))
        #expect(try may(F.principal([.office]), .prepare))
        #expect(try !may(F.principal([.committee], committeeID: F.otherCommitteeID), .prepare))
        #expect(try !may(F.principal([.member], personID: 99), .prepare))
    }

    @Test("二.4 the vice chair in charge signs; the chair only when no vice chair is in charge")
    func signingThePlan() throws {
        let vice = F.principal([.viceChair], personID: F.viceChairID)
        let chair = F.principal([.chair], personID: F.chairID)
        #expect(try may(vice, .planAction))
        #expect(try !may(chair, .planAction))
        let noViceChair = F.symposium(viceChairInChargeID: nil)
        #expect(try may(chair, .planAction, noViceChair))
        #expect(try !may(vice, .planAction, noViceChair))
        #expect(try !may(F.principal([.viceChair], personID: F.otherViceChairID), .planAction))
    }

    @Test("三(二).3 the secretary-general records the coordination meeting he chairs, not the mobilization meeting")
    func recordingMeetings() throws {
        let secgen = F.principal([.secretaryGeneral], personID: F.secretaryGeneralID)
        #expect(try may(secgen, .recordMeeting(.coordination)))
        #expect(try !may(secgen, .recordMeeting(.mobilization)))
    }

    @Test("三(三) the console is the office's or the host's; anyone asks to speak for themselves only")
    func theConsoleAndRequestsToSpeak() throws {
        let host = F.principal([.chair], personID: F.chairID)
        let member = F.principal([.member], personID: 77)
        #expect(try may(host, .runConsole) && may(F.principal([.office]), .runConsole))
        #expect(try !may(member, .runConsole))
        #expect(try !may(F.principal([.viceChair], personID: F.viceChairID), .runConsole), "not the host")
        #expect(try may(member, .requestToSpeak(personID: nil)) && may(member, .requestToSpeak(personID: 77)))
        #expect(try !may(member, .requestToSpeak(personID: 78)))
        #expect(try may(host, .requestToSpeak(personID: 78)), "the console enters a raised hand")
    }

    @Test("三(一).3 an answer names an invitee: the invitee answers, or those who prepare by phone")
    func answeringInvitations() throws {
        var s = F.symposium()
        try s.addInvitee(personID: 77, name: "王淑贞", category: .members, reason: "", isCurrentMember: true)
        #expect(try may(F.principal([.member], personID: 77), .answer(personID: 77), s))
        #expect(try !may(F.principal([.member], personID: 78), .answer(personID: 77), s))
        #expect(try may(F.principal([.office]), .answer(personID: 77), s))
        #expect(throws: SymposiumError.notInvited) { try may(F.principal([.office]), .answer(personID: 78), s) }
    }
}
