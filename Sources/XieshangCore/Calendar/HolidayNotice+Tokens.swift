/// The words of an item the reader cares about: dates as written (with the notes in brackets
/// after them), punctuation, and the text between.
extension HolidayNotice {
    /// A date as the notice writes it: "2018年12月30日", "2月4日", or "10日" after "至".
    struct WrittenDate: Hashable, Sendable {
        var year: Int?
        var month: Int?
        var day: Int
        var text: String
        /// The brackets right after it: "星期六", "农历除夕、周二".
        var notes: [String] = []
    }

    enum Token: Hashable, Sendable {
        case date(WrittenDate)
        case text(String)
        /// "，" "。" "；" "：" "、"
        case mark(Character)

        var date: WrittenDate? {
            if case .date(let d) = self { return d }
            return nil
        }
    }

    static func tokens(of line: String) -> [Token] {
        let chars = Array(line)
        var out: [Token] = []
        var text = ""
        func flush() {
            if !text.isEmpty { out.append(.text(text)) }
            text = ""
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isASCII, c.isNumber {
                if let (date, next) = scanDate(chars, from: i) {
                    flush()
                    out.append(.date(date))
                    i = next
                } else {
                    // Skip the whole number, so "2015年是" is not re-read from "015".
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                        text.append(chars[i])
                        i += 1
                    }
                }
                continue
            }
            if c == "（", let close = chars[(i + 1)...].firstIndex(of: "）") {
                let inner = String(chars[(i + 1)..<close])
                let innerTokens = tokens(of: inner)
                if innerTokens.contains(where: { $0.date != nil }) {
                    // "除夕（2月9日）": a date in brackets is a date, not a note about one.
                    flush()
                    out += innerTokens
                } else if text.isEmpty, case .date(var date)? = out.last {
                    date.notes.append(inner)
                    out[out.count - 1] = .date(date)
                } else {
                    text += "（\(inner)）"
                }
                i = close + 1
                continue
            }
            if "，。；：、".contains(c) {
                flush()
                out.append(.mark(c))
            } else {
                text.append(c)
            }
            i += 1
        }
        flush()
        return out
    }

    /// `[YYYY年][M月]D日` at `start`, or nil. A year needs a month ("2015年3日" is not a date).
    private static func scanDate(_ chars: [Character], from start: Int) -> (WrittenDate, Int)? {
        func number(at i: Int) -> (Int, Int)? {
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber, j - i < maxDigits { j += 1 }
            guard j > i, let n = Int(String(chars[i..<j])) else { return nil }
            return (n, j)
        }
        func at(_ i: Int, _ c: Character) -> Bool { i < chars.count && chars[i] == c }

        guard var (n, i) = number(at: start) else { return nil }
        var year: Int?
        var month: Int?
        if at(i, "年") {
            year = n
            guard let next = number(at: i + 1) else { return nil }
            (n, i) = next
            guard at(i, "月") else { return nil }
        }
        if at(i, "月") {
            month = n
            guard let next = number(at: i + 1) else { return nil }
            (n, i) = next
        }
        guard at(i, "日") else { return nil }
        return (WrittenDate(year: year, month: month, day: n, text: String(chars[start...i])), i + 1)
    }

    /// Long enough for a year; a longer run of digits is not a date.
    private static let maxDigits = 4
}
