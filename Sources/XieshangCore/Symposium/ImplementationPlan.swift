import Foundation

/// 实施方案 (二.4): drafted by the lead committee two months before, signed by the vice chair in
/// charge (or returned with comments), adopted by the chairman's meeting. Every saved text is
/// kept as a version so that what was signed and what was changed after a return can be shown.
public struct ImplementationPlan: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case draft, submitted, returned, signed, adopted

        public var chineseName: String {
            switch self {
            case .draft: "起草中"
            case .submitted: "已报分管副主席审签"
            case .returned: "退回修改"
            case .signed: "分管副主席已审签"
            case .adopted: "主席会议审议通过"
            }
        }
    }

    public enum Action: String, Sendable, Codable, CaseIterable {
        case save, submit, sign, `return`, adopt

        public var chineseName: String {
            switch self {
            case .save: "保存"
            case .submit: "报送审签"
            case .sign: "审签"
            case .return: "退回修改"
            case .adopt: "主席会议审议通过"
            }
        }

        /// The states the action may start from.
        var from: Set<State> {
            switch self {
            case .save: [.draft, .returned]
            case .submit: [.draft, .returned]
            case .sign, .return: [.submitted]
            case .adopt: [.signed]
            }
        }
    }

    /// The parts 二.4 requires: "时间、地点、主持人、议题、拟邀请出席人员、议程、有关事项以及…前期准备工作安排".
    public struct Content: Sendable, Equatable, Codable {
        public var time: String
        public var place: String
        public var host: String
        public var topic: String
        public var invitees: String
        public var agenda: String
        public var otherMatters: String
        public var research: String

        public init(time: String = "", place: String = "", host: String = "", topic: String = "", invitees: String = "",
                    agenda: String = "", otherMatters: String = "", research: String = "") {
            self.time = time
            self.place = place
            self.host = host
            self.topic = topic
            self.invitees = invitees
            self.agenda = agenda
            self.otherMatters = otherMatters
            self.research = research
        }

        private enum CodingKeys: String, CodingKey {
            case time, place, host, topic, invitees, agenda, otherMatters, research
        }

        /// A draft may leave parts out; they read as empty (and `submit` names them).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func part(_ key: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: key) ?? "" }
            self.init(time: try part(.time), place: try part(.place), host: try part(.host), topic: try part(.topic),
                      invitees: try part(.invitees), agenda: try part(.agenda), otherMatters: try part(.otherMatters),
                      research: try part(.research))
        }

        public static let parts: [(key: String, name: String)] = [
            ("time", "时间"), ("place", "地点"), ("host", "主持人"), ("topic", "议题"),
            ("invitees", "拟邀请出席人员"), ("agenda", "议程"), ("otherMatters", "有关事项"),
            ("research", "调研、视察、考察等前期准备工作安排"),
        ]

        public func value(of key: String) -> String {
            switch key {
            case "time": time
            case "place": place
            case "host": host
            case "topic": topic
            case "invitees": invitees
            case "agenda": agenda
            case "otherMatters": otherMatters
            case "research": research
            default: ""
            }
        }

        /// The required parts still empty, by their Chinese names.
        public var missingParts: [String] {
            Self.parts.filter { value(of: $0.key).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.name)
        }

        /// Field by field, for the "differences between versions" view.
        public func differences(from old: Content) -> [FieldChange] {
            Self.parts.compactMap { part in
                let a = old.value(of: part.key), b = value(of: part.key)
                return a == b ? nil : FieldChange(part: part.name, before: a, after: b)
            }
        }

        public func validate() throws {
            var p: [String] = []
            for part in Self.parts where value(of: part.key).count > Self.maxLength {
                p.append("“\(part.name)”超过\(Self.maxLength)个字。")
            }
            if !p.isEmpty { throw SymposiumError.invalid(p) }
        }

        static let maxLength = 5000
    }

    public struct FieldChange: Sendable, Equatable, Codable {
        public var part: String
        public var before: String
        public var after: String
    }

    public struct Version: Sendable, Equatable, Codable {
        public var number: Int
        public var content: Content
        public var state: State
        public var action: Action
        public var actor: String
        public var at: Date
        /// The return comments, the signature's remark or the chairman's meeting reference.
        public var note: String
    }

    public var state: State
    public var content: Content
    public var versions: [Version]
    /// Set on adoption: 主席会议 number or record, and its date.
    public var adoptedBy: String?
    public var adoptedOn: Day?

    public init() {
        state = .draft
        content = Content()
        versions = []
    }

    public var signature: Version? { versions.last { $0.action == .sign } }
    public var lastReturn: Version? { versions.last { $0.action == .return } }

    /// Applies one step; a step out of order or an incomplete plan is refused and nothing changes.
    public mutating func take(_ action: Action, content newContent: Content? = nil, note: String = "",
                              actor: String, at: Date, on day: Day) throws {
        guard action.from.contains(state) else { throw SymposiumError.planStepOutOfOrder(state, action) }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        var next = self
        switch action {
        case .save:
            guard let newContent else { throw SymposiumError.invalid(["缺少方案内容。"]) }
            try newContent.validate()
            next.content = newContent
        case .submit:
            if let newContent {
                try newContent.validate()
                next.content = newContent
            }
            let missing = next.content.missingParts
            if !missing.isEmpty { throw SymposiumError.planIncomplete(missing) }
            next.state = .submitted
        case .sign:
            next.state = .signed
        case .return:
            guard !note.isEmpty else { throw SymposiumError.returnNeedsComments }
            next.state = .returned
        case .adopt:
            guard !note.isEmpty else { throw SymposiumError.invalid(["请填写主席会议的届次或纪要编号。"]) }
            next.state = .adopted
            next.adoptedBy = note
            next.adoptedOn = day
        }
        next.versions.append(Version(number: versions.count + 1, content: next.content, state: next.state,
                                     action: action, actor: actor, at: at, note: note))
        self = next
    }
}
