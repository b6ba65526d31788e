import Foundation
import Testing
@testable import XieshangCore

@Suite("Asking to speak in the free speech (三(三).4)")
struct SpeakRequestTests {
    typealias F = AgendaFixtures
    typealias L = LiveFixtures

    @Test("三(三).4 a request before the meeting starts is refused")
    func beforeTheStart() throws {
        var m = try L.meeting()
        #expect(throws: LiveError.notStarted) { try m.requestToSpeak(L.request(F.member(4), at: -60)) }
        #expect(m.requests.isEmpty && m.sequence == 0)
    }

    @Test("三(三).4 a request after the meeting ends is refused")
    func afterTheEnd() throws {
        var m = try L.started()
        try m.end(at: L.at(100))
        #expect(throws: LiveError.ended) { try m.requestToSpeak(L.request(F.member(4), at: 200)) }
    }

    @Test("三(三).4 asking twice is refused")
    func twice() throws {
        var m = try L.started()
        try m.requestToSpeak(L.request(F.member(4), at: 10))
        #expect(throws: LiveError.alreadyRequested("钱委员")) { try m.requestToSpeak(L.request(F.member(4), at: 20)) }
        #expect(m.requests.count == 1)
    }

    @Test("三(三).4 only attending members and experts may ask")
    func onlyAttendingMembersAndExperts() throws {
        var m = try L.started()
        #expect(throws: LiveError.requestNotAllowed("委员、专家学者")) { try m.requestToSpeak(L.request(F.teaOffice, at: 10)) }
        #expect(throws: LiveError.requestNotAllowed("委员、专家学者")) { try m.requestToSpeak(L.request(F.absentMember, at: 10)) }
        #expect(LiveError.requestNotAllowed("委员、专家学者").message == "只有与会委员、专家学者可以申请自由发言（三(三).4）。")
        try m.requestToSpeak(L.request(F.experts[1], at: 10))
        #expect(m.requests.map(\.personID) == [42])
    }

    @Test("三(三).4 requests are taken from the start until the free speech is over")
    func untilTheFreeSpeechIsOver() throws {
        var m = try L.started()
        try m.requestToSpeak(L.request(F.member(4), at: 10))      // during the briefing
        try m.skip(to: .freeSpeech, at: L.at(20))
        try m.requestToSpeak(L.request(F.member(5), at: 30))
        try m.advance(at: L.at(40))
        #expect(throws: LiveError.freeSpeechOver) { try m.requestToSpeak(L.request(F.member(3), at: 50)) }
    }

    @Test("三(三).4 the attendee list's name and category are kept, whatever the request says")
    func attendeeListIsAuthoritative() throws {
        var m = try L.started()
        try m.requestToSpeak(SpeakRequest(personID: 35, name: "冒名", category: .experts, requestedAt: L.at(10)))
        #expect(m.requests == [SpeakRequest(personID: 35, name: "钱委员", category: .members, requestedAt: L.at(10))])
    }

    @Test("三(三).4 a request can be withdrawn, once")
    func withdraw() throws {
        var m = try L.started()
        try m.requestToSpeak(L.request(F.member(4), at: 10))
        try m.withdrawRequest(personID: 35)
        #expect(m.requests.isEmpty)
        #expect(throws: LiveError.noRequest) { try m.withdrawRequest(personID: 35) }
    }
}
