import Fluent
import Vapor
import XieshangCore
import XieshangDocuments

/// Subscribable calendars of the symposia and their preparatory meetings: one for the whole
/// organization and one per person, each at a secret address (the token is the only
/// credential a calendar program can send). What each holds: `CalendarFeedEvents`.
struct CalendarFeeds: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("ical", ":token", use: feed)
        routes.post("plans", "feeds", use: createFromPage)
        routes.post("api", "v1", "calendar-feeds", use: create)
    }

    static func path(_ token: String) -> String { "/ical/\(token).ics" }

    /// The full address a calendar program needs, as this server was reached.
    static func absolute(_ path: String, _ req: Request) -> String {
        // X-Forwarded-Host/-Proto only from a trusted proxy (ForwardedHeadersMiddleware).
        let fallbackScheme = req.application.xieshang.config.security.secureCookies ? "https" : "http"
        return (req.publicOrigin(fallbackScheme: fallbackScheme) ?? "\(fallbackScheme)://127.0.0.1:8080") + path
    }

    /// The principal's existing feed address, or nil.
    static func url(for p: Principal, personal: Bool, on req: Request) async throws -> String? {
        let q = CalendarFeedModel.query(on: req.db).filter(\.$userID == p.userID)
        if personal, let id = p.personID { q.filter(\.$personID == id) } else { q.filter(\.$personID == nil) }
        return try await q.first().map { path($0.token) }
    }

    struct FeedDTO: Content { let url: String; let scope: String }
    struct Input: Content { let scope: String? }

    static func issue(personal: Bool, on req: Request) async throws -> FeedDTO {
        let p = try req.principal
        if personal && p.personID == nil {
            throw Refusal(.invalid, code: "no_person", message: "您的账号未关联人员，无法生成个人日历。")
        }
        let token = [UInt8].random(count: 24).base64URLEncoded
        let now = req.xieshang.clock.now()
        try await req.change { db in
            let q = CalendarFeedModel.query(on: db).filter(\.$userID == p.userID)
            if personal { q.filter(\.$personID == p.personID) } else { q.filter(\.$personID == nil) }
            // A new address retires the old one: a leaked link is fixed by issuing again.
            for old in try await q.all() { try await old.delete(on: db) }
            let m = CalendarFeedModel()
            m.token = token
            m.personID = personal ? p.personID : nil
            m.userID = p.userID
            m.createdAt = now
            try await m.create(on: db)
            return ((), [AuditChange("calendar_feed.issue", "user", String(p.userID), after: ["scope": personal ? "person" : "organization"])])
        }
        return FeedDTO(url: path(token), scope: personal ? "person" : "organization")
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        return try await Self.issue(personal: input.scope == "person", on: req).encodeResponse(status: .created, for: req)
    }

    func createFromPage(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let feed = try await Self.issue(personal: input.scope == "person", on: req)
        req.flash("已生成日历订阅地址：\(Self.absolute(feed.url, req))")
        return req.redirect(to: "/plans")
    }

    func feed(req: Request) async throws -> Response {
        guard var token = req.parameters.get("token") else { throw NotFound.of("日历") }
        if token.hasSuffix(".ics") { token.removeLast(4) }
        guard let feed = try await CalendarFeedModel.query(on: req.db).filter(\.$token == token).first(),
              let user = try await UserModel.find(feed.userID, on: req.db), user.active else {
            throw NotFound.of("日历")
        }
        let principal = user.principal
        let committees = try await PlanningStore.committeeNames(on: req.db)
        let person = try await feed.personID.asyncMap { try await PersonModel.find($0, on: req.db) } ?? nil
        // A person's feed never falls back to the organization's.
        if feed.personID != nil, person == nil { throw NotFound.of("日历") }
        let events = try await CalendarFeedEvents(principal: principal, personID: person?.id, committees: committees)
            .events(on: req.db)
        let org = try await OrganizationModel.query(on: req.db).first()?.shortName ?? "县政协"
        let name = person.map { "\($0.name)的双月协商座谈会" } ?? "\(org)双月协商座谈会"
        let text = ICalendarFeed(name: name, events: events).text(stamp: req.xieshang.clock.now())
        let res = Response(status: .ok, body: .init(string: text))
        res.headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        res.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"xieshang.ics\"")
        return res
    }
}
