import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// A symposium with something of every kind in it, built through the API as the office, the
/// lead committee (农业农村委员会, user `committee`) and the vice chair in charge (陶和平, user
/// `vicechair`) would: for checks that want no part of a symposium missing (the OpenAPI
/// document's schemas).
enum Symposia {
    /// On top of `Planning.everything`: the symposium of the issued plan's e-commerce topic
    /// (lead 农业农村委员会), rescheduled once, hosted by the entrusted vice chair; its
    /// implementation plan saved, submitted with a change (versions 1 and 2 differ), returned,
    /// resubmitted, signed and adopted; both meetings scheduled, the mobilization meeting
    /// recorded with two tasks (one done); a research activity with findings; suggested members
    /// and the office user's own person (刘秋菊) invited and pre-invited, one confirmed by phone
    /// and formally notified, one declined, the others reminded; a comment on the list.
    /// Then (三(三)) more speakers invited and confirmed (`confirmSpeakers`), the agenda planned
    /// (`planAgenda`) and, if `held`, the meeting held with the clock advanced, its record
    /// issued (`hold`), and a second symposium made to which the office user's person is
    /// pre-invited (a held symposium leaves the invitations and to-do lists). Last (三(四)) an
    /// internal keynote (material 1) reviewed and forwarded, downloaded, in the office's packet; a
    /// 秘密 briefing on paper (material 2) with a copy out; a classified file flagged (material 3).
    /// Returns the symposium's id (1 in a fresh application).
    @discardableResult
    static func prepared(_ app: Application, year: Int = Planning.year, held: Bool = true) async throws -> Int {
        try await Planning.everything(app, year: year)
        let office = try await Planning.api(app, "office")
        let committee = try await Planning.api(app, "committee")
        let vice = try await Planning.api(app, "vicechair")
        let agriculture = try await Planning.committeeID(app, named: "农业农村委员会")

        let plan = try await Planning.stored(app, year: year).plan
        let dated = plan.topics.filter { $0.leadCommitteeID == agriculture && $0.date != nil }
        let topic = try #require(dated.first { $0.title.contains("电子商务") } ?? dated.first,
                                 "the issued plan has no dated topic led by 农业农村委员会")
        let viceChair = try await personID(office, named: "陶和平")
        let ownPerson = try #require(try await decode(Me.self, call(office, .GET, "/api/v1/me")).personID,
                                     "the office user has no person")

        let created = try await call(office, .POST, "/api/v1/symposia",
                                     #"{"year":\#(year),"topicID":\#(topic.id),"viceChairInChargeID":\#(viceChair)}"#,
                                     expect: .created)
        let id = try decode(Brief.self, created).id
        let root = "/api/v1/symposia/\(id)"

        // The office moves it by a week; the vice chair in charge hosts on the chair's entrustment (一.2).
        let original = try #require(Day(iso: try decode(Brief.self, created).date))
        let moved = try decode(Brief.self, try await edit(office, .POST, root + "/reschedule", #"""
            {"date":"\#(original.adding(days: 7).iso)","reason":"与县委常委会议冲突","confirmNonWorkingDay":true}
            """#, basedOn: root))
        let date = try #require(Day(iso: moved.date))
        try await edit(office, .PUT, root + "/arrangements", #"""
            {"place":"县政协三楼会议室","startTime":"上午9:00","hostID":\#(viceChair),
             "entrustmentNote":"主席委托陶和平副主席主持","viceChairInChargeID":\#(viceChair)}
            """#, basedOn: root)

        // 二.4: save, submit with a longer agenda, return, resubmit, sign, adopt.
        func content(agenda: String) -> String {
            #"""
            {"time":"\#(date.chinese)上午9:00","place":"县政协三楼会议室","host":"陶和平","topic":"\#(topic.title)",
             "invitees":"委员6位、专家学者2位","agenda":"\#(agenda)","otherMatters":"会务由办公室负责",
             "research":"会前开展专题调研"}
            """#
        }
        try await edit(committee, .POST, root + "/implementation-plan", #"{"action":"save","content":\#(content(agenda: "六项"))}"#, basedOn: root)
        try await edit(committee, .POST, root + "/implementation-plan",
                       #"{"action":"submit","content":\#(content(agenda: "六项，约2小时"))}"#, basedOn: root)
        try await edit(vice, .POST, root + "/implementation-plan", #"{"action":"return","note":"请补充发言顺序"}"#, basedOn: root)
        try await edit(committee, .POST, root + "/implementation-plan",
                       #"{"action":"submit","content":\#(content(agenda: "六项，约2小时，按发言顺序"))}"#, basedOn: root)
        try await edit(vice, .POST, root + "/implementation-plan", #"{"action":"sign","note":"同意"}"#, basedOn: root)
        try await edit(office, .POST, root + "/implementation-plan", #"{"action":"adopt","note":"十一届第26次主席会议"}"#, basedOn: root)

        // 三(二): both meetings scheduled, the mobilization meeting held with its division of work.
        try await edit(committee, .PUT, root + "/meetings/mobilization",
                       #"{"date":"\#(date.adding(days: -30).iso)","time":"上午9:00","place":"县政协三楼会议室"}"#, basedOn: root)
        try await edit(committee, .PUT, root + "/meetings/coordination", #"{"date":"\#(date.adding(days: -7).iso)"}"#, basedOn: root)
        try await call(committee, .POST, root + "/meetings/mobilization/tasks",
                       #"{"title":"起草调研报告","ownerKind":"committee","ownerID":\#(agriculture),"due":"\#(date.adding(days: -10).iso)"}"#)
        let tasked = try await call(committee, .POST, root + "/meetings/mobilization/tasks",
                                    #"{"title":"落实会场","ownerKind":"role","ownerRole":"office","due":"\#(date.adding(days: -3).iso)"}"#)
        let task = try #require(try decode(Brief.self, tasked).meetings.first { $0.kind == "mobilization" }?.tasks.first?.id)
        try await call(committee, .POST, root + "/tasks/\(task)", #"{"done":true}"#)
        try await edit(committee, .POST, root + "/meetings/mobilization/record", #"{"decisions":"通报实施方案，明确分工。","held":true}"#, basedOn: root)

        // 一.8, 三(二).2: a research activity, then its findings.
        let researched = try await call(committee, .POST, root + "/research", #"""
            {"kind":"research","title":"农村电商专题调研","date":"\#(date.adding(days: -20).iso)","place":"江南镇","participants":"农业农村委员会"}
            """#)
        let research = try #require(try decode(Brief.self, researched).research.last?.id)
        try await edit(committee, .PUT, root + "/research/\(research)", #"{"findings":"物流成本高，人才缺乏。"}"#, basedOn: root)

        // 三(一): suggested members and the office user's own person, commented on, pre-invited, answered.
        let suggested = try decode([Suggestion].self, try await call(committee, .GET, root + "/invitee-suggestions"))
        #expect(suggested.count >= 3, "too few invitee suggestions for “\(topic.title)”")
        let members = suggested.prefix(3).map(\.personID)
        for person in members {
            try await call(committee, .POST, root + "/invitees", #"{"personID":\#(person),"reason":"专长与议题相关"}"#)
        }
        try await call(committee, .POST, root + "/invitees", #"{"personID":\#(ownPerson),"reason":"办公室负责同志"}"#)
        try await call(office, .POST, root + "/invitee-comments", #"{"text":"建议增加一位专家学者。"}"#)
        try await call(committee, .POST, root + "/invitees/pre-invite")
        if let first = members.first {
            try await call(committee, .POST, root + "/invitees/\(first)/answer", #"{"answer":"confirm"}"#)
        }
        if members.count > 1 {
            try await call(committee, .POST, root + "/invitees/\(members[1])/answer", #"{"answer":"decline","note":"外出学习"}"#)
        }
        try await call(committee, .POST, root + "/invitees/remind")
        try await call(office, .POST, root + "/formal-notices")

        // 三(三): speakers for every segment confirmed, the agenda planned and, unless the
        // caller runs the meeting itself, the meeting held and its record issued.
        let cast = try await confirmSpeakers(app, id, suggested: suggested.map(\.personID))
        try await planAgenda(app, id, cast)
        if held {
            try await hold(app, id, cast)
            try await issueRecord(app, id)
            // The meeting held, the office's invitations and to-do list would be empty: a second
            // symposium (another topic of the plan) to which the office user's person is pre-invited.
            if let other = plan.topics.first(where: { $0.id != topic.id && $0.date != nil && $0.month > 2 }) {
                let second = try await call(office, .POST, "/api/v1/symposia",
                                            #"{"year":\#(year),"topicID":\#(other.id),"viceChairInChargeID":\#(viceChair)}"#,
                                            expect: .created)
                let root2 = "/api/v1/symposia/\(try decode(Brief.self, second).id)"
                try await call(office, .POST, root2 + "/invitees", #"{"personID":\#(ownPerson),"reason":"办公室负责同志"}"#)
                try await call(office, .POST, root2 + "/invitees/pre-invite")
            } else {
                Issue.record("the issued plan has no second dated topic for the office's invitation")
            }
        }

        // 三(四): the lead committee's keynote (material 1), 内部 for the attendees and the county
        // leaders, uploaded, reviewed and forwarded; the office downloads it and compiles its own packet.
        let keynote = try await Materials.create(committee, symposium: id, #"""
            {"kind":"keynote","title":"关于发展农村电子商务的调研报告","due":"\#(date.adding(days: -7).iso)",
             "secrecy":"internal","distribution":{"scope":"attendingOnly","roles":["leader"]}}
            """#)
        try await Materials.uploadText(committee, material: keynote, "一、基本情况\n全县农村电商发展迅速。", fileName: "中心发言.txt")
        for action in ["submit", "approve", "forward"] {
            try await edit(committee, .POST, "/api/v1/materials/\(keynote)/review", #"{"action":"\#(action)"}"#, basedOn: "/api/v1/materials/\(keynote)")
        }
        try await call(office, .GET, "/api/v1/materials/\(keynote)/versions/1/file")
        try await call(office, .POST, "/api/v1/symposia/\(id)/packets/\(ownPerson)")

        // 保守国家秘密法 on this non-classified system: 县农业农村局's 秘密 briefing (material 2) on
        // paper, three copies registered and the first handed to the office user's person; and a
        // reference material (material 3) uploaded as 内部 and then classified 秘密, whose file the
        // office is asked to confirm as paper-only.
        let bureauID = try #require(try await DepartmentModel.query(on: app.db).filter(\.$name == "县农业农村局").first()?.id)
        let briefing = try await Materials.create(committee, symposium: id, #"""
            {"kind":"departmentBriefing","title":"全县农村电商发展情况介绍","departmentID":\#(bureauID),
             "secrecy":"secret","secrecyPeriod":"1年","distribution":{"roles":["leader"]}}
            """#)
        try await edit(office, .POST, "/api/v1/materials/\(briefing)/paper-copies", #"{"count":3,"deliveredBy":"县农业农村局"}"#,
                       basedOn: "/api/v1/materials/\(briefing)", expect: .created)
        try await call(office, .POST, "/api/v1/materials/\(briefing)/paper-copies/hand-out",
                       #"{"copies":[{"number":1,"version":1,"personID":\#(ownPerson)}]}"#)
        let reference = try await Materials.create(committee, symposium: id,
                                                   #"{"kind":"referenceMaterial","title":"外县农村电商经验汇编","distribution":{"roles":["leader"]}}"#)
        try await Materials.uploadText(committee, material: reference, "一、外县经验", fileName: "参阅资料.txt")
        try await edit(committee, .PUT, "/api/v1/materials/\(reference)/classification",
                       #"{"secrecy":"secret","secrecyPeriod":"6个月","distribution":{"roles":["leader"]}}"#,
                       basedOn: "/api/v1/materials/\(reference)")

        // 三(五): outcome 1, a recommendation drawing on the first speech, the keynote and the
        // research, sent to 曾湘莲 and to 县农业农村局 for handling, with one follow-up item.
        if held {
            let leader = try await personID(office, named: "曾湘莲")
            let bureau = try #require(try await DepartmentModel.query(on: app.db).filter(\.$name == "县农业农村局").first()?.id)
            let outcome = try await call(office, .POST, "/api/v1/symposia/\(id)/outcomes",
                                         #"{"form":"recommendation","title":"关于加快发展农村电子商务的建议"}"#, expect: .created)
            let oid = try decode(Brief.Ref.self, outcome).id
            try await call(office, .PUT, "/api/v1/outcomes/\(oid)", #"""
                {"version":1,"title":"关于加快发展农村电子商务的建议","body":"一、补齐物流短板\n建议建设县级物流中心。","form":"recommendation",
                 "links":{"speechIDs":[3],"materialIDs":[\#(keynote)],"researchIDs":[\#(research)]},
                 "recipients":[{"kind":"leader","id":\#(leader)},{"kind":"department","id":\#(bureau),"handles":true}],
                 "documentNumber":"安政协建〔\#(year)〕1号"}
                """#)
            try await call(office, .POST, "/api/v1/outcomes/\(oid)/send", #"{"version":2}"#)
            try await call(committee, .POST, "/api/v1/outcomes/\(oid)/items",
                           #"{"title":"建设县级物流中心","ownerDepartmentID":\#(bureau),"due":"\#(year)-12-31"}"#, expect: .created)
        }
        return id
    }

    /// Who speaks at the symposium (三(三)): the department briefing and response by 姜茂林 of
    /// 县农业农村局 (user `department`), the keynote by 符鹏飞 (head of 农业农村委员会), booked
    /// and free speeches by the suggested members and one expert (黄振宇, user `expert`).
    struct Cast: Sendable {
        let departmentHead: Int
        let committeeHead: Int
        /// Attending members: the first two are booked, the others speak freely.
        let members: [Int]
        let expert: Int
    }

    /// Confirms the third suggested member (the first confirmed, the second declined) and
    /// invites and confirms two more members, 姜茂林, 符鹏飞 and 黄振宇.
    static func confirmSpeakers(_ app: Application, _ id: Int, suggested: [Int]) async throws -> Cast {
        let office = try await Planning.api(app, "office")
        let committee = try await Planning.api(app, "committee")
        let root = "/api/v1/symposia/\(id)"
        let departmentHead = try await personID(office, named: "姜茂林")
        let committeeHead = try await personID(office, named: "符鹏飞")
        let expert = try await personID(office, named: "黄振宇")
        #expect(suggested.count >= 5, "too few invitee suggestions for the free speech")
        let more = Array(suggested.dropFirst(3).prefix(2))
        for person in more + [departmentHead, committeeHead, expert] {
            try await call(committee, .POST, root + "/invitees", #"{"personID":\#(person),"reason":"会议发言"}"#)
        }
        try await call(committee, .POST, root + "/invitees/pre-invite")
        let members = [suggested[0]] + suggested.dropFirst(2).prefix(1) + more
        for person in members.dropFirst() + [departmentHead, committeeHead, expert] {
            try await call(committee, .POST, root + "/invitees/\(person)/answer", #"{"answer":"confirm"}"#)
        }
        return Cast(departmentHead: departmentHead, committeeHead: committeeHead, members: members, expert: expert)
    }

    /// The agenda of 三(三): 姜茂林 briefs, 符鹏飞 gives the keynote, the first two members book speeches.
    static func planAgenda(_ app: Application, _ id: Int, _ cast: Cast) async throws {
        let committee = try await Planning.api(app, "committee")
        let root = "/api/v1/symposia/\(id)/agenda"
        try await edit(committee, .PUT, root + "/departmentBriefing",
                       #"{"speakers":[{"personID":\#(cast.departmentHead),"subject":"全县农村电子商务发展情况"}]}"#, basedOn: "/api/v1/symposia/\(id)")
        try await edit(committee, .PUT, root + "/keynote",
                       #"{"speakers":[{"personID":\#(cast.committeeHead),"subject":"关于发展农村电子商务的调研报告"}]}"#, basedOn: "/api/v1/symposia/\(id)")
        try await edit(committee, .PUT, root + "/bookedSpeech", #"""
            {"speakers":[{"personID":\#(cast.members[0]),"subject":"补齐农村物流短板"},{"personID":\#(cast.members[1])}]}
            """#, basedOn: "/api/v1/symposia/\(id)")
    }

    /// The meeting held at the office's console with the clock advanced (when it is a
    /// `ManualClock`), 23 changes: a 9-minute briefing (speech 1), a keynote 30 s over its
    /// 10 minutes (2), two booked speeches, the first 7 minutes with a 1-minute pause (3), the
    /// second 6 minutes (4); in the free speech the expert and then `members[2]` ask, and the
    /// member speaks first, 4 minutes (5); 姜茂林 answers speech 3 in 3 minutes (6); the end.
    /// Puts a test's `ManualClock` at 10:00 China time (the hour of `TestApp.defaultNow`) on the
    /// symposium's day: the meeting is held on its day (三(三)), so a test that holds it lives
    /// that morning from here on.
    static func onMeetingDay(_ app: Application, _ id: Int) async throws {
        guard let clock = app.xieshang.clock as? ManualClock else { return }
        let model = try #require(try await SymposiumModel.find(id, on: app.db))
        let day = try StoredJSON.value(Symposium.self, from: model.body, row: "symposia#\(id)").date
        let morning = Date(timeIntervalSince1970: TimeInterval(day.ordinal * 86_400 + 2 * 3_600))
        if Day(clock.now()) != day { clock.set(morning) }
    }

    static func hold(_ app: Application, _ id: Int, _ cast: Cast) async throws {
        let office = try await Planning.api(app, "office")
        let live = "/api/v1/symposia/\(id)/live"
        let clock = app.xieshang.clock as? ManualClock
        func speak(minutes: Double) async throws {
            clock?.advance(by: minutes * 60)
            try await call(office, .POST, live + "/end-speech")
        }
        try await onMeetingDay(app, id)
        try await call(office, .POST, live + "/start")
        try await call(office, .POST, live + "/next")                  // 1 姜茂林, 介绍情况
        try await speak(minutes: 9)
        try await call(office, .POST, live + "/advance")
        try await call(office, .POST, live + "/next")                  // 2 符鹏飞, 中心发言, 30 s over
        try await speak(minutes: 10.5)
        try await call(office, .POST, live + "/advance")
        try await call(office, .POST, live + "/next")                  // 3 first booked speech, paused 1 min
        clock?.advance(by: 240)
        try await call(office, .POST, live + "/pause")
        clock?.advance(by: 60)
        try await call(office, .POST, live + "/resume")
        try await speak(minutes: 3)
        try await call(office, .POST, live + "/next")                  // 4 second booked speech
        try await speak(minutes: 6)
        try await call(office, .POST, live + "/advance")
        try await call(office, .POST, live + "/requests", #"{"personID":\#(cast.expert)}"#)
        try await call(office, .POST, live + "/requests", #"{"personID":\#(cast.members[2])}"#)
        try await call(office, .POST, live + "/next")                  // 5 the member before the expert
        try await speak(minutes: 4)
        try await call(office, .POST, live + "/advance")
        try await call(office, .POST, live + "/speeches",              // 6 姜茂林 answers speech 3
                       #"{"personID":\#(cast.departmentHead),"respondsTo":[3]}"#)
        try await speak(minutes: 3)
        try await call(office, .POST, live + "/advance")
        try await call(office, .POST, live + "/end")
    }

    /// The draft record edited by the lead committee and issued by the office as 第1期.
    static func issueRecord(_ app: Application, _ id: Int) async throws {
        let office = try await Planning.api(app, "office")
        let committee = try await Planning.api(app, "committee")
        let record = "/api/v1/symposia/\(id)/record"
        try await call(committee, .PUT, record, #"{"text":"县政协召开双月协商座谈会。\n\n一、有关部门介绍情况\n姜茂林介绍了情况。"}"#)
        try await call(office, .POST, record + "/issue", #"{"number":"第1期"}"#)
    }

    // MARK: helpers

    /// Sends `body` as JSON and expects `status`.
    @discardableResult
    static func call(_ client: TestClient, _ method: HTTPMethod, _ path: String, _ body: String? = nil,
                     expect status: HTTPStatus = .ok,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        if body != nil { h.contentType = .json }
        let res = try await client.send(method, path, headers: h, body: body.map { ByteBuffer(string: $0) })
        #expect(res.status == status, "\(method) \(path): \(res.status) \(res.text.prefix(300))", sourceLocation: sourceLocation)
        return res
    }

    /// An edit of an existing object, as a client makes it: read the object at `basedOn` (for a
    /// follow-up item, the outcome, picking the item `item`), then send `body` (a JSON object)
    /// with the `version` it read.
    @discardableResult
    static func edit(_ client: TestClient, _ method: HTTPMethod, _ path: String, _ body: String, basedOn: String,
                     item: Int? = nil, expect status: HTTPStatus = .ok,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestingHTTPResponse {
        let version = try await currentVersion(client, of: basedOn, item: item)
        return try await call(client, method, path, versioned(body, version), expect: status, sourceLocation: sourceLocation)
    }

    static func currentVersion(_ client: TestClient, of path: String, item: Int? = nil) async throws -> Int {
        struct Versioned: Decodable { let id: Int?; let version: Int }
        struct WithItems: Decodable { let items: [Versioned] }
        let res = try await call(client, .GET, path)
        guard let item else { return try decode(Versioned.self, res).version }
        return try #require(try decode(WithItems.self, res).items.first { $0.id == item }?.version, "no item \(item) at \(path)")
    }

    /// `body` (a JSON object) with `"version": n` added in front.
    static func versioned(_ body: String, _ n: Int) -> String {
        let trimmed = body.drop { $0.isWhitespace }
        precondition(trimmed.first == "{", "not a JSON object: \(body)")
        let rest = trimmed.dropFirst().drop { $0.isWhitespace }
        return "{\"version\":\(n)" + (rest.first == "}" ? "" : ",") + rest
    }

    static func decode<T: Decodable>(_ type: T.Type, _ res: TestingHTTPResponse,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        try Planning.decode(type, res, sourceLocation: sourceLocation)
    }

    /// The demo person of this name, found as a client would (GET /api/v1/persons?q=…).
    static func personID(_ client: TestClient, named name: String) async throws -> Int {
        let q = try #require(name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed))
        let page = try decode(PersonPage.self, try await call(client, .GET, "/api/v1/persons?q=\(q)"))
        return try #require(page.items.first { $0.name == name }?.id, "no person named \(name)")
    }

    /// What the helper reads of the answers; everything else is ignored.
    struct Brief: Decodable {
        struct Meeting: Decodable { let kind: String; let tasks: [Ref] }
        struct Ref: Decodable { let id: Int }
        let id: Int
        let date: String
        let meetings: [Meeting]
        let research: [Ref]
    }

    struct Suggestion: Decodable { let personID: Int }
    struct Me: Decodable { let personID: Int? }
    struct PersonPage: Decodable {
        struct Item: Decodable { let id: Int; let name: String }
        let items: [Item]
    }
}
