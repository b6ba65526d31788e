/// The short words messages use for a segment's speech and for a kind of speaker, as the
/// working method says them ("不能安排介绍情况", "预约发言以委员为主").
extension AgendaSegmentKind {
    public var speechName: String {
        switch self {
        case .departmentBriefing: "介绍情况"
        case .keynote: "中心发言"
        case .bookedSpeech: "预约发言"
        case .freeSpeech: "自由发言"
        case .response: "互动回应发言"
        case .leaderRemarks: "领导讲话"
        case .questionsAndAnswers: "互动问答"
        }
    }
}

extension AttendeeCategory {
    /// "委员", "专家学者"…: shorter than `chineseName`, for sentences.
    public var speakerName: String {
        switch self {
        case .leaders: "县领导"
        case .committeeHeads: "委室负责同志"
        case .departmentHeads: "部门负责同志"
        case .members: "委员"
        case .experts: "专家学者"
        }
    }
}
