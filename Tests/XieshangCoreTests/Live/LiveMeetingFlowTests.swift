import Foundation
import Testing
@testable import XieshangCore

@Suite("Holding the symposium segment by segment (三(三))")
struct LiveMeetingFlowTests {
    typealias F = AgendaFixtures
    typealias L = LiveFixtures

    @Test("三(三) the meeting holds the agenda's segments in order, then ends")
    func segmentsInOrder() throws {
        var m = try L.meeting()
        #expect(m.phase == .notStarted && m.segment == nil)
        try m.start(at: L.at(0), meetingDay: L.meetingDay)
        var held: [AgendaSegmentKind] = []
        for i in 0..<m.agenda.items.count {
            held.append(try #require(m.segment).kind)
            if i + 1 < m.agenda.items.count { try m.advance(at: L.at(Double(i + 1))) }
        }
        #expect(held == [.departmentBriefing, .keynote, .bookedSpeech, .freeSpeech, .response, .leaderRemarks])
        #expect(throws: LiveError.lastSegment) { try m.advance(at: L.at(10)) }
        try m.end(at: L.at(10))
        #expect(m.phase == .ended && m.startedAt == L.at(0) && m.endedAt == L.at(10) && m.segment == nil)
    }

    @Test("三(三).3 next calls the planned speakers in speaking order, then nobody is left")
    func nextFollowsTheSpeakingOrder() throws {
        var m = try L.started()
        try m.skip(to: .bookedSpeech, at: L.at(0))
        var called: [Int] = []
        for i in 0..<4 {
            called.append(try m.next(at: L.at(Double(i * 500))))
            try m.endSpeech(at: L.at(Double(i * 500 + 400)))
        }
        #expect(called == [31, 32, 41, 33])
        #expect(m.speeches.map(\.limitSeconds) == [480, 480, 480, 480])
        #expect(throws: LiveError.nobodyNext("委员、专家学者预约发言")) { try m.next(at: L.at(2000)) }
    }

    @Test("三(三).3 next skips a planned speaker already heard out of order")
    func nextSkipsThoseHeard() throws {
        var m = try L.started()
        try m.skip(to: .bookedSpeech, at: L.at(0))
        try m.speech(32, from: 0, to: 100)
        #expect(try m.next(at: L.at(100)) == 31)
        try m.endSpeech(at: L.at(200))
        #expect(try m.next(at: L.at(200)) == 41)
    }

    @Test("三(三) a speech cannot start while another is under way")
    func oneSpeechAtATime() throws {
        var m = try L.started()
        try m.startSpeech(personID: F.agriculture.personID, at: L.at(0))
        #expect(throws: LiveError.speechUnderWay("吴局长")) { try m.startSpeech(personID: F.agriculture.personID, at: L.at(5)) }
        #expect(throws: LiveError.speechUnderWay("吴局长")) { try m.next(at: L.at(5)) }
        #expect(LiveError.speechUnderWay("吴局长").message.contains("发言尚未结束"))
        #expect(LiveError.speechUnderWay("吴局长").kind == .conflict)
    }

    @Test("三(三) nothing can be done before the meeting starts")
    func nothingBeforeTheStart() throws {
        var m = try L.meeting()
        #expect(throws: LiveError.notStarted) { try m.startSpeech(personID: 21, at: L.at(0)) }
        #expect(throws: LiveError.notStarted) { try m.next(at: L.at(0)) }
        #expect(throws: LiveError.notStarted) { try m.pause(at: L.at(0)) }
        #expect(throws: LiveError.notStarted) { try m.advance(at: L.at(0)) }
        #expect(throws: LiveError.notStarted) { try m.end(at: L.at(0)) }
        #expect(LiveError.notStarted.message == "会议尚未开始。")
    }

    @Test("三(三) nothing can be done after the meeting ends, and it cannot start again")
    func nothingAfterTheEnd() throws {
        var m = try L.started()
        try m.end(at: L.at(60))
        #expect(throws: LiveError.ended) { try m.start(at: L.at(70), meetingDay: L.meetingDay) }
        #expect(throws: LiveError.ended) { try m.startSpeech(personID: 21, at: L.at(70)) }
        #expect(throws: LiveError.ended) { try m.advance(at: L.at(70)) }
        #expect(throws: LiveError.ended) { try m.end(at: L.at(70)) }
    }

    @Test("三(三) the meeting starts once, and not with an empty agenda")
    func startOnce() throws {
        var m = try L.started()
        #expect(throws: LiveError.alreadyStarted) { try m.start(at: L.at(1), meetingDay: L.meetingDay) }
        var empty = LiveMeeting(agenda: Agenda(items: []), attendees: [])
        #expect(throws: LiveError.emptyAgenda) { try empty.start(at: L.at(0), meetingDay: L.meetingDay) }
    }

    @Test("三(三) the meeting is held on the day it is set for: the day before or after is refused, naming the day")
    func heldOnItsDay() throws {
        var m = try L.meeting()
        let dayBefore = L.at(-86_400), dayAfter = L.at(86_400)
        #expect(throws: LiveError.notMeetingDay(planned: L.meetingDay, today: L.meetingDay.adding(days: -1))) {
            try m.start(at: dayBefore, meetingDay: L.meetingDay)
        }
        #expect(throws: LiveError.notMeetingDay(planned: L.meetingDay, today: L.meetingDay.adding(days: 1))) {
            try m.start(at: dayAfter, meetingDay: L.meetingDay)
        }
        #expect(LiveError.notMeetingDay(planned: L.meetingDay, today: L.meetingDay.adding(days: 1)).message.contains(L.meetingDay.chinese))
        #expect(m.phase == .notStarted)
        // 07:30 China time on the day is the day, though it is still the day before in UTC.
        try m.start(at: L.at(-5_400), meetingDay: L.meetingDay)
        #expect(m.phase == .running)
    }

    @Test("三(三).3 only the planned speakers speak in the booked speeches")
    func bookedSegmentIsPlannedOnly() throws {
        var m = try L.started()
        try m.skip(to: .bookedSpeech, at: L.at(0))
        #expect(throws: LiveError.notAllowedInSegment("赵委员", "委员、专家学者预约发言", "三(三).3")) {
            try m.startSpeech(personID: F.member(3).personID, at: L.at(1))
        }
    }

    @Test("三(三).4 in the free speech any attending member or expert may take the floor; others may not")
    func freeSpeechIsOpenToAttendingMembersAndExperts() throws {
        var m = try L.started()
        try m.skip(to: .freeSpeech, at: L.at(0))
        try m.speech(F.member(5).personID, from: 0, to: 100)
        try m.speech(F.experts[1].personID, from: 100, to: 200)
        #expect(m.speeches.map(\.limitSeconds) == [300, 300])
        #expect(throws: LiveError.notAttending(37)) { try m.startSpeech(personID: F.absentMember.personID, at: L.at(200)) }
        #expect(throws: LiveError.notAllowedInSegment("孙主任", "其他与会人员自由发言", "三(三).4")) {
            try m.startSpeech(personID: F.teaOffice.personID, at: L.at(200))
        }
    }

    @Test("三(三).5 any attending department may respond unplanned; a member may not")
    func responsesAreOpenToDepartments() throws {
        var m = try L.started()
        try m.skip(to: .response, at: L.at(0))
        try m.speech(F.teaOffice.personID, from: 0, to: 100)
        #expect(m.speeches.last?.name == "孙主任" && m.speeches.last?.unit == "县茶叶产业办")
        #expect(throws: LiveError.notAllowedInSegment("王委员", "有关部门互动回应发言", "三(三).5")) {
            try m.startSpeech(personID: F.member(0).personID, at: L.at(100))
        }
    }

    @Test("三(三) advancing or ending the meeting ends the speech under way")
    func advanceEndsTheSpeech() throws {
        var m = try L.started()
        try m.startSpeech(personID: 21, at: L.at(0))
        try m.pause(at: L.at(100))
        try m.advance(at: L.at(130))
        #expect(m.current == nil)
        #expect(m.speeches[0].endedAt == L.at(130) && m.speeches[0].durationSeconds == 100)
        try m.startSpeech(personID: 11, at: L.at(140))
        try m.end(at: L.at(200))
        #expect(m.current == nil && m.speeches[1].durationSeconds == 60)
    }

    @Test("三(三) the sequence increases by one on every change")
    func sequenceCountsChanges() throws {
        var m = try L.meeting()
        var seen = [m.sequence]
        try m.start(at: L.at(0), meetingDay: L.meetingDay); seen.append(m.sequence)
        try m.requestToSpeak(L.request(F.member(4), at: 1)); seen.append(m.sequence)
        _ = try m.next(at: L.at(2)); seen.append(m.sequence)
        try m.pause(at: L.at(3)); seen.append(m.sequence)
        try m.resume(at: L.at(4)); seen.append(m.sequence)
        try m.endSpeech(at: L.at(5)); seen.append(m.sequence)
        try m.withdrawRequest(personID: F.member(4).personID); seen.append(m.sequence)
        try m.advance(at: L.at(6)); seen.append(m.sequence)
        try m.end(at: L.at(7)); seen.append(m.sequence)
        #expect(seen == Array(0...9))
    }

    @Test("三(三) nothing changes on a refusal, not even the sequence")
    func refusalsChangeNothing() throws {
        var m = try L.started()
        try m.skip(to: .bookedSpeech, at: L.at(0))
        try m.requestToSpeak(L.request(F.member(4), at: 1))
        try m.startSpeech(personID: 31, at: L.at(10))
        try m.pause(at: L.at(20))
        let before = m
        let refused: [(inout LiveMeeting) throws -> Void] = [
            { try $0.start(at: L.at(30), meetingDay: L.meetingDay) },
            { try $0.startSpeech(personID: 32, at: L.at(30)) },
            { _ = try $0.next(at: L.at(30)) },
            { try $0.pause(at: L.at(30)) },
            { try $0.resume(at: L.at(5)) },
            { try $0.requestToSpeak(L.request(F.member(4), at: 30)) },
            { try $0.requestToSpeak(L.request(F.agriculture, at: 30)) },
            { try $0.withdrawRequest(personID: 99) },
        ]
        for op in refused {
            #expect(throws: LiveError.self) { try op(&m) }
            #expect(m == before)
        }
    }

    @Test("三(三) a time before the last change is refused")
    func timeDoesNotGoBack() throws {
        var m = try L.started()
        try m.startSpeech(personID: 21, at: L.at(100))
        #expect(throws: LiveError.timeBeforeLastChange) { try m.endSpeech(at: L.at(50)) }
        #expect(m.current != nil)
    }

    @Test("三(三) a live meeting is plain data")
    func coding() throws {
        var m = try L.started()
        try m.requestToSpeak(L.request(F.member(4), at: 1))
        try m.startSpeech(personID: 21, at: L.at(10))
        try m.pause(at: L.at(20))
        #expect(try JSONDecoder().decode(LiveMeeting.self, from: JSONEncoder().encode(m)) == m)
        let view = m.view(at: L.at(30), regulation: L.regulation)
        #expect(try JSONDecoder().decode(LiveView.self, from: JSONEncoder().encode(view)) == view)
    }
}
