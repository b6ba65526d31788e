/// 委员履职档案: one person's participation in the symposia of a term, every count, the
/// points under the office's rules, and a line-by-line explanation for export.
public struct ParticipationRecord: Sendable, Equatable, Codable {
    /// One symposium of the term the person was invited to or attended.
    public struct Entry: Sendable, Equatable, Codable {
        public var symposiumID: Int
        public var day: Day
        public var topic: String
        public var invited: Bool
        public var attended: Bool
        public var declined: Bool
        public var absentWithoutLeave: Bool
        public var speeches: Int
        /// Ended speeches, pauses excluded.
        public var speakingSeconds: Double
        /// Whole minutes of `speakingSeconds`.
        public var minutesSpoken: Int
        /// `minutesSpoken × perMinuteSpoken`, capped.
        public var minutePoints: Int
        public var drafts: Int
        public var points: Int
        /// "2026年6月18日“……”：出席，发言2次（9分30秒），提交发言稿1篇，计12分"
        public var text: String
    }

    /// One scoring rule applied: what is counted, how often, the points each, the points.
    public struct Line: Sendable, Equatable, Codable {
        public var item: String
        public var count: Int
        /// nil for a line that is not "count × points each" (speaking time, the total).
        public var pointsEach: Int?
        public var points: Int
        /// "出席协商座谈会3次 × 2分 = 6分"
        public var text: String
    }

    public var personID: Int
    public var name: String
    public var term: TermOfOffice
    public var rules: PointsRules
    public var invited: Int
    public var attended: Int
    /// 请假: declined beforehand.
    public var declined: Int
    public var absentWithoutLeave: Int
    public var speeches: Int
    public var speakingSeconds: Double
    public var drafts: Int
    public var points: Int
    /// By day.
    public var entries: [Entry]
    /// The scoring, one rule a line, ending with the total.
    public var lines: [Line]

    /// The symposia one by one, then the scoring: the explanation to print or export.
    public var explanation: [String] { entries.map(\.text) + lines.map(\.text) }
}
