import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// The agenda and the live symposium through the API (三(二).4, 三(三), 三(五)), one test per rule,
/// on symposium 1 as `Symposia.prepared(app, held: false)` leaves it: speakers confirmed
/// (`Symposia.Cast`), 姜茂林 briefing, 符鹏飞's keynote, `members[0]` and `members[1]` booked.
/// The server's clock is a `ManualClock` the tests move on; the console is the office's
/// unless a test says otherwise.
@Suite("The agenda and the live symposium (三(三))")
struct LiveMeetingTests {
    // MARK: the agenda

    @Test("三(三).3: five booked speakers are refused, naming the clause; four are accepted")
    func bookedSpeechesAreTwoToFour() async throws {
        try await LiveFixture.run { f in
            let five = f.cast.members + [f.cast.expert]
            #expect(five.count == 5)
            let refused = try await f.setSpeakers(.bookedSpeech, five, expect: .badRequest)
            #expect(refused.errorCode == "agenda_refused")
            let error = try APIError(refused)
            #expect(error.message.contains("三(三).3"), "\(error.message)")
            #expect(error.details == ["预约发言安排5位，超过工作办法规定的4位（三(三).3）"])
            // Nothing changed.
            #expect(try await f.agenda().item(.bookedSpeech).speakers.map(\.personID) == Array(f.cast.members.prefix(2)))

            let four = try decode(AgendaRoutes.AgendaDTO.self, try await f.setSpeakers(.bookedSpeech, f.cast.members))
            #expect(four.item(.bookedSpeech).speakers.map(\.personID) == f.cast.members)
            #expect(four.refusals.isEmpty && four.warnings.isEmpty, "\(four.refusals) \(four.warnings)")
        }
    }

    @Test("三(三).1: a department not attending (or a member) cannot brief the meeting")
    func briefingByAnAttendingDepartment() async throws {
        try await LiveFixture.run { f in
            let commerce = try await Symposia.personID(f.office, named: "刘雪峰")  // 县商务局, not invited
            let res = try await f.setSpeakers(.departmentBriefing, [commerce], expect: .badRequest)
            #expect(res.errorCode == "agenda_refused")
            #expect(try APIError(res).details == ["安化县商务局负责同志未确认出席，不能安排介绍情况（三(三).1）"])

            let member = try await f.setSpeakers(.departmentBriefing, [f.cast.members[2]], expect: .badRequest)
            let details = try APIError(member).details
            #expect(details.count == 1 && details[0].contains("是委员，不能安排介绍情况") && details[0].hasSuffix("（三(三).1）"),
                    "\(details)")
            #expect(try await f.agenda().item(.departmentBriefing).speakers.map(\.personID) == [f.cast.departmentHead])
        }
    }

    @Test("三(三).3: booked speeches by experts only are reported as refused (委员为主); half members is a warning")
    func bookedSpeechesMainlyByMembers() async throws {
        try await LiveFixture.run { f in
            let second = try await f.confirm("龚佳慧")  // a second expert
            // Saved, so that members can still be added one at a time, but refused until one is.
            let experts = try decode(AgendaRoutes.AgendaDTO.self, try await f.setSpeakers(.bookedSpeech, [f.cast.expert, second]))
            #expect(experts.refusals == ["预约发言以委员为主（三(三).3）"])
            #expect(try await f.agenda().refusals == ["预约发言以委员为主（三(三).3）"])

            let mixed = try decode(AgendaRoutes.AgendaDTO.self,
                                   try await f.setSpeakers(.bookedSpeech, [f.cast.members[0], f.cast.expert]))
            #expect(mixed.refusals.isEmpty)
            #expect(mixed.warnings == ["预约发言2位中委员1位，宜以委员为主（三(三).3）"])
        }
    }

    @Test("三(二).4: the agenda's estimated length, free speech counted for those not planned elsewhere")
    func estimatedLength() async throws {
        try await LiveFixture.run { f in
            // 10 (briefing) + 10 (keynote) + 2 × 8 (booked) + 3 × 5 (free: members[2], members[3], the expert).
            let planned = try await f.agenda()
            #expect(planned.estimatedMinutes == 51)
            #expect(planned.estimateNote.contains("3位、每人5分钟"), "\(planned.estimateNote)")
            #expect(planned.estimateNote.contains("县委、县政府、县政协领导讲话不限时，未计入"), "\(planned.estimateNote)")
            #expect(planned.items.map(\.kind) == [.departmentBriefing, .keynote, .bookedSpeech, .freeSpeech, .response, .leaderRemarks])
            #expect(planned.items.map(\.minutesPerSpeech) == [10, 10, 8, 5, 5, nil])

            // A third booked speaker: + 8, and one fewer in the free speech: − 5.
            let three = try decode(AgendaRoutes.AgendaDTO.self,
                                            try await f.setSpeakers(.bookedSpeech, Array(f.cast.members.prefix(3))))
            #expect(three.estimatedMinutes == 54)
        }
    }

    // MARK: the meeting

    @Test("三(三): the meeting starts only on the symposium's day; the day before is refused, naming the day, and nothing is recorded")
    func meetingStartsOnlyOnItsDay() async throws {
        try await LiveFixture.run { f in
            let morning = f.clock.now()
            let day = Day(morning)
            f.clock.set(morning.addingTimeInterval(-86_400))
            let refused = try await f.office.send(.POST, f.live + "/start")
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "not_meeting_day")
            #expect(refused.text.contains(day.chinese), "\(refused.text)")
            #expect(try await f.state().view.phase == .notStarted)
            let symposium = try await f.office.send(.GET, f.root)
            #expect(!symposium.text.contains("\"heldOn\""))

            f.clock.set(morning)
            #expect(try await f.act("start").view.phase == .running)
        }
    }

    @Test("演练: the day before, the console runs the real agenda as a rehearsal; ending it leaves no speech, no record and no day held")
    func rehearsalTheDayBeforeLeavesNothing() async throws {
        try await LiveFixture.run { f in
            let morning = f.clock.now()
            f.clock.set(morning.addingTimeInterval(-18 * 3_600))   // 16:00 the day before
            let rehearsing = try await f.act("rehearse")
            #expect(rehearsing.view.rehearsal && rehearsing.view.phase == .running)
            try await f.act("next")
            f.clock.advance(by: 120)
            try await f.act("end-speech")
            let ending = try await f.office.send(.POST, f.live + "/end")
            #expect(ending.status == .conflict && ending.errorCode == "rehearsal_under_way")
            let after = try await f.act("end-rehearsal")
            #expect(!after.view.rehearsal && after.view.phase == .notStarted && after.speeches.isEmpty)
            #expect(try await f.heldOn() == nil)
            #expect(!(try await f.record().exists))
            // The speakers' totals (and so the participation records) count no speech of the rehearsal.
            let totals = try await f.office.send(.GET, f.live + "/totals")
            #expect(totals.status == .ok && totals.text == "[]", "\(totals.text)")

            f.clock.set(morning)
            let rehearsalOnTheDay = try await f.office.send(.POST, f.live + "/rehearse")
            #expect(rehearsalOnTheDay.errorCode == "rehearsal_only_before_meeting_day")
            #expect(try await f.act("start").view.phase == .running)
        }
    }

    @Test("三(三).1: the countdown warns in the last minute and shows the overrun")
    func countdownWarningAndOverrun() async throws {
        try await LiveFixture.run { f in
            try await f.act("start")
            let first = try await f.act("next")
            #expect(first.view.current?.personID == f.cast.departmentHead)
            #expect(first.view.current?.limitSeconds == 600)

            f.clock.advance(by: 480)
            var now = try await f.state().view.current
            #expect(now?.remainingSeconds == 120 && now?.warning == false && now?.overrunSeconds == 0)
            f.clock.advance(by: 61)
            now = try await f.state().view.current
            #expect(now?.remainingSeconds == 59 && now?.warning == true && now?.overrunSeconds == 0)
            f.clock.advance(by: 89)
            now = try await f.state().view.current
            #expect(now?.remainingSeconds == 0 && now?.warning == true && now?.overrunSeconds == 30)
            #expect(now?.elapsedSeconds == 630)

            let ended = try await f.act("end-speech")
            #expect(ended.view.current == nil)
            let speech = try #require(ended.speeches.first)
            #expect(speech.durationSeconds == 630 && speech.overrunSeconds == 30 && !speech.underWay)
        }
    }

    @Test("三(三): a pause is not counted in a speech's duration")
    func pauseIsExcluded() async throws {
        try await LiveFixture.run { f in
            try await f.act("start")
            try await f.act("advance")
            try await f.act("advance")
            let booked = try await f.act("next")
            #expect(booked.view.segment?.kind == .bookedSpeech)
            #expect(booked.view.current?.personID == f.cast.members[0])
            f.clock.advance(by: 240)
            try await f.act("pause")
            f.clock.advance(by: 120)
            let paused = try await f.state().view.current
            #expect(paused?.paused == true && paused?.elapsedSeconds == 240 && paused?.remainingSeconds == 240)
            try await f.act("pause", expect: .conflict)
            try await f.act("resume")
            f.clock.advance(by: 180)
            let ended = try await f.act("end-speech")
            #expect(ended.speeches.map(\.durationSeconds) == [420])
            let totals = try decode([SpeakerTotalDTO].self, try await Symposia.call(f.office, .GET, f.live + "/totals"))
            #expect(totals.map(\.personID) == [f.cast.members[0]] && totals.map(\.totalSeconds) == [420])
        }
    }

    @Test("三(三).4: the free-speech queue offers members who have not spoken before those who have")
    func fairFreeSpeechQueue() async throws {
        try await LiveFixture.run { f in
            let expert = try await Planning.api(f.app, "expert")  // 黄振宇, attending
            try await f.act("start")
            try await f.act("advance")
            try await f.act("advance")
            try await f.act("next")                            // members[0], booked
            f.clock.advance(by: 300)
            try await f.act("end-speech")
            try await f.act("advance")                         // the free speech
            // members[0] (has spoken) asks first, then the expert from their phone, then members[2].
            try await f.request(for: f.cast.members[0])
            f.clock.advance(by: 10)
            // A body that is sent must be valid; a broken one is refused, not taken as "me".
            try await Symposia.call(expert, .POST, f.live + "/requests", #"{"personID":"#, expect: .badRequest)
            try await Symposia.call(expert, .POST, f.live + "/requests")
            f.clock.advance(by: 10)
            let queued = try await f.request(for: f.cast.members[2])
            #expect(queued.view.queue.map(\.personID) == [f.cast.members[2], f.cast.expert, f.cast.members[0]])
            #expect(queued.view.notYetSpoken.map(\.personID) == Array(f.cast.members.dropFirst()))

            var order: [Int] = []
            for _ in 0..<3 {
                let m = try await f.act("next")
                order.append(try #require(m.view.current?.personID))
                #expect(m.view.current?.limitSeconds == 300)
                f.clock.advance(by: 60)
                try await f.act("end-speech")
            }
            #expect(order == [f.cast.members[2], f.cast.expert, f.cast.members[0]])
            let after = try await f.state()
            #expect(after.view.queue.isEmpty)
            #expect(after.view.notYetSpoken.map(\.personID) == [f.cast.members[1], f.cast.members[3]])
            let none = try await f.act("next", expect: .conflict)
            #expect(none.errorCode == "no_next_speaker")
        }
    }

    @Test("三(三).4: requests to speak made at the same moment are each judged, answered and audited on their own")
    func simultaneousRequestsEachJudged() async throws {
        try await LiveFixture.run { f in
            try await f.act("start")
            for _ in 0..<3 { try await f.act("advance") }      // on to the free speech
            let expert = try await Planning.api(f.app, "expert")
            let offices = [try await Planning.api(f.app, "office"), try await Planning.api(f.app, "office"),
                           try await Planning.api(f.app, "office")]
            let before = try await Planning.lastAuditSequence(f.app)
            let sequence = try await f.state().view.sequence
            let stranger = 999_999
            // Held at the write gate, the four requests all wait for the same transaction.
            let gate = f.app.xieshang.writeGate
            await gate.lock()
            @Sendable func ask(_ client: TestClient, for person: Int?) async throws -> TestingHTTPResponse {
                var h = HTTPHeaders()
                h.contentType = .json
                return try await client.send(.POST, f.live + "/requests", headers: h,
                                             body: person.map { ByteBuffer(string: #"{"personID":\#($0)}"#) })
            }
            async let mine = ask(expert, for: nil)
            async let first = ask(offices[0], for: f.cast.members[2])
            async let again = ask(offices[1], for: f.cast.members[2])
            async let outsider = ask(offices[2], for: stranger)
            let waitingSince = ContinuousClock.now
            while f.app.xieshang.liveWrites.unanswered(f.id) < 4 && ContinuousClock.now - waitingSince < .seconds(10) {
                try await Task.sleep(for: .milliseconds(2))
            }
            #expect(f.app.xieshang.liveWrites.unanswered(f.id) == 4)
            await gate.unlock()
            let answers = try await [mine, first, again, outsider]

            #expect(answers[0].status == .ok)
            // Of the same person's two requests, whichever came first is taken, the other refused.
            #expect(Set([answers[1].status, answers[2].status]) == [.ok, .conflict])
            #expect([answers[1], answers[2]].compactMap(\.errorCode) == ["speak_request_exists"])
            #expect(answers[3].status == .notFound && answers[3].errorCode == "speaker_not_attending")
            let after = try await f.state()
            #expect(after.view.queue.map(\.personID).sorted() == [f.cast.members[2], f.cast.expert].sorted())
            #expect(after.view.sequence == sequence + 2)
            let entries = try await AuditEntryModel.query(on: f.app.db).filter(\.$id > before).sort(\.$id).all()
            #expect(entries.map(\.action) == ["live.request", "live.request"])
            #expect(entries.map(\.actor).sorted() == ["expert", "office"])
            #expect(try await AuditLog.verify(on: f.app.db).intact)
        }
    }

    @Test("三(三).5: a department's response is paired with the speech it answers")
    func responsePairedWithQuestion() async throws {
        try await LiveFixture.run { f in
            try await f.act("start")
            try await f.act("advance")
            try await f.act("advance")
            try await f.act("next")                            // speech 1: members[0]
            f.clock.advance(by: 300)
            try await f.act("end-speech")
            // Only a response names the speeches it answers.
            let early = try await f.speak(f.cast.members[1], respondsTo: [1], expect: .badRequest)
            #expect(early.errorCode == "response_invalid")
            try await f.act("advance")
            try await f.act("advance")                         // the responses
            let unknown = try await f.speak(f.cast.departmentHead, respondsTo: [9], expect: .badRequest)
            #expect(unknown.errorCode == "response_invalid")
            #expect(try APIError(unknown).details == ["没有第9号发言。"])
            let member = try await f.speak(f.cast.members[2], expect: .badRequest)
            #expect(member.errorCode == "speaker_not_allowed_in_segment")

            let answered = try decode(LiveMessage.self, try await f.speak(f.cast.departmentHead, respondsTo: [1]))
            let response = try #require(answered.speeches.last)
            #expect(response.segment == .response && response.personID == f.cast.departmentHead)
            #expect(response.respondsTo == [1] && response.underWay)
            f.clock.advance(by: 200)
            try await f.act("end")
            let record = try await f.record()
            let question = try #require(answered.speeches.first?.name)
            #expect(record.text.contains("姜茂林（安化县农业农村局）发言，10:05起，用时3分20秒，回应了\(question)提出的问题。"), "\(record.text)")
        }
    }

    @Test("三(三), 三(五): the meeting ends held; the draft record lists every speech with its real duration")
    func recordDraftedFromTheMeeting() async throws {
        try await LiveFixture.run { f in
            let before = try await f.record()
            #expect(!before.exists && before.text.isEmpty && before.totals.isEmpty)
            #expect(try await f.heldOn() == nil)
            let day = Day(f.clock.now())   // the symposium's own day: it is held on it
            try await Symposia.hold(f.app, f.id, f.cast)
            #expect(try await f.heldOn() == day.iso)

            let state = try await f.state()
            #expect(state.view.phase == .ended)
            #expect(state.speeches.map(\.durationSeconds) == [540, 630, 420, 360, 240, 180])
            #expect(state.speeches.map(\.overrunSeconds) == [0, 30, 0, 0, 0, 0])

            let record = try await f.record()
            #expect(record.exists && record.state == .draft && record.issueNumber == nil)
            let lines = record.text.split(separator: "\n").map(String.init)
            #expect(lines.first?.contains("\(day.chinese)，县政协召开双月协商座谈会，围绕“") == true, "\(lines.first ?? "")")
            #expect(lines.first?.contains("会议由陶和平主持，在县政协三楼会议室举行。") == true, "\(lines.first ?? "")")
            #expect(lines.contains("会议于10:00开始，10:40结束，历时40分30秒。"), "\(record.text)")
            for heading in ["一、有关部门介绍情况", "二、牵头委室中心发言", "三、委员、专家学者预约发言", "四、其他与会人员自由发言",
                            "五、有关部门互动回应发言"] {
                #expect(lines.contains(heading), "no \(heading) in \(record.text)")
            }
            #expect(!record.text.contains("领导讲话"), "no one spoke in the leaders' remarks")
            let speechLines = lines.filter { $0.contains("用时") }
            #expect(speechLines.count == state.speeches.count)
            for (line, speech) in zip(speechLines, state.speeches) {
                #expect(line.hasPrefix("\(speech.name)（\(speech.unit)）"), "\(line)")
            }
            #expect(speechLines.map { $0.components(separatedBy: "用时")[1].prefix { $0 != "，" && $0 != "。" && $0 != "（" } }
                    == ["9分钟", "10分30秒", "7分钟", "6分钟", "4分钟", "3分钟"])
            #expect(speechLines[0] == "姜茂林（安化县农业农村局）作题为《全县农村电子商务发展情况》的发言，10:00起，用时9分钟。主要内容：")
            #expect(speechLines[1].contains("（超时30秒）"))

            // Per person, in the order they first spoke (the participation record).
            let totals = try decode([SpeakerTotalDTO].self, try await Symposia.call(f.office, .GET, f.live + "/totals"))
            #expect(totals.map(\.personID) == [f.cast.departmentHead, f.cast.committeeHead, f.cast.members[0], f.cast.members[1],
                                               f.cast.members[2]])
            #expect(totals.map(\.speeches) == [2, 1, 1, 1, 1])
            #expect(totals.map(\.totalSeconds) == [720, 630, 420, 360, 240])
            #expect(record.totals.map(\.totalSeconds) == totals.map(\.totalSeconds))

            // After the end the console is done.
            #expect(try await f.act("start", expect: .conflict).errorCode == "meeting_ended")
            #expect(try await f.act("next", expect: .conflict).errorCode == "meeting_ended")
        }
    }

    @Test("三(五): the record is edited by the lead committee and issued by the office, then fixed")
    func recordEditedAndIssued() async throws {
        try await LiveFixture.run { f in
            let record = f.root + "/record"
            // Before the meeting has ended there is nothing to edit.
            #expect(try await Symposia.call(f.committee, .PUT, record, #"{"text":"草稿"}"#, expect: .conflict).errorCode
                    == "meeting_not_ended")
            try await Symposia.hold(f.app, f.id, f.cast)

            let edited = try decode(RecordRoutes.RecordDTO.self,
                                             try await Symposia.call(f.committee, .PUT, record, #"{"text":"修改后的纪要。"}"#))
            #expect(edited.text == "修改后的纪要。" && edited.state == .draft)
            // The lead committee does not issue; a member who is not invited does not even see it.
            #expect(try await Symposia.call(f.committee, .POST, record + "/issue", #"{"number":"第3期"}"#,
                                            expect: .forbidden).errorCode == "forbidden")
            let member = try await Planning.api(f.app, "member")
            #expect(try await Symposia.call(member, .GET, record, expect: .notFound).errorCode == "not_found")
            #expect(try await Symposia.call(f.office, .POST, record + "/issue", #"{"number":" "}"#,
                                            expect: .badRequest).errorCode == "record_number_required")

            let issued = try decode(RecordRoutes.RecordDTO.self,
                                             try await Symposia.call(f.office, .POST, record + "/issue", #"{"number":"第3期"}"#))
            #expect(issued.state == .issued && issued.issueNumber == "第3期" && issued.issuedAt == f.clock.now())
            #expect(issued.text == "修改后的纪要。")
            #expect(try await Symposia.call(f.committee, .PUT, record, #"{"text":"再改"}"#, expect: .conflict).errorCode
                    == "record_issued")
            #expect(try await Symposia.call(f.office, .POST, record + "/issue", #"{"number":"第4期"}"#,
                                            expect: .conflict).errorCode == "record_issued")
            #expect(try await f.record().text == "修改后的纪要。")

            let docx = try await f.office.send(.GET, "/symposia/\(f.id)/record.docx")
            #expect(docx.status == .ok)
            #expect(docx.body.readableBytes > 1000)
        }
    }

    @Test("三(三): only the office or the host (陶和平, user vicechair) runs the console")
    func consoleIsTheOfficesOrTheHosts() async throws {
        try await LiveFixture.run { f in
            // Who sees the symposium but may not run it gets 403; who does not see it 404.
            for (user, status) in [("chair", HTTPStatus.forbidden), ("committee", .forbidden), ("expert", .forbidden),
                                   ("department", .forbidden), ("member", .notFound)] {
                let c = try await Planning.api(f.app, user)
                #expect(try await c.send(.POST, f.live + "/start").status == status, "\(user) starting")
                let speech = try await c.json(.POST, f.live + "/speeches", ["personID": f.cast.departmentHead])
                #expect(speech.status == status, "\(user) giving the floor")
                let page = try await TestClient.signedIn(f.app, as: user)
                #expect(try await page.send(.GET, "/symposia/\(f.id)/live/console").status == status, "\(user) console page")
            }
            #expect(try await f.state().view.phase == .notStarted)

            let host = try await Planning.api(f.app, "vicechair")
            let started = try decode(LiveMessage.self, try await Symposia.call(host, .POST, f.live + "/start"))
            #expect(started.view.phase == .running)
            try await Symposia.call(host, .POST, f.live + "/next")
            let page = try await TestClient.signedIn(f.app, as: "vicechair")
            #expect(try await page.send(.GET, "/symposia/\(f.id)/live/console").status == .ok)
            // Everyone who sees it follows it: the phone page and the big screen.
            let expert = try await TestClient.signedIn(f.app, as: "expert")
            for path in ["/symposia/\(f.id)/live", "/symposia/\(f.id)/live/screen"] {
                let res = try await expert.send(.GET, path)
                #expect(res.status == .ok, "\(path) for the expert: \(res.status)")
            }
            // Only an attending member or expert gets the button to ask to speak.
            #expect(try await expert.send(.GET, "/symposia/\(f.id)/live").text.contains("申请自由发言"))
            let committee = try await TestClient.signedIn(f.app, as: "committee")
            #expect(!(try await committee.send(.GET, "/symposia/\(f.id)/live").text.contains("申请自由发言")))
        }
    }

    @Test("三(三).4: only attending members and experts ask to speak, while the free speech lasts")
    func onlyAttendeesAskToSpeak() async throws {
        try await LiveFixture.run { f in
            // 王淑贞 (user member) is invited and declines: she sees the symposium but does not attend.
            let wang = try await f.invite("王淑贞", answer: "decline")
            let member = try await Planning.api(f.app, "member")
            let expert = try await Planning.api(f.app, "expert")
            let department = try await Planning.api(f.app, "department")
            let leader = try await Planning.api(f.app, "leader")

            #expect(try await Symposia.call(expert, .POST, f.live + "/requests", expect: .conflict).errorCode == "meeting_not_started")
            try await f.act("start")

            let declined = try await Symposia.call(member, .POST, f.live + "/requests", expect: .notFound)
            #expect(declined.errorCode == "speaker_not_attending")
            #expect(try await f.request(for: wang, expect: .notFound).errorCode == "speaker_not_attending")
            #expect(try await Symposia.call(leader, .POST, f.live + "/requests", expect: .notFound).errorCode
                    == "speaker_not_attending")
            let page = try await TestClient.signedIn(f.app, as: "member")
            #expect(try await page.post("/symposia/\(f.id)/live/request").status == .notFound)
            // A department head attends but does not speak in the free speech.
            #expect(try await Symposia.call(department, .POST, f.live + "/requests", expect: .forbidden).errorCode
                    == "speak_request_not_allowed")
            // From a phone only for oneself.
            #expect(try await Symposia.call(expert, .POST, f.live + "/requests", #"{"personID":\#(f.cast.members[2])}"#,
                                            expect: .forbidden).errorCode == "forbidden")

            let asked = try decode(LiveMessage.self, try await Symposia.call(expert, .POST, f.live + "/requests"))
            #expect(asked.view.queue.map(\.personID) == [f.cast.expert])
            #expect(try await Symposia.call(expert, .POST, f.live + "/requests", expect: .conflict).errorCode
                    == "speak_request_exists")
            // Withdrawn by oneself; another's only by the console.
            #expect(try await Symposia.call(department, .DELETE, f.live + "/requests/\(f.cast.expert)", expect: .forbidden)
                .errorCode == "forbidden")
            try await Symposia.call(expert, .DELETE, f.live + "/requests/\(f.cast.expert)")
            // The phone page's form asks as well.
            let phone = try await TestClient.signedIn(f.app, as: "expert")
            let form = try await phone.post("/symposia/\(f.id)/live/request")
            #expect(form.status == .seeOther, "\(form.status) \(form.text.prefix(300))")
            #expect(try await f.state().view.queue.map(\.personID) == [f.cast.expert])
            for _ in 0..<4 { try await f.act("advance") }      // past the free speech
            #expect(try await f.request(for: f.cast.members[2], expect: .conflict).errorCode == "free_speech_over")
        }
    }

    @Test("三(三): every change of the live meeting and of its record is in the audit log; refusals are not")
    func everyChangeAudited() async throws {
        try await LiveFixture.run { f in
            let before = try await Planning.lastAuditSequence(f.app)
            try await f.act("next", expect: .conflict)          // refused: not started
            try await Symposia.hold(f.app, f.id, f.cast)
            try await Symposia.issueRecord(f.app, f.id)
            let entries = try await AuditEntryModel.query(on: f.app.db).filter(\.$id > before)
                .filter(\.$objectType == "live_meeting").sort(\.$id).all()
            #expect(Set(entries.map(\.objectID)) == [String(f.id)])
            let expected = ["live.start", "live.next", "live.end-speech", "live.advance", "live.next", "live.end-speech",
                            "live.advance", "live.next", "live.pause", "live.resume", "live.end-speech", "live.next",
                            "live.end-speech", "live.advance", "live.request", "live.request", "live.next", "live.end-speech",
                            "live.advance", "live.speech", "live.end-speech", "live.advance", "live.end",
                            "record.edit", "record.issue"]
            #expect(entries.map(\.action) == expected)
            #expect(entries.first?.actor == "office" && entries.last?.actor == "office")
            #expect(entries.first { $0.action == "record.edit" }?.actor == "committee")
            #expect(entries.first { $0.action == "live.speech" }?.after?.contains("\"person\":\(f.cast.departmentHead)") == true)
            // The agenda's changes are the symposium's.
            let agenda = try await AuditEntryModel.query(on: f.app.db).filter(\.$action == "agenda.bookedSpeech").count()
            #expect(agenda == 1)
        }
    }

    // MARK: live updates

    @Test("三(三): every screen gets the whole state on connect and after each change; outsiders get no socket")
    func webSocketPushesTheState() async throws {
        try await LiveFixture.run { f in
            try await f.app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(f.app.http.server.shared.localAddress?.port)
            let url = "ws://127.0.0.1:\(port)/api/v1/symposia/\(f.id)/live/ws"
            func headers(_ user: String?) async throws -> HTTPHeaders {
                var h = HTTPHeaders()
                if let user { h.bearerAuthorization = .init(token: try await Demo.token(f.app, for: user)) }
                return h
            }
            do {
                let screen = try await Screen.open(url, headers: try await headers("expert"), on: f.app.eventLoopGroup)
                let first = try await screen.next()
                #expect(first.type == "state" && first.view.phase == .notStarted && first.view.sequence == 0)
                try await f.act("start")
                let started = try await screen.next()
                #expect(started.view.phase == .running && started.view.sequence == 1)
                try await f.act("next")
                let speaking = try await screen.next()
                #expect(speaking.view.current?.personID == f.cast.departmentHead && speaking.view.sequence == 2)
                // A reload: a new socket is right at once.
                f.clock.advance(by: 30)
                let again = try await Screen.open(url, headers: try await headers("office"), on: f.app.eventLoopGroup)
                let resumed = try await again.next()
                #expect(resumed.view.sequence == 2 && resumed.view.current?.elapsedSeconds == 30)
                #expect(resumed.speeches.count == 1)
                try await screen.close()
                try await again.close()

                // Not signed in, or not invited: no socket.
                for user in [nil, "member"] as [String?] {
                    let refused = await Screen.refuses(url, headers: try await headers(user), on: f.app.eventLoopGroup)
                    #expect(refused, "\(user ?? "anonymous") got a socket")
                }
            } catch {
                Issue.record("WebSocket: \(error)")
            }
            await f.app.server.shutdown()
        }
    }
}

// MARK: - Fixture

/// Symposium 1 ready for its meeting, the office's and the committee's API clients, the clock.
private struct LiveFixture: Sendable {
    let app: Application
    let clock: ManualClock
    let id: Int
    let cast: Symposia.Cast
    let office: TestClient
    let committee: TestClient

    var root: String { "/api/v1/symposia/\(id)" }
    var live: String { root + "/live" }

    static func run(_ body: @Sendable @escaping (LiveFixture) async throws -> Void) async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            let id = try await Symposia.prepared(app, held: false)
            try await Symposia.onMeetingDay(app, id)
            let office = try await Planning.api(app, "office")
            let agenda = try decode(AgendaRoutes.AgendaDTO.self, try await Symposia.call(office, .GET, "/api/v1/symposia/\(id)/agenda"))
            let attendees = try decode(LiveMessage.self, try await Symposia.call(office, .GET, "/api/v1/symposia/\(id)/live")).attendees
            let cast = Symposia.Cast(
                departmentHead: try #require(agenda.item(.departmentBriefing).speakers.first?.personID),
                committeeHead: try #require(agenda.item(.keynote).speakers.first?.personID),
                members: attendees.filter { $0.category == .members }.map(\.personID),
                expert: try #require(attendees.first { $0.category == .experts }?.personID))
            #expect(cast.members.count == 4 && Array(cast.members.prefix(2)) == agenda.item(.bookedSpeech).speakers.map(\.personID))
            try await body(LiveFixture(app: app, clock: clock, id: id, cast: cast, office: office,
                                       committee: try await Planning.api(app, "committee")))
        }
    }

    /// A console action as the office.
    @discardableResult
    func act(_ action: String, expect status: HTTPStatus = .ok,
             sourceLocation: SourceLocation = #_sourceLocation) async throws -> LiveMessageOrError {
        LiveMessageOrError(try await Symposia.call(office, .POST, live + "/" + action, expect: status, sourceLocation: sourceLocation))
    }

    func state() async throws -> LiveMessage {
        try decode(LiveMessage.self, try await Symposia.call(office, .GET, live))
    }

    @discardableResult
    func request(for person: Int, expect status: HTTPStatus = .ok,
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> LiveMessageOrError {
        LiveMessageOrError(try await Symposia.call(office, .POST, live + "/requests", #"{"personID":\#(person)}"#,
                                                   expect: status, sourceLocation: sourceLocation))
    }

    func speak(_ person: Int, respondsTo: [Int] = [], expect status: HTTPStatus = .ok,
               sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestingHTTPResponse {
        try await Symposia.call(office, .POST, live + "/speeches", #"{"personID":\#(person),"respondsTo":\#(respondsTo)}"#,
                                expect: status, sourceLocation: sourceLocation)
    }

    func agenda() async throws -> AgendaRoutes.AgendaDTO {
        try decode(AgendaRoutes.AgendaDTO.self, try await Symposia.call(office, .GET, root + "/agenda"))
    }

    @discardableResult
    func setSpeakers(_ kind: AgendaSegmentKind, _ people: [Int], expect status: HTTPStatus = .ok,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestingHTTPResponse {
        let list = people.map { #"{"personID":\#($0)}"# }.joined(separator: ",")
        return try await Symposia.edit(committee, .PUT, root + "/agenda/\(kind.rawValue)", #"{"speakers":[\#(list)]}"#,
                                       basedOn: root, expect: status, sourceLocation: sourceLocation)
    }

    func record() async throws -> RecordRoutes.RecordDTO {
        try decode(RecordRoutes.RecordDTO.self, try await Symposia.call(office, .GET, root + "/record"))
    }

    func heldOn() async throws -> String? {
        struct Held: Decodable { let heldOn: String? }
        return try decode(Held.self, try await Symposia.call(office, .GET, root)).heldOn
    }

    /// Invites a person by name, pre-invites and answers for them; returns their id.
    @discardableResult
    func invite(_ name: String, answer: String) async throws -> Int {
        let person = try await Symposia.personID(office, named: name)
        try await Symposia.call(committee, .POST, root + "/invitees", #"{"personID":\#(person)}"#)
        try await Symposia.call(committee, .POST, root + "/invitees/pre-invite")
        try await Symposia.call(committee, .POST, root + "/invitees/\(person)/answer", #"{"answer":"\#(answer)"}"#)
        return person
    }

    func confirm(_ name: String) async throws -> Int { try await invite(name, answer: "confirm") }
}

/// A console answer: the state, or an error body.
private struct LiveMessageOrError {
    let res: TestingHTTPResponse
    init(_ res: TestingHTTPResponse) { self.res = res }
    var errorCode: String? { res.errorCode }
    private var message: LiveMessage? { try? LiveMessage.decoder.decode(LiveMessage.self, from: Data(buffer: res.body)) }
    var view: LiveView { message?.view ?? LiveView.empty }
    var speeches: [LiveMessage.Speech] { message?.speeches ?? [] }
}

/// A body as the server encodes it (dates ISO 8601).
private func decode<T: Decodable>(_ type: T.Type, _ res: TestingHTTPResponse,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
    do {
        return try LiveMessage.decoder.decode(T.self, from: Data(buffer: res.body))
    } catch {
        Issue.record("could not decode \(T.self) from \(res.status): \(res.text.prefix(300))", sourceLocation: sourceLocation)
        throw error
    }
}

private struct APIError {
    let code: String
    let message: String
    let details: [String]

    init(_ res: TestingHTTPResponse) throws {
        struct Body: Decodable {
            struct Inner: Decodable { let code: String; let message: String; let details: [String]? }
            let error: Inner
        }
        let e = try JSONDecoder().decode(Body.self, from: Data(buffer: res.body)).error
        code = e.code; message = e.message; details = e.details ?? []
    }
}

private extension LiveMessage {
    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()
}

private extension LiveView {
    static let empty = LiveView(at: .distantPast, phase: .notStarted, segmentIndex: -1, segmentCount: 0, segment: nil,
                                nextSegmentTitle: nil, current: nil, upcoming: [], queue: [], notYetSpoken: [], sequence: -1)
}

private extension AgendaRoutes.AgendaDTO {
    func item(_ kind: AgendaSegmentKind) -> AgendaRoutes.Item {
        items.first { $0.kind == kind }!
    }
}

// MARK: - A WebSocket screen

/// A real WebSocket client on the running server: the messages it received, in order.
private final class Screen: Sendable {
    private let ws: WebSocket
    private let inbox = NIOLockedValueBox<[String]>([])
    private let read = NIOLockedValueBox(0)

    private init(_ ws: WebSocket) {
        self.ws = ws
        ws.onText { [inbox] _, text in inbox.withLockedValue { $0.append(text) } }
    }

    static func open(_ url: String, headers: HTTPHeaders, on group: any EventLoopGroup) async throws -> Screen {
        let box = NIOLockedValueBox<Screen?>(nil)
        try await WebSocket.connect(to: url, headers: headers, on: group) { ws in
            box.withLockedValue { $0 = Screen(ws) }
        }.get()
        // The client may report the connection before it has handed over the socket.
        let deadline = Date().addingTimeInterval(5)
        while box.withLockedValue({ $0 }) == nil && Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        return try #require(box.withLockedValue { $0 })
    }

    /// True when the upgrade is refused: the connection fails or no socket comes within 3 s.
    /// A socket it got is closed.
    static func refuses(_ url: String, headers: HTTPHeaders, on group: any EventLoopGroup) async -> Bool {
        let got = NIOLockedValueBox<WebSocket?>(nil)
        let loop = group.any()
        let answer = loop.makePromise(of: Bool.self)
        let done = NIOLockedValueBox(false)
        @Sendable func finish(_ refused: Bool) {
            if done.withLockedValue({ d in defer { d = true }; return !d }) { answer.succeed(refused) }
        }
        WebSocket.connect(to: url, headers: headers, on: group) { ws in got.withLockedValue { $0 = ws } }
            .whenComplete { _ in finish(got.withLockedValue { $0 } == nil) }
        // The server closes a refused connection without an HTTP answer, which the client does
        // not report: no socket within 3 s is a refusal.
        let timer = loop.scheduleTask(in: .seconds(3)) { finish(true) }
        let refused = (try? await answer.futureResult.get()) ?? true
        timer.cancel()
        if let ws = got.withLockedValue({ $0 }) { try? await ws.close() }
        return refused
    }

    /// The next message not yet read, waiting up to 5 s.
    func next(sourceLocation: SourceLocation = #_sourceLocation) async throws -> LiveMessage {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let text: String? = inbox.withLockedValue { all in
                read.withLockedValue { n in
                    guard n < all.count else { return nil }
                    n += 1
                    return all[n - 1]
                }
            }
            if let text { return try LiveMessage.decoder.decode(LiveMessage.self, from: Data(text.utf8)) }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("no WebSocket message within 5 s", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    func close() async throws { try await ws.close() }
}
