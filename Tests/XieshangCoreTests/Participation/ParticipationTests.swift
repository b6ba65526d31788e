import Foundation
import Testing
@testable import XieshangCore

/// 委员履职档案: per member and term, what the symposia recorded — invitations and answers
/// (三(一).3), speeches and their lengths (三(三)), drafts submitted (三(四).3) — and points under
/// the office's rules.
@Suite("Members' participation records (委员履职档案)")
struct ParticipationTests {
    typealias A = AgendaFixtures
    typealias L = LiveFixtures

    static let term = TermOfOffice(name: "第十一届", start: Day(iso: "2022-01-01")!, end: Day(iso: "2026-12-31")!)

    /// The live-symposium fixture's meeting: briefing 21 (1), keynote 11 (2), booked 31 (3, 480 s)
    /// and 32 (4, 420 s), free 35 (5, 300 s) and 31 again (6, 130 s).
    static func meeting() throws -> LiveMeeting {
        var m = try L.started()
        try m.speech(21, from: 0, to: 600)
        try m.advance(at: L.at(600))
        try m.speech(11, from: 600, to: 1200)
        try m.advance(at: L.at(1200))
        try m.speech(31, from: 1200, to: 1680)
        try m.speech(32, from: 1680, to: 2100)
        try m.advance(at: L.at(2100))
        try m.speech(35, from: 2100, to: 2400)
        try m.speech(31, from: 2400, to: 2530)
        return m
    }

    static func draft(_ id: Int, by personID: Int, symposiumID: Int = 7, submitted: Bool) throws -> Material {
        var m = try Material(id: id, symposiumID: symposiumID, kind: .bookedSpeech, title: "发言稿\(id)",
                             producer: .attendee(personID: personID))
        try m.addVersion(fileName: "发言稿.docx", format: .docx, byteCount: 1024, sha256: String(repeating: "ab", count: 32),
                         uploadedBy: "委员", at: L.at(-86_400), extractedText: "正文")
        if submitted { try m.review(.submit, actor: "委员", at: L.at(-86_000)) }
        return m
    }

    /// Symposium 7 (2026-06-18): the live meeting; invitees of the fixture (31–36 attend, 37
    /// declined); drafts by 31 and 33 submitted, by 32 only uploaded; the keynote is not a member's.
    /// Symposium 8 (2026-08-20): presence recorded, only 31 there (one speech of 300 s); 34
    /// confirmed but absent; 33 pre-invited without an answer.
    /// Symposium 9 (2027-01-20): outside the term.
    static func sources() throws -> [ParticipationSource] {
        let first = ParticipationSource(
            symposiumID: 7, day: Day(iso: "2026-06-18")!, topic: "推进安化黑茶产业高质量发展", invitees: try A.invitees(),
            speeches: try meeting().speeches,
            materials: [try draft(1, by: 31, submitted: true), try draft(2, by: 32, submitted: false),
                        try draft(3, by: 33, submitted: true), try draft(4, by: 31, symposiumID: 8, submitted: true)])

        func invitee(_ id: Int, confirm: Bool) throws -> Invitee {
            var i = Invitee(personID: id, category: .members)
            try i.preInvite(at: L.at(0))
            if confirm { try i.answer(.confirm, via: .own, note: "", at: L.at(1)) }
            return i
        }
        let speech = SpeechRecord(id: 1, personID: 31, name: "王委员", unit: "白沙溪茶厂", category: .members, subject: "",
                                  segment: .freeSpeech, startedAt: L.at(0), endedAt: L.at(300), limitSeconds: 300)
        let second = ParticipationSource(
            symposiumID: 8, day: Day(iso: "2026-08-20")!, topic: "加强农村养老服务体系建设",
            invitees: [try invitee(31, confirm: true), try invitee(33, confirm: false), try invitee(34, confirm: true)],
            speeches: [speech], materials: [], present: [31])
        let outside = ParticipationSource(
            symposiumID: 9, day: Day(iso: "2027-01-20")!, topic: "下一届的会", invitees: [try invitee(31, confirm: true)],
            speeches: [speech], materials: [])
        return [second, first, outside]
    }

    @Test("三(三) a member's speeches and their length are those the live meeting recorded")
    func countsMatchTheLiveMeeting() throws {
        let totals = try Self.meeting().totals()
        let r = Participation.record(personID: 31, name: "王委员", term: Self.term, sources: try Self.sources(), rules: .standard)
        let live = try #require(totals.first { $0.personID == 31 })
        #expect(r.entries.map(\.symposiumID) == [7, 8])
        #expect(r.entries[0].speeches == live.speeches && r.entries[0].speakingSeconds == live.totalSeconds)
        #expect(live.speeches == 2 && live.totalSeconds == 610)
        #expect(r.invited == 2 && r.attended == 2 && r.declined == 0 && r.speeches == 3 && r.speakingSeconds == 910)
        #expect(r.drafts == 1)   // its draft for symposium 8 is not symposium 7's material
    }

    @Test("三(一).3 invited means asked; attended means present where recorded, else confirmed; declining is leave")
    func invitedAndAttended() throws {
        let sources = try Self.sources()
        let declined = Participation.record(personID: 37, name: "何委员", term: Self.term, sources: sources, rules: .standard)
        #expect(declined.invited == 1 && declined.attended == 0 && declined.declined == 1 && declined.points == 0)
        #expect(declined.entries[0].text == "2026年6月18日“推进安化黑茶产业高质量发展”：请假，计0分")
        let unanswered = Participation.record(personID: 33, name: "张委员", term: Self.term, sources: sources, rules: .standard)
        #expect(unanswered.invited == 2 && unanswered.attended == 1 && unanswered.absentWithoutLeave == 0)
        var rules = PointsRules.standard
        rules.perUnexcusedAbsence = -2
        let absent = Participation.record(personID: 34, name: "赵委员", term: Self.term, sources: sources, rules: rules)
        #expect(absent.attended == 1 && absent.absentWithoutLeave == 1 && absent.points == 0)
        let stranger = Participation.record(personID: 99, name: "某人", term: Self.term, sources: sources, rules: .standard)
        #expect(stranger.entries.isEmpty && stranger.points == 0)
    }

    @Test("三(四).3 a draft counts once submitted to the lead committee, not when only uploaded")
    func draftsSubmitted() throws {
        let sources = try Self.sources()
        #expect(Participation.record(personID: 33, name: "张委员", term: Self.term, sources: sources, rules: .standard).drafts == 1)
        #expect(Participation.record(personID: 32, name: "李委员", term: Self.term, sources: sources, rules: .standard).drafts == 0)
    }

    @Test("委员履职 points follow the office's rules, minutes capped per symposium, explained line by line")
    func pointsExplained() throws {
        let r = Participation.record(personID: 31, name: "王委员", term: Self.term, sources: try Self.sources(), rules: .standard)
        // Symposium 7: attend 2 + 2 speeches × 2 + min(10 minutes × 1, 8) + 1 draft × 3 = 17.
        // Symposium 8: attend 2 + 1 speech × 2 + 5 minutes × 1 = 9.
        #expect(r.entries.map(\.points) == [17, 9] && r.points == 26)
        #expect(r.entries.map(\.minutePoints) == [8, 5])
        #expect(r.explanation == [
            "2026年6月18日“推进安化黑茶产业高质量发展”：出席，发言2次（10分10秒），提交发言稿1篇，计17分",
            "2026年8月20日“加强农村养老服务体系建设”：出席，发言1次（5分钟），计9分",
            "受邀参加协商座谈会2次 × 0分 = 0分",
            "出席协商座谈会2次 × 2分 = 4分",
            "请假0次，不计分",
            "无故缺席0次 × 0分 = 0分",
            "发言3次 × 2分 = 6分",
            "发言时长共15分10秒，按每次会议整分钟计15分钟 × 1分，每次会议最多8分 = 13分",
            "提交预约发言稿1篇 × 3分 = 3分",
            "合计26分",
        ])
        #expect(r.lines.dropLast().reduce(0) { $0 + $1.points } == r.points)
    }

    @Test("委员履职 without a cap every whole minute counts; records are ranked by points")
    func noCapAndRanking() throws {
        var rules = PointsRules.standard
        rules.maxMinutePointsPerSymposium = nil
        let sources = try Self.sources()
        #expect(Participation.record(personID: 31, name: "王委员", term: Self.term, sources: sources, rules: rules).points == 28)
        let ranked = Participation.records(members: [(37, "何委员"), (33, "张委员"), (31, "王委员")], term: Self.term,
                                           sources: sources, rules: .standard)
        #expect(ranked.map(\.personID) == [31, 33, 37] && ranked.map(\.points) == [26, 5, 0])
    }

    @Test("委员履职 point rules out of range are refused with every problem")
    func rulesValidated() {
        var rules = PointsRules.standard
        rules.perSpeech = 500
        rules.maxMinutePointsPerSymposium = -1
        #expect(throws: OutcomeError.invalid(["每次发言的分值须在-100到100之间。", "每次会议发言时长计分上限须在0到100之间。"])) {
            try rules.validate()
        }
        #expect(PointsRules.standard.problems().isEmpty)
    }

    @Test("委员履职 a record round-trips through JSON for export")
    func coding() throws {
        let r = Participation.record(personID: 31, name: "王委员", term: Self.term, sources: try Self.sources(), rules: .standard)
        #expect(try JSONDecoder().decode(ParticipationRecord.self, from: JSONEncoder().encode(r)) == r)
    }
}
