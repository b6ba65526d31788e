/// Why the working calendar cannot answer, or refuses an arrangement.
public enum CalendarError: DomainError, Equatable {
    /// The answer needs a year whose holiday arrangement has not been loaded.
    case outOfRange(missingYear: Int)
    case invalidWorkingDays(Int)
    case invalidMonths(Int)
    /// Every problem found at once, so the office can fix a pasted arrangement in one pass.
    case invalidArrangement(year: Int, problems: [String])
    /// Loaded years must not leave a hole: a gap would make "N working days later" silently
    /// treat a whole year without holidays.
    case yearsNotContiguous(missingYears: [Int])
    case invalidLocalDayOff(day: Day, problem: String)

    public var code: String {
        switch self {
        case .outOfRange: "calendar_out_of_range"
        case .invalidWorkingDays: "invalid_working_days"
        case .invalidMonths: "invalid_months"
        case .invalidArrangement: "invalid_arrangement"
        case .yearsNotContiguous: "calendar_years_not_contiguous"
        case .invalidLocalDayOff: "invalid_local_day_off"
        }
    }

    public var message: String {
        switch self {
        case .outOfRange(let year):
            "\(year)年的节假日安排尚未载入，无法计算"
        case .invalidWorkingDays(let n):
            "工作日天数须在0到\(WorkingCalendar.maxWorkingDays)之间（收到\(n)）"
        case .invalidMonths(let n):
            "月数须在0到\(WorkingCalendar.maxMonths)之间（收到\(n)）"
        case .invalidArrangement(let year, let problems):
            "\(year)年节假日安排有误：" + problems.joined(separator: "；")
        case .yearsNotContiguous(let missing):
            "节假日安排须逐年连续载入，缺少" + missing.map { "\($0)年" }.joined(separator: "、") + "的安排"
        case .invalidLocalDayOff(let day, let problem):
            "地方休息日\(day.chinese)\(problem)"
        }
    }

    public var kind: DomainErrorKind { .invalid }

    /// One line per problem, for showing next to the field or line at fault.
    public var details: [String] {
        if case .invalidArrangement(_, let problems) = self { return problems }
        return []
    }
}
