/// Reading one item's clauses into days. Each clause ("，" to "，") says what its dates are by
/// one word: 放假 / 补休 / 调休 (off), 上班 (worked), 延长…至 (the break now ends there); "共N天"
/// and "与周末连休" describe the break. Dates whose clause has no such word wait for the next
/// clause of the sentence, so a stray comma ("1月1日，放假") does not lose them.
extension HolidayNotice {
    /// What the reader knows when it meets an item.
    struct ItemContext {
        let year: Int
        let kind: Kind
        /// An amendment's items rarely repeat the festival its title names.
        let defaultFestival: String?
    }

    /// A date the item wrote, resolved, with what its notes claim.
    struct DatedNote: Hashable {
        let day: Day
        let written: WrittenDate
    }

    struct ReadItem {
        let item: Item
        let notes: [DatedNote]
        let warnings: [Warning]
    }

    private enum Role {
        case off, work, extend, ignored
    }

    static func readItem(number: Int?, text: String, context: ItemContext) -> ReadItem {
        let (heading, body) = splitHeading(text)
        // An item without a heading is still named, so a day off never loses its reason.
        let festivals = heading.map(festivalNames) ?? [context.defaultFestival ?? Item.label(number: number, heading: "")]
        let shownHeading = heading ?? festivals.joined(separator: "、")
        var reader = ClauseReader(context: context, number: number, label: Item.label(number: number, heading: shownHeading))
        reader.read(tokens(of: body))
        let daysOff = fillingWeekendGaps(Set(reader.spans.flatMap(days(in:)) + reader.singles).sorted())
        let item = Item(
            number: number, heading: shownHeading, festivals: festivals,
            text: text, spans: reader.spans, singleDaysOff: reader.singles, daysOff: daysOff,
            workdays: Set(reader.workdays).sorted(), statedDayCount: reader.statedCount,
            joinsWeekend: reader.joinsWeekend, extendsThrough: reader.extendsThrough)
        return ReadItem(item: item, notes: reader.notes, warnings: reader.warnings)
    }

    /// "中秋节、国庆节：10月1日至8日…" → ("中秋节、国庆节", "10月1日至8日…"). No heading when the
    /// colon comes after a date, as in an amendment's "一、2019年5月1日至4日放假调休".
    private static func splitHeading(_ text: String) -> (String?, String) {
        guard let colon = text.firstIndex(of: "：") else { return (nil, text) }
        let head = text[..<colon]
        guard head.count <= maxHeadingLength, !tokens(of: String(head)).contains(where: { $0.date != nil }) else {
            return (nil, text)
        }
        var name = Substring(head)
        // "2018年元旦": some reposts put the year into the heading.
        if let nian = name.firstIndex(of: "年"), name[..<nian].allSatisfy({ $0.isASCII && $0.isNumber }) {
            name = name[name.index(after: nian)...]
        }
        return (String(name), String(text[text.index(after: colon)...]))
    }

    private static let maxHeadingLength = 40

    static func festivalNames(_ heading: String) -> [String] {
        heading.split(whereSeparator: { "、和与及".contains($0) }).map(String.init).filter { !$0.isEmpty }
    }

    private static func days(in span: ClosedRange<Day>) -> [Day] {
        (span.lowerBound.ordinal...span.upperBound.ordinal).map(Day.init(ordinal:))
    }

    /// A holiday and its 补休 with only a weekend between are one break.
    private static func fillingWeekendGaps(_ sorted: [Day]) -> [Day] {
        var out: [Day] = []
        for day in sorted {
            if let last = out.last, day.ordinal - last.ordinal > 1 {
                let between = (last.ordinal + 1..<day.ordinal).map(Day.init(ordinal:))
                if between.allSatisfy(\.isWeekend) { out += between }
            }
            out.append(day)
        }
        return out
    }

    /// Walks an item's tokens clause by clause.
    private struct ClauseReader {
        let context: ItemContext
        let number: Int?
        let label: String
        var spans: [ClosedRange<Day>] = []
        var singles: [Day] = []
        var workdays: [Day] = []
        var statedCount: Int?
        var joinsWeekend = false
        var extendsThrough: Day?
        var notes: [DatedNote] = []
        var warnings: [Warning] = []
        /// The first day the item resolved: where a yearless date is looked for.
        private var reference: Day?
        private var previous: Day?

        init(context: ItemContext, number: Int?, label: String) {
            self.context = context
            self.number = number
            self.label = label
        }

        mutating func read(_ tokens: [Token]) {
            var pending: [Token] = []
            var clause: [Token] = []
            for token in tokens + [.mark("。")] {
                guard case .mark(let m) = token, m != "、" else {
                    clause.append(token)
                    continue
                }
                let role = Self.role(of: clause)
                readDescriptions(of: clause)
                if role == nil, clause.contains(where: { $0.date != nil }) {
                    pending += clause + [.mark("、")]
                } else if let role {
                    apply(role, to: pending + clause)
                    pending = []
                }
                if m == "。" || m == "；" {
                    apply(.ignored, to: pending)
                    pending = []
                }
                clause = []
            }
        }

        private static func role(of clause: [Token]) -> Role? {
            let text = clause.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
            if text.contains("延长"), text.contains("至") { return .extend }
            if text.contains("上班") {
                // "2月3日（星期一）起正常上班" ends the break; it moves no weekend.
                return text.contains("正常") || text.contains("起") ? .ignored : .work
            }
            if text.contains("补休") || text.contains("放假") { return .off }
            if text.contains("调休"), !text.contains("不调休") { return .off }
            return nil
        }

        private mutating func readDescriptions(of clause: [Token]) {
            let text = clause.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
            if text.contains("连休") { joinsWeekend = true }
            if let n = Self.statedCount(in: text) { statedCount = n }
        }

        /// "共7天", "放假1天".
        private static func statedCount(in text: String) -> Int? {
            let chars = Array(text)
            guard let tian = chars.firstIndex(of: "天") else { return nil }
            var start = tian
            while start > 0, chars[start - 1].isASCII, chars[start - 1].isNumber { start -= 1 }
            guard start < tian, start > 0, chars[start - 1] == "共" || (start > 1 && String(chars[(start - 2)..<start]) == "放假")
            else { return nil }
            return Int(String(chars[start..<tian]))
        }

        private mutating func apply(_ role: Role, to tokens: [Token]) {
            var i = 0
            while i < tokens.count {
                guard let written = tokens[i].date else {
                    i += 1
                    continue
                }
                if i + 2 < tokens.count, case .text(let t) = tokens[i + 1], Self.connectors.contains(t),
                   let end = tokens[i + 2].date {
                    readSpan(written, end, role)
                    i += 3
                } else {
                    if let day = resolve(written, after: nil) { assign(day, role) }
                    i += 1
                }
            }
        }

        private static let connectors: Set<String> = ["至", "到", "—", "——", "-", "至至"]

        private mutating func readSpan(_ a: WrittenDate, _ b: WrittenDate, _ role: Role) {
            guard let start = resolve(a, spanEnd: b) else {
                // "0月1日至8日": the end borrows the start's month, so one warning says it all.
                if b.month != nil { _ = resolve(b, after: nil) }
                return
            }
            guard let end = resolve(b, after: start) else { return }
            guard start <= end else {
                warnings.append(Warning(.spanEndsBeforeStart,
                                        "\(label)中“\(a.text)至\(b.text)”的结束日期早于开始日期", item: number))
                return
            }
            switch role {
            case .off: spans.append(start...end)
            case .work: workdays += HolidayNotice.days(in: start...end)
            case .extend: extendsThrough = end
            case .ignored: break
            }
        }

        private mutating func assign(_ day: Day, _ role: Role) {
            switch role {
            case .off: singles.append(day)
            case .work: workdays.append(day)
            case .extend: extendsThrough = day
            case .ignored: break
            }
        }

        /// The start of a span: when only the end carries a year, the start is the latest
        /// candidate before it ("12月30日至2019年1月1日"); when neither does and the span runs
        /// from December into January, it starts in the year before the notice's.
        private mutating func resolve(_ written: WrittenDate, spanEnd end: WrittenDate) -> Day? {
            if written.year == nil, written.month != nil, let y = end.year, let m = end.month,
               let limit = Day(year: y, month: m, day: end.day),
               let day = candidates(for: written).filter({ $0 <= limit }).max() {
                return record(day, written)
            }
            if written.year == nil, end.year == nil, reference == nil, let month = written.month,
               let endMonth = end.month, endMonth < month,
               let day = Day(year: context.year - 1, month: month, day: written.day) {
                return record(day, written)
            }
            return resolve(written, after: nil)
        }

        /// `after`: the start of the span this date ends, which it may not precede by a year.
        private mutating func resolve(_ written: WrittenDate, after start: Day?) -> Day? {
            let day: Day?
            switch (written.year, written.month) {
            case (let y?, let m?):
                day = Day(year: y, month: m, day: written.day)
            case (nil, _?):
                let candidates = candidates(for: written)
                if let start {
                    day = candidates.filter { $0 >= start }.min() ?? candidates.max()
                } else if let anchor = reference {
                    day = candidates.min { abs($0.ordinal - anchor.ordinal) < abs($1.ordinal - anchor.ordinal) }
                } else {
                    day = candidates.first { $0.year == context.year } ?? candidates.first
                }
                if candidates.isEmpty { return invalid(written) }
            case (_, nil):
                // "至3日": the month (and year) of the date before it.
                guard let base = start ?? previous else { return invalid(written) }
                day = Day(year: base.year, month: base.month, day: written.day)
            }
            guard let day else { return invalid(written) }
            return record(day, written)
        }

        private func candidates(for written: WrittenDate) -> [Day] {
            guard let month = written.month else { return [] }
            return [context.year - 1, context.year, context.year + 1].compactMap {
                Day(year: $0, month: month, day: written.day)
            }
        }

        private mutating func record(_ day: Day, _ written: WrittenDate) -> Day {
            if reference == nil { reference = day }
            previous = day
            notes.append(DatedNote(day: day, written: written))
            return day
        }

        private mutating func invalid(_ written: WrittenDate) -> Day? {
            warnings.append(Warning(.invalidDate, "\(label)中的“\(written.text)”不是有效日期，原文可能有误", item: number))
            return nil
        }
    }
}

extension HolidayNotice.Item {
    static func label(number: Int?, heading: String) -> String {
        let place = number.map { "第\(ChineseNumeral.text($0))项" } ?? "正文"
        return heading.isEmpty ? place : "\(place)“\(heading)”"
    }
}
