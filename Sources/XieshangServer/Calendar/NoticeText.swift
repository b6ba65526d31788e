import XieshangCore

/// How the page, the history and the command line say what a notice arranges and what it
/// changes: runs of days as "2月15日（星期日）至2月23日（星期一），共9天", changes by festival.
enum NoticeText {
    /// A day within `year` without its year ("2月4日"), any other with it ("2018年12月30日").
    static func day(_ d: Day, in year: Int) -> String {
        d.year == year ? "\(d.month)月\(d.day)日" : d.chinese
    }

    static func dayWithWeekday(_ d: Day, in year: Int) -> String {
        "\(day(d, in: year))（\(d.chineseWeekday)）"
    }

    /// Consecutive days as one span each, in order.
    static func spans(_ days: [Day], in year: Int) -> [String] {
        runs(days).map { run in
            guard let first = run.first, let last = run.last, first != last else {
                return run.first.map { dayWithWeekday($0, in: year) } ?? ""
            }
            return "\(dayWithWeekday(first, in: year))至\(dayWithWeekday(last, in: year))，共\(run.count)天"
        }
    }

    static func runs(_ days: [Day]) -> [[Day]] {
        var runs: [[Day]] = []
        for d in Set(days).sorted() {
            if let last = runs.last?.last, last.adding(days: 1) == d {
                runs[runs.count - 1].append(d)
            } else {
                runs.append([d])
            }
        }
        return runs
    }

    /// One line per kind of change, each grouped by festival: "新增放假：1月31日至2月2日（春节（延长））".
    static func lines(_ diff: YearArrangement.Diff, year: Int) -> [String] {
        func grouped(_ days: [NamedDay]) -> String {
            var order: [String] = []
            var byName: [String: [Day]] = [:]
            for d in days {
                if byName[d.name] == nil { order.append(d.name) }
                byName[d.name, default: []].append(d.day)
            }
            return order.map { name in
                runs(byName[name] ?? []).map { run in
                    run.count == 1 ? day(run[0], in: year) : "\(day(run[0], in: year))至\(day(run[run.count - 1], in: year))"
                }.joined(separator: "、") + "（\(name)）"
            }.joined(separator: "；")
        }
        var lines: [String] = []
        if !diff.daysOffAdded.isEmpty { lines.append("新增放假：" + grouped(diff.daysOffAdded)) }
        if !diff.daysOffRemoved.isEmpty { lines.append("不再放假：" + grouped(diff.daysOffRemoved)) }
        if !diff.workdaysAdded.isEmpty { lines.append("新增调休上班：" + grouped(diff.workdaysAdded)) }
        if !diff.workdaysRemoved.isEmpty { lines.append("不再调休上班：" + grouped(diff.workdaysRemoved)) }
        for r in diff.renamed {
            lines.append("\(day(r.day, in: year))仍\(r.kind == .off ? "放假" : "上班")，所属由“\(r.from)”改为“\(r.to)”")
        }
        return lines
    }

    /// "新增2027年：放假33天，调休上班6天" or the diff's lines for a year that was loaded.
    static func change(_ c: NoticeLoading.YearChange) -> (title: String, lines: [String]) {
        guard let diff = c.diff else {
            return ("新增\(c.year)年", ["放假\(c.after.daysOff.count)天，调休上班\(c.after.adjustedWorkdays.count)天"])
        }
        return ("更改\(c.year)年", lines(diff, year: c.year))
    }
}
