import Foundation

/// One bi-monthly consultation symposium and its preparation (一.2, 二.4, 三(一), 三(二)).
///
/// The preparation is one value so that its rules (who may do what, in which order) live
/// here and a store only loads, checks the version and saves it. The timeline is never
/// stored: it is derived from the date, the Regulation and the working calendar each time,
/// so moving the date moves every step.
public struct Symposium: Sendable, Equatable, Codable {
    public var year: Int
    /// `PlannedTopic.id` in the year's annual plan: the symposium's place in the plan.
    public var topicID: Int
    public var topic: String
    public var rationale: String
    public var leadCommitteeID: Int
    /// 分管副主席: signs the implementation plan (二.4) and convenes the mobilization meeting (三(二).1).
    public var viceChairInChargeID: Int?
    public var host: SymposiumHost
    public var date: Day
    /// "上午9:00", as the office writes it on notices.
    public var startTime: String
    public var place: String
    /// Set when the live meeting ends.
    public var heldOn: Day?
    /// 议程 (三(二).4, 三(三)): nil until the lead committee starts planning speakers; the
    /// Regulation's template until then.
    public var agenda: Agenda?
    public var implementationPlan: ImplementationPlan
    public var meetings: [PreparatoryMeeting]
    public var research: [ResearchActivity]
    public var invitees: [Invitee]
    /// 广泛征求意见: comments on the draft invitee list by those consulted (三(一).1).
    public var listComments: [ListComment]
    public var reschedulings: [Rescheduling]
    /// When the office sent the formal notices (三(一).3), for the last batch.
    public var formalNoticeSentAt: Date?
    /// Source of ids for tasks, activities and comments inside this symposium.
    public var lastLocalID: Int

    public init(year: Int, topicID: Int, topic: String, rationale: String, leadCommitteeID: Int,
                viceChairInChargeID: Int?, host: SymposiumHost, date: Day, startTime: String = "上午9:00", place: String = "") {
        self.year = year
        self.topicID = topicID
        self.topic = topic
        self.rationale = rationale
        self.leadCommitteeID = leadCommitteeID
        self.viceChairInChargeID = viceChairInChargeID
        self.host = host
        self.date = date
        self.startTime = startTime
        self.place = place
        self.heldOn = nil
        self.implementationPlan = ImplementationPlan()
        self.meetings = PreparatoryMeeting.Kind.allCases.map { PreparatoryMeeting(kind: $0) }
        self.research = []
        self.invitees = []
        self.listComments = []
        self.reschedulings = []
        self.formalNoticeSentAt = nil
        self.lastLocalID = 0
    }

    /// The symposium's title as documents print it: "2026年第3次双月协商座谈会" is the caller's;
    /// this is the subject line used everywhere else.
    public var subject: String { "“\(topic)”双月协商座谈会" }

    public func agendaOrTemplate(_ regulation: Regulation) -> Agenda {
        agenda ?? Agenda.template(regulation)
    }

    public func meeting(_ kind: PreparatoryMeeting.Kind) -> PreparatoryMeeting {
        meetings.first { $0.kind == kind } ?? PreparatoryMeeting(kind: kind)
    }

    mutating func nextLocalID() -> Int {
        lastLocalID += 1
        return lastLocalID
    }
}

/// 主持人: the chair, or a vice chair the chair entrusts (一.2). The entrustment is recorded.
public struct SymposiumHost: Sendable, Equatable, Codable {
    public var personID: Int
    public var entrustment: Entrustment?

    public init(personID: Int, entrustment: Entrustment? = nil) {
        self.personID = personID
        self.entrustment = entrustment
    }

    public struct Entrustment: Sendable, Equatable, Codable {
        /// The chair who entrusted.
        public var byPersonID: Int
        public var on: Day
        public var note: String
        public init(byPersonID: Int, on: Day, note: String) {
            self.byPersonID = byPersonID
            self.on = on
            self.note = note
        }
    }

    /// One of the CPPCC's leaders who may host: the chair, or a vice chair entrusted by the chair.
    public func check(chairID: Int?, viceChairIDs: Set<Int>) throws {
        if personID == chairID { return }
        guard viceChairIDs.contains(personID) else { throw SymposiumError.hostNotEligible }
        guard let e = entrustment else { throw SymposiumError.entrustmentRequired }
        guard e.byPersonID == chairID else { throw SymposiumError.entrustmentNotByChair }
    }
}

public struct ListComment: Sendable, Equatable, Codable, Identifiable {
    public var id: Int
    public var author: String
    public var at: Date
    public var text: String
    public init(id: Int, author: String, at: Date, text: String) {
        self.id = id
        self.author = author
        self.at = at
        self.text = text
    }
}

public struct Rescheduling: Sendable, Equatable, Codable {
    public var from: Day
    public var to: Day
    public var reason: String
    public var actor: String
    public var at: Date
    public init(from: Day, to: Day, reason: String, actor: String, at: Date) {
        self.from = from
        self.to = to
        self.reason = reason
        self.actor = actor
        self.at = at
    }
}
