/// One topic of the annual plan: what, who leads, when.
public struct PlannedTopic: Sendable, Equatable, Codable, Identifiable {
    /// Stable within a plan, so adjustments and links keep pointing at the same topic.
    public var id: Int
    public var title: String
    public var rationale: String
    public var leadCommitteeID: Int?
    /// 1–12.
    public var month: Int
    /// nil for the topic merged with the plenary session (二.3) and before scheduling.
    public var date: Day?
    /// The office chose the date itself rather than taking the suggestion.
    public var dateOverridden: Bool
    /// The office confirmed a date that is not a working day; shown flagged everywhere.
    public var onNonWorkingDay: Bool
    public var sourceSuggestionIDs: [Int]

    public init(id: Int, title: String, rationale: String = "", leadCommitteeID: Int?, month: Int, date: Day? = nil,
                dateOverridden: Bool = false, onNonWorkingDay: Bool = false, sourceSuggestionIDs: [Int] = []) {
        self.id = id
        self.title = title
        self.rationale = rationale
        self.leadCommitteeID = leadCommitteeID
        self.month = month
        self.date = date
        self.dateOverridden = dateOverridden
        self.onNonWorkingDay = onNonWorkingDay
        self.sourceSuggestionIDs = sourceSuggestionIDs
    }

    /// The January–February topic is discussed at the plenary session, not apart (二.3).
    public func isMergedWithPlenary(_ regulation: Regulation) -> Bool {
        regulation.monthsMergedWithPlenary.contains(month)
    }

    public func problems(year: Int, regulation: Regulation) -> [String] {
        var p: [String] = []
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { p.append("议题名称不能为空。") }
        if t.count > 80 { p.append("议题“\(t.prefix(20))…”名称超过80个字。") }
        if !(1...12).contains(month) { p.append("议题“\(t)”的月份须在1到12之间。") }
        if leadCommitteeID == nil && !isMergedWithPlenary(regulation) { p.append("议题“\(t)”须指定牵头委室。") }
        if let d = date {
            if d.year != year || d.month != month { p.append("议题“\(t)”的日期\(d.chinese)不在\(year)年\(month)月。") }
            if isMergedWithPlenary(regulation) { p.append("议题“\(t)”与全体会议合并进行，不另行安排日期。") }
        }
        return p
    }
}

/// A date the office keeps free of symposia: the plenary session, standing-committee
/// meetings, leaders' known absences.
public struct BlockedDate: Sendable, Equatable, Codable, Hashable {
    public var day: Day
    public var reason: String
    public init(day: Day, reason: String) {
        self.day = day
        self.reason = reason
    }
}
