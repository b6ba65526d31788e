/// Every covered day's kind, computed once per calendar value, so that counting a thousand
/// working days is a walk over a flat array (about 1,400 reads) instead of set lookups.
struct DayTable: Sendable {
    /// nil when nothing is loaded.
    let years: ClosedRange<Int>?
    private let firstOrdinal: Int
    private let kinds: [DayKind]
    /// Mirrors `kinds` so the hot loop reads one byte per day.
    private let working: [Bool]

    /// `arrangements` must be valid and cover contiguous years; `WorkingCalendar.init` checks.
    init(arrangements: [Int: YearArrangement], localDaysOff: [Day: String]) {
        guard let low = arrangements.keys.min(), let high = arrangements.keys.max(),
              let first = Day(year: low, month: 1, day: 1), let last = Day(year: high, month: 12, day: 31)
        else {
            years = nil
            firstOrdinal = 0
            kinds = []
            working = []
            return
        }
        years = low...high
        firstOrdinal = first.ordinal
        var kinds: [DayKind] = (first.ordinal...last.ordinal).map { Day(ordinal: $0).isWeekend ? .weekend : .workday }
        for arrangement in arrangements.values {
            for entry in arrangement.adjustedWorkdays {
                kinds[entry.day.ordinal - first.ordinal] = .adjustedWorkday(entry.name)
            }
        }
        // A local day off overrides an adjusted workday (the county rests that Saturday) but
        // not a statutory holiday, whose name says more about why the day is off.
        for (day, reason) in localDaysOff where (low...high).contains(day.year) {
            kinds[day.ordinal - first.ordinal] = .localDayOff(reason)
        }
        for arrangement in arrangements.values {
            for entry in arrangement.daysOff {
                kinds[entry.day.ordinal - first.ordinal] = .holiday(entry.name)
            }
        }
        self.kinds = kinds
        working = kinds.map(\.isWorkingDay)
    }

    /// The array index of a day, or nil when its year is not covered.
    @inline(__always)
    func index(of ordinal: Int) -> Int? {
        let i = ordinal - firstOrdinal
        return i >= 0 && i < kinds.count ? i : nil
    }

    @inline(__always)
    func isWorking(at index: Int) -> Bool { working[index] }

    func kind(at index: Int) -> DayKind { kinds[index] }
}
