/// Applying a notice on top of a loaded year, and showing what it changes before the office
/// confirms: the 2019 劳动节 amendment, the 2020 春节 extension, or the December days of the next
/// year's 元旦 (2018-12-29 worked, 30 and 31 off, from the 2019 notice).
extension YearArrangement {
    /// What a change does to a year, day by day.
    public struct Diff: Hashable, Sendable, Codable {
        public struct Renaming: Hashable, Sendable, Codable {
            public let day: Day
            public let kind: HolidayNotice.ArrangedDay.Kind
            public let from: String
            public let to: String
        }

        public let daysOffAdded: [NamedDay]
        public let daysOffRemoved: [NamedDay]
        public let workdaysAdded: [NamedDay]
        public let workdaysRemoved: [NamedDay]
        /// Days that stay off (or worked) under another festival's name.
        public let renamed: [Renaming]

        public var isEmpty: Bool {
            daysOffAdded.isEmpty && daysOffRemoved.isEmpty && workdaysAdded.isEmpty && workdaysRemoved.isEmpty
                && renamed.isEmpty
        }
    }

    /// The new arrangement and what changed, for showing before it is confirmed.
    public struct Amended: Hashable, Sendable {
        public let arrangement: YearArrangement
        public let diff: Diff
    }

    /// From this arrangement to `other`, day by day.
    public func diff(to other: YearArrangement) -> Diff {
        let (offBefore, offAfter) = (Self.byDay(daysOff), Self.byDay(other.daysOff))
        let (workBefore, workAfter) = (Self.byDay(adjustedWorkdays), Self.byDay(other.adjustedWorkdays))
        func only(_ a: [Day: String], notIn b: [Day: String]) -> [NamedDay] {
            a.filter { b[$0.key] == nil }.map { NamedDay(day: $0.key, name: $0.value) }.sorted { $0.day < $1.day }
        }
        func renamed(_ a: [Day: String], _ b: [Day: String], _ kind: HolidayNotice.ArrangedDay.Kind) -> [Diff.Renaming] {
            a.compactMap { day, name in
                b[day].flatMap { $0 == name ? nil : Diff.Renaming(day: day, kind: kind, from: name, to: $0) }
            }
        }
        return Diff(daysOffAdded: only(offAfter, notIn: offBefore), daysOffRemoved: only(offBefore, notIn: offAfter),
                    workdaysAdded: only(workAfter, notIn: workBefore), workdaysRemoved: only(workBefore, notIn: workAfter),
                    renamed: (renamed(offBefore, offAfter, .off) + renamed(workBefore, workAfter, .work)).sorted { $0.day < $1.day })
    }

    /// Applies `notice` to this year: each of its items replaces the days of its festival
    /// around the same break (a festival's days and its 调休 lie within a month, so last
    /// January's 元旦 is untouched by the 元旦 that starts next December), and an extension
    /// continues the festival's break to its new last day.
    ///
    /// Works for an amendment of this year, and for an annual notice with days in this year
    /// (its own year reloaded, or the year before it reaches into).
    public func applying(_ notice: HolidayNotice) throws -> Amended {
        try notice.requireLoadable()
        if notice.kind == .amendment, notice.year != year {
            throw HolidayNoticeError.wrongYear(noticeYear: notice.year, arrangementYear: year)
        }
        if notice.kind == .annual, !notice.years.contains(year) {
            throw HolidayNoticeError.wrongYear(noticeYear: notice.year, arrangementYear: year)
        }
        var off = Self.byDay(daysOff)
        var work = Self.byDay(adjustedWorkdays)
        for item in notice.items {
            if let through = item.extendsThrough {
                try extend(item, through: through, off: &off, work: &work)
            } else {
                replace(with: item, off: &off, work: &work)
            }
        }
        let sourceName = notice.sourceName
        let amended = YearArrangement(
            year: year,
            daysOff: off.sorted { $0.key < $1.key }.map { NamedDay(day: $0.key, name: $0.value) },
            adjustedWorkdays: work.sorted { $0.key < $1.key }.map { NamedDay(day: $0.key, name: $0.value) },
            source: source.contains(sourceName) ? source : "\(source)；\(sourceName)")
        try amended.validate()
        return Amended(arrangement: amended, diff: diff(to: amended))
    }

    /// How far from a break its festival's other days can lie (春节 2015: 2月15日 to 2月28日).
    static let festivalWindowDays = 31

    /// The name of days an extension adds, so the office sees they were not the original break.
    static func extendedName(_ festival: String) -> String { "\(festival)（延长）" }

    private func replace(with item: HolidayNotice.Item, off: inout [Day: String], work: inout [Day: String]) {
        let newOff = item.namedDaysOff
        let newWork = item.namedWorkdays
        let all = (newOff + newWork).map(\.day)
        guard let first = all.min(), let last = all.max(), all.contains(where: { $0.year == year }) else { return }
        let window = first.adding(days: -Self.festivalWindowDays)...last.adding(days: Self.festivalWindowDays)
        let names = Set(item.festivals + item.festivals.map(Self.extendedName))
        off = off.filter { !(window.contains($0.key) && names.contains($0.value)) }
        work = work.filter { !(window.contains($0.key) && names.contains($0.value)) }
        for d in newOff where d.day.year == year {
            work[d.day] = nil
            off[d.day] = d.name
        }
        for d in newWork where d.day.year == year {
            off[d.day] = nil
            work[d.day] = d.name
        }
    }

    private func extend(_ item: HolidayNotice.Item, through: Day, off: inout [Day: String], work: inout [Day: String]) throws {
        let festival = Festival.principal(of: item.festivals)
        let names: Set<String> = [festival, Self.extendedName(festival)]
        let earliest = through.adding(days: -Self.festivalWindowDays)
        guard let end = off.filter({ names.contains($0.value) && $0.key <= through && $0.key >= earliest }).keys.max() else {
            throw HolidayNoticeError.nothingToExtend(festival: festival, year: year)
        }
        var day = end.adding(days: 1)
        while day <= through {
            if day.year == year {
                work[day] = nil
                off[day] = Self.extendedName(festival)
            }
            day = day.adding(days: 1)
        }
    }

    private static func byDay(_ days: [NamedDay]) -> [Day: String] {
        Dictionary(days.map { ($0.day, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
