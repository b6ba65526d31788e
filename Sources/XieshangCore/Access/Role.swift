/// The roles of DESIGN.md. A user may hold several.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case admin, office, committee, chair, viceChair, secretaryGeneral, member, expert, department, leader

    public var chineseName: String {
        switch self {
        case .admin: "系统管理员"
        case .office: "办公室"
        case .committee: "委室工作人员"
        case .chair: "主席"
        case .viceChair: "副主席"
        case .secretaryGeneral: "秘书长"
        case .member: "委员"
        case .expert: "专家学者"
        case .department: "部门联络人"
        case .leader: "县领导"
        }
    }

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Parses a comma-separated list as stored and as typed on the command line.
    public static func parseList(_ s: String) throws -> Set<Role> {
        var roles = Set<Role>()
        for part in s.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let r = Role(rawValue: part) else {
                throw Refusal(.invalid, code: "unknown_role", message: "未知角色“\(part)”")
            }
            roles.insert(r)
        }
        return roles
    }
}

import Foundation
