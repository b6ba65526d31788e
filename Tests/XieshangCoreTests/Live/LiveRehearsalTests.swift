import Foundation
import Testing
@testable import XieshangCore

private typealias L = LiveFixtures

@Suite("演练: the rehearsal before the meeting's day")
struct LiveRehearsalTests {
    let dayBefore = L.at(-86_400)

    @Test("演练 runs the real agenda the day before, says so on every screen, and leaves nothing when ended")
    func rehearsalLeavesNothing() throws {
        var m = try L.meeting()
        let untouched = m
        try m.startRehearsal(at: dayBefore, meetingDay: L.meetingDay)
        #expect(m.isRehearsal && m.phase == .running)
        #expect(m.view(at: dayBefore, regulation: L.regulation).rehearsal)
        let speaker = try #require(m.agenda.items.first?.speakers.first)
        try m.startSpeech(personID: speaker.personID, at: dayBefore.addingTimeInterval(60))
        try m.endSpeech(at: dayBefore.addingTimeInterval(120))
        #expect(m.speeches.count == 1 && m.heldSpeeches.isEmpty, "a rehearsal's speech is never the record's")
        let sequence = m.sequence
        try m.endRehearsal(at: dayBefore.addingTimeInterval(180))
        #expect(!m.isRehearsal && m.phase == .notStarted && m.speeches.isEmpty && m.requests.isEmpty)
        #expect(m.startedAt == nil && m.endedAt == nil && m.segmentIndex == 0)
        #expect(m.agenda == untouched.agenda && m.attendees == untouched.attendees)
        #expect(m.sequence == sequence + 1, "the screens follow the discarding")
        #expect(!m.view(at: dayBefore, regulation: L.regulation).rehearsal)
        // The meeting then runs on its day.
        try m.start(at: L.at(0), meetingDay: L.meetingDay)
        #expect(m.phase == .running && !m.isRehearsal)
    }

    @Test("演练 is only before the meeting's day; on the day the meeting itself starts")
    func rehearsalOnlyBefore() throws {
        var m = try L.meeting()
        #expect(throws: LiveError.rehearsalOnlyBefore(L.meetingDay)) { try m.startRehearsal(at: L.at(0), meetingDay: L.meetingDay) }
        #expect(throws: LiveError.noRehearsal) { try m.endRehearsal(at: L.at(0)) }
        #expect(m.phase == .notStarted)
    }

    @Test("演练 under way: the meeting can neither start nor end until the rehearsal is ended, so it never becomes a record")
    func rehearsalBlocksStartAndEnd() throws {
        var m = try L.meeting()
        try m.startRehearsal(at: dayBefore, meetingDay: L.meetingDay)
        #expect(throws: LiveError.rehearsalUnderWay) { try m.end(at: dayBefore.addingTimeInterval(60)) }
        #expect(throws: LiveError.rehearsalUnderWay) { try m.start(at: L.at(0), meetingDay: L.meetingDay) }
        #expect(throws: LiveError.rehearsalUnderWay) { try m.startRehearsal(at: dayBefore.addingTimeInterval(60), meetingDay: L.meetingDay) }
        try m.endRehearsal(at: L.at(-60))
        try m.start(at: L.at(0), meetingDay: L.meetingDay)
        #expect(m.phase == .running)
    }
}
