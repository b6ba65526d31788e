import Foundation
import Testing
@testable import XieshangCore

@Suite("Department responses and the record of who spoke (三(三).5)")
struct ResponsePairTests {
    typealias F = AgendaFixtures
    typealias L = LiveFixtures

    /// Briefing (1), keynote (2), booked 31 (3), 32 (4), free 35 (5), then the responses.
    func atResponses() throws -> LiveMeeting {
        var m = try L.started()
        try m.speech(21, from: 0, to: 600)
        try m.advance(at: L.at(600))
        try m.speech(11, from: 600, to: 1200)
        try m.advance(at: L.at(1200))
        try m.speech(31, from: 1200, to: 1680)
        try m.speech(32, from: 1680, to: 2100)
        try m.advance(at: L.at(2100))
        try m.speech(35, from: 2100, to: 2400)
        try m.advance(at: L.at(2400))
        return m
    }

    @Test("三(三).5 a response is paired with the speeches it answers")
    func pairs() throws {
        var m = try atResponses()
        try m.speech(21, from: 2400, to: 2700, respondsTo: [3, 5])
        try m.speech(23, from: 2700, to: 2900, respondsTo: [3])
        let pairs = m.responsePairs()
        #expect(pairs.map(\.question.id) == [3, 5])
        #expect(pairs[0].responses.map(\.personID) == [21, 23])
        #expect(pairs[1].responses.map(\.id) == [6])
        #expect(pairs[0].question.name == "王委员")
    }

    @Test("三(三).5 a response answers only speeches held in the keynote, booked or free speeches")
    func onlyQuestionsCanBeAnswered() throws {
        var m = try atResponses()
        let before = m
        #expect {
            try m.startSpeech(personID: 21, at: L.at(2400), respondsTo: [1, 99])
        } throws: { e in
            (e as? LiveError)?.details == [
                "第1号发言（吴局长，介绍情况）不是委员、专家学者或中心发言，不能作为回应对象。", "没有第99号发言。",
            ]
        }
        #expect(m == before)
        try m.speech(21, from: 2400, to: 2500, respondsTo: [2])
        #expect(m.responsePairs().map(\.question.id) == [2])
    }

    @Test("三(三).5 only a response names the speeches it answers")
    func onlyResponsesAnswer() throws {
        var m = try L.started()
        try m.speech(21, from: 0, to: 600)
        try m.advance(at: L.at(600))
        #expect(throws: LiveError.invalidResponse(["只有互动回应发言可以注明所回应的发言（三(三).5）。"])) {
            try m.startSpeech(personID: 11, at: L.at(600), respondsTo: [1])
        }
    }

    @Test("三(三) each person's speeches and time are totalled for the participation record")
    func totals() throws {
        var m = try atResponses()
        try m.speech(21, from: 2400, to: 2700, respondsTo: [3])
        try m.startSpeech(personID: 23, at: L.at(2700))
        let totals = m.totals()
        #expect(totals.map(\.personID) == [21, 11, 31, 32, 35, 23])
        #expect(totals[0] == SpeakerTotal(personID: 21, name: "吴局长", unit: "县农业农村局", category: .departmentHeads,
                                          speeches: 2, totalSeconds: 900))
        #expect(totals[2].totalSeconds == 480 && totals[4].category == .members)
        #expect(totals[5].speeches == 1 && totals[5].totalSeconds == 0)   // under way: counted, not timed
    }
}
