/// China's official working days: weekdays, minus the State Council's holidays, plus its
/// adjusted workdays (调休上班), minus the county's own days off.
///
/// Coverage: the calendar answers only for years whose arrangement is loaded, and the loaded
/// years are always one contiguous run (a gap is refused), so "covered" is simply
/// `coveredYears.contains(day.year)`. Anything that needs an uncovered day throws
/// `CalendarError.outOfRange` naming that day's year, rather than guessing that an unknown
/// year has no holidays.
///
/// A value type: loading an arrangement returns a new calendar, so a deadline computed once
/// never changes under a reader's feet, and a server swaps calendars atomically.
public struct WorkingCalendar: Sendable {
    public static let maxWorkingDays = 1000
    public static let maxMonths = 120

    /// The built-in State Council arrangements, 2015 through 2026.
    public static let builtIn: WorkingCalendar = {
        do {
            return try WorkingCalendar(arrangements: BuiltInArrangements.all)
        } catch {
            // Generated, checked by tools/gen_holidays.py and loaded by the unit tests.
            fatalError("built-in holiday arrangements are invalid: \(error)")
        }
    }()

    /// Sorted by year.
    public let arrangements: [YearArrangement]
    /// Sorted by day.
    public let localDaysOff: [LocalDayOff]
    let table: DayTable

    /// Validates every arrangement and local day off. When two arrangements or two local
    /// days off share a year or day, the later one wins (as when the office reloads a year).
    public init(arrangements: [YearArrangement], localDaysOff: [LocalDayOff] = []) throws {
        var byYear: [Int: YearArrangement] = [:]
        for arrangement in arrangements {
            try arrangement.validate()
            byYear[arrangement.year] = arrangement
        }
        let years = byYear.keys.sorted()
        if let low = years.first, let high = years.last, years.count != high - low + 1 {
            let missing = (low...high).filter { byYear[$0] == nil }
            throw CalendarError.yearsNotContiguous(missingYears: missing)
        }
        var offByDay: [Day: String] = [:]
        for dayOff in localDaysOff {
            try dayOff.validate()
            offByDay[dayOff.day] = dayOff.reason
        }
        self.init(checked: byYear, localDaysOff: offByDay)
    }

    private init(checked byYear: [Int: YearArrangement], localDaysOff offByDay: [Day: String]) {
        arrangements = byYear.keys.sorted().compactMap { byYear[$0] }
        localDaysOff = offByDay.keys.sorted().compactMap { day in offByDay[day].map { LocalDayOff(day: day, reason: $0) } }
        table = DayTable(arrangements: byYear, localDaysOff: offByDay)
    }

    /// nil when no arrangement is loaded.
    public var coveredYears: ClosedRange<Int>? { table.years }

    public func covers(_ day: Day) -> Bool {
        coveredYears?.contains(day.year) ?? false
    }

    public func arrangement(for year: Int) -> YearArrangement? {
        arrangements.first { $0.year == year }
    }

    public func kind(of day: Day) throws -> DayKind {
        table.kind(at: try index(of: day))
    }

    public func isWorkingDay(_ day: Day) throws -> Bool {
        table.isWorking(at: try index(of: day))
    }

    /// A new calendar with this year's arrangement added, or replacing the loaded one.
    public func withArrangement(_ arrangement: YearArrangement) throws -> WorkingCalendar {
        try WorkingCalendar(arrangements: arrangements + [arrangement], localDaysOff: localDaysOff)
    }

    /// A new calendar with this local day off added, or replacing the reason of that day.
    public func withLocalDayOff(_ dayOff: LocalDayOff) throws -> WorkingCalendar {
        try WorkingCalendar(arrangements: arrangements, localDaysOff: localDaysOff + [dayOff])
    }

    /// Cannot fail: what remains was valid when it was loaded.
    public func withoutLocalDayOff(on day: Day) -> WorkingCalendar {
        WorkingCalendar(
            checked: Dictionary(uniqueKeysWithValues: arrangements.map { ($0.year, $0) }),
            localDaysOff: Dictionary(uniqueKeysWithValues: localDaysOff.filter { $0.day != day }.map { ($0.day, $0.reason) })
        )
    }

    func index(of day: Day) throws -> Int {
        try index(of: day.ordinal)
    }

    func index(of ordinal: Int) throws -> Int {
        guard let i = table.index(of: ordinal) else {
            throw CalendarError.outOfRange(missingYear: Day(ordinal: ordinal).year)
        }
        return i
    }
}

/// Two calendars are equal when they were loaded with the same data; the table is derived.
extension WorkingCalendar: Equatable {
    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool {
        a.arrangements == b.arrangements && a.localDaysOff == b.localDaysOff
    }
}
