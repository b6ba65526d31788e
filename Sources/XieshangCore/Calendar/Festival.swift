/// What 《全国年节及纪念日放假办法》 says about the festivals a notice arranges: the day each one
/// falls on, and how many statutory days off it carries.
///
/// Used only to name the days of a merged item ("中秋节、国庆节：10月1日至8日"): the day of the
/// festival itself keeps its own name, every other day takes the name of the festival with the
/// longer statutory holiday, whose break it mainly is.
enum Festival {
    struct Rule {
        let statutoryDays: Int
        let fallsOn: @Sendable (Day) -> Bool
    }

    /// Statutory days as revised in November 2024 (春节 4, 劳动节 2); only their order matters here.
    static let rules: [String: Rule] = [
        "元旦": Rule(statutoryDays: 1) { $0.month == 1 && $0.day == 1 },
        "春节": Rule(statutoryDays: 4) { lunar($0, month: 1, day: 1) },
        "清明节": Rule(statutoryDays: 1) { _ in false },  // a solar term, never merged with another
        "劳动节": Rule(statutoryDays: 2) { $0.month == 5 && $0.day == 1 },
        "端午节": Rule(statutoryDays: 1) { lunar($0, month: 5, day: 5) },
        "中秋节": Rule(statutoryDays: 1) { lunar($0, month: 8, day: 15) },
        "国庆节": Rule(statutoryDays: 3) { $0.month == 10 && $0.day == 1 },
    ]

    /// The name a day of an item's break carries. `festivals` is the item's heading, split.
    static func name(of day: Day, among festivals: [String]) -> String {
        guard festivals.count > 1 else { return festivals.first ?? "" }
        let main = principal(of: festivals)
        if rules[main]?.fallsOn(day) == true { return main }
        return festivals.first { $0 != main && rules[$0]?.fallsOn(day) == true } ?? main
    }

    /// The festival an item's working days pay for.
    static func principal(of festivals: [String]) -> String {
        // Ties keep the heading's first name, so an unknown pair stays predictable.
        festivals.enumerated().max { a, b in
            let (da, db) = (rules[a.element]?.statutoryDays ?? 0, rules[b.element]?.statutoryDays ?? 0)
            return da != db ? da < db : a.offset > b.offset
        }?.element ?? ""
    }

    private static func lunar(_ day: Day, month: Int, day lunarDay: Int) -> Bool {
        let l = LunarDate(day)
        return !l.isLeapMonth && l.month == month && l.day == lunarDay
    }
}
