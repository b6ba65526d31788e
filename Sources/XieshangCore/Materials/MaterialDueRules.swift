/// When a symposium's materials are owed (三(四) "由办公室汇总印发", 三(四).3 "由承办的委室负责
/// 把关，汇总后送办公室印发"). A material's own due day, set by the office, wins over these.
public struct MaterialDueRules: Sendable, Equatable, Codable {
    /// Every material reaches the office this many working days before the symposium.
    public var compileLeadWorkingDays: Int
    /// A speech draft reaches the lead committee this many working days before that, for review.
    public var reviewWorkingDays: Int

    public init(compileLeadWorkingDays: Int, reviewWorkingDays: Int) {
        self.compileLeadWorkingDays = compileLeadWorkingDays
        self.reviewWorkingDays = reviewWorkingDays
    }

    /// Every problem at once, in Chinese, for the regulation page.
    public func problems() -> [String] {
        let limit = WorkingCalendar.maxWorkingDays
        var p: [String] = []
        for (value, what) in [(compileLeadWorkingDays, "文稿材料送达办公室的提前天数"), (reviewWorkingDays, "发言稿报委室把关的提前天数")]
        where !(0...limit).contains(value) {
            p.append("\(what)须在0到\(limit)个工作日之间。")
        }
        return p
    }

    /// The two days for a symposium on `date`. A year the calendar does not cover falls back to
    /// counting weekdays and is flagged provisional, as the timeline does.
    public func days(before date: Day, calendar: WorkingCalendar) -> MaterialDueDays {
        do {
            let compile = try calendar.workingDays(compileLeadWorkingDays, before: date)
            return MaterialDueDays(compile: compile, draft: try calendar.workingDays(reviewWorkingDays, before: compile),
                                   provisional: false)
        } catch {
            let compile = date.weekdays(compileLeadWorkingDays, before: true)
            return MaterialDueDays(compile: compile, draft: compile.weekdays(reviewWorkingDays, before: true), provisional: true)
        }
    }

    private enum CodingKeys: String, CodingKey { case compileLeadWorkingDays, reviewWorkingDays }

    /// A field missing from stored JSON takes the county practice's value.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = MaterialDueRules.countyPractice
        self.init(compileLeadWorkingDays: try c.decodeIfPresent(Int.self, forKey: .compileLeadWorkingDays) ?? d.compileLeadWorkingDays,
                  reviewWorkingDays: try c.decodeIfPresent(Int.self, forKey: .reviewWorkingDays) ?? d.reviewWorkingDays)
    }
}

/// A symposium's default material due days.
public struct MaterialDueDays: Sendable, Equatable {
    /// Materials due at the office.
    public var compile: Day
    /// Speech drafts due at the lead committee.
    public var draft: Day
    public var provisional: Bool

    public init(compile: Day, draft: Day, provisional: Bool) {
        self.compile = compile
        self.draft = draft
        self.provisional = provisional
    }

    /// The day a material is owed: its own, or the rule's for its kind.
    public func due(of m: Material) -> Day {
        m.due ?? (m.kind.needsReview ? draft : compile)
    }
}

extension Day {
    /// Monday to Friday counting, for years the working calendar does not cover.
    func weekdays(_ n: Int, before: Bool) -> Day {
        var d = self
        var left = n
        while left > 0 {
            d = d.adding(days: before ? -1 : 1)
            if d.weekday <= 5 { left -= 1 }
        }
        return d
    }
}
