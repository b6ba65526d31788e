/// Which years the office must load before planning can go on.
extension WorkingCalendar {
    /// This year when it is not loaded, and from the month the call for next year's topics
    /// opens (二.1, November by default) next year too: its symposia are scheduled from its
    /// holidays, and the State Council publishes them about then. Oldest first.
    public func yearsToLoad(today: Day, regulation: Regulation) -> [Int] {
        var years = [today.year]
        if today.month >= regulation.topicCallMonth { years.append(today.year + 1) }
        return years.filter { arrangement(for: $0) == nil }
    }
}
