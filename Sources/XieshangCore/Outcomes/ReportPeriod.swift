/// The period of a summary (定期整理汇总): a quarter or a year.
///
/// Encoded flat: `{"kind":"quarter","year":2026,"quarter":4}`, `{"kind":"year","year":2026}`;
/// written `2026-Q4` / `2026` in URLs.
public enum ReportPeriod: Sendable, Hashable {
    case quarter(Int, Int)
    case year(Int)

    public var year: Int {
        switch self {
        case .quarter(let y, _), .year(let y): y
        }
    }

    /// Refuses a quarter outside 1…4 and a year outside 1900…9999.
    public func validate() throws {
        guard (1900...9999).contains(year) else { throw OutcomeError.invalidPeriod }
        if case .quarter(_, let q) = self, !(1...4).contains(q) { throw OutcomeError.invalidPeriod }
    }

    /// First and last day, both included; nil for an invalid period.
    public var days: ClosedRange<Day>? {
        guard (try? validate()) != nil else { return nil }
        switch self {
        case .year(let y):
            return Day(year: y, month: 1, day: 1)!...Day(year: y, month: 12, day: 31)!
        case .quarter(let y, let q):
            let last = q * 3
            return Day(year: y, month: last - 2, day: 1)!...Day(year: y, month: last, day: Day.daysIn(month: last, year: y))!
        }
    }

    /// The quarter `day` falls in.
    public static func quarter(containing day: Day) -> ReportPeriod { .quarter(day.year, (day.month - 1) / 3 + 1) }

    public func contains(_ day: Day) -> Bool { days?.contains(day) ?? false }

    /// "2026年第四季度", "2026年度".
    public var chineseName: String {
        switch self {
        case .year(let y): return "\(y)年度"
        case .quarter(let y, let q):
            let names = ["一", "二", "三", "四"]
            return "\(y)年第\((1...4).contains(q) ? names[q - 1] : "\(q)")季度"
        }
    }

    /// "2026-Q4" or "2026".
    public var text: String {
        switch self {
        case .year(let y): "\(y)"
        case .quarter(let y, let q): "\(y)-Q\(q)"
        }
    }

    /// Parses `text`; nil unless valid.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, first.allSatisfy({ $0.isASCII && $0.isNumber }),
              let y = Int(first) else { return nil }
        switch parts.count {
        case 1: self = .year(y)
        case 2:
            let q = parts[1]
            guard q.count == 2, q.first == "Q", let n = Int(q.dropFirst()) else { return nil }
            self = .quarter(y, n)
        default: return nil
        }
        guard (try? validate()) != nil else { return nil }
    }
}

extension ReportPeriod: Codable {
    private enum CodingKeys: String, CodingKey { case kind, year, quarter }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        let year = try c.decode(Int.self, forKey: .year)
        switch kind {
        case "year": self = .year(year)
        case "quarter": self = .quarter(year, try c.decode(Int.self, forKey: .quarter))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown period kind \(kind)")
        }
        do { try validate() } catch {
            throw DecodingError.dataCorruptedError(forKey: .year, in: c, debugDescription: "invalid period \(text)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .year(let y):
            try c.encode("year", forKey: .kind)
            try c.encode(y, forKey: .year)
        case .quarter(let y, let q):
            try c.encode("quarter", forKey: .kind)
            try c.encode(y, forKey: .year)
            try c.encode(q, forKey: .quarter)
        }
    }
}
