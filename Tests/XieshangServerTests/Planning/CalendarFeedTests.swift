import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// The year's symposia as an iCalendar (RFC 5545) feed at a secret address: a calendar
/// program subscribes with the address alone, so the token is the only credential.
@Suite("Annual plan: iCalendar feeds")
struct CalendarFeedTests {
    struct FeedInput: Encodable { let scope: String? }

    /// Asks for a feed as `user` and returns its path.
    static func feed(_ app: Application, as user: String, scope: String? = nil) async throws -> String {
        let res = try await Planning.api(app, user).json(.POST, "/api/v1/calendar-feeds", FeedInput(scope: scope))
        #expect(res.status == .created, "\(user) asking for a \(scope ?? "default") feed: \(res.status) \(res.text.prefix(300))")
        let dto = try Planning.decode(CalendarFeeds.FeedDTO.self, res)
        #expect(dto.scope == (scope ?? "organization"))
        #expect(dto.url.hasPrefix("/ical/") && dto.url.hasSuffix(".ics"))
        return dto.url
    }

    /// Fetches a feed with no session and no token, as a calendar program does.
    static func fetch(_ app: Application, _ path: String) async throws -> String {
        let res = try await TestClient(app).send(.GET, path)
        #expect(res.status == .ok, "GET \(path): \(res.status)")
        #expect(res.headers.contentType?.description.hasPrefix("text/calendar") == true)
        return res.text
    }

    /// The unfolded content lines of a feed.
    static func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// Each VEVENT as its property lines, name → value (properties appear once per event here).
    static func events(_ text: String) -> [[String: String]] {
        var result: [[String: String]] = []
        var current: [String: String]?
        for line in unfolded(text) {
            if line == "BEGIN:VEVENT" { current = [:]; continue }
            if line == "END:VEVENT", let c = current { result.append(c); current = nil; continue }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            current?[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        return result
    }

    @Test func organizationFeedHasOneAllDayEventPerDatedTopicOfTheIssuedPlan() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            try await Planning.issue(app)
            let plan = try await Planning.planDTO(app)
            let dated = plan.topics.filter { $0.date != nil }
            #expect(dated.count == 5)

            let path = try await Self.feed(app, as: "office")
            let text = try await Self.fetch(app, path)

            // RFC 5545 §3.1: CRLF line ends only, no line longer than 75 octets.
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(text.hasSuffix("END:VCALENDAR\r\n"))
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF")
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "a bare CR")
            for line in text.components(separatedBy: "\r\n") {
                #expect(line.utf8.count <= 75, "line of \(line.utf8.count) octets: \(line)")
            }
            // Long Chinese summaries are folded, so some continuation lines exist.
            #expect(text.contains("\r\n "))

            let events = Self.events(text)
            #expect(events.count == dated.count)
            #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == dated.count)
            for t in dated {
                let day = try #require(t.date)
                let basic = day.iso.replacingOccurrences(of: "-", with: "")
                let e = try #require(events.first { $0["UID"] == "symposium-2026-\(t.id)@xieshang" }, "no event for “\(t.title)”")
                #expect(e["DTSTART;VALUE=DATE"] == basic)
                #expect(e["DTEND;VALUE=DATE"] == day.adding(days: 1).iso.replacingOccurrences(of: "-", with: ""))
                #expect(e["SUMMARY"] == "双月协商座谈会：\(t.title)")
                #expect(e["STATUS"] == "CONFIRMED")
                #expect(e["SEQUENCE"] == String(plan.version))
                #expect(e["DESCRIPTION"]?.contains(t.leadCommitteeName ?? "?") == true)
                #expect(e["DESCRIPTION"]?.contains("安政协办联发〔2026〕5号") == true)
            }
            // The plenary topic has no day of its own, so no event.
            let february = try #require(plan.topics.first { $0.mergedWithPlenary })
            #expect(!text.contains("symposium-2026-\(february.id)@"))
        }
    }

    @Test func personFeedHoldsOnlyTopicsItsCommitteeLeads() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            try await Planning.issue(app)
            let c = try await Planning.Committees.load(app)
            let plan = try await Planning.planDTO(app)
            let ours = plan.topics.filter { $0.leadCommitteeID == c.agriculture && $0.date != nil }
            #expect(ours.count == 2, "农业农村委员会 leads \(ours.map(\.title))")

            let path = try await Self.feed(app, as: "committee", scope: "person")
            let text = try await Self.fetch(app, path)
            let events = Self.events(text)
            #expect(Set(events.compactMap { $0["UID"] }) == Set(ours.map { "symposium-2026-\($0.id)@xieshang" }))
            #expect(text.contains("X-WR-CALNAME:黄冬梅的双月协商座谈会"))
            // The person feed and the organization feed are separate addresses.
            let organization = try await Self.feed(app, as: "committee")
            #expect(organization != path)
            #expect(Self.events(try await Self.fetch(app, organization)).count == 5)
            // The admin account has no person: no personal feed.
            let admin = try await Planning.api(app, "admin").json(.POST, "/api/v1/calendar-feeds", FeedInput(scope: "person"))
            #expect(admin.status == .badRequest)
            #expect(admin.errorCode == "no_person")
        }
    }

    @Test func feedShowsADraftPlanOnlyToThoseWhoMayReadIt() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            let memberFeed = try await Self.feed(app, as: "member")
            let officeFeed = try await Self.feed(app, as: "office")
            #expect(Self.events(try await Self.fetch(app, memberFeed)).isEmpty)
            let draftEvents = Self.events(try await Self.fetch(app, officeFeed))
            #expect(draftEvents.count == 5)
            #expect(draftEvents.allSatisfy { $0["STATUS"] == "TENTATIVE" })

            try await Planning.issue(app)
            #expect(Self.events(try await Self.fetch(app, memberFeed)).count == 5)
        }
    }

    @Test func feedUIDsStayAndSequenceGrowsWhenThePlanIsAdjusted() async throws {
        try await TestApp.run { app in
            try await Planning.scheduledDraft(app)
            try await Planning.issue(app)
            let path = try await Self.feed(app, as: "office")
            let first = Self.events(try await Self.fetch(app, path))
            let again = Self.events(try await Self.fetch(app, path))
            #expect(first.map { $0["UID"] } == again.map { $0["UID"] })

            let plan = try await Planning.planDTO(app)
            let tourism = try #require(plan.topics.first { $0.title == "推动文旅融合发展" })
            struct Adjustment: Encodable {
                let version: Int; let topicID: Int; let title: String; let leadCommitteeID: Int?; let month: Int; let reason: String
            }
            let res = try await Planning.api(app, "office").json(.POST, Planning.plan() + "/adjustments", Adjustment(
                version: plan.version, topicID: tourism.id, title: tourism.title, leadCommitteeID: tourism.leadCommitteeID,
                month: 11, reason: "与县文旅产业大会时间冲突"))
            #expect(res.status == .ok, "\(res.status) \(res.text.prefix(300))")

            let after = Self.events(try await Self.fetch(app, path))
            #expect(Set(after.compactMap { $0["UID"] }) == Set(first.compactMap { $0["UID"] }))
            let uid = "symposium-2026-\(tourism.id)@xieshang"
            let moved = try #require(after.first { $0["UID"] == uid })
            let was = try #require(first.first { $0["UID"] == uid })
            #expect(Int(moved["SEQUENCE"] ?? "") ?? 0 > Int(was["SEQUENCE"] ?? "") ?? 0)
            #expect(moved["DTSTART;VALUE=DATE"]?.hasPrefix("202611") == true)
            #expect(moved["DTSTART;VALUE=DATE"] != was["DTSTART;VALUE=DATE"])
        }
    }

    @Test func unknownOrRetiredFeedTokenIsNotFound() async throws {
        try await TestApp.run { app in
            let anonymous = TestClient(app)
            #expect(try await anonymous.send(.GET, "/ical/no-such-token.ics").status == .notFound)
            #expect(try await anonymous.send(.GET, "/ical/no-such-token").status == .notFound)
            // Asking again retires the old address (a leaked link is fixed by issuing anew).
            let old = try await Self.feed(app, as: "office")
            let new = try await Self.feed(app, as: "office")
            #expect(old != new)
            #expect(try await anonymous.send(.GET, old).status == .notFound)
            #expect(try await anonymous.send(.GET, new).status == .ok)
            // The page's button issues an address too and shows it.
            let page = try await TestClient.signedIn(app, as: "member")
            let res = try await page.post("/plans/feeds", form: [:])
            #expect(res.status == .seeOther)
            let plans = try await page.send(.GET, "/plans")
            #expect(plans.text.contains("/ical/"))
        }
    }
}
