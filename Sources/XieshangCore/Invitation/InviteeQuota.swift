/// One invitee who counts towards the quotas; the caller leaves out those who declined.
public struct InviteeCount: Sendable, Equatable {
    public var category: AttendeeCategory
    /// A member's sector (界别); nil for everyone else or when unknown.
    public var sectorID: Int?

    public init(category: AttendeeCategory, sectorID: Int?) {
        self.category = category
        self.sectorID = sectorID
    }
}

/// How many members of one sector are on the list.
public struct SectorShare: Sendable, Equatable, Codable {
    public var sectorID: Int
    public var count: Int

    public init(sectorID: Int, count: Int) {
        self.sectorID = sectorID
        self.count = count
    }
}

/// The invitee list measured against 三(一).1: "6位左右" members, "2—3位" experts, "尽量邀请各
/// 界别和领域的代表性人物".
///
/// The working method's numbers are targets, so missing them is a warning the lead committee
/// may override; only a count outside the regulation's `allowed` range is refused.
public struct InviteeQuotaReport: Sendable, Equatable, Codable {
    public var members: Int
    public var experts: Int
    /// As the working method says it, e.g. "6".
    public var membersPreferred: String
    /// E.g. "2—3".
    public var expertsPreferred: String
    /// Distinct sectors among the members.
    public var sectorsCovered: Int
    /// Most represented sector first.
    public var sectorSpread: [SectorShare]
    /// Simplified Chinese, shown beside the list; they do not block it.
    public var warnings: [String]
    /// Simplified Chinese; any of them blocks the list.
    public var refusals: [String]

    public var isAcceptable: Bool { refusals.isEmpty }

    public init(members: Int, experts: Int, membersPreferred: String, expertsPreferred: String,
                sectorsCovered: Int, sectorSpread: [SectorShare], warnings: [String], refusals: [String]) {
        self.members = members
        self.experts = experts
        self.membersPreferred = membersPreferred
        self.expertsPreferred = expertsPreferred
        self.sectorsCovered = sectorsCovered
        self.sectorSpread = sectorSpread
        self.warnings = warnings
        self.refusals = refusals
    }
}

extension InviteeQuotaReport {
    public static func evaluate(_ invitees: [InviteeCount], regulation: Regulation) -> InviteeQuotaReport {
        let memberSectors = invitees.filter { $0.category == .members }.map(\.sectorID)
        let experts = invitees.filter { $0.category == .experts }.count
        let members = memberSectors.count

        let counts = Dictionary(grouping: memberSectors.compactMap { $0 }, by: { $0 }).mapValues(\.count)
        let spread = counts.map { SectorShare(sectorID: $0.key, count: $0.value) }
            .sorted { ($0.count, -$0.sectorID) > ($1.count, -$1.sectorID) }

        var warnings: [String] = []
        var refusals: [String] = []
        check(members, against: regulation.invitedMembers, who: "委员", warnings: &warnings, refusals: &refusals)
        check(experts, against: regulation.invitedExperts, who: "专家学者", warnings: &warnings, refusals: &refusals)
        // One sector is only known to be all of them when every member's sector is known;
        // a single member cannot spread over sectors, the count warning covers that case.
        if members >= 2, counts.count == 1, !memberSectors.contains(nil) {
            warnings.append("拟邀请委员均来自同一界别，宜尽量邀请各界别代表。")
        }

        return InviteeQuotaReport(
            members: members, experts: experts,
            membersPreferred: regulation.invitedMembers.chinese,
            expertsPreferred: regulation.invitedExperts.chinese,
            sectorsCovered: counts.count, sectorSpread: spread,
            warnings: warnings, refusals: refusals)
    }

    /// The report's refusals as one error a route can throw; nil when the list is acceptable.
    public var refusal: Refusal? {
        guard !isAcceptable else { return nil }
        return Refusal(.invalid, code: "invitee_quota_out_of_range",
                       message: "拟邀请人数不符合工作办法：" + refusals.joined(), details: refusals)
    }

    /// "6位左右" for a single target (the method's "约"), "2—3位" for a range.
    static func preferredPhrase(_ quota: Quota) -> String {
        quota.preferred.lowerBound == quota.preferred.upperBound ? "\(quota.chinese)位左右" : "\(quota.chinese)位"
    }

    private static func check(_ count: Int, against quota: Quota, who: String,
                              warnings: inout [String], refusals: inout [String]) {
        let counted = count == 0 ? "尚未邀请\(who)" : "拟邀请\(who)\(count)位"
        if count < quota.allowed.lowerBound {
            refusals.append("\(counted)，至少须邀请\(quota.allowed.lowerBound)位。")
        } else if count > quota.allowed.upperBound {
            refusals.append("\(counted)，超过上限\(quota.allowed.upperBound)位。")
        } else if !quota.preferred.contains(count) {
            warnings.append("\(counted)，工作办法要求\(preferredPhrase(quota))。")
        }
    }
}
