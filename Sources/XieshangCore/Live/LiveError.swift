/// Refusals of the live meeting's console and of speaking requests (三(三)).
public enum LiveError: DomainError, Equatable {
    case notStarted
    case alreadyStarted
    case ended
    case emptyAgenda
    /// The symposium is set for another day (planned, today).
    case notMeetingDay(planned: Day, today: Day)
    /// A rehearsal runs: the meeting cannot start or end before it is ended.
    case rehearsalUnderWay
    /// A rehearsal is held before the meeting's day (the day).
    case rehearsalOnlyBefore(Day)
    case noRehearsal
    /// Another speech is under way: end it first.
    case speechUnderWay(String)
    case noSpeechUnderWay
    case alreadyPaused
    case notPaused
    /// The time given is before the meeting's last change (a clock gone back).
    case timeBeforeLastChange
    /// name, segment title, clause.
    case notAllowedInSegment(String, String, String)
    case notAttending(Int)
    /// Nobody planned or queued is left in the segment.
    case nobodyNext(String)
    case lastSegment
    /// Who may ask to speak in the free speech, in Chinese.
    case requestNotAllowed(String)
    case alreadyRequested(String)
    case noRequest
    case noFreeSpeech
    case freeSpeechOver
    case invalidResponse([String])

    public var code: String {
        switch self {
        case .notStarted: "meeting_not_started"
        case .alreadyStarted: "meeting_already_started"
        case .ended: "meeting_ended"
        case .emptyAgenda: "agenda_empty"
        case .notMeetingDay: "not_meeting_day"
        case .rehearsalUnderWay: "rehearsal_under_way"
        case .rehearsalOnlyBefore: "rehearsal_only_before_meeting_day"
        case .noRehearsal: "no_rehearsal"
        case .speechUnderWay: "speech_under_way"
        case .noSpeechUnderWay: "no_speech_under_way"
        case .alreadyPaused: "speech_already_paused"
        case .notPaused: "speech_not_paused"
        case .timeBeforeLastChange: "time_before_last_change"
        case .notAllowedInSegment: "speaker_not_allowed_in_segment"
        case .notAttending: "speaker_not_attending"
        case .nobodyNext: "no_next_speaker"
        case .lastSegment: "last_segment"
        case .requestNotAllowed: "speak_request_not_allowed"
        case .alreadyRequested: "speak_request_exists"
        case .noRequest: "speak_request_not_found"
        case .noFreeSpeech: "no_free_speech_segment"
        case .freeSpeechOver: "free_speech_over"
        case .invalidResponse: "response_invalid"
        }
    }

    public var message: String {
        switch self {
        case .notStarted: "会议尚未开始。"
        case .alreadyStarted: "会议已经开始。"
        case .ended: "会议已经结束。"
        case .emptyAgenda: "议程为空，不能开始会议。"
        case .notMeetingDay(let planned, let today):
            "座谈会定于\(planned.chinese)召开，今天是\(today.chinese)，不能开始会议。如需在其他日期召开，请先调整会议日期并写明理由。"
        case .rehearsalUnderWay: "演练正在进行，请先结束演练。演练的内容不计入会议记录。"
        case .rehearsalOnlyBefore(let day): "演练只能在会议日（\(day.chinese)）之前进行。"
        case .noRehearsal: "当前没有进行中的演练。"
        case .speechUnderWay(let name): "\(name)的发言尚未结束，请先结束当前发言。"
        case .noSpeechUnderWay: "当前没有正在进行的发言。"
        case .alreadyPaused: "发言已暂停。"
        case .notPaused: "发言未暂停。"
        case .timeBeforeLastChange: "时间早于会议的上一次操作，请检查服务器时钟。"
        case .notAllowedInSegment(let name, let title, let clause): "\(name)不在“\(title)”环节的发言安排中（\(clause)）。"
        case .notAttending: "此人未确认出席本次协商座谈会。"
        case .nobodyNext(let title): "“\(title)”环节已无待发言人员。"
        case .lastSegment: "已是最后一个环节，请结束会议。"
        case .requestNotAllowed(let who): "只有与会\(who)可以申请自由发言（三(三).4）。"
        case .alreadyRequested(let name): "\(name)已申请发言，正在排队。"
        case .noRequest: "没有该发言申请。"
        case .noFreeSpeech: "本次议程没有自由发言环节。"
        case .freeSpeechOver: "自由发言环节已经结束。"
        case .invalidResponse(let p): "互动回应有误：" + p.joined()
        }
    }

    public var kind: DomainErrorKind {
        switch self {
        case .notAllowedInSegment, .invalidResponse, .emptyAgenda, .timeBeforeLastChange: .invalid
        case .requestNotAllowed: .forbidden
        case .notAttending, .noRequest, .noFreeSpeech: .notFound
        default: .conflict
        }
    }

    public var details: [String] {
        switch self {
        case .invalidResponse(let p): p
        default: []
        }
    }
}
