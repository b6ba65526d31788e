/// Proposes the year's symposium dates (二.3): one every `cadenceMonths` months, January–
/// February merged with the plenary, each on a working day that is neither the day before
/// nor the day after a public holiday, away from dates the office has blocked.
public struct SymposiumScheduler: Sendable {
    public let calendar: WorkingCalendar
    public let regulation: Regulation

    /// The same position in every month keeps the symposia evenly spread; the third week
    /// also leaves the first half of the month for the mobilization meeting's follow-up.
    public static let targetDayOfMonth = 20

    public init(calendar: WorkingCalendar, regulation: Regulation) {
        self.calendar = calendar
        self.regulation = regulation
    }

    public struct Suggestion: Sendable, Equatable {
        public let month: Int
        public let date: Day?
        public let reason: String
    }

    /// The months of the year's topics: the merged months first, then the last month of each
    /// following bi-monthly slot (4, 6, 8, 10, 12 by default).
    public func months(count: Int) -> [Int] {
        let merged = regulation.monthsMergedWithPlenary.max().map { [$0] } ?? []
        var result = merged
        var m = (regulation.monthsMergedWithPlenary.max() ?? 0) + regulation.cadenceMonths
        while m <= 12 {
            result.append(m)
            m += regulation.cadenceMonths
        }
        return Array(result.prefix(max(count, 0)))
    }

    /// A date in `month` of `year`, or nil (with the reason) for a merged month or a month
    /// with no acceptable day.
    public func suggest(year: Int, month: Int, blocked: [BlockedDate], taken: Set<Day> = []) throws -> Suggestion {
        if regulation.monthsMergedWithPlenary.contains(month) {
            return Suggestion(month: month, date: nil, reason: "与县政协全体会议合并进行，不另作安排（二.3）")
        }
        guard let first = Day(year: year, month: month, day: 1) else {
            throw PlanningError.invalidStep(["月份须在1到12之间。"])
        }
        let blockedDays = Dictionary(blocked.map { ($0.day, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let target = Day(year: year, month: month, day: min(Self.targetDayOfMonth, Day.daysIn(month: month, year: year)))!
        var candidates: [(Day, Int)] = []
        var skipped: [String] = []
        for offset in 0..<Day.daysIn(month: month, year: year) {
            let d = first.adding(days: offset)
            guard try calendar.isWorkingDay(d) else { continue }
            // At the year's end the neighbour may lie in a year not yet loaded: unsure is avoided.
            let nextToHoliday = (try? calendar.isNextToHoliday(d)) ?? true
            if nextToHoliday {
                skipped.append("\(d.month)月\(d.day)日紧邻节假日")
                continue
            }
            if let why = blockedDays[d] {
                skipped.append("\(d.month)月\(d.day)日\(why)")
                continue
            }
            if taken.contains(d) { continue }
            // Tuesday to Thursday first: Mondays and Fridays collide with regular meetings
            // and travel, so they only win when nearer by more than a day.
            let midweekPenalty = (2...4).contains(d.weekday) ? 0 : 3
            // A weekend made a working day (调休) is legal but keeps members from their
            // own units' make-up work: only when the month offers nothing else.
            let adjustedPenalty = d.isWeekend ? 1000 : 0
            candidates.append((d, abs(d.ordinal - target.ordinal) * 2 + midweekPenalty + adjustedPenalty))
        }
        guard let best = candidates.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else {
            return Suggestion(month: month, date: nil, reason: "\(month)月没有可安排的工作日，请手动指定")
        }
        var reason = "\(best.0.month)月\(best.0.day)日（\(best.0.chineseWeekday)）：工作日，不紧邻节假日"
        let nearSkips = skipped.prefix(3)
        if !nearSkips.isEmpty { reason += "；已避开" + nearSkips.joined(separator: "、") }
        return Suggestion(month: month, date: best.0, reason: reason)
    }

    /// Dates for every topic of the plan that has none and was not set by hand. Refused as a
    /// whole while the year's holidays are not loaded: next year's plan is drafted from
    /// November, often before the State Council publishes next year's holidays.
    public func schedule(_ plan: AnnualPlan) throws -> [Int: Suggestion] {
        guard let first = Day(year: plan.year, month: 1, day: 1), calendar.covers(first) else {
            throw PlanningError.calendarNotLoaded(plan.year)
        }
        var taken = Set(plan.topics.compactMap(\.date))
        var result: [Int: Suggestion] = [:]
        for t in plan.topics {
            if t.dateOverridden { continue }
            if let d = t.date { taken.remove(d) }
            let s = try suggest(year: plan.year, month: t.month, blocked: plan.blockedDates, taken: taken)
            if let d = s.date { taken.insert(d) }
            result[t.id] = s
        }
        return result
    }

    /// The office's own choice of date: a non-working day needs explicit confirmation and
    /// is then flagged on the topic.
    public func override(_ topic: PlannedTopic, year: Int, date: Day, confirmNonWorkingDay: Bool) throws -> PlannedTopic {
        if regulation.monthsMergedWithPlenary.contains(topic.month) {
            throw PlanningError.mergedMonthHasNoDate(topic.month)
        }
        guard date.year == year else { throw PlanningError.invalidStep(["日期须在\(year)年内。"]) }
        let kind = try calendar.kind(of: date)
        if !kind.isWorkingDay && !confirmNonWorkingDay {
            throw PlanningError.nonWorkingDayNeedsConfirmation(date, kind.chinese)
        }
        var t = topic
        t.date = date
        t.month = date.month
        t.dateOverridden = true
        t.onNonWorkingDay = !kind.isWorkingDay
        return t
    }
}
