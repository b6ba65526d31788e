/// What a person is to the CPPCC, which decides the attendee-list category they fall in (R33)
/// and which affiliations they must have (a member belongs to a sector, a department head
/// to a department).
public enum PersonKind: String, Sendable, Codable, CaseIterable {
    case member
    case expert
    case leader
    case departmentHead
    case committeeHead

    public var chineseName: String {
        switch self {
        case .member: "委员"
        case .expert: "专家学者"
        case .leader: "领导"
        case .departmentHead: "部门负责人"
        case .committeeHead: "委室负责人"
        }
    }

    /// The canonical name, or a synonym offices commonly type in a roster.
    public init?(chinese: String) {
        switch ImportText.trim(chinese) {
        case "委员", "政协委员": self = .member
        case "专家学者", "专家", "学者": self = .expert
        case "领导", "县领导": self = .leader
        case "部门负责人": self = .departmentHead
        case "委室负责人", "专委会负责人": self = .committeeHead
        default: return nil
        }
    }
}
