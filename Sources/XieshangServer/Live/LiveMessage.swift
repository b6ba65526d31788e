import Fluent
import Vapor
import XieshangCore

/// What the server pushes to every screen of a live symposium (WebSocket) and answers on
/// `GET …/live`: the whole state, never a diff, so a screen that reconnects or reloads is
/// right again with the next message and cannot double a speech. `sequence` lets a client
/// ignore a message older than one it has.
struct LiveMessage: Content {
    struct Speech: Content {
        let id: Int; let personID: Int; let name: String; let unit: String; let segment: AgendaSegmentKind
        let segmentTitle: String; let subject: String; let startedAt: Date; let durationSeconds: Double
        let limitSeconds: Int?; let overrunSeconds: Double; let respondsTo: [Int]; let underWay: Bool
    }
    struct Segment: Content {
        let kind: AgendaSegmentKind; let title: String; let minutesPerSpeech: Int?; let speakers: [AgendaSpeaker]; let current: Bool
    }

    let type: String
    let symposiumID: Int
    let topic: String
    let serverTime: Date
    let phaseName: String
    let warningSeconds: Int
    let view: LiveView
    let agenda: [Segment]
    let speeches: [Speech]
    let attendees: [AgendaSpeaker]

    static func make(_ symposiumID: Int, topic: String, meeting m: LiveMeeting, now: Date, regulation: Regulation) -> LiveMessage {
        let view = m.view(at: now, regulation: regulation)
        let titles = Dictionary(m.agenda.items.map { ($0.kind, $0.title) }, uniquingKeysWith: { a, _ in a })
        return LiveMessage(
            type: "state", symposiumID: symposiumID, topic: topic, serverTime: now, phaseName: m.phase.chineseName,
            warningSeconds: regulation.speakingWarningSeconds, view: view,
            agenda: m.agenda.items.enumerated().map { i, item in
                Segment(kind: item.kind, title: item.title, minutesPerSpeech: item.minutesPerSpeech, speakers: item.speakers,
                        current: m.phase == .running && i == m.segmentIndex)
            },
            speeches: m.speeches.map { s in
                let underWay = m.current?.speechID == s.id
                return Speech(id: s.id, personID: s.personID, name: s.name, unit: s.unit, segment: s.segment,
                              segmentTitle: titles[s.segment] ?? "", subject: s.subject, startedAt: s.startedAt,
                              durationSeconds: underWay ? (view.current?.elapsedSeconds ?? 0) : s.durationSeconds,
                              limitSeconds: s.limitSeconds,
                              overrunSeconds: underWay ? (view.current?.overrunSeconds ?? 0) : s.overrunSeconds,
                              respondsTo: s.respondsTo, underWay: underWay)
            },
            attendees: m.attendees)
    }

    /// The state of a symposium now: stored, or the one that would start.
    static func current(_ symposiumID: Int, symposium: Symposium, db: any Database, app: Application) async throws -> LiveMessage {
        let now = app.xieshang.clock.now()
        let meeting: LiveMeeting
        if let (stored, _) = try await LiveStore.load(symposiumID, on: db) {
            meeting = stored
        } else {
            let persons = try await SymposiumDTO.Names.load(for: [symposium], on: db).persons
            meeting = LiveStore.fresh(symposium, regulation: app.xieshang.regulation, persons: persons)
        }
        return make(symposiumID, topic: symposium.topic, meeting: meeting, now: now, regulation: app.xieshang.regulation)
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    /// After a change (here or on another instance): the state is read once, encoded once and
    /// sent to every screen of that symposium connected to this process.
    static func wire(_ app: Application) {
        let hub = app.xieshang.liveHub
        app.xieshang.live.onChange { [weak app] id in
            guard let app, hub.isWatched(id) else { return }
            do {
                guard let m = try await SymposiumModel.find(id, on: app.db) else { return }
                let s = try SymposiumStore.decode(m).symposium
                let message = try await current(id, symposium: s, db: app.db, app: app)
                hub.publish(ByteBuffer(data: try encoder.encode(message)), to: id)
            } catch {
                app.logger.error("live: could not publish symposium \(id): \(String(reflecting: error))")
            }
        }
    }
}

/// LISTENs for other instances' live changes while the server runs (PostgreSQL only).
struct LiveListener: LifecycleHandler {
    let url: String

    func didBootAsync(_ app: Application) async throws {
        app.xieshang.live.startListening(url: url, logger: app.logger)
    }

    func shutdownAsync(_ app: Application) async {
        app.xieshang.live.stop()
    }
}
