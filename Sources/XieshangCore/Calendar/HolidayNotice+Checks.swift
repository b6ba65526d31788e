/// The consistency checks: what the notice says about its own dates (weekday and lunar notes,
/// "共N天"), and what an arrangement must be (a 调休上班 day is a weekend day; no day both off
/// and worked). Each failure is a warning with a stable code and a message for the office.
extension HolidayNotice {
    static func checks(of read: ReadItem, context: ItemContext) -> [Warning] {
        let item = read.item
        var warnings: [Warning] = []
        func warn(_ code: Warning.Code, _ message: String) {
            warnings.append(Warning(code, message, item: item.number))
        }
        var seen: Set<DatedNote> = []
        for note in read.notes where seen.insert(note).inserted {
            let (day, written) = (note.day, note.written)
            for text in written.notes {
                if let weekday = claimedWeekday(in: text), weekday != day.weekday {
                    warn(.weekdayMismatch, "\(item.label)中\(written.text)注明“\(text)”，但\(day.chinese)是\(day.chineseWeekday)")
                }
                if let claim = LunarClaim(text), !claim.matches(LunarDate(day)) {
                    warn(.lunarDateMismatch,
                         "\(item.label)中\(written.text)注明“\(text)”，但\(day.chinese)是农历\(LunarDate(day).chinese)")
                }
            }
        }
        if let stated = item.statedDayCount, let first = item.daysOff.first, let last = item.daysOff.last,
           stated != item.daysOff.count {
            let range = first == last ? first.chinese : "\(first.chinese)至\(last.chinese)"
            warn(.dayCountMismatch, "\(item.label)写明共\(stated)天，但所列放假日期（\(range)）共\(item.daysOff.count)天")
        }
        for day in item.workdays where !day.isWeekend {
            warn(.workdayNotWeekend, "\(item.label)的调休上班日\(day.chinese)是\(day.chineseWeekday)，不是周末")
        }
        let plausible = plausibleDays(for: context.year)
        for day in Set(item.daysOff + item.workdays + [item.extendsThrough].compactMap { $0 }).sorted()
        where !plausible.contains(day) {
            warn(.dateOutsideYear, "\(item.label)中的\(day.chinese)不在\(context.year)年前后，原文可能有误")
        }
        if context.kind == .annual, item.daysOff.isEmpty, item.extendsThrough == nil {
            warn(.itemWithoutDate, "\(item.label)没有写明放假日期")
        }
        return warnings
    }

    /// A notice reaches at most into the December before its year (元旦 2019 began on
    /// 2018-12-29) or the January after.
    static func plausibleDays(for year: Int) -> ClosedRange<Day> {
        Day(year: year - 1, month: 12, day: 1)!...Day(year: year + 1, month: 1, day: 31)!
    }

    static func crossChecks(_ items: [Item]) -> [Warning] {
        var warnings: [Warning] = []
        var offIn: [Day: Item] = [:]
        for item in items {
            for day in item.daysOff {
                if let other = offIn[day] {
                    warnings.append(Warning(.dayInTwoItems, "\(day.chinese)同时列在\(other.label)和\(item.label)中", item: item.number))
                } else {
                    offIn[day] = item
                }
            }
        }
        for item in items {
            for day in item.workdays {
                if let other = offIn[day] {
                    warnings.append(Warning(.dayOffAndWorked, "\(day.chinese)在\(other.label)中放假，又在\(item.label)中上班",
                                            item: item.number))
                }
            }
        }
        return warnings
    }

    /// "星期六", "周六", "礼拜天" → 6, 7 (ISO weekday).
    static func claimedWeekday(in note: String) -> Int? {
        guard let match = note.firstMatch(of: #/(?:星期|周|礼拜)([一二三四五六日天])/#) else { return nil }
        let name = match.output.1
        return name == "日" || name == "天" ? 7 : ChineseNumeral.value(name)
    }
}

/// What a note says about the lunar date: "农历除夕", "农历正月初七", "大年初六", "腊月二十八".
struct LunarClaim: Equatable {
    enum Claim: Equatable {
        case newYearsEve
        case day(month: Int, day: Int)
    }

    let claim: Claim

    init?(_ note: String) {
        if note.contains("除夕") {
            claim = .newYearsEve
            return
        }
        let text = note.replacingOccurrences(of: "大年", with: "正月")
        guard let m = text.firstMatch(of: #/(正|十一|十二|冬|腊|二|三|四|五|六|七|八|九|十)月(初[一二三四五六七八九十]|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?)/#)
        else { return nil }
        let monthName = String(m.output.1)
        let months: [String: Int] = ["正": 1, "冬": 11, "腊": 12]
        guard let month = months[monthName] ?? ChineseNumeral.value(monthName) else { return nil }
        var dayName = Substring(m.output.2)
        if dayName.hasPrefix("初") { dayName = dayName.dropFirst() }
        guard let day = ChineseNumeral.value(dayName) else { return nil }
        claim = .day(month: month, day: day)
    }

    func matches(_ lunar: LunarDate) -> Bool {
        switch claim {
        case .newYearsEve: lunar.isNewYearsEve
        case .day(let month, let day): lunar.month == month && lunar.day == day
        }
    }
}

import Foundation
