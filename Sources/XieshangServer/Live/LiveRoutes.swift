import Fluent
import Vapor
import XieshangCore

/// The symposium as it is held (三(三)): the console's actions, a member's request to speak,
/// the state for every screen (JSON and WebSocket), and the three pages — console, phone,
/// big screen.
struct LiveRoutes: RouteCollection {
    enum Action: String, CaseIterable, Codable {
        case start, next, pause, resume, endSpeech = "end-speech", advance, end
        /// 演练: the console run before the meeting's day, discarded when it ends.
        case rehearse, endRehearsal = "end-rehearsal"
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "symposia", ":id", "live")
        api.get(use: state)
        api.post(":action", use: act)
        api.post("speeches", use: startSpeech)
        api.post("requests", use: request)
        api.delete("requests", ":person", use: withdraw)
        api.get("totals", use: totals)
        // Checked before the upgrade as an ordinary request, so that a refusal is a 404 (or
        // 401) like the page's; throwing inside `shouldUpgrade` would drop the connection
        // without any answer (vapor/vapor#3155).
        api.get("ws") { req async throws -> Response in
            _ = try await SymposiumStore.visible(SymposiumAPI.id(req), for: req.principal, on: req.db)
            guard req.headers[.upgrade].contains(where: { $0.lowercased() == "websocket" }) else {
                throw Refusal(.invalid, code: "websocket_required", message: "此地址只接受 WebSocket 连接。")
            }
            return req.webSocket(maxFrameSize: .init(integerLiteral: 1 << 14), onUpgrade: Self.connect)
        }
        routes.get("symposia", ":id", "live", use: phone)
        routes.get("symposia", ":id", "live", "console", use: console)
        routes.get("symposia", ":id", "live", "screen", use: screen)
        routes.post("symposia", ":id", "live", "request", use: requestFromPage)
    }

    /// The console is the office's or the host's (三(三): the host runs the meeting).
    static func requireConsole(_ req: Request) async throws -> SymposiumStore.Loaded {
        try await SymposiumAccess.require(.runConsole, SymposiumAPI.id(req), on: req)
    }

    static func message(_ id: Int, _ s: Symposium, _ m: LiveMeeting, _ req: Request) -> LiveMessage {
        LiveMessage.make(id, topic: s.topic, meeting: m, now: req.xieshang.clock.now(), regulation: req.xieshang.regulation)
    }

    func state(req: Request) async throws -> LiveMessage {
        let id = try SymposiumAPI.id(req)
        let loaded = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        return try await LiveMessage.current(id, symposium: loaded.symposium, db: req.db, app: req.application)
    }

    func act(req: Request) async throws -> Response {
        let loaded = try await Self.requireConsole(req)
        guard let action = req.parameters.get("action").flatMap(Action.init(rawValue:)) else { throw NotFound.of("操作") }
        let s = loaded.symposium
        let host = action == .end ? try await PersonModel.find(s.host.personID, on: req.db)?.name ?? "" : ""
        if action == .start || action == .rehearse {
            // The agenda adopted must hold before the meeting runs on it (三(三)).
            let report = s.agendaOrTemplate(req.xieshang.regulation).report(attending: s.invitees.attending,
                                                                          regulation: req.xieshang.regulation)
            guard report.refusals.isEmpty else {
                throw Refusal(.conflict, code: "agenda_not_acceptable", message: "议程须修改后才能开始会议：" + report.refusals.joined(separator: "；"),
                              details: report.refusals)
            }
        }
        return try await LiveStore.mutate(loaded, action: "live.\(action.rawValue)", on: req) { m, record, now in
            switch action {
            case .start: try m.start(at: now, meetingDay: s.date)
            case .rehearse: try m.startRehearsal(at: now, meetingDay: s.date)
            case .endRehearsal: try m.endRehearsal(at: now)
            case .next: try m.next(at: now)
            case .pause: try m.pause(at: now)
            case .resume: try m.resume(at: now)
            case .endSpeech: try m.endSpeech(at: now)
            case .advance: try m.advance(at: now)
            case .end:
                try m.end(at: now)
                record = MeetingRecord(text: MeetingRecord.draft(topic: s.topic, date: Day(now), place: s.place,
                                                                 host: host, meeting: m))
            }
            return ["sequence": m.sequence]
        }
    }

    struct SpeechInput: Content, Sendable { var personID: Int; var respondsTo: [Int]? }

    func startSpeech(req: Request) async throws -> Response {
        let loaded = try await Self.requireConsole(req)
        let input = try SymposiumAPI.decode(SpeechInput.self, req)
        return try await LiveStore.mutate(loaded, action: "live.speech", on: req) { m, _, now in
            try m.startSpeech(personID: input.personID, at: now, respondsTo: input.respondsTo ?? [])
            return ["person": input.personID, "sequence": m.sequence]
        }
    }

    struct RequestInput: Content, Sendable { var personID: Int? }

    /// A member or expert asks to speak from their phone; the console may enter a request for
    /// someone who raised a hand.
    static func addRequest(_ req: Request, personID: Int?) async throws -> Response {
        let p = try req.principal
        let loaded = try await SymposiumAccess.require(.requestToSpeak(personID: personID), SymposiumAPI.id(req), on: req)
        guard let person = personID ?? p.personID else { throw AccessError.forbidden }
        return try await LiveStore.mutate(loaded, action: "live.request", on: req) { m, _, now in
            guard let who = m.attendee(person) else { throw LiveError.notAttending(person) }
            try m.requestToSpeak(SpeakRequest(personID: person, name: who.name, category: who.category, requestedAt: now))
            return ["person": person]
        }
    }

    func request(req: Request) async throws -> Response {
        // A phone posts nothing (it asks for its own person); a body that is sent must be valid.
        let empty = (req.body.data?.readableBytes ?? 0) == 0
        let input = empty ? RequestInput(personID: nil) : try SymposiumAPI.decode(RequestInput.self, req)
        return try await Self.addRequest(req, personID: input.personID)
    }

    func withdraw(req: Request) async throws -> Response {
        let person = try SymposiumAPI.int(req, "person", "发言申请")
        let loaded = try await SymposiumAccess.require(.requestToSpeak(personID: person), SymposiumAPI.id(req), on: req)
        return try await LiveStore.mutate(loaded, action: "live.withdraw", on: req) { m, _, _ in
            try m.withdrawRequest(personID: person)
            return ["person": person]
        }
    }

    func totals(req: Request) async throws -> [SpeakerTotalDTO] {
        let id = try SymposiumAPI.id(req)
        _ = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        guard let (m, _) = try await LiveStore.load(id, on: req.db) else { return [] }
        return m.totals().map(SpeakerTotalDTO.init)
    }

    /// Sends the state at once (a reload or reconnect is right immediately), then every change.
    @Sendable static func connect(req: Request, ws: WebSocket) async {
        guard let id = req.parameters.get("id", as: Int.self) else { try? await ws.close(); return }
        let hub = req.application.xieshang.liveHub
        hub.add(ws, to: id)
        ws.onClose.whenComplete { _ in hub.remove(ws, from: id) }
        do {
            guard let m = try await SymposiumModel.find(id, on: req.db) else { try await ws.close(); return }
            let message = try await LiveMessage.current(id, symposium: try SymposiumStore.decode(m).symposium, db: req.db,
                                                        app: req.application)
            try await ws.send(raw: try LiveMessage.encoder.encode(message), opcode: .text)
        } catch {
            req.logger.warning("live: first message to a screen failed: \(String(reflecting: error))")
        }
    }

    // MARK: pages

    struct PageBody: Encodable {
        let s: SymposiumDTO
        let tabs: [SymposiumPages.TabLink]
        let canConsole: Bool
        let canRequest: Bool
        let personID: Int?
        let error: String?
    }

    func render(_ req: Request, _ template: String, title: String, error: String? = nil) async throws -> Response {
        let p = try req.principal
        let id = try SymposiumAPI.id(req)
        let loaded = try await SymposiumStore.visible(id, for: p, on: req.db)
        let dto = try await SymposiumDTO.make(loaded, on: req)
        let attending = loaded.symposium.invitee(p.personID ?? -1).map { $0.state.attends && [.members, .experts].contains($0.category) } ?? false
        let body = PageBody(s: dto, tabs: SymposiumPages.tabs(id, current: "live"),
                            canConsole: p.runsConsole(of: loaded.symposium),
                            canRequest: attending, personID: p.personID, error: error)
        return try await req.renderPage(template, title: "\(dto.topic) · \(title)", body: body)
    }

    func phone(req: Request) async throws -> Response { try await render(req, "live-phone", title: "会议进行") }

    func console(req: Request) async throws -> Response {
        _ = try await Self.requireConsole(req)
        return try await render(req, "live-console", title: "会议控制台")
    }

    func screen(req: Request) async throws -> Response { try await render(req, "live-screen", title: "大屏") }

    /// Without JavaScript the phone page still works: a plain form post.
    func requestFromPage(req: Request) async throws -> Response {
        do {
            _ = try await Self.addRequest(req, personID: nil)
            req.flash("已申请发言，请等候主持人安排。")
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, "live-phone", title: "会议进行", error: e.message).with(status: e.kind.status)
        }
        return req.redirect(to: "/symposia/\(try SymposiumAPI.id(req))/live")
    }
}

struct SpeakerTotalDTO: Content {
    let personID: Int; let name: String; let unit: String; let category: AttendeeCategory; let speeches: Int
    /// Whole seconds: what a record shows and a member's file adds up.
    let totalSeconds: Int
    /// As one says it: "14分11秒".
    let durationText: String
    init(_ t: SpeakerTotal) {
        personID = t.personID; name = t.name; unit = t.unit; category = t.category; speeches = t.speeches
        totalSeconds = Int(t.totalSeconds.rounded())
        durationText = SpeakingLength.text(Double(totalSeconds))
    }
}
