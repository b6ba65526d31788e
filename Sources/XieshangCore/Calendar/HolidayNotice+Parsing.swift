/// Reading a notice's text: what kind it is, which year, and where its numbered items are.
extension HolidayNotice {
    /// Reads the text as published (or as copied from a repost). Throws when no item with a
    /// date can be found; everything else that looks wrong becomes a warning.
    public static func parse(_ text: String) throws -> HolidayNotice {
        guard text.count <= HolidayNoticeError.maxCharacters else {
            throw HolidayNoticeError.tooLong(characters: text.count)
        }
        let lines = normalise(text)
        guard !lines.isEmpty else { throw HolidayNoticeError.empty }
        let whole = lines.joined(separator: "\n")
        let title = findTitle(lines)
        let kind = findKind(title: title, whole: whole)
        var raw = numberedItems(lines)
        if kind == .amendment, !raw.contains(where: { hasDate($0.text) }) {
            // 国发明电〔2015〕1号 states its days in the body: "特作如下调休：9月3日至5日…".
            raw = unnumberedArrangement(lines)
        }
        guard raw.contains(where: { hasDate($0.text) }) else { throw HolidayNoticeError.noItems }
        guard let year = findYear(kind: kind, title: title, whole: whole, items: raw) else {
            throw HolidayNoticeError.noYear
        }
        let context = ItemContext(year: year, kind: kind,
                                  defaultFestival: kind == .amendment ? amendmentFestival(title: title, whole: whole) : nil)
        var items: [Item] = []
        var warnings: [Warning] = []
        for r in raw {
            let read = readItem(number: r.number, text: r.text, context: context)
            // An amendment's other items ("二、各地区、各部门要抓紧做好…") arrange nothing.
            if kind == .amendment, read.notes.isEmpty, read.warnings.isEmpty { continue }
            items.append(read.item)
            warnings += read.warnings + checks(of: read, context: context)
        }
        warnings += crossChecks(items)
        return HolidayNotice(kind: kind, year: year, title: title, documentNumber: findDocumentNumber(whole),
                             items: items, warnings: warnings, text: text)
    }

    struct RawItem {
        let number: Int?
        let text: String
    }

    static func hasDate(_ text: String) -> Bool {
        tokens(of: text).contains { $0.date != nil }
    }

    /// Items start a line, or follow a full stop when the whole notice was pasted as one line.
    static func numberedItems(_ lines: [String]) -> [RawItem] {
        var items: [RawItem] = []
        for line in lines {
            let chars = Array(line)
            var starts: [(at: Int, body: Int, number: Int)] = []
            for p in chars.indices where p == 0 || "。；".contains(chars[p - 1]) {
                if let (number, length) = itemNumber(chars, at: p) {
                    starts.append((p, p + length, number ?? items.count + starts.count + 1))
                }
            }
            for (k, start) in starts.enumerated() {
                let end = k + 1 < starts.count ? starts[k + 1].at : chars.count
                items.append(RawItem(number: start.number, text: firstSentences(String(chars[start.body..<end]))))
            }
        }
        return items
    }

    /// "三、" → (3, 2); "——" (a news agency's list) → (nil, 2); anything else → nil.
    private static func itemNumber(_ chars: [Character], at p: Int) -> (Int?, Int)? {
        if p + 1 < chars.count, chars[p] == "—", chars[p + 1] == "—" { return (nil, 2) }
        var end = p
        while end < chars.count, end - p < maxNumeralLength,
              ChineseNumeral.isNumeral(chars[end]) || (chars[end].isASCII && chars[end].isNumber) {
            end += 1
        }
        guard end > p, end < chars.count, chars[end] == "、" else { return nil }
        let numeral = String(chars[p..<end])
        guard let n = Int(numeral) ?? ChineseNumeral.value(numeral), n > 0 else { return nil }
        return (n, end - p + 1)
    }

    private static let maxNumeralLength = 3

    /// The item's sentences up to the first without a date, so that a notice pasted as one
    /// line does not read its closing paragraph or date line as part of the last item.
    static func firstSentences(_ text: String) -> String {
        var kept = ""
        var sentence = ""
        for c in text + "\n" {
            if c != "\n" { sentence.append(c) }
            guard c == "。" || c == "；" || c == "\n" else { continue }
            let bare = sentence.trimmingCharacters(in: CharacterSet(charactersIn: "。；"))
            if !kept.isEmpty, !hasDate(bare) || isDateLine(bare) { break }
            kept += sentence
            sentence = ""
        }
        return kept
    }

    /// "国务院办公厅2019年11月21日": the signature and date that close a notice.
    private static func isDateLine(_ s: String) -> Bool {
        s.wholeMatch(of: #/(国务院办公厅|国务院)?\d{4}年\d{1,2}月\d{1,2}日/#) != nil
    }

    /// After "如下" the arrangement follows, in the same paragraph or the next.
    static func unnumberedArrangement(_ lines: [String]) -> [RawItem] {
        guard let i = lines.firstIndex(where: { $0.contains("如下") }),
              let below = lines[i].range(of: "如下") else { return [] }
        let rest = lines[i][below.upperBound...].drop { $0 != "：" && $0 != "。" }.dropFirst()
        let candidates = [String(rest)] + lines[(i + 1)...]
        guard let first = candidates.first(where: hasDate) else { return [] }
        return [RawItem(number: nil, text: firstSentences(first))]
    }

    static func findTitle(_ lines: [String]) -> String? {
        guard let i = lines.prefix(titleSearchLines).firstIndex(where: { $0.contains("关于") }) else { return nil }
        var title = lines[i]
        var j = i
        while !title.hasSuffix("通知"), j + 1 < min(lines.count, i + titleSearchLines) {
            j += 1
            title += lines[j]
        }
        guard title.hasSuffix("通知") else { return nil }
        // Reposts prefix it: "转载文件：国务院办公厅关于…", "（受权发布）国务院办公厅关于…".
        if let organ = title.range(of: "国务院") { title = String(title[organ.lowerBound...]) }
        return title
    }

    private static let titleSearchLines = 3

    static func findDocumentNumber(_ whole: String) -> String? {
        whole.firstMatch(of: #/国(?:务院)?(?:办公厅|办)?发明电〔\d{4}〕\d+号/#).map { String($0.output) }
    }

    /// An annual notice says so ("部分节假日安排"); an amendment has its own title or says what
    /// it changes. Bare items pasted without either are taken for a year's notice.
    static func findKind(title: String?, whole: String) -> Kind {
        if whole.contains("部分节假日安排") || whole.contains("放假调休日期的具体安排") { return .annual }
        if title != nil || amendmentWords.contains(where: whole.contains) { return .amendment }
        return .annual
    }

    private static let amendmentWords = ["调整", "延长", "调休放假", "如下调休"]

    static func findYear(kind: Kind, title: String?, whole: String, items: [RawItem]) -> Int? {
        var found: Int?
        switch kind {
        case .annual:
            found = whole.firstMatch(of: #/(\d{4})年部分节假日安排/#).flatMap { Int($0.output.1) }
                ?? whole.firstMatch(of: #/现将(\d{4})年/#).flatMap { Int($0.output.1) }
        case .amendment:
            let preamble = whole.components(separatedBy: items.first?.text ?? "\u{0}").first ?? whole
            found = title.flatMap { $0.firstMatch(of: #/(\d{4})年/#) }.flatMap { Int($0.output.1) }
                ?? preamble.firstMatch(of: #/(\d{4})年/#).flatMap { Int($0.output.1) }
        }
        if found == nil {
            // No title and no preamble: the latest year the items write, since a notice reaches
            // back into the December before its year but never into the next.
            found = items.flatMap { tokens(of: $0.text).compactMap { $0.date?.year } }.max()
        }
        guard let year = found, Day(year: year - 1, month: 1, day: 1) != nil, Day(year: year + 1, month: 12, day: 31) != nil
        else { return nil }
        return year
    }

    /// "关于调整2019年劳动节假期安排的通知" → "劳动节"; "关于延长2020年春节假期的通知" → "春节";
    /// "关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知" → the 纪念日.
    static func amendmentFestival(title: String?, whole: String) -> String {
        let fromTitle = title?.firstMatch(of: #/关于(?:调整|延长)?(?:\d{4}年)?(.+?)(?:调休)?(?:假期|放假)/#)
        let fromBody = whole.firstMatch(of: #/现将(?:调整|延长)(?:\d{4}年)?(.+?)(?:调休)?(?:假期|放假)/#)
        return (fromTitle ?? fromBody).map { String($0.output.1) } ?? unnamedFestival
    }

    /// What an amendment's days are called when neither its title nor its text names a festival.
    static let unnamedFestival = "调休放假"
}

import Foundation
