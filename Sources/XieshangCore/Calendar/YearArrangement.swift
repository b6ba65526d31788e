import Foundation

/// One calendar year of the State Council's holiday arrangement: the named days off and the
/// weekend days that are working days (调休上班).
///
/// A notice can reach into the previous December (the 2019 notice moved 2018-12-29 to a
/// working day); such days belong to the arrangement of the year they fall in.
public struct YearArrangement: Hashable, Sendable, Codable {
    public let year: Int
    public let daysOff: [NamedDay]
    public let adjustedWorkdays: [NamedDay]
    /// The notice(s) it was taken from, shown to the office when it checks a date.
    public let source: String

    public init(year: Int, daysOff: [NamedDay], adjustedWorkdays: [NamedDay], source: String) {
        self.year = year
        self.daysOff = daysOff
        self.adjustedWorkdays = adjustedWorkdays
        self.source = source
    }

    /// Throws `CalendarError.invalidArrangement` listing every problem, not just the first.
    public func validate() throws {
        let problems = self.problems()
        if !problems.isEmpty {
            throw CalendarError.invalidArrangement(year: year, problems: problems)
        }
    }

    func problems() -> [String] {
        var problems: [String] = []
        if !(1900...9999).contains(year) { problems.append("年份须在1900到9999之间") }
        if isBlank(source) { problems.append("未填写来源（通知名称）") }
        if daysOff.isEmpty { problems.append("未列出任何放假日期") }
        problems += check(daysOff, as: "放假日期")
        problems += check(adjustedWorkdays, as: "调休上班日期")
        for entry in adjustedWorkdays where !entry.day.isWeekend {
            problems.append("调休上班日期\(entry.day.chinese)是\(weekdayName(entry.day))，不是周末")
        }
        let off = Set(daysOff.map(\.day))
        for day in orderedUnique(adjustedWorkdays.map(\.day)) where off.contains(day) {
            problems.append("\(day.chinese)既是放假日期又是调休上班日期")
        }
        return problems
    }

    private func check(_ entries: [NamedDay], as what: String) -> [String] {
        var problems: [String] = []
        var seen: Set<Day> = []
        var reported: Set<Day> = []
        for entry in entries {
            if entry.day.year != year {
                problems.append("\(what)\(entry.day.chinese)不在\(year)年内")
            }
            if isBlank(entry.name) {
                problems.append("\(what)\(entry.day.chinese)未填写节日名称")
            }
            if !seen.insert(entry.day).inserted, reported.insert(entry.day).inserted {
                problems.append("\(what)\(entry.day.chinese)重复出现")
            }
        }
        return problems
    }
}

private func isBlank(_ s: String) -> Bool {
    s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
}

private func weekdayName(_ day: Day) -> String {
    ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][day.weekday - 1]
}

private func orderedUnique(_ days: [Day]) -> [Day] {
    var seen: Set<Day> = []
    return days.filter { seen.insert($0).inserted }
}
