extension Agenda {
    /// Every segment measured against 三(三) and the attendance now (`attending`: person id →
    /// category of every invitee confirmed or notified), with the meeting's estimated length.
    public func report(attending: [Int: AttendeeCategory], regulation: Regulation) -> AgendaReport {
        var refusals: [String] = []
        var warnings: [String] = []
        for item in items {
            let rule = rule(for: item, in: regulation)
            if item.speakers.isEmpty, let quota = rule.speakers, quota.allowed.lowerBound > 0 {
                warnings.append("\(item.title)尚未安排发言人（\(rule.clause)）")
            }
            let check = SegmentCheck(item.speakers, rule: rule, attending: attending)
            refusals += check.refusals + check.incomplete
            warnings += check.warnings
        }
        let (minutes, note) = estimate(attending: attending)
        return AgendaReport(refusals: refusals, warnings: warnings, estimatedMinutes: minutes, estimateNote: note)
    }

    /// Σ limit × planned speakers; free speech as every attending person who may speak there
    /// and is planned in no other segment, each for the full limit; unlimited segments left out.
    func estimate(attending: [Int: AttendeeCategory]) -> (minutes: Int, note: String) {
        var minutes = 0
        var parts = ["按各环节每人发言时限估算"]
        var unlimited: [String] = []
        for item in items {
            guard let limit = item.minutesPerSpeech else {
                unlimited.append(item.title)
                continue
            }
            if item.kind == .freeSpeech {
                let plannedElsewhere = Set(items.filter { $0.kind != item.kind }.flatMap(\.speakers).map(\.personID))
                let free = attending.filter { item.speakerCategories.contains($0.value) && !plannedElsewhere.contains($0.key) }.count
                minutes += free * limit
                let who = item.speakerCategories.map(\.speakerName).joined(separator: "、")
                parts.append("\(item.title)按其余与会\(who)\(free)位、每人\(limit)分钟计")
            } else {
                minutes += Set(item.speakers.map(\.personID)).count * limit
            }
        }
        if !unlimited.isEmpty {
            parts.append(unlimited.joined(separator: "、") + "不限时，未计入")
        }
        return (minutes, parts.joined(separator: "；") + "。")
    }
}
