/// The date conventions of DESIGN.md ("Date conventions"): counting working days and
/// stepping back to a working day.
extension WorkingCalendar {
    /// The n-th working day after `day`, the day itself not counted ("within N working days
    /// after the symposium"). `day` itself need not be covered, only the days counted.
    public func addingWorkingDays(_ n: Int, to day: Day) throws -> Day {
        guard (0...Self.maxWorkingDays).contains(n) else { throw CalendarError.invalidWorkingDays(n) }
        var remaining = n
        var ordinal = day.ordinal
        while remaining > 0 {
            ordinal += 1
            if table.isWorking(at: try index(of: ordinal)) { remaining -= 1 }
        }
        return Day(ordinal: ordinal)
    }

    /// The n-th working day before `day`, the day itself not counted ("N working days before
    /// the symposium").
    public func workingDays(_ n: Int, before day: Day) throws -> Day {
        guard (0...Self.maxWorkingDays).contains(n) else { throw CalendarError.invalidWorkingDays(n) }
        var remaining = n
        var ordinal = day.ordinal
        while remaining > 0 {
            ordinal -= 1
            if table.isWorking(at: try index(of: ordinal)) { remaining -= 1 }
        }
        return Day(ordinal: ordinal)
    }

    public func workingDayOnOrBefore(_ day: Day) throws -> Day {
        try nearestWorkingDay(from: day, step: -1)
    }

    public func workingDayOnOrAfter(_ day: Day) throws -> Day {
        try nearestWorkingDay(from: day, step: 1)
    }

    /// "N months before": the same day N calendar months earlier, clamped to that month's
    /// last day (two months before 04-30 is 02-28), then the nearest earlier working day.
    public func monthsBefore(_ n: Int, _ day: Day) throws -> Day {
        guard (0...Self.maxMonths).contains(n) else { throw CalendarError.invalidMonths(n) }
        // `Day.adding(months:)` cannot represent years before 1900; no arrangement can either.
        let targetYear = (day.year * 12 + day.month - 1 - n) / 12
        guard targetYear >= 1900 else { throw CalendarError.outOfRange(missingYear: targetYear) }
        return try workingDayOnOrBefore(day.adding(months: -n))
    }

    /// "1 week before": 7 calendar days earlier, then the nearest earlier working day.
    public func weekBefore(_ day: Day) throws -> Day {
        try workingDayOnOrBefore(day.adding(days: -7))
    }

    private func nearestWorkingDay(from day: Day, step: Int) throws -> Day {
        var ordinal = day.ordinal
        while !table.isWorking(at: try index(of: ordinal)) {
            ordinal += step
        }
        return Day(ordinal: ordinal)
    }
}
