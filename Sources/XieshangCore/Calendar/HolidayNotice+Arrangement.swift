/// From a notice to the days it arranges: the list the office confirms, and the
/// `YearArrangement` the working calendar loads.
extension HolidayNotice {
    /// Every day that differs from the plain week, by date: each day off (including holiday
    /// days that fall on a weekend) and each weekend day worked. Days in the December before
    /// the notice's year are included; they are part of the notice.
    ///
    /// An extension ("延长…至2月2日") adds days that depend on where the loaded year's break
    /// ends, so it lists none here: apply it to the loaded year and show the diff instead.
    public var days: [ArrangedDay] {
        struct Key: Hashable {
            let date: Day
            let kind: ArrangedDay.Kind
        }
        var seen: Set<Key> = []
        var out: [ArrangedDay] = []
        for item in items {
            let off = item.namedDaysOff.map { ArrangedDay(date: $0.day, kind: .off, holiday: $0.name, item: item.number) }
            let work = item.namedWorkdays.filter(\.day.isWeekend)
                .map { ArrangedDay(date: $0.day, kind: .work, holiday: $0.name, item: item.number) }
            for day in off + work where seen.insert(Key(date: day.date, kind: day.kind)).inserted {
                out.append(day)
            }
        }
        return out.sorted { ($0.date, $0.kind == .off ? 0 : 1) < ($1.date, $1.kind == .off ? 0 : 1) }
    }

    /// The calendar years the notice has days in, its own and the December before.
    public var years: [Int] {
        Set(items.flatMap { $0.daysOff + $0.workdays }.map(\.year) + [year]).sorted()
    }

    /// The notice's days that fall in `calendarYear`, each with its festival; a day in two
    /// items keeps the first.
    public func namedDays(in calendarYear: Int) -> (daysOff: [NamedDay], adjustedWorkdays: [NamedDay]) {
        var off: [Day: String] = [:]
        var work: [Day: String] = [:]
        for item in items {
            for d in item.namedDaysOff where d.day.year == calendarYear && off[d.day] == nil { off[d.day] = d.name }
            for d in item.namedWorkdays where d.day.year == calendarYear && work[d.day] == nil { work[d.day] = d.name }
        }
        return (off.sorted { $0.key < $1.key }.map { NamedDay(day: $0.key, name: $0.value) },
                work.sorted { $0.key < $1.key }.map { NamedDay(day: $0.key, name: $0.value) })
    }

    /// The arrangement of the notice's own year. Days it places in the December before belong
    /// to that year's arrangement (`YearArrangement` holds only its own year's days): apply
    /// the notice to that year too, with `YearArrangement.applying(_:)`.
    ///
    /// Throws when the notice is an amendment, when a warning stands in the way of loading,
    /// or when the result breaks a rule of `YearArrangement`.
    public func arrangement() throws -> YearArrangement {
        guard kind == .annual else { throw HolidayNoticeError.amendmentNeedsLoadedYear(year: year) }
        try requireLoadable()
        let (off, work) = namedDays(in: year)
        let arrangement = YearArrangement(year: year, daysOff: off, adjustedWorkdays: work, source: sourceName)
        try arrangement.validate()
        return arrangement
    }

    func requireLoadable() throws {
        let problems = warnings.filter(\.blocksLoading).map(\.message)
        if !problems.isEmpty { throw HolidayNoticeError.notLoadable(year: year, problems: problems) }
    }
}
