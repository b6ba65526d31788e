import Fluent
import Vapor
import XieshangCore

/// The live meeting loaded, changed through the domain, saved, audited, and pushed to every
/// screen: the console's click reaches the phones and the projector through `LiveBus`.
enum LiveStore {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    private static let meetings = DecodeCache<LiveMeeting>()
    private static let records = DecodeCache<MeetingRecord?>()

    static func load(_ symposiumID: Int, on db: any Database) async throws -> (LiveMeeting, LiveMeetingModel)? {
        guard let m = try await LiveMeetingModel.query(on: db).filter(\.$symposiumID == symposiumID).first() else { return nil }
        let body = m.body
        return (try meetings.value(id: symposiumID, text: body) { try JSONDecoder().decode(LiveMeeting.self, from: Data(body.utf8)) }, m)
    }

    static func decodeRecord(_ m: LiveMeetingModel) -> MeetingRecord? {
        guard let text = m.record else { return nil }
        return records.value(id: m.symposiumID, text: text) { try? JSONDecoder().decode(MeetingRecord.self, from: Data(text.utf8)) }
    }

    /// The meeting before it starts: the agenda as planned, everyone attending.
    static func fresh(_ s: Symposium, regulation: Regulation, persons: [Int: PersonModel]) -> LiveMeeting {
        let attendees = s.invitees.filter { $0.state.attends }.map { i in
            AgendaSpeaker(personID: i.personID, name: persons[i.personID]?.name ?? "", unit: persons[i.personID]?.unit ?? "",
                          category: i.category)
        }
        return LiveMeeting(agenda: s.agendaOrTemplate(regulation), attendees: attendees)
    }

    /// Applies `transition` to the stored meeting (creating it from the symposium at the
    /// start), saves and audits it in one transaction, then pushes the new state: encoded
    /// once, the same bytes answer the request and go to every screen here; other instances
    /// hear of it through the bus. The caller has checked access on `loaded`. Refusals change
    /// nothing.
    static func mutate(_ loaded: SymposiumStore.Loaded, action: String, on req: Request,
                       _ transition: @escaping @Sendable (inout LiveMeeting, inout MeetingRecord?, Date) throws -> (any Encodable & Sendable)?)
        async throws -> Response {
        let now = req.xieshang.clock.now()
        let regulation = req.xieshang.regulation
        let symposium = loaded.symposium
        let symposiumID = loaded.id
        let meeting: LiveMeeting = try await req.change(invalidatingCaches: false) { db in
            let existing = try await load(symposiumID, on: db)
            var live: LiveMeeting
            if let stored = existing?.0 {
                live = stored
            } else {
                let persons = try await SymposiumDTO.Names.load(for: [symposium], on: db).persons
                live = fresh(symposium, regulation: regulation, persons: persons)
            }
            let model = existing?.1 ?? LiveMeetingModel()
            var record = existing.flatMap { decodeRecord($0.1) }
            let detail = try transition(&live, &record, now)
            model.symposiumID = symposiumID
            let body = String(decoding: try encoder.encode(live), as: UTF8.self)
            model.body = body
            meetings.remember(id: symposiumID, text: body, value: live)
            model.sequence = live.sequence
            let recordText = try record.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            if let recordText { records.remember(id: symposiumID, text: recordText, value: record) }
            model.record = recordText
            try await model.save(on: db)
            if live.phase == .ended, let day = live.endedAt.map(Day.init) {
                try await markHeld(symposiumID, on: day, db: db)
            }
            return (live, [AuditChange(action, "live_meeting", String(symposiumID), after: detail)])
        }
        let message = LiveMessage.make(symposiumID, topic: symposium.topic, meeting: meeting, now: now, regulation: regulation)
        let bytes = ByteBuffer(data: try LiveMessage.encoder.encode(message))
        await req.application.xieshang.live.announce(symposiumID, message: bytes, app: req.application)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: bytes))
    }

    /// The symposium took place: its timeline's step is done, its outcomes' deadline runs.
    private static func markHeld(_ id: Int, on day: Day, db: any Database) async throws {
        guard let m = try await SymposiumModel.find(id, on: db) else { return }
        var s = try JSONDecoder().decode(Symposium.self, from: Data(m.body.utf8))
        guard s.heldOn == nil else { return }
        s.heldOn = day
        m.body = String(decoding: try SymposiumStore.encoder.encode(s), as: UTF8.self)
        m.version += 1
        try await m.save(on: db)
    }
}
