/// What loading a notice does to the calendar in force, worked out in full before anything is
/// stored: the office confirms exactly this, and the server stores exactly this.
///
/// A year's notice adds its year, and changes the December before when it reaches into it
/// (the 2019 notice moved 2018-12-29 to a working day). An amendment changes its loaded year.
/// A year's notice for a loaded year is refused: a loaded year changes only by amendment, so a
/// second paste of the same notice cannot silently replace what an amendment added.
public struct NoticeLoading: Sendable {
    public struct YearChange: Sendable, Hashable {
        public let year: Int
        /// nil when the notice adds the year.
        public let before: YearArrangement?
        public let after: YearArrangement

        /// Day by day, for a year that was loaded; nil for a year the notice adds.
        public var diff: YearArrangement.Diff? { before.map { $0.diff(to: after) } }
    }

    public let notice: HolidayNotice
    /// Sorted by year; never empty.
    public let changes: [YearChange]
    /// The calendar with every change applied.
    public let calendar: WorkingCalendar

    public var years: [Int] { changes.map(\.year) }
}

extension WorkingCalendar {
    /// Throws when the notice cannot be loaded on this calendar: a warning that blocks loading,
    /// a year's notice for a loaded year, an amendment of a year not loaded or that changes
    /// nothing, or a year that would leave a gap.
    public func loading(_ notice: HolidayNotice) throws -> NoticeLoading {
        try notice.requireLoadable()
        var changes: [NoticeLoading.YearChange] = []
        switch notice.kind {
        case .annual:
            if let loaded = arrangement(for: notice.year) {
                throw HolidayNoticeError.yearAlreadyLoaded(year: notice.year, source: loaded.source)
            }
            changes.append(.init(year: notice.year, before: nil, after: try notice.arrangement()))
            for year in notice.years where year != notice.year {
                // A neighbouring year not loaded keeps nothing of the notice: it is loaded from
                // its own notice, which (like the built-in table) already has these days.
                guard let loaded = arrangement(for: year) else { continue }
                let amended = try loaded.applying(notice)
                if !amended.diff.isEmpty {
                    changes.append(.init(year: year, before: loaded, after: amended.arrangement))
                }
            }
        case .amendment:
            guard let loaded = arrangement(for: notice.year) else {
                throw HolidayNoticeError.amendmentNeedsLoadedYear(year: notice.year)
            }
            let amended = try loaded.applying(notice)
            guard !amended.diff.isEmpty else {
                throw HolidayNoticeError.changesNothing(year: notice.year, source: notice.sourceName)
            }
            changes.append(.init(year: notice.year, before: loaded, after: amended.arrangement))
        }
        changes.sort { $0.year < $1.year }
        var calendar = self
        for change in changes { calendar = try calendar.withArrangement(change.after) }
        return NoticeLoading(notice: notice, changes: changes, calendar: calendar)
    }
}
