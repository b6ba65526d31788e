import Foundation

/// The symposium as it is held (三(三)): the console moves it segment by segment and speech
/// by speech; every screen shows `view(at:regulation:)`.
///
/// Time is always passed in (the server's clock), never read here. Every change is all or
/// nothing: a refused call leaves the value as it was, a successful one adds 1 to `sequence`
/// so that screens can tell whether they missed a change.
public struct LiveMeeting: Sendable, Equatable, Codable {
    public enum Phase: String, Codable, Sendable, CaseIterable {
        case notStarted, running, ended

        public var chineseName: String {
            switch self {
            case .notStarted: "未开始"
            case .running: "进行中"
            case .ended: "已结束"
            }
        }
    }

    /// The speech under way.
    public struct Current: Sendable, Equatable, Codable {
        public var speechID: Int
        /// Set while the speech is paused.
        public var pausedSince: Date?

        public init(speechID: Int, pausedSince: Date? = nil) {
            self.speechID = speechID
            self.pausedSince = pausedSince
        }
    }

    public var agenda: Agenda
    /// Everyone attending (invitees confirmed or notified), `subject` empty: who may take the
    /// floor in an open segment and ask to speak in the free speech.
    public var attendees: [AgendaSpeaker]
    public var phase: Phase
    /// The agenda item being held (0 before the start).
    public var segmentIndex: Int
    public var current: Current?
    /// Every speech, in order.
    public var speeches: [SpeechRecord]
    /// Free-speech requests not yet served, in the order they came (call order: `fairQueue()`).
    public var requests: [SpeakRequest]
    /// +1 on every change.
    public var sequence: Int
    public var startedAt: Date?
    public var endedAt: Date?
    /// The time of the last timed change; a later call may not be earlier.
    public var lastChangeAt: Date?
    /// Set while the meeting is run as a rehearsal (演练): see `startRehearsal`.
    public internal(set) var rehearsalStartedAt: Date?

    public init(agenda: Agenda, attendees: [AgendaSpeaker]) {
        self.agenda = agenda
        self.attendees = attendees
        self.phase = .notStarted
        self.segmentIndex = 0
        self.current = nil
        self.speeches = []
        self.requests = []
        self.sequence = 0
        self.startedAt = nil
        self.endedAt = nil
        self.lastChangeAt = nil
    }

    /// The agenda item being held; nil unless the meeting is running.
    public var segment: AgendaItem? {
        phase == .running && agenda.items.indices.contains(segmentIndex) ? agenda.items[segmentIndex] : nil
    }

    public var currentSpeech: SpeechRecord? {
        current.flatMap { c in speeches.first { $0.id == c.speechID } }
    }

    public func attendee(_ personID: Int) -> AgendaSpeaker? {
        attendees.first { $0.personID == personID }
    }

    // MARK: the meeting

    /// The meeting is held on the day the symposium is set for (`meetingDay`, in China): the
    /// record, the minutes and everyone's participation say it was held that day. To hold it
    /// on another day the office reschedules the symposium first, with a reason.
    public mutating func start(at: Date, meetingDay: Day) throws {
        try change(at: at) { m in
            guard !m.isRehearsal else { throw LiveError.rehearsalUnderWay }
            guard m.phase == .notStarted else { throw m.phase == .running ? LiveError.alreadyStarted : LiveError.ended }
            guard !m.agenda.items.isEmpty else { throw LiveError.emptyAgenda }
            let today = Day(at)
            guard today == meetingDay else { throw LiveError.notMeetingDay(planned: meetingDay, today: today) }
            m.phase = .running
            m.segmentIndex = 0
            m.startedAt = at
        }
    }

    /// To the next segment, ending a speech under way.
    public mutating func advance(at: Date) throws {
        try change(at: at) { m in
            try m.requireRunning()
            guard m.segmentIndex + 1 < m.agenda.items.count else { throw LiveError.lastSegment }
            m.closeCurrent(at: at)
            m.segmentIndex += 1
        }
    }

    /// Ends the meeting, and a speech under way. Requests not served stay, as a record.
    /// A rehearsal is not ended but discarded (`endRehearsal`): it must never become a record.
    public mutating func end(at: Date) throws {
        try change(at: at) { m in
            guard !m.isRehearsal else { throw LiveError.rehearsalUnderWay }
            try m.requireRunning()
            m.closeCurrent(at: at)
            m.phase = .ended
            m.endedAt = at
        }
    }

    // MARK: helpers

    func requireRunning() throws {
        switch phase {
        case .notStarted: throw LiveError.notStarted
        case .ended: throw LiveError.ended
        case .running: break
        }
    }

    /// Runs `body` on a copy and keeps it only if nothing was thrown; then counts the change.
    /// `at`: the time of a timed change, which may not go back (checked after the body's own
    /// refusals, which say more).
    @discardableResult
    mutating func change<T>(at: Date? = nil, _ body: (inout LiveMeeting) throws -> T) throws -> T {
        var copy = self
        let result = try body(&copy)
        if let at, let last = lastChangeAt, at < last { throw LiveError.timeBeforeLastChange }
        copy.sequence += 1
        if let at { copy.lastChangeAt = at }
        self = copy
        return result
    }

    /// Ends the speech under way (closing a pause under way), if any.
    mutating func closeCurrent(at: Date) {
        guard let c = current, let i = speeches.firstIndex(where: { $0.id == c.speechID }) else { return }
        if let p = c.pausedSince { speeches[i].pausedSeconds += max(0, at.timeIntervalSince(p)) }
        speeches[i].endedAt = at
        current = nil
    }
}
