/// Questions about holidays themselves rather than about counting working days.
extension WorkingCalendar {
    /// The statutory days off of a loaded year, in date order.
    public func holidays(in year: Int) throws -> [NamedDay] {
        guard let arrangement = arrangement(for: year) else { throw CalendarError.outOfRange(missingYear: year) }
        return arrangement.daysOff.sorted { $0.day < $1.day }
    }

    /// Whether `day` is the working day just before or just after a holiday block, which the
    /// scheduler avoids ("never on the day before or after a public holiday").
    ///
    /// A holiday block is a run of consecutive days off that contains at least one statutory
    /// holiday or local day off; the weekend it joins belongs to it, so the Thursday before a
    /// Friday-to-Sunday Dragon Boat Festival and the Monday after are both next to it. A local
    /// day off counts because the whole county rests that day, as on a public holiday. Days
    /// that are not working days are never "next to" a block: they are in one or are
    /// ordinary weekends. Throws when the answer depends on an uncovered year (the last
    /// working day of the last loaded year, before next year's 元旦).
    public func isNextToHoliday(_ day: Day) throws -> Bool {
        guard try isWorkingDay(day) else { return false }
        return try blockHasDayOff(startingAt: day.ordinal - 1, step: -1)
            || blockHasDayOff(startingAt: day.ordinal + 1, step: 1)
    }

    private func blockHasDayOff(startingAt start: Int, step: Int) throws -> Bool {
        var ordinal = start
        while true {
            let i = try index(of: ordinal)
            switch table.kind(at: i) {
            case .holiday, .localDayOff: return true
            case .workday, .adjustedWorkday: return false
            case .weekend: ordinal += step
            }
        }
    }
}
