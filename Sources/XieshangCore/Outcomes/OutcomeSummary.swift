import Foundation

/// 定期整理汇总 (三(五)): the numbers of a quarter or a year, plain and ready for a chart and a
/// DOCX table.
///
/// What falls in the period, as of `asOf` (usually the period's last day, or today while the
/// period runs; steps taken after it are not seen):
/// - outcomes: those of the symposia held in the period, by form and by state;
/// - sending on time: outcomes whose due day is in the period; sent by the due day is on time,
///   sent later or still unsent after it is late, unsent before it is pending (not counted);
/// - handlings: those of the period's outcomes, by state;
/// - replies on time: every reply that fell due in the period (each round after an acceptance
///   or a re-handling), judged like the sending;
/// - results and satisfaction: replies given and ratings made in the period;
/// - follow-up items: those due in the period, by their status as of `asOf`; overdue when not
///   implemented or dropped and `asOf` is past the due day.
public struct OutcomeSummary: Sendable, Equatable, Codable {
    /// One bar of a chart, one row of a table.
    public struct Count: Sendable, Equatable, Codable {
        public var key: String
        public var label: String
        public var count: Int

        public init(key: String, label: String, count: Int) {
            self.key = key
            self.label = label
            self.count = count
        }
    }

    /// An on-time rate: on time / (on time + late); pending ones are not yet due.
    public struct OnTime: Sendable, Equatable, Codable {
        public var onTime: Int
        public var late: Int
        public var pending: Int
        /// on time + late: everything that fell due.
        public var due: Int
        /// nil when nothing fell due.
        public var rate: Double?
        /// "87.5%", "100%", or "—" when nothing fell due.
        public var percentText: String

        public init(onTime: Int, late: Int, pending: Int) {
            self.onTime = onTime
            self.late = late
            self.pending = pending
            self.due = onTime + late
            self.rate = due == 0 ? nil : Double(onTime) / Double(due)
            self.percentText = rate.map(OnTime.percent) ?? "—"
        }

        static func percent(_ r: Double) -> String {
            let text = String(format: "%.1f", r * 100)
            return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + "%"
        }
    }

    public struct Items: Sendable, Equatable, Codable {
        public var total: Int
        public var open: Int
        public var inProgress: Int
        public var implemented: Int
        public var dropped: Int
        public var overdue: Int
        /// `FollowUpItem.Status.allCases` order.
        public var byStatus: [Count]

        /// 落实率: implemented of those that fell due in the period, "25%"; "—" when none did.
        public var implementedPercentText: String {
            total == 0 ? "—" : OnTime.percent(Double(implemented) / Double(total))
        }
    }

    public var period: ReportPeriod
    public var from: Day
    public var through: Day
    public var asOf: Day

    public var outcomes: Int
    /// `OutcomeForm.allCases` order, zeros included.
    public var byForm: [Count]
    /// `Outcome.State.allCases` order, as of `asOf`.
    public var byState: [Count]
    /// Unsent past their due day, as of `asOf`.
    public var overdueDrafts: Int
    public var sending: OnTime

    public var handlings: Int
    /// `Handling.State.allCases` order, as of `asOf`.
    public var handlingsByState: [Count]
    public var replies: OnTime
    /// `HandlingResult.allCases` order.
    public var results: [Count]
    /// `Satisfaction.allCases` order.
    public var satisfaction: [Count]

    public var items: Items

    /// Throws `OutcomeError.invalidPeriod` for an impossible period.
    public init(period: ReportPeriod, outcomes allOutcomes: [Outcome], items allItems: [FollowUpItem], asOf: Day) throws {
        try period.validate()
        guard let days = period.days else { throw OutcomeError.invalidPeriod }
        self.period = period
        self.from = days.lowerBound
        self.through = days.upperBound
        self.asOf = asOf

        // Outcomes of the period's symposia.
        let outcomes = allOutcomes.filter { days.contains($0.symposiumDay) }
        func sentAsOf(_ o: Outcome) -> Bool { o.sentOn.map { $0 <= asOf } ?? false }
        self.outcomes = outcomes.count
        byForm = OutcomeForm.allCases.map { f in
            Count(key: f.rawValue, label: f.chineseName, count: outcomes.filter { $0.form == f }.count)
        }
        byState = Outcome.State.allCases.map { s in
            Count(key: s.rawValue, label: s.chineseName,
                  count: outcomes.filter { (sentAsOf($0) ? Outcome.State.sent : .drafting) == s }.count)
        }
        overdueDrafts = outcomes.filter { !sentAsOf($0) && asOf > $0.due.day }.count

        // Sending judged on every outcome due in the period.
        var sent = (onTime: 0, late: 0, pending: 0)
        for o in allOutcomes where days.contains(o.due.day) {
            Self.judge(done: sentAsOf(o) ? o.sentOn : nil, due: o.due.day, asOf: asOf, into: &sent)
        }
        sending = OnTime(onTime: sent.onTime, late: sent.late, pending: sent.pending)

        // Handlings of the period's outcomes, as of asOf.
        let states = outcomes.flatMap(\.handlings).compactMap { h in h.steps.last { $0.day <= asOf }?.state }
        handlings = states.count
        handlingsByState = Handling.State.allCases.map { s in
            Count(key: s.rawValue, label: s.chineseName, count: states.filter { $0 == s }.count)
        }

        // Replies due in the period, results and ratings given in it, over every outcome.
        var replied = (onTime: 0, late: 0, pending: 0)
        var results: [HandlingResult: Int] = [:]
        var ratings: [Satisfaction: Int] = [:]
        for h in allOutcomes.flatMap(\.handlings) {
            let steps = h.steps.filter { $0.day <= asOf }
            for (i, step) in steps.enumerated() where step.action == .accept || step.action == .rehandle {
                guard let due = step.next, days.contains(due.day) else { continue }
                let reply = steps[(i + 1)...].first { $0.action == .reply }
                Self.judge(done: reply?.day, due: due.day, asOf: asOf, into: &replied)
            }
            for r in h.replies where Day(r.at) <= asOf && days.contains(Day(r.at)) { results[r.result, default: 0] += 1 }
            for r in h.ratings where Day(r.at) <= asOf && days.contains(Day(r.at)) { ratings[r.satisfaction, default: 0] += 1 }
        }
        replies = OnTime(onTime: replied.onTime, late: replied.late, pending: replied.pending)
        self.results = HandlingResult.allCases.map { Count(key: $0.rawValue, label: $0.chineseName, count: results[$0] ?? 0) }
        satisfaction = Satisfaction.allCases.map { Count(key: $0.rawValue, label: $0.chineseName, count: ratings[$0] ?? 0) }

        // Follow-up items due in the period.
        let due = allItems.filter { days.contains($0.due) }
        let statuses = due.map { ($0, $0.status(asOf: asOf)) }
        func count(_ s: FollowUpItem.Status) -> Int { statuses.filter { $0.1 == s }.count }
        items = Items(total: due.count, open: count(.open), inProgress: count(.inProgress), implemented: count(.implemented),
                      dropped: count(.dropped),
                      overdue: statuses.filter { !$0.1.isDone && asOf > $0.0.due }.count,
                      byStatus: FollowUpItem.Status.allCases.map { Count(key: $0.rawValue, label: $0.chineseName, count: count($0)) })
    }

    /// Done by the due day: on time; done later, or not done and past it: late; else pending.
    private static func judge(done: Day?, due: Day, asOf: Day, into tally: inout (onTime: Int, late: Int, pending: Int)) {
        if let done {
            if done <= due { tally.onTime += 1 } else { tally.late += 1 }
        } else if asOf > due {
            tally.late += 1
        } else {
            tally.pending += 1
        }
    }
}

extension Principal {
    /// Who reads the summaries: the CPPCC side compiles them and county leaders receive the
    /// outcomes they count; departments, members and experts see only their own part.
    public var maySeeOutcomeSummaries: Bool { isCPPCCSide || has(.leader) }
}
