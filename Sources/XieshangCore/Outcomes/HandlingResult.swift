/// The handling result a department states in its reply (办理结果).
public enum HandlingResult: String, Sendable, Codable, CaseIterable {
    case solved, partlySolved, planned, explained

    public var chineseName: String {
        switch self {
        case .solved: "已解决"
        case .partlySolved: "部分解决"
        case .planned: "列入计划"
        case .explained: "留作参考"
        }
    }
}

/// The lead committee's rating of a reply (满意度测评).
public enum Satisfaction: String, Sendable, Codable, CaseIterable {
    case satisfied, basicallySatisfied, unsatisfied

    public var chineseName: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .unsatisfied: "不满意"
        }
    }
}
