import Foundation

/// The columns of a person import file, and how header cells are recognised.
///
/// Offices keep rosters in their own spreadsheets, so a header is matched loosely: spaces
/// anywhere ("姓  名"), required-field marks ("姓名*", "姓名（必填）") and a few common synonyms
/// are accepted. Columns that match nothing (序号, 备注…) are ignored.
public enum PersonImportColumn: String, Sendable, CaseIterable {
    case name, gender, kind, sector, committee, department, unit, title, expertise, phone, email,
         termStart, termEnd, protocolOrder

    /// The name used in the downloadable template and in messages.
    public var chineseName: String {
        switch self {
        case .name: "姓名"
        case .gender: "性别"
        case .kind: "类别"
        case .sector: "界别"
        case .committee: "委室"
        case .department: "部门"
        case .unit: "工作单位"
        case .title: "职务"
        case .expertise: "专长"
        case .phone: "手机"
        case .email: "电子邮箱"
        case .termStart: "届次起"
        case .termEnd: "届次止"
        case .protocolOrder: "排序"
        }
    }

    /// Whether the header must have it; other columns may be absent (their rule then sees
    /// an empty cell, so e.g. a 委员 row still reports its missing 界别).
    public var isRequired: Bool { self == .name || self == .kind }

    var synonyms: [String] {
        switch self {
        case .name: ["名字", "人员姓名"]
        case .gender: []
        case .kind: ["人员类别", "类型", "身份"]
        case .sector: ["所属界别"]
        case .committee: ["所属委室", "专委会", "专门委员会"]
        case .department: ["所属部门"]
        case .unit: ["单位", "所在单位"]
        case .title: ["职位", "职务职称"]
        case .expertise: ["专业特长", "特长", "擅长领域"]
        case .phone: ["手机号", "手机号码", "联系电话", "电话", "联系方式"]
        case .email: ["邮箱", "电子邮件", "电子信箱", "Email", "E-mail"]
        case .termStart: ["届次开始", "任期起", "任期开始", "届次起始日期"]
        case .termEnd: ["届次结束", "任期止", "任期结束", "届次截止", "届次终止日期"]
        case .protocolOrder: ["排序号", "顺序", "排名顺序"]
        }
    }

    /// The column a header cell names, if any.
    public init?(header: String) {
        let key = Self.normalise(header)
        guard !key.isEmpty,
              let match = Self.allCases.first(where: { c in
                  Self.normalise(c.chineseName) == key || c.synonyms.contains(where: { Self.normalise($0) == key })
              }) else { return nil }
        self = match
    }

    /// The header row of the template, in its order.
    public static var templateHeader: [String] { allCases.map(\.chineseName) }

    private static func normalise(_ header: String) -> String {
        var s = ImportText.removingSpaces(ImportText.halfWidth(header))
        for mark in ["(必填)", "(选填)", "(可选)", "(可不填)", "*"] {
            s = s.replacingOccurrences(of: mark, with: "")
        }
        // Latin headers (Email, E-mail, EMAIL) in any case.
        return s.lowercased()
    }
}
