import Foundation
import Testing
@testable import XieshangCore

/// 三(三).4 "尽量保证每位与会委员都有发言机会".
@Suite("Fair turns in the free speech (三(三).4)")
struct FairQueueTests {
    typealias F = AgendaFixtures
    typealias L = LiveFixtures

    /// Booked speeches by 31, 32, 41, 33 held; now in the free speech.
    func inFreeSpeech() throws -> LiveMeeting {
        var m = try L.started()
        try m.skip(to: .bookedSpeech, at: L.at(0))
        for i in 0..<4 {
            _ = try m.next(at: L.at(Double(i * 100)))
            try m.endSpeech(at: L.at(Double(i * 100 + 90)))
        }
        try m.advance(at: L.at(400))
        return m
    }

    @Test("三(三).4 a member who has not spoken is called before one who has, though asking later")
    func unspokenMemberFirst() throws {
        var m = try inFreeSpeech()
        try m.requestToSpeak(L.request(F.member(0), at: 410))   // spoke in the booked speeches
        try m.requestToSpeak(L.request(F.member(4), at: 420))   // has not spoken
        #expect(m.fairQueue().map(\.personID) == [35, 31])
        #expect(m.requests.map(\.personID) == [31, 35])
    }

    @Test("三(三).4 experts who have not spoken come after members who have not")
    func expertsAfterMembers() throws {
        var m = try inFreeSpeech()
        try m.requestToSpeak(L.request(F.experts[1], at: 410))
        try m.requestToSpeak(L.request(F.member(5), at: 420))
        try m.requestToSpeak(L.request(F.member(3), at: 430))
        try m.requestToSpeak(L.request(F.experts[0], at: 405))   // spoke in the booked speeches
        #expect(m.fairQueue().map(\.personID) == [36, 34, 42, 41])
    }

    @Test("三(三).4 among those who have spoken, fewer speeches first, then who asked first")
    func fewestSpeechesFirst() throws {
        var m = try inFreeSpeech()
        try m.speech(31, from: 400, to: 450)                     // 31 has now spoken twice
        try m.requestToSpeak(L.request(F.member(0), at: 460))
        try m.requestToSpeak(L.request(F.member(2), at: 470))   // 33 once
        try m.requestToSpeak(L.request(F.member(1), at: 465))   // 32 once
        #expect(m.fairQueue().map(\.personID) == [32, 33, 31])
    }

    @Test("三(三).4 next serves the fair queue and takes the speaker off it")
    func nextServesTheQueue() throws {
        var m = try inFreeSpeech()
        try m.requestToSpeak(L.request(F.member(0), at: 410))
        try m.requestToSpeak(L.request(F.member(4), at: 420))
        #expect(try m.next(at: L.at(500)) == 35)
        #expect(m.requests.map(\.personID) == [31])
        #expect(m.currentSpeech?.segment == .freeSpeech && m.currentSpeech?.limitSeconds == 300)
        try m.endSpeech(at: L.at(600))
        #expect(try m.next(at: L.at(600)) == 31)
        try m.endSpeech(at: L.at(700))
        #expect(throws: LiveError.nobodyNext("其他与会人员自由发言")) { try m.next(at: L.at(700)) }
    }

    @Test("三(三).4 a member given the floor directly leaves the queue")
    func directFloorLeavesTheQueue() throws {
        var m = try inFreeSpeech()
        try m.requestToSpeak(L.request(F.member(4), at: 410))
        try m.startSpeech(personID: 35, at: L.at(420))
        #expect(m.requests.isEmpty && m.fairQueue().isEmpty)
    }

    @Test("三(三).4 the console is reminded of the attending members who have not spoken")
    func reminderOfUnspokenMembers() throws {
        var m = try inFreeSpeech()
        #expect(m.notYetSpoken().map(\.personID) == [34, 35, 36])
        try m.speech(35, from: 400, to: 450)
        #expect(m.notYetSpoken(attending: F.attendees).map(\.personID) == [34, 36])
        #expect(m.view(at: L.at(460), regulation: L.regulation).notYetSpoken.map(\.personID) == [34, 36])
    }

    @Test("三(三).4 the screens show the queue in calling order")
    func viewShowsTheFairQueue() throws {
        var m = try inFreeSpeech()
        try m.requestToSpeak(L.request(F.member(0), at: 410))
        try m.requestToSpeak(L.request(F.member(4), at: 420))
        #expect(m.view(at: L.at(430), regulation: L.regulation).queue.map(\.personID) == [35, 31])
    }
}
