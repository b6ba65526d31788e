/// The kinds of 文稿材料 a symposium has (三(四): "领导讲话、有关部门情况介绍、委室中心发言、参阅资料、
/// 出席人员名单、预约发言等，由办公室汇总印发").
public enum MaterialKind: String, Sendable, Codable, CaseIterable, Comparable {
    case leaderSpeech, departmentBriefing, keynote, bookedSpeech, referenceMaterial, attendeeList

    public var chineseName: String {
        switch self {
        case .leaderSpeech: "领导讲话"
        case .departmentBriefing: "有关部门情况介绍"
        case .keynote: "委室中心发言"
        case .bookedSpeech: "预约发言"
        case .referenceMaterial: "参阅资料"
        case .attendeeList: "出席人员名单"
        }
    }

    /// The clause that says who produces the kind and how it reaches the office.
    public var clause: String {
        switch self {
        case .leaderSpeech: "三(四).1"
        case .departmentBriefing: "三(四).2"
        case .keynote, .bookedSpeech: "三(四).3"
        case .referenceMaterial: "三(四).4"
        case .attendeeList: "三(四).5"
        }
    }

    /// The place of the kind in the compiled packet the office issues: leaders' speeches,
    /// department briefings, the keynote, booked speeches, reference materials, the attendee list.
    public var packetOrder: Int {
        switch self {
        case .leaderSpeech: 0
        case .departmentBriefing: 1
        case .keynote: 2
        case .bookedSpeech: 3
        case .referenceMaterial: 4
        case .attendeeList: 5
        }
    }

    /// Speech drafts (与会人员发言稿, 三(四).3): the lead committee reviews them (把关) and forwards
    /// them to the office; no other kind goes through a review.
    public var needsReview: Bool { self == .keynote || self == .bookedSpeech }

    /// The agenda segment the material is spoken in, if any (三(三)).
    public var agendaSegment: AgendaSegmentKind? {
        switch self {
        case .leaderSpeech: .leaderRemarks
        case .departmentBriefing: .departmentBriefing
        case .keynote: .keynote
        case .bookedSpeech: .bookedSpeech
        case .referenceMaterial, .attendeeList: nil
        }
    }

    /// By `packetOrder`.
    public static func < (a: MaterialKind, b: MaterialKind) -> Bool { a.packetOrder < b.packetOrder }
}
