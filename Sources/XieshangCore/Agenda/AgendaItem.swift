/// One segment of a symposium's agenda (三(二).4 "议程") with its planned speakers in speaking order.
///
/// The segment's rules are copied from the Regulation when the agenda is made, so that the
/// live meeting runs on what was adopted even if the profile changes later.
public struct AgendaItem: Sendable, Equatable, Codable {
    public var kind: AgendaSegmentKind
    public var title: String
    /// nil: no limit (leaders' remarks).
    public var minutesPerSpeech: Int?
    public var clause: String
    /// Speaking order.
    public var speakers: [AgendaSpeaker]
    /// Who may be planned or speak here.
    public var speakerCategories: [AttendeeCategory]
    /// True when the Regulation sets no count for the segment (free speech, responses, leaders'
    /// remarks): anyone attending of `speakerCategories` may take the floor unplanned.
    public var open: Bool

    public init(kind: AgendaSegmentKind, title: String, minutesPerSpeech: Int?, clause: String,
                speakers: [AgendaSpeaker] = [], speakerCategories: [AttendeeCategory], open: Bool) {
        self.kind = kind
        self.title = title
        self.minutesPerSpeech = minutesPerSpeech
        self.clause = clause
        self.speakers = speakers
        self.speakerCategories = speakerCategories
        self.open = open
    }

    public init(_ rule: AgendaSegmentRule) {
        self.init(kind: rule.kind, title: rule.title, minutesPerSpeech: rule.minutesPerSpeech, clause: rule.clause,
                  speakerCategories: rule.speakerCategories, open: rule.speakers == nil)
    }

    /// The limit of one speech in seconds; nil when unlimited.
    public var limitSeconds: Int? { minutesPerSpeech.map { $0 * 60 } }
}
