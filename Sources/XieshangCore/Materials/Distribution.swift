/// 发放范围 of a material (三(四).2 "根据涉密程度明确发放范围"): who receives it besides those who
/// always do (the office, the producer, the lead committee — see `MaterialAccess`).
///
/// A reader is in the range when the scope takes them in, or one of their roles, their person,
/// their department, or their attendee category in this symposium is listed. Widening a range
/// (a wider scope or more entries) never takes anyone out (`union`).
public struct Distribution: Sendable, Equatable {
    public enum Scope: String, Sendable, Codable, CaseIterable, Comparable {
        /// Only those listed below.
        case listed
        /// Everyone attending this symposium (confirmed or notified), whatever their category.
        case attendingOnly
        /// Every signed-in user. Never for a classified material.
        case everyone

        public var chineseName: String {
            switch self {
            case .listed: "仅限所列人员"
            case .attendingOnly: "全体出席人员"
            case .everyone: "全体用户"
            }
        }

        public static func < (a: Scope, b: Scope) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public var scope: Scope
    public var roles: Set<Role>
    public var personIDs: Set<Int>
    /// Department contacts (role `department`) of these departments.
    public var departmentIDs: Set<Int>
    /// Attending readers in these categories of the attendee list (三(四).5).
    public var categories: Set<AttendeeCategory>

    public init(scope: Scope = .listed, roles: Set<Role> = [], personIDs: Set<Int> = [], departmentIDs: Set<Int> = [],
                categories: Set<AttendeeCategory> = []) {
        self.scope = scope
        self.roles = roles
        self.personIDs = personIDs
        self.departmentIDs = departmentIDs
        self.categories = categories
    }

    /// No one beyond the office, the producer and the lead committee.
    public static let none = Distribution()
    /// Every attendee of the symposium.
    public static let attendingOnly = Distribution(scope: .attendingOnly)
    /// Every signed-in user (public materials).
    public static let everyone = Distribution(scope: .everyone)

    /// Whether the range itself takes the reader in. Not the whole decision: ask
    /// `MaterialAccess.canSee`, which adds the office, the producer and the lead committee.
    public func admits(_ reader: MaterialReader) -> Bool {
        switch scope {
        case .everyone: return true
        case .attendingOnly where reader.category != nil: return true
        case .listed, .attendingOnly: break
        }
        if !roles.isDisjoint(with: reader.roles) { return true }
        if let p = reader.personID, personIDs.contains(p) { return true }
        if let d = reader.departmentID, reader.roles.contains(.department), departmentIDs.contains(d) { return true }
        if let c = reader.category, categories.contains(c) { return true }
        return false
    }

    /// A range at least as wide as both.
    public func union(_ other: Distribution) -> Distribution {
        Distribution(scope: max(scope, other.scope), roles: roles.union(other.roles),
                     personIDs: personIDs.union(other.personIDs), departmentIDs: departmentIDs.union(other.departmentIDs),
                     categories: categories.union(other.categories))
    }

    /// Whether every reader this range admits is admitted by `other` as well, judged by the entries.
    public func isWithin(_ other: Distribution) -> Bool {
        if other.scope == .everyone { return true }
        return scope <= other.scope && roles.isSubset(of: other.roles) && personIDs.isSubset(of: other.personIDs)
            && departmentIDs.isSubset(of: other.departmentIDs)
            && (other.scope == .attendingOnly || categories.isSubset(of: other.categories))
    }

    /// A classified material's range must name its readers: "everyone" is refused (三(四).2).
    public func check(for level: SecrecyLevel) throws {
        if level.isClassified && scope == .everyone { throw MaterialError.classifiedToEveryone(level) }
    }
}

extension Distribution: Codable {
    private enum CodingKeys: String, CodingKey { case scope, roles, personIDs, departmentIDs, categories }

    /// Missing lists read as empty, a missing scope as `listed`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(scope: try c.decodeIfPresent(Scope.self, forKey: .scope) ?? .listed,
                  roles: Set(try c.decodeIfPresent([Role].self, forKey: .roles) ?? []),
                  personIDs: Set(try c.decodeIfPresent([Int].self, forKey: .personIDs) ?? []),
                  departmentIDs: Set(try c.decodeIfPresent([Int].self, forKey: .departmentIDs) ?? []),
                  categories: Set(try c.decodeIfPresent([AttendeeCategory].self, forKey: .categories) ?? []))
    }

    /// Sorted lists, so that the same range always encodes to the same JSON.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scope, forKey: .scope)
        try c.encode(roles.sorted(), forKey: .roles)
        try c.encode(personIDs.sorted(), forKey: .personIDs)
        try c.encode(departmentIDs.sorted(), forKey: .departmentIDs)
        try c.encode(AttendeeCategory.allCases.filter(categories.contains), forKey: .categories)
    }
}
