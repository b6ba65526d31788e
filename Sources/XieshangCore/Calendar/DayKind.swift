/// What a day is in the working calendar, with the name that explains it.
public enum DayKind: Hashable, Sendable {
    case workday
    case weekend
    /// A statutory day off (including weekend days inside a holiday block), with its festival.
    case holiday(String)
    /// A weekend day that is a working day (调休上班), with the festival it pays for.
    case adjustedWorkday(String)
    /// A county's own day off, with its reason.
    case localDayOff(String)

    public var isWorkingDay: Bool {
        switch self {
        case .workday, .adjustedWorkday: true
        case .weekend, .holiday, .localDayOff: false
        }
    }

    /// How the office says it: "国庆节放假", "国庆节调休上班".
    public var chinese: String {
        switch self {
        case .workday: "工作日"
        case .weekend: "周末"
        case .holiday(let name): "\(name)放假"
        case .adjustedWorkday(let name): "\(name)调休上班"
        case .localDayOff(let reason): "地方休息日（\(reason)）"
        }
    }
}

/// Encoded flat (`{"kind": "holiday", "name": "春节"}`) because API clients read it, and the
/// synthesized form of enums with payloads (`{"holiday": {"_0": …}}`) is not a contract.
extension DayKind: Codable {
    private enum CodingKeys: String, CodingKey { case kind, name }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        switch kind {
        case "workday": self = .workday
        case "weekend": self = .weekend
        case "holiday": self = .holiday(try c.decode(String.self, forKey: .name))
        case "adjustedWorkday": self = .adjustedWorkday(try c.decode(String.self, forKey: .name))
        case "localDayOff": self = .localDayOff(try c.decode(String.self, forKey: .name))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c,
                                                   debugDescription: "unknown day kind \(kind)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .workday: try c.encode("workday", forKey: .kind)
        case .weekend: try c.encode("weekend", forKey: .kind)
        case .holiday(let name):
            try c.encode("holiday", forKey: .kind)
            try c.encode(name, forKey: .name)
        case .adjustedWorkday(let name):
            try c.encode("adjustedWorkday", forKey: .kind)
            try c.encode(name, forKey: .name)
        case .localDayOff(let reason):
            try c.encode("localDayOff", forKey: .kind)
            try c.encode(reason, forKey: .name)
        }
    }
}
