import Foundation
import Testing
@testable import XieshangCore

@Suite("Who attends (三(四).5)")
struct SymposiumAttendeesTests {
    let t = Date(timeIntervalSince1970: 1_780_275_600)

    func invitee(_ id: Int, _ category: AttendeeCategory, answer: Invitee.Answer?) throws -> Invitee {
        var i = Invitee(personID: id, category: category)
        try i.preInvite(at: t)
        if let answer { try i.answer(answer, via: .own, note: "", at: t) }
        return i
    }

    @Test("三(四).5 the host and the vice chair in charge are on the list under the leaders without being invited")
    func leadersByOfficeAttend() throws {
        var s = SymposiumFixtures.symposium()   // hosted by the chairman, vice chair 20 in charge
        s.invitees = [try invitee(77, .members, answer: .confirm), try invitee(78, .members, answer: nil)]
        let attending = s.attendees
        #expect(attending.map(\.personID) == [77, SymposiumFixtures.chairID, SymposiumFixtures.viceChairID])
        #expect(attending.filter { $0.personID != 77 }.allSatisfy { $0.category == .leaders })
        #expect(s.attendingCategory(of: SymposiumFixtures.chairID) == .leaders)
        #expect(s.attendingCategory(of: 78) == nil, "not answered: not attending")
    }

    @Test("三(四).5 a vice chair entrusted to host is listed once; a leader invited by hand keeps that invitation's answer")
    func leadersListedOnce() throws {
        var s = SymposiumFixtures.symposium()
        s.host = SymposiumHost(personID: SymposiumFixtures.viceChairID)
        #expect(s.leadersByOffice == [SymposiumFixtures.viceChairID])
        s.invitees = [try invitee(SymposiumFixtures.viceChairID, .leaders, answer: .decline)]
        #expect(s.attendees.isEmpty, "a leader who declined is not put back by office")
    }
}
