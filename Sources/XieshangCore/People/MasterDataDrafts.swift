/// Committees, sectors, departments and the organization as entered, with their rules.

public struct CommitteeDraft: Sendable, Equatable, Codable {
    public var name: String
    public var isOffice: Bool
    public var sortOrder: Int
    public init(name: String, isOffice: Bool = false, sortOrder: Int = 100) {
        self.name = name
        self.isOffice = isOffice
        self.sortOrder = sortOrder
    }
    public func validate() throws {
        try MasterDataRules.name(name, what: "委室名称")
        try MasterDataRules.order(sortOrder)
    }
}

public struct SectorDraft: Sendable, Equatable, Codable {
    public var name: String
    public var sortOrder: Int
    public init(name: String, sortOrder: Int = 100) {
        self.name = name
        self.sortOrder = sortOrder
    }
    public func validate() throws {
        try MasterDataRules.name(name, what: "界别名称")
        try MasterDataRules.order(sortOrder)
    }
}

public enum DepartmentCategory: String, Sendable, Codable, CaseIterable {
    case partyCommittee, government, other
    public var chineseName: String {
        switch self {
        case .partyCommittee: "县委部门"
        case .government: "县政府部门"
        case .other: "其他单位"
        }
    }
}

public struct DepartmentDraft: Sendable, Equatable, Codable {
    public var name: String
    public var shortName: String
    public var category: DepartmentCategory
    public var sortOrder: Int
    public init(name: String, shortName: String, category: DepartmentCategory, sortOrder: Int = 100) {
        self.name = name
        self.shortName = shortName
        self.category = category
        self.sortOrder = sortOrder
    }
    public func validate() throws {
        try MasterDataRules.name(name, what: "部门名称")
        try MasterDataRules.name(shortName, what: "部门简称")
        try MasterDataRules.order(sortOrder)
    }
}

public struct OrganizationDraft: Sendable, Equatable, Codable {
    public var name: String
    public var shortName: String
    /// The prefix of document numbers, e.g. 安政协 in 安政协办发〔2026〕3号.
    public var documentPrefix: String
    public var county: String
    public var termName: String
    public var termStart: Day
    public var termEnd: Day

    public init(name: String, shortName: String, documentPrefix: String, county: String,
                termName: String, termStart: Day, termEnd: Day) {
        self.name = name
        self.shortName = shortName
        self.documentPrefix = documentPrefix
        self.county = county
        self.termName = termName
        self.termStart = termStart
        self.termEnd = termEnd
    }

    public func validate() throws {
        try MasterDataRules.name(name, what: "组织名称")
        try MasterDataRules.name(shortName, what: "组织简称")
        try MasterDataRules.name(documentPrefix, what: "发文字号前缀")
        try MasterDataRules.name(county, what: "县名")
        try MasterDataRules.name(termName, what: "届次名称")
        guard termStart < termEnd else {
            throw Refusal(.invalid, code: "invalid_term", message: "届次结束日期须晚于开始日期。")
        }
    }
}

enum MasterDataRules {
    static func name(_ s: String, what: String) throws {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw Refusal(.invalid, code: "name_required", message: "请填写\(what)。") }
        guard t.count <= 50 else { throw Refusal(.invalid, code: "name_too_long", message: "\(what)不能超过50个字。") }
        guard t == s else { throw Refusal(.invalid, code: "name_whitespace", message: "\(what)首尾不能有空格。") }
    }

    static func order(_ n: Int) throws {
        guard (0...1_000_000).contains(n) else {
            throw Refusal(.invalid, code: "invalid_order", message: "排序须为0到1000000之间的整数。")
        }
    }
}

import Foundation
