import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Feeds of the meetings themselves: each symposium, 部署动员会 and 工作协调会 timed in
/// Asia/Shanghai once its hours are written, with its place; one event per meeting however
/// often it moves; a personal feed for every kind of invitee with what they are asked to.
@Suite("Calendar feeds: symposia and their meetings")
struct CalendarFeedMeetingTests {
    /// The symposium of the issued 2026 plan's e-commerce topic (lead 农业农村委员会), its
    /// hours and place set, its mobilization meeting timed with 姜茂林 (县农业农村局) on the
    /// list and its coordination meeting on a day with no hours yet.
    struct Scenario {
        let id: Int
        let root: String
        let topicID: Int
        let otherAgricultureTopicID: Int
        let date: Day
        let persons: [String: Int]

        var uid: String { "symposium-2026-\(topicID)@xieshang" }
        var mobilizationUID: String { "mobilization-2026-\(topicID)@xieshang" }
        var coordinationUID: String { "coordination-2026-\(topicID)@xieshang" }
    }

    static func scenario(_ app: Application) async throws -> Scenario {
        try await Planning.scheduledDraft(app)
        try await Planning.issue(app)
        let office = try await Planning.api(app, "office")
        let agriculture = try await Planning.committeeID(app, named: "农业农村委员会")
        let plan = try await Planning.stored(app).plan
        let ours = plan.topics.filter { $0.leadCommitteeID == agriculture && $0.date != nil }
        let topic = try #require(ours.first { $0.title.contains("电子商务") })
        let other = try #require(ours.first { $0.id != topic.id })
        var persons: [String: Int] = [:]
        for name in ["陶和平", "王淑贞", "黄振宇", "曾湘莲", "姜茂林"] {
            persons[name] = try await Symposia.personID(office, named: name)
        }
        let created = try await Symposia.call(office, .POST, "/api/v1/symposia",
                                              #"{"year":2026,"topicID":\#(topic.id),"viceChairInChargeID":\#(persons["陶和平"]!)}"#,
                                              expect: .created)
        let brief = try Symposia.decode(Symposia.Brief.self, created)
        let root = "/api/v1/symposia/\(brief.id)"
        let date = try #require(Day(iso: brief.date))
        try await Symposia.edit(office, .PUT, root + "/arrangements",
                                #"{"place":"县政协三楼会议室","startTime":"下午2:30至5:00","viceChairInChargeID":\#(persons["陶和平"]!)}"#,
                                basedOn: root)
        try await Symposia.edit(office, .PUT, root + "/meetings/mobilization", #"""
            {"date":"\#(date.adding(days: -30).iso)","time":"上午9:00","place":"县政协二楼会议室","attendeeIDs":[\#(persons["姜茂林"]!)]}
            """#, basedOn: root)
        try await Symposia.edit(office, .PUT, root + "/meetings/coordination",
                                #"{"date":"\#(date.adding(days: -7).iso)","attendeeIDs":[]}"#, basedOn: root)
        return Scenario(id: brief.id, root: root, topicID: topic.id, otherAgricultureTopicID: other.id, date: date, persons: persons)
    }

    static func basic(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    static func events(_ text: String) -> [String: [String: String]] {
        Dictionary(CalendarFeedTests.events(text).map { ($0["UID"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func fetchEvents(_ app: Application, _ path: String) async throws -> [String: [String: String]] {
        events(try await CalendarFeedTests.fetch(app, path))
    }

    static let zoned = "TZID=Asia/Shanghai"

    @Test("a symposium with its hours is a timed event in Asia/Shanghai with its place; a meeting without hours is all-day")
    func timedEventsWithZoneAndPlace() async throws {
        try await TestApp.run { app in
            let s = try await Self.scenario(app)
            let text = try await CalendarFeedTests.fetch(app, try await CalendarFeedTests.feed(app, as: "office"))
            #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"))
            #expect(text.contains("TZOFFSETTO:+0800"))
            let events = Self.events(text)

            let symposium = try #require(events[s.uid])
            #expect(symposium["DTSTART;\(Self.zoned)"] == Self.basic(s.date) + "T143000")
            #expect(symposium["DTEND;\(Self.zoned)"] == Self.basic(s.date) + "T170000")
            #expect(symposium["DTSTART;VALUE=DATE"] == nil)
            #expect(symposium["LOCATION"] == "县政协三楼会议室")
            #expect(symposium["SUMMARY"]?.hasPrefix("双月协商座谈会：") == true)
            #expect(symposium["STATUS"] == "CONFIRMED")

            let mobilization = try #require(events[s.mobilizationUID])
            #expect(mobilization["DTSTART;\(Self.zoned)"] == Self.basic(s.date.adding(days: -30)) + "T090000")
            #expect(mobilization["DTEND;\(Self.zoned)"] == nil, "no end was written")
            #expect(mobilization["LOCATION"] == "县政协二楼会议室")
            #expect(mobilization["SUMMARY"]?.hasPrefix("部署动员会：") == true)

            let coordination = try #require(events[s.coordinationUID])
            #expect(coordination["DTSTART;VALUE=DATE"] == Self.basic(s.date.adding(days: -7)))
            #expect(coordination["DTEND;VALUE=DATE"] == Self.basic(s.date.adding(days: -6)))
            #expect(coordination["LOCATION"] == nil, "no place was written")

            // The other topics, without a symposium yet, stay all-day on the plan's day.
            let other = try #require(events["symposium-2026-\(s.otherAgricultureTopicID)@xieshang"])
            #expect(other["DTSTART;VALUE=DATE"] != nil)
            #expect(events.count == 5 + 2, "five dated topics and two meetings")
        }
    }

    @Test("making, moving and rescheduling keep each event's UID and raise its SEQUENCE")
    func movesKeepTheUIDAndRaiseTheSequence() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            try await Planning.issue(app)
            let path = try await CalendarFeedTests.feed(app, as: "office")
            let plan = try await Planning.stored(app).plan
            let agriculture = try await Planning.committeeID(app, named: "农业农村委员会")
            let topic = try #require(plan.topics.first { $0.leadCommitteeID == agriculture && $0.title.contains("电子商务") })
            let uid = "symposium-2026-\(topic.id)@xieshang"
            let planned = try #require(try await Self.fetchEvents(app, path)[uid])
            #expect(planned["DTSTART;VALUE=DATE"] != nil)

            // The symposium made from the topic is the same event, now with its hours.
            let office = try await Planning.api(app, "office")
            let created = try await Symposia.call(office, .POST, "/api/v1/symposia", #"{"year":2026,"topicID":\#(topic.id)}"#,
                                                  expect: .created)
            let brief = try Symposia.decode(Symposia.Brief.self, created)
            let root = "/api/v1/symposia/\(brief.id)"
            try await Symposia.edit(office, .PUT, root + "/arrangements", #"{"place":"县政协三楼会议室","startTime":"上午9:00"}"#, basedOn: root)
            let made = try #require(try await Self.fetchEvents(app, path)[uid])
            #expect(Int(made["SEQUENCE"] ?? "") ?? 0 > Int(planned["SEQUENCE"] ?? "") ?? 0)
            let date = try #require(Day(iso: brief.date))
            #expect(made["DTSTART;\(Self.zoned)"] == Self.basic(date) + "T090000")

            // Rescheduled by a week (二.2 适时调整): same UID, later day, higher SEQUENCE.
            let later = date.adding(days: 7)
            try await Symposia.edit(office, .POST, root + "/reschedule", #"""
                {"date":"\#(later.iso)","reason":"与县委常委会议冲突","confirmNonWorkingDay":true}
                """#, basedOn: root)
            let moved = try await Self.fetchEvents(app, path)
            let rescheduled = try #require(moved[uid])
            #expect(moved.keys.filter { $0.hasPrefix("symposium-2026-\(topic.id)@") }.count == 1)
            #expect(rescheduled["DTSTART;\(Self.zoned)"] == Self.basic(later) + "T090000")
            #expect(Int(rescheduled["SEQUENCE"] ?? "") ?? 0 > Int(made["SEQUENCE"] ?? "") ?? 0)

            // A meeting scheduled, then moved: same UID, higher SEQUENCE.
            try await Symposia.edit(office, .PUT, root + "/meetings/mobilization",
                                    #"{"date":"\#(later.adding(days: -30).iso)","time":"上午9:00"}"#, basedOn: root)
            let first = try #require(try await Self.fetchEvents(app, path)["mobilization-2026-\(topic.id)@xieshang"])
            try await Symposia.edit(office, .PUT, root + "/meetings/mobilization",
                                    #"{"date":"\#(later.adding(days: -29).iso)","time":"下午3:00"}"#, basedOn: root)
            let second = try #require(try await Self.fetchEvents(app, path)["mobilization-2026-\(topic.id)@xieshang"])
            #expect(second["DTSTART;\(Self.zoned)"] == Self.basic(later.adding(days: -29)) + "T150000")
            #expect(Int(second["SEQUENCE"] ?? "") ?? 0 > Int(first["SEQUENCE"] ?? "") ?? 0)
        }
    }

    @Test("every kind of invitee has a personal feed of what they are asked to; a member not invited has none of her committee's")
    func personalFeedsForEachKindOfInvitee() async throws {
        try await TestApp.run { app in
            let s = try await Self.scenario(app)
            let committee = try await Planning.api(app, "committee")
            let feeds = try await [
                "member": CalendarFeedTests.feed(app, as: "member", scope: "person"),
                "expert": CalendarFeedTests.feed(app, as: "expert", scope: "person"),
                "leader": CalendarFeedTests.feed(app, as: "leader", scope: "person"),
                "department": CalendarFeedTests.feed(app, as: "department", scope: "person"),
                "committee": CalendarFeedTests.feed(app, as: "committee", scope: "person"),
            ]
            func uids(_ user: String) async throws -> Set<String> {
                Set(try await Self.fetchEvents(app, feeds[user]!).keys)
            }

            // 王淑贞 is a member of 农业农村委员会, which leads two topics: not hers until invited.
            let empty = try await CalendarFeedTests.fetch(app, feeds["member"]!)
            #expect(!empty.contains("BEGIN:VEVENT"))
            #expect(empty.hasPrefix("BEGIN:VCALENDAR\r\n") && empty.hasSuffix("END:VCALENDAR\r\n"))
            #expect(empty.contains("BEGIN:VTIMEZONE"), "an empty feed is still a valid calendar")
            #expect(empty.contains("X-WR-CALNAME:王淑贞的双月协商座谈会"))
            // 姜茂林 is on the mobilization meeting's list only.
            #expect(try await uids("department") == [s.mobilizationUID])
            // The lead committee's staff: its symposium, both meetings and its other topic.
            #expect(try await uids("committee")
                == [s.uid, s.mobilizationUID, s.coordinationUID, "symposium-2026-\(s.otherAgricultureTopicID)@xieshang"])

            // Proposed is the committee's working paper; pre-invited is invited.
            for name in ["王淑贞", "黄振宇", "姜茂林"] {
                try await Symposia.call(committee, .POST, s.root + "/invitees", #"{"personID":\#(s.persons[name]!),"reason":"与议题相关"}"#)
            }
            #expect(try await uids("member").isEmpty)
            try await Symposia.call(committee, .POST, s.root + "/invitees/pre-invite")
            try await Symposia.call(committee, .POST, s.root + "/invitees", #"{"personID":\#(s.persons["曾湘莲"]!),"reason":"联系县政协"}"#)

            let member = try await Self.fetchEvents(app, feeds["member"]!)
            #expect(Set(member.keys) == [s.uid])
            #expect(member[s.uid]?["LOCATION"] == "县政协三楼会议室")
            #expect(member[s.uid]?["DTSTART;\(Self.zoned)"] == Self.basic(s.date) + "T143000")
            #expect(try await uids("expert") == [s.uid])
            #expect(try await uids("department") == [s.uid, s.mobilizationUID])
            #expect(try await uids("leader").isEmpty, "the leader is only proposed")
            try await Symposia.call(committee, .POST, s.root + "/invitees/pre-invite")
            #expect(try await uids("leader") == [s.uid])

            // One who declines does not attend.
            try await Symposia.call(committee, .POST, s.root + "/invitees/\(s.persons["黄振宇"]!)/answer", #"{"answer":"decline","note":"出差"}"#)
            #expect(try await uids("expert").isEmpty)
        }
    }

    @Test("the organization's feed shows a member the day of a symposium she is not invited to, not its hours or place")
    func organizationFeedOfAMember() async throws {
        try await TestApp.run { app in
            let s = try await Self.scenario(app)
            let events = try await Self.fetchEvents(app, try await CalendarFeedTests.feed(app, as: "member"))
            let symposium = try #require(events[s.uid])
            #expect(symposium["DTSTART;VALUE=DATE"] == Self.basic(s.date))
            #expect(symposium["LOCATION"] == nil)
            #expect(events[s.mobilizationUID] == nil && events[s.coordinationUID] == nil)
        }
    }
}
