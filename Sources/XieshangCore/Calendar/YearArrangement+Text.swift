/// The plain-text form the office pastes from the State Council notice: one day a line,
/// `日期 名称 休|班` (spaces, commas or tabs between), e.g. `2027-02-06 春节 班`.
extension YearArrangement {
    public static func parse(year: Int, source: String, text: String) throws -> YearArrangement {
        var off: [NamedDay] = []
        var work: [NamedDay] = []
        var problems: [String] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "，" || $0 == "\t" || $0 == "\u{3000}" })
                .map(String.init)
            guard fields.count == 3 else {
                problems.append("第\(index + 1)行应为“日期 名称 休/班”三项")
                continue
            }
            guard let day = Day(iso: fields[0]) else {
                problems.append("第\(index + 1)行日期“\(fields[0])”格式不正确，应为“年-月-日”，如2027-03-18")
                continue
            }
            switch fields[2] {
            case "休", "放假": off.append(NamedDay(day: day, name: fields[1]))
            case "班", "上班": work.append(NamedDay(day: day, name: fields[1]))
            default: problems.append("第\(index + 1)行第三项应为“休”或“班”")
            }
        }
        guard problems.isEmpty else { throw CalendarError.invalidArrangement(year: year, problems: problems) }
        let arrangement = YearArrangement(year: year, daysOff: off, adjustedWorkdays: work, source: source)
        try arrangement.validate()
        return arrangement
    }

    /// The same text form, for showing a loaded year back.
    public var text: String {
        let lines = daysOff.map { ($0.day, "\($0.day.iso) \($0.name) 休") } + adjustedWorkdays.map { ($0.day, "\($0.day.iso) \($0.name) 班") }
        return lines.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: "\n")
    }
}

import Foundation
