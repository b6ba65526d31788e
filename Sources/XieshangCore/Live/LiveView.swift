import Foundation

/// What every screen of the meeting shows at one instant (console, hall display, phones).
public struct LiveView: Sendable, Equatable, Codable {
    /// The speech under way and its countdown.
    public struct Speech: Sendable, Equatable, Codable {
        public var speechID: Int
        public var personID: Int
        public var name: String
        public var unit: String
        public var category: AttendeeCategory
        public var subject: String
        public var startedAt: Date
        public var paused: Bool
        /// Speaking time so far, pauses excluded.
        public var elapsedSeconds: Double
        /// nil: no limit.
        public var limitSeconds: Int?
        /// Until the limit, never below 0; nil without a limit.
        public var remainingSeconds: Double?
        /// True once `remainingSeconds` ≤ the Regulation's `speakingWarningSeconds`, overrun included.
        public var warning: Bool
        /// Past the limit; 0 within it or without a limit.
        public var overrunSeconds: Double

        public init(speechID: Int, personID: Int, name: String, unit: String, category: AttendeeCategory, subject: String,
                    startedAt: Date, paused: Bool, elapsedSeconds: Double, limitSeconds: Int?, remainingSeconds: Double?,
                    warning: Bool, overrunSeconds: Double) {
            self.speechID = speechID
            self.personID = personID
            self.name = name
            self.unit = unit
            self.category = category
            self.subject = subject
            self.startedAt = startedAt
            self.paused = paused
            self.elapsedSeconds = elapsedSeconds
            self.limitSeconds = limitSeconds
            self.remainingSeconds = remainingSeconds
            self.warning = warning
            self.overrunSeconds = overrunSeconds
        }
    }

    public var at: Date
    public var phase: LiveMeeting.Phase
    public var segmentIndex: Int
    public var segmentCount: Int
    /// The segment being held; nil unless the meeting is running.
    public var segment: AgendaItem?
    /// The title of the segment after it, if any.
    public var nextSegmentTitle: String?
    public var current: Speech?
    /// Planned speakers of the segment not yet heard, in speaking order.
    public var upcoming: [AgendaSpeaker]
    /// The free-speech requests in calling order (`fairQueue()`).
    public var queue: [SpeakRequest]
    /// Attending members who have not spoken yet (三(三).4).
    public var notYetSpoken: [AgendaSpeaker]
    public var sequence: Int
    /// The meeting is run as a rehearsal (演练): every screen says so, nothing is recorded.
    public var rehearsal: Bool

    public init(at: Date, phase: LiveMeeting.Phase, segmentIndex: Int, segmentCount: Int, segment: AgendaItem?,
                nextSegmentTitle: String?, current: Speech?, upcoming: [AgendaSpeaker], queue: [SpeakRequest],
                notYetSpoken: [AgendaSpeaker], sequence: Int, rehearsal: Bool = false) {
        self.at = at
        self.phase = phase
        self.segmentIndex = segmentIndex
        self.segmentCount = segmentCount
        self.segment = segment
        self.nextSegmentTitle = nextSegmentTitle
        self.current = current
        self.upcoming = upcoming
        self.queue = queue
        self.notYetSpoken = notYetSpoken
        self.sequence = sequence
        self.rehearsal = rehearsal
    }
}
