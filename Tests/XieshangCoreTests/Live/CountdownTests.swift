import Foundation
import Testing
@testable import XieshangCore

@Suite("The speaking-time countdown every screen shows (三(三))")
struct CountdownTests {
    typealias F = AgendaFixtures
    typealias L = LiveFixtures
    let r = LiveFixtures.regulation

    /// Member 31's booked speech (8 minutes) started at 0 s.
    func booked() throws -> LiveMeeting {
        var m = try L.started()
        try m.skip(to: .bookedSpeech, at: L.at(0))
        try m.startSpeech(personID: 31, at: L.at(0))
        return m
    }

    func countdown(_ m: LiveMeeting, at seconds: Double) throws -> LiveView.Speech {
        try #require(m.view(at: L.at(seconds), regulation: r).current)
    }

    @Test("三(三).3 elapsed and remaining time leave out a pause")
    func pauseIsExcluded() throws {
        var m = try booked()
        try m.pause(at: L.at(100))
        let paused = try countdown(m, at: 130)
        #expect(paused.paused && paused.elapsedSeconds == 100 && paused.remainingSeconds == 380)
        try m.resume(at: L.at(160))
        let running = try countdown(m, at: 200)
        #expect(!running.paused && running.elapsedSeconds == 140 && running.remainingSeconds == 340)
        #expect(running.limitSeconds == 480 && running.name == "王委员")
    }

    @Test("三(三).3 the countdown warns when 60 seconds are left")
    func warningAtSixtySecondsLeft() throws {
        let m = try booked()
        #expect(try countdown(m, at: 419).warning == false)
        let warned = try countdown(m, at: 420)
        #expect(warned.warning && warned.remainingSeconds == 60 && warned.overrunSeconds == 0)
    }

    @Test("三(三) the warning follows the Regulation's speakingWarningSeconds")
    func warningFromTheRegulation() throws {
        var p = r
        p.speakingWarningSeconds = 120
        let m = try booked()
        #expect(m.view(at: L.at(360), regulation: p).current?.warning == true)
        #expect(m.view(at: L.at(359), regulation: p).current?.warning == false)
    }

    @Test("三(三).3 past the limit the overrun is counted, on screen and in the record")
    func overrunAfterTheLimit() throws {
        var m = try booked()
        let over = try countdown(m, at: 500)
        #expect(over.remainingSeconds == 0 && over.overrunSeconds == 20 && over.warning)
        try m.endSpeech(at: L.at(500))
        #expect(m.speeches[0].durationSeconds == 500 && m.speeches[0].overrunSeconds == 20)
    }

    @Test("三(三) a paused speech ended without resuming leaves the pause out")
    func endWhilePaused() throws {
        var m = try booked()
        try m.pause(at: L.at(300))
        try m.endSpeech(at: L.at(600))
        #expect(m.speeches[0].durationSeconds == 300 && m.speeches[0].pausedSeconds == 300)
        #expect(m.speeches[0].overrunSeconds == 0)
    }

    @Test("三(三).6 leaders' remarks have no limit: no remaining time, no warning, no overrun")
    func unlimitedRemarks() throws {
        var m = try L.started()
        try m.skip(to: .leaderRemarks, at: L.at(0))
        _ = try m.next(at: L.at(0))
        let c = try countdown(m, at: 3600)
        #expect(c.limitSeconds == nil && c.remainingSeconds == nil && !c.warning && c.overrunSeconds == 0)
        #expect(c.elapsedSeconds == 3600 && c.name == "陈主席")
    }

    @Test("三(三) pause and resume only in their turn")
    func pauseResumeOrder() throws {
        var m = try booked()
        #expect(throws: LiveError.notPaused) { try m.resume(at: L.at(10)) }
        try m.pause(at: L.at(10))
        #expect(throws: LiveError.alreadyPaused) { try m.pause(at: L.at(20)) }
        try m.resume(at: L.at(20))
        try m.endSpeech(at: L.at(30))
        #expect(throws: LiveError.noSpeechUnderWay) { try m.pause(at: L.at(40)) }
        #expect(throws: LiveError.noSpeechUnderWay) { try m.endSpeech(at: L.at(40)) }
    }

    @Test("三(三) the screen shows the segment, who comes next and the next segment")
    func screenShowsWhatComes() throws {
        let m = try booked()
        let v = m.view(at: L.at(10), regulation: r)
        #expect(v.phase == .running && v.segment?.kind == .bookedSpeech && v.segmentIndex == 2 && v.segmentCount == 6)
        #expect(v.upcoming.map(\.personID) == [32, 41, 33])
        #expect(v.nextSegmentTitle == "其他与会人员自由发言")
        #expect(v.sequence == m.sequence && v.at == L.at(10))
        let before = try L.meeting().view(at: L.at(0), regulation: r)
        #expect(before.phase == .notStarted && before.segment == nil && before.current == nil && before.upcoming.isEmpty)
    }
}
