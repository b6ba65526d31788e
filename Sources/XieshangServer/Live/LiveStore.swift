import Fluent
import Vapor
import XieshangCore

/// The live meeting loaded, changed through the domain, saved, audited, and pushed to every
/// screen: the console's click reaches the phones and the projector through `LiveBus`.
enum LiveStore {
    private static let meetings = DecodeCache<LiveMeeting>()
    private static let records = DecodeCache<MeetingRecord?>()

    static func load(_ symposiumID: Int, on db: any Database) async throws -> (LiveMeeting, LiveMeetingModel)? {
        guard let m = try await LiveMeetingModel.query(on: db).filter(\.$symposiumID == symposiumID).first() else { return nil }
        let body = m.body
        return (try meetings.value(id: symposiumID, text: body) { try StoredJSON.value(LiveMeeting.self, from: body, row: "live_meetings#\(symposiumID)") }, m)
    }

    static func decodeRecord(_ m: LiveMeetingModel) throws -> MeetingRecord? {
        guard let text = m.record else { return nil }
        return try records.value(id: m.symposiumID, text: text) {
            try StoredJSON.value(MeetingRecord.self, from: text, row: "live_meetings#\(m.symposiumID).record")
        }
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
    /// start), saved and audited, and pushes the new state: the same bytes answer the request
    /// and go to every screen here; other instances hear of it through the bus. Requests that
    /// arrive together share one transaction (`LiveGroupCommit`). The caller has checked
    /// access on `loaded`. Refusals change nothing.
    static func mutate(_ loaded: SymposiumStore.Loaded, action: String, on req: Request,
                       _ transition: @escaping LiveGroupCommit.Transition) async throws -> Response {
        let bytes = try await req.xieshang.liveWrites.submit(loaded, action: action, actor: try req.principal.username,
                                                             app: req.application, transition)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: bytes))
    }

    /// One transaction for a batch of changes, each judged on the state the ones before it
    /// left; a refused change is left out and answered with its refusal. Saves, audits and
    /// encodes the new state for the screens only if some change was accepted (the message
    /// is made inside the transaction, so that nothing is stored that cannot be sent).
    static func apply(_ batch: [LiveGroupCommit.Change], symposiumID: Int, symposium: Symposium,
                      app: Application) async throws -> (message: ByteBuffer?, outcomes: [Result<Void, any Error>]) {
        let regulation = app.xieshang.regulation
        return try await app.change(by: batch[0].actor, invalidatingCaches: false) { db in
            let existing = try await load(symposiumID, on: db)
            var live: LiveMeeting
            if let stored = existing?.0 {
                live = stored
            } else {
                let persons = try await SymposiumDTO.Names.load(for: [symposium], on: db).persons
                live = fresh(symposium, regulation: regulation, persons: persons)
            }
            var record = try existing.flatMap { try decodeRecord($0.1) }
            var outcomes: [Result<Void, any Error>] = []
            var audit: [AuditChange] = []
            for change in batch {
                var trial = live, trialRecord = record
                do {
                    let detail = try change.transition(&trial, &trialRecord, change.at)
                    live = trial
                    record = trialRecord
                    outcomes.append(.success(()))
                    audit.append(AuditChange(change.action, "live_meeting", String(symposiumID), after: detail, by: change.actor))
                } catch {
                    outcomes.append(.failure(error))
                }
            }
            guard !audit.isEmpty else { return ((nil, outcomes), []) }
            let model = existing?.1 ?? LiveMeetingModel()
            model.symposiumID = symposiumID
            let body = try StoredJSON.text(live)
            model.body = body
            meetings.remember(id: symposiumID, text: body, value: live)
            model.sequence = live.sequence
            let recordText = try record.map { try StoredJSON.text($0) }
            if let recordText { records.remember(id: symposiumID, text: recordText, value: record) }
            model.record = recordText
            try await model.save(on: db)
            if live.phase == .ended, let day = live.endedAt.map(Day.init) {
                try await markHeld(symposiumID, on: day, db: db)
            }
            let message = LiveMessage.make(symposiumID, topic: symposium.topic, meeting: live, now: app.xieshang.clock.now(),
                                           regulation: regulation)
            return ((ByteBuffer(data: try LiveMessage.encoder.encode(message)), outcomes), audit)
        }
    }

    /// The symposium took place: its timeline's step is done, its outcomes' deadline runs.
    private static func markHeld(_ id: Int, on day: Day, db: any Database) async throws {
        guard let m = try await SymposiumModel.find(id, on: db) else { return }
        var s = try StoredJSON.value(Symposium.self, from: m.body, row: "symposia#\(m.id ?? 0)")
        guard s.heldOn == nil else { return }
        s.heldOn = day
        m.body = try StoredJSON.text(s)
        m.version += 1
        try await m.save(on: db)
    }
}
