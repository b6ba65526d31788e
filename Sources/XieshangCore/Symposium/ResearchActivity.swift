/// 专题调研、专题视察、民主评议、实地考察 (一.8, 三(二).2): the field work before the symposium,
/// whose findings feed the speeches.
public struct ResearchActivity: Sendable, Equatable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case research, inspection, evaluation, fieldVisit

        public var chineseName: String {
            switch self {
            case .research: "专题调研"
            case .inspection: "专题视察"
            case .evaluation: "民主评议"
            case .fieldVisit: "实地考察"
            }
        }
    }

    public var id: Int
    public var kind: Kind
    public var title: String
    public var date: Day
    public var place: String
    public var participants: String
    public var findings: String

    public init(id: Int, kind: Kind, title: String, date: Day, place: String, participants: String, findings: String) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.place = place
        self.participants = participants
        self.findings = findings
    }

    public func problems() -> [String] {
        var p: [String] = []
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { p.append("请填写活动名称。") }
        if title.count > 100 { p.append("活动名称不超过100个字。") }
        if place.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { p.append("请填写地点。") }
        if participants.count > 2000 || findings.count > 20000 || place.count > 200 { p.append("内容过长。") }
        return p
    }
}
