/// Every number of the working method in one value (DESIGN.md "Rules are data").
///
/// Routes, templates and the scheduler read these fields and never spell a number of
/// the working method themselves, so that an organization can adopt another profile
/// (a city CPPCC, the national bi-weekly symposium) without code changes.
public struct Regulation: Sendable, Equatable, Codable {
    /// Shown on the regulation page and in generated documents.
    public var name: String
    public var source: String

    // R5, R12: cadence.
    public var cadenceMonths: Int
    public var symposiaPerYear: Int
    /// Months whose symposium merges with the plenary session (全体会议) and is not held apart.
    public var monthsMergedWithPlenary: [Int]

    // R10: the call for topics.
    public var topicCallMonth: Int

    // R13, R17, R19: lead times.
    public var implementationPlanLeadMonths: Int
    public var mobilizationLeadMonths: Int
    public var coordinationLeadDays: Int

    // R14: invitees.
    public var invitedMembers: Quota
    public var invitedExperts: Quota

    // R15, R33: the attendee list's categories, in the prescribed order.
    public var attendeeCategories: [AttendeeCategory]

    // R21–R27: the agenda, in the prescribed order.
    public var agenda: [AgendaSegmentRule]
    /// How long before a speaker's limit the countdown warns.
    public var speakingWarningSeconds: Int

    // R6, R34: outcomes.
    public var outcomeDeadlineWorkingDays: Int
    public var outcomeForms: [OutcomeForm]

    /// Time limits for acknowledging, handling, rating and following up outcomes: the county's
    /// own practice, not the working method's (older stored profiles decode with the defaults).
    public var handling: HandlingRules

    /// When materials are owed (三(四) "由办公室汇总印发"): the county's practice, not a number of
    /// the working method (older stored profiles decode with the defaults).
    public var materialDues: MaterialDueRules

    public init(name: String, source: String, cadenceMonths: Int, symposiaPerYear: Int,
                monthsMergedWithPlenary: [Int], topicCallMonth: Int,
                implementationPlanLeadMonths: Int, mobilizationLeadMonths: Int,
                coordinationLeadDays: Int, invitedMembers: Quota, invitedExperts: Quota,
                attendeeCategories: [AttendeeCategory], agenda: [AgendaSegmentRule],
                speakingWarningSeconds: Int, outcomeDeadlineWorkingDays: Int,
                outcomeForms: [OutcomeForm], handling: HandlingRules = .countyPractice,
                materialDues: MaterialDueRules = .countyPractice) {
        self.name = name
        self.source = source
        self.cadenceMonths = cadenceMonths
        self.symposiaPerYear = symposiaPerYear
        self.monthsMergedWithPlenary = monthsMergedWithPlenary
        self.topicCallMonth = topicCallMonth
        self.implementationPlanLeadMonths = implementationPlanLeadMonths
        self.mobilizationLeadMonths = mobilizationLeadMonths
        self.coordinationLeadDays = coordinationLeadDays
        self.invitedMembers = invitedMembers
        self.invitedExperts = invitedExperts
        self.attendeeCategories = attendeeCategories
        self.agenda = agenda
        self.speakingWarningSeconds = speakingWarningSeconds
        self.outcomeDeadlineWorkingDays = outcomeDeadlineWorkingDays
        self.outcomeForms = outcomeForms
        self.handling = handling
        self.materialDues = materialDues
    }

    public func segment(_ kind: AgendaSegmentKind) -> AgendaSegmentRule? {
        agenda.first { $0.kind == kind }
    }
}

/// "About 6" (约6位) and "2–3" (2—3位) are targets, not hard limits: the system warns
/// outside `preferred` and refuses only outside `allowed`.
public struct Quota: Sendable, Equatable, Codable {
    public var preferred: ClosedRange<Int>
    public var allowed: ClosedRange<Int>

    public init(preferred: ClosedRange<Int>, allowed: ClosedRange<Int>) {
        self.preferred = preferred
        self.allowed = allowed
    }

    public var chinese: String {
        preferred.lowerBound == preferred.upperBound
            ? "\(preferred.lowerBound)" : "\(preferred.lowerBound)—\(preferred.upperBound)"
    }
}

public enum AttendeeCategory: String, Sendable, Codable, CaseIterable {
    case leaders, committeeHeads, departmentHeads, members, experts

    public var chineseName: String {
        switch self {
        case .leaders: "县委、县政府、县政协领导同志"
        case .committeeHeads: "县政协各委室负责同志"
        case .departmentHeads: "县委、县政府有关部门负责同志"
        case .members: "政协委员"
        case .experts: "专家学者"
        }
    }
}

public enum AgendaSegmentKind: String, Sendable, Codable, CaseIterable {
    case departmentBriefing, keynote, bookedSpeech, freeSpeech, response, leaderRemarks, questionsAndAnswers
}

public struct AgendaSegmentRule: Sendable, Equatable, Codable {
    public var kind: AgendaSegmentKind
    public var title: String
    /// nil: no limit set by the working method (leaders' remarks).
    public var minutesPerSpeech: Int?
    /// How many speeches the segment takes; nil: as many as there are speakers, and anyone
    /// attending of `speakerCategories` may take the floor without being planned.
    public var speakers: Quota?
    public var clause: String
    /// Who may be planned or speak in the segment (三(三): "有关部门", "牵头委室", "委员、专家学者"…).
    public var speakerCategories: [AttendeeCategory]
    /// The category the segment's speakers should mainly be ("委员为主", 三(三).3); nil: no such rule.
    public var mainly: AttendeeCategory?

    /// `speakerCategories` nil: the kind's usual speakers (`defaultSpeakerCategories(for:)`).
    public init(kind: AgendaSegmentKind, title: String, minutesPerSpeech: Int?, speakers: Quota?, clause: String,
                speakerCategories: [AttendeeCategory]? = nil, mainly: AttendeeCategory? = nil) {
        self.kind = kind
        self.title = title
        self.minutesPerSpeech = minutesPerSpeech
        self.speakers = speakers
        self.clause = clause
        self.speakerCategories = speakerCategories ?? Self.defaultSpeakerCategories(for: kind)
        self.mainly = mainly
    }

    /// Who usually speaks in a segment of this kind (三(三).1–6); a profile may say otherwise.
    public static func defaultSpeakerCategories(for kind: AgendaSegmentKind) -> [AttendeeCategory] {
        switch kind {
        case .departmentBriefing, .response: [.departmentHeads]
        case .keynote: [.committeeHeads]
        case .bookedSpeech, .freeSpeech: [.members, .experts]
        case .leaderRemarks: [.leaders]
        case .questionsAndAnswers: AttendeeCategory.allCases
        }
    }

    /// The category a segment of this kind is mainly for: booked speeches "委员为主" (三(三).3).
    public static func defaultMainly(for kind: AgendaSegmentKind) -> AttendeeCategory? {
        kind == .bookedSpeech ? .members : nil
    }

    private enum CodingKeys: String, CodingKey {
        case kind, title, minutesPerSpeech, speakers, clause, speakerCategories, mainly
    }

    /// Profiles stored before `speakerCategories` and `mainly` existed get the kind's defaults;
    /// an explicit `"mainly": null` stays nil.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(AgendaSegmentKind.self, forKey: .kind)
        self.kind = kind
        self.title = try c.decode(String.self, forKey: .title)
        self.minutesPerSpeech = try c.decodeIfPresent(Int.self, forKey: .minutesPerSpeech)
        self.speakers = try c.decodeIfPresent(Quota.self, forKey: .speakers)
        self.clause = try c.decode(String.self, forKey: .clause)
        self.speakerCategories = try c.decodeIfPresent([AttendeeCategory].self, forKey: .speakerCategories)
            ?? Self.defaultSpeakerCategories(for: kind)
        self.mainly = c.contains(.mainly)
            ? try c.decodeIfPresent(AttendeeCategory.self, forKey: .mainly)
            : Self.defaultMainly(for: kind)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(minutesPerSpeech, forKey: .minutesPerSpeech)
        try c.encodeIfPresent(speakers, forKey: .speakers)
        try c.encode(clause, forKey: .clause)
        try c.encode(speakerCategories, forKey: .speakerCategories)
        // Written even when nil, so that "no such rule" does not read back as the kind's default.
        if let mainly { try c.encode(mainly, forKey: .mainly) } else { try c.encodeNil(forKey: .mainly) }
    }
}

extension Regulation {
    /// Profiles stored before a field existed decode with that field's default (`handling`:
    /// the county practice); a field added later is decoded here with `decodeIfPresent` too.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            source: try c.decode(String.self, forKey: .source),
            cadenceMonths: try c.decode(Int.self, forKey: .cadenceMonths),
            symposiaPerYear: try c.decode(Int.self, forKey: .symposiaPerYear),
            monthsMergedWithPlenary: try c.decode([Int].self, forKey: .monthsMergedWithPlenary),
            topicCallMonth: try c.decode(Int.self, forKey: .topicCallMonth),
            implementationPlanLeadMonths: try c.decode(Int.self, forKey: .implementationPlanLeadMonths),
            mobilizationLeadMonths: try c.decode(Int.self, forKey: .mobilizationLeadMonths),
            coordinationLeadDays: try c.decode(Int.self, forKey: .coordinationLeadDays),
            invitedMembers: try c.decode(Quota.self, forKey: .invitedMembers),
            invitedExperts: try c.decode(Quota.self, forKey: .invitedExperts),
            attendeeCategories: try c.decode([AttendeeCategory].self, forKey: .attendeeCategories),
            agenda: try c.decode([AgendaSegmentRule].self, forKey: .agenda),
            speakingWarningSeconds: try c.decode(Int.self, forKey: .speakingWarningSeconds),
            outcomeDeadlineWorkingDays: try c.decode(Int.self, forKey: .outcomeDeadlineWorkingDays),
            outcomeForms: try c.decode([OutcomeForm].self, forKey: .outcomeForms),
            handling: try c.decodeIfPresent(HandlingRules.self, forKey: .handling) ?? .countyPractice,
            materialDues: try c.decodeIfPresent(MaterialDueRules.self, forKey: .materialDues) ?? .countyPractice
        )
    }
}

public enum OutcomeForm: String, Sendable, Codable, CaseIterable {
    case referenceBrief, recommendation, proposal

    public var chineseName: String {
        switch self {
        case .referenceBrief: "政协参阅件"
        case .recommendation: "建议案"
        case .proposal: "提案"
        }
    }
}
