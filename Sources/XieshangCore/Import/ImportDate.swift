/// Reading a date cell the ways Excel and Chinese offices write one.
enum ImportDate {
    /// `2021-12-28`, `2021-12-28 0:00` (Excel's display of a date cell), `2021/12/28`,
    /// `2021.12.28`, `2021年12月28日`, `20211228`; single-digit months and days allowed.
    /// Nil for anything else, including impossible dates (2021-02-30).
    static func parse(_ cell: String) -> Day? {
        var s = ImportText.trim(ImportText.halfWidth(cell))
        if let space = s.firstIndex(of: " ") {
            let time = s[s.index(after: space)...].filter { $0 != " " }
            guard isTimeOfDay(time) else { return nil }
            s = String(s[..<space])
        }
        if s.count == 8, s.allSatisfy(isDigit) {
            return Day(year: Int(s.prefix(4))!, month: Int(s.dropFirst(4).prefix(2))!, day: Int(s.suffix(2))!)
        }
        let parts: [Substring]
        if s.hasSuffix("日"), s.contains("年"), s.contains("月") {
            parts = s.dropLast().split(omittingEmptySubsequences: false, whereSeparator: { $0 == "年" || $0 == "月" })
        } else {
            let separators: Set<Character> = ["-", "/", "."]
            guard let sep = s.first(where: { separators.contains($0) }) else { return nil }
            parts = s.split(separator: sep, omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(isDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// `0:00`, `00:00`, `0:00:00`: a date cell's time part, which carries no meaning here.
    private static func isTimeOfDay(_ s: some StringProtocol) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(isDigit) }),
              let h = Int(parts[0]), h < 24 else { return false }
        return parts.dropFirst().allSatisfy { Int($0)! < 60 }
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
}
