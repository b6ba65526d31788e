import Foundation

/// 会议纪要: drafted from what the live meeting recorded, edited by the lead committee, issued
/// by the office (三(五) "办公室…印发"). Once issued it is fixed.
public struct MeetingRecord: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        case draft, issued
        public var chineseName: String { self == .draft ? "草稿（牵头委室修改）" : "已印发" }
    }

    public var state: State
    public var text: String
    public var editedBy: String?
    public var issuedAt: Date?
    /// 纪要 issue number, e.g. "第3期".
    public var issueNumber: String?

    public init(text: String) {
        self.state = .draft
        self.text = text
    }

    public static let maxLength = 50_000

    public mutating func edit(_ newText: String, by actor: String) throws {
        guard state == .draft else { throw MeetingRecordError.issued }
        guard newText.count <= Self.maxLength else { throw MeetingRecordError.tooLong(Self.maxLength) }
        text = newText
        editedBy = actor
    }

    public mutating func issue(number: String, at: Date) throws {
        guard state == .draft else { throw MeetingRecordError.issued }
        let n = number.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !n.isEmpty, n.count <= 30 else { throw MeetingRecordError.needsNumber }
        issueNumber = n
        issuedAt = at
        state = .issued
    }

    /// The draft from the record: segment by segment, who spoke, when and how long, and what
    /// each response answered. Durations are the real ones, pauses excluded.
    public static func draft(topic: String, date: Day, place: String, host: String, meeting m: LiveMeeting) -> String {
        var lines: [String] = []
        let china = TimeZone(identifier: "Asia/Shanghai")!
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = china
        func clock(_ d: Date) -> String {
            let c = cal.dateComponents([.hour, .minute], from: d)
            return String(format: "%d:%02d", c.hour ?? 0, c.minute ?? 0)
        }
        lines.append("\(date.chinese)，县政协召开双月协商座谈会，围绕“\(topic)”开展协商。会议由\(host)主持\(place.isEmpty ? "" : "，在\(place)举行")。")
        if let s = m.startedAt, let e = m.endedAt {
            lines.append("会议于\(clock(s))开始，\(clock(e))结束，历时\(SpeakingLength.text(e.timeIntervalSince(s)))。")
        }
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        var n = 0
        for item in m.agenda.items {
            let speeches = m.speeches.filter { $0.segment == item.kind }
            guard !speeches.isEmpty else { continue }
            lines.append("")
            lines.append("\(numerals[min(n, numerals.count - 1)])、\(item.title)")
            n += 1
            for s in speeches {
                var line = "\(s.name)（\(s.unit)）"
                if !s.subject.isEmpty { line += "作题为《\(s.subject)》的发言" } else { line += "发言" }
                line += "，\(clock(s.startedAt))起，用时\(SpeakingLength.text(s.durationSeconds))"
                if s.overrunSeconds >= 1 { line += "（超时\(SpeakingLength.text(s.overrunSeconds))）" }
                if !s.respondsTo.isEmpty {
                    let names = s.respondsTo.compactMap { id in m.speeches.first { $0.id == id }?.name }
                    line += "，回应了\(names.joined(separator: "、"))提出的问题"
                }
                lines.append(line + "。主要内容：")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The text as the issued 纪要 prints it. The clock times and durations the draft gives
    /// (the line "会议于9:00开始，…历时…。" and each speech's "，9:10起，用时8分钟（超时30秒）")
    /// belong to the meeting's record, which keeps them; the 纪要 says who spoke and what
    /// was said. A "主要内容：" left unfilled is dropped too.
    public static func minutesText(_ text: String) -> String {
        let clock = "[0-9]{1,2}:[0-9]{2}"
        let removals = [
            "(^|\n)会议于\(clock)开始，\(clock)结束，历时[^。\n]*。(?=\n|$)",
            "，\(clock)起，用时[^，。（\n]*(（超时[^）\n]*）)?",
            "。?主要内容：(?=\n|$)",
        ]
        // A browser's textarea sends CRLF.
        var result = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for pattern in removals {
            result = result.replacingOccurrences(of: pattern, with: pattern.hasPrefix("。") ? "。" : "", options: .regularExpression)
        }
        return result.hasPrefix("\n") ? String(result.dropFirst()) : result
    }
}

public enum MeetingRecordError: DomainError, Equatable {
    case issued
    case tooLong(Int)
    case needsNumber
    case meetingNotEnded

    public var code: String {
        switch self {
        case .issued: "record_issued"
        case .tooLong: "record_too_long"
        case .needsNumber: "record_number_required"
        case .meetingNotEnded: "meeting_not_ended"
        }
    }

    public var message: String {
        switch self {
        case .issued: "会议纪要已印发，不能再修改。"
        case .tooLong(let n): "会议纪要不超过\(n)字。"
        case .needsNumber: "请填写纪要期号（如“第3期”），不超过30字。"
        case .meetingNotEnded: "会议结束后才能生成会议纪要。"
        }
    }

    public var kind: DomainErrorKind {
        switch self {
        case .issued, .meetingNotEnded: .conflict
        default: .invalid
        }
    }
}
