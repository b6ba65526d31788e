/// The year's consultation work in numbers, for the annual report (年度协商工作报告): the plan
/// and how it was carried out, who took part, and the outcomes' year (`OutcomeSummary`). Nothing
/// is stored: it is computed from the plan, the held symposia and the outcomes.
public struct YearInReview: Sendable, Equatable {
    /// One symposium held in the year.
    public struct Held: Sendable, Equatable {
        public var symposiumID: Int
        public var day: Day
        public var topic: String
        public var leadCommitteeID: Int
        public var membersAttending: Int
        public var expertsAttending: Int
        public var speeches: Int
        /// Whole minutes, rounded.
        public var speakingMinutes: Int
    }

    /// A planned topic with no symposium held for it (yet): merged with the plenary, or pending.
    public struct NotHeld: Sendable, Equatable {
        public var title: String
        public var date: Day?
        public var mergedWithPlenary: Bool
    }

    public var year: Int
    public var plannedTopics: Int
    public var planState: AnnualPlan.State?
    public var planNumber: String?
    public var planIssuedOn: Day?
    public var held: [Held]
    public var notHeld: [NotHeld]
    /// Distinct persons over the year's held symposia.
    public var membersAttending: Int
    public var expertsAttending: Int
    public var membersWhoSpoke: Int
    public var speeches: Int
    public var memberSpeeches: Int
    public var drafts: Int
    public var outcomes: OutcomeSummary

    /// `held`: each held symposium's participation source with its lead committee and topic id.
    public init(year: Int, plan: AnnualPlan?, held sources: [(source: ParticipationSource, leadCommitteeID: Int, topicID: Int)],
                outcomes: OutcomeSummary, regulation: Regulation) {
        self.year = year
        let inYear = sources.filter { $0.source.day.year == year }.sorted { ($0.source.day, $0.source.symposiumID) < ($1.source.day, $1.source.symposiumID) }
        plannedTopics = plan?.topics.count ?? 0
        planState = plan?.state
        planNumber = plan?.documentNumber
        planIssuedOn = plan?.steps.last { $0.action == .issue }?.date
        func attending(_ s: ParticipationSource, _ category: AttendeeCategory) -> Set<Int> {
            Set(s.invitees.filter { $0.category == category && s.attended($0.personID) }.map(\.personID))
        }
        held = inYear.map { h in
            let s = h.source
            return Held(symposiumID: s.symposiumID, day: s.day, topic: s.topic, leadCommitteeID: h.leadCommitteeID,
                        membersAttending: attending(s, .members).count, expertsAttending: attending(s, .experts).count,
                        speeches: s.speeches.count,
                        speakingMinutes: Int((s.speeches.map(\.durationSeconds).reduce(0, +) / 60).rounded()))
        }
        let heldTopics = Set(inYear.map(\.topicID))
        notHeld = (plan?.topics ?? []).filter { !heldTopics.contains($0.id) }.sorted { ($0.month, $0.id) < ($1.month, $1.id) }
            .map { NotHeld(title: $0.title, date: $0.date, mergedWithPlenary: regulation.monthsMergedWithPlenary.contains($0.month)) }
        membersAttending = inYear.reduce(into: Set<Int>()) { $0.formUnion(attending($1.source, .members)) }.count
        expertsAttending = inYear.reduce(into: Set<Int>()) { $0.formUnion(attending($1.source, .experts)) }.count
        let all = inYear.flatMap(\.source.speeches)
        speeches = all.count
        memberSpeeches = all.filter { $0.category == .members }.count
        membersWhoSpoke = Set(all.filter { $0.category == .members }.map(\.personID)).count
        drafts = inYear.reduce(0) { n, h in
            n + Set(h.source.invitees.map(\.personID)).reduce(0) { $0 + h.source.drafts(of: $1).count }
        }
        self.outcomes = outcomes
    }
}
