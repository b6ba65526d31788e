/// 委员履职档案 (一.4, 三(一), 三(三), 三(四).3): participation records computed from what the
/// symposia recorded — invitations and answers, presence, the live meeting's speeches, the
/// booked-speech drafts — under the office's `PointsRules`. Nothing is stored: a record is
/// recomputed whenever it is shown or exported, so it always agrees with the meetings.
public enum Participation {
    /// One person's record for the term, from the symposia held (those outside the term are ignored).
    public static func record(personID: Int, name: String, term: TermOfOffice, sources: [ParticipationSource],
                              rules: PointsRules) -> ParticipationRecord {
        var entries: [ParticipationRecord.Entry] = []
        for s in sources.filter({ term.contains($0.day) }).sorted(by: { ($0.day, $0.symposiumID) < ($1.day, $1.symposiumID) }) {
            let invited = s.wasInvited(personID)
            let attended = s.attended(personID)
            guard invited || attended else { continue }
            let speeches = s.speeches(of: personID)
            let seconds = speeches.reduce(0) { $0 + $1.durationSeconds }
            let minutes = Int(seconds / 60)
            let minutePoints = rules.maxMinutePointsPerSymposium.map { min($0, minutes * rules.perMinuteSpoken) }
                ?? minutes * rules.perMinuteSpoken
            let drafts = s.drafts(of: personID).count
            let declined = s.declined(personID)
            let absent = s.absentWithoutLeave(personID)
            let points = (invited ? rules.perInvitation : 0) + (attended ? rules.perAttendance : 0)
                + (absent ? rules.perUnexcusedAbsence : 0) + speeches.count * rules.perSpeech + minutePoints
                + drafts * rules.perDraft
            var parts: [String] = [attended ? "出席" : declined ? "请假" : absent ? "无故缺席" : "未出席"]
            if !speeches.isEmpty { parts.append("发言\(speeches.count)次（\(SpeakingLength.text(seconds))）") }
            if drafts > 0 { parts.append("提交发言稿\(drafts)篇") }
            parts.append("计\(points)分")
            entries.append(.init(symposiumID: s.symposiumID, day: s.day, topic: s.topic, invited: invited, attended: attended,
                                 declined: declined, absentWithoutLeave: absent, speeches: speeches.count,
                                 speakingSeconds: seconds, minutesSpoken: minutes, minutePoints: minutePoints,
                                 drafts: drafts, points: points,
                                 text: "\(s.day.chinese)“\(s.topic)”：" + parts.joined(separator: "，")))
        }

        func count(_ f: (ParticipationRecord.Entry) -> Bool) -> Int { entries.filter(f).count }
        let invited = count(\.invited)
        let attended = count(\.attended)
        let declined = count(\.declined)
        let absent = count(\.absentWithoutLeave)
        let speeches = entries.reduce(0) { $0 + $1.speeches }
        let seconds = entries.reduce(0) { $0 + $1.speakingSeconds }
        let minutes = entries.reduce(0) { $0 + $1.minutesSpoken }
        let minutePoints = entries.reduce(0) { $0 + $1.minutePoints }
        let drafts = entries.reduce(0) { $0 + $1.drafts }

        func line(_ item: String, _ n: Int, _ each: Int, unit: String = "次") -> ParticipationRecord.Line {
            .init(item: item, count: n, pointsEach: each, points: n * each, text: "\(item)\(n)\(unit) × \(each)分 = \(n * each)分")
        }
        var lines = [
            line("受邀参加协商座谈会", invited, rules.perInvitation),
            line("出席协商座谈会", attended, rules.perAttendance),
            ParticipationRecord.Line(item: "请假", count: declined, pointsEach: nil, points: 0, text: "请假\(declined)次，不计分"),
            line("无故缺席", absent, rules.perUnexcusedAbsence),
            line("发言", speeches, rules.perSpeech),
        ]
        let cap = rules.maxMinutePointsPerSymposium.map { "，每次会议最多\($0)分" } ?? ""
        lines.append(.init(item: "发言时长", count: minutes, pointsEach: nil, points: minutePoints,
                           text: "发言时长共\(SpeakingLength.text(seconds))，按每次会议整分钟计\(minutes)分钟 × \(rules.perMinuteSpoken)分\(cap) = \(minutePoints)分"))
        lines.append(line("提交预约发言稿", drafts, rules.perDraft, unit: "篇"))
        let total = entries.reduce(0) { $0 + $1.points }
        lines.append(.init(item: "合计", count: entries.count, pointsEach: nil, points: total, text: "合计\(total)分"))

        return ParticipationRecord(personID: personID, name: name, term: term, rules: rules, invited: invited,
                                   attended: attended, declined: declined, absentWithoutLeave: absent, speeches: speeches,
                                   speakingSeconds: seconds, drafts: drafts, points: total, entries: entries, lines: lines)
    }

    /// Records for several people, most points first (then by person id).
    public static func records(members: [(personID: Int, name: String)], term: TermOfOffice,
                               sources: [ParticipationSource], rules: PointsRules) -> [ParticipationRecord] {
        members.map { record(personID: $0.personID, name: $0.name, term: term, sources: sources, rules: rules) }
            .sorted { ($1.points, $0.personID) < ($0.points, $1.personID) }
    }
}
