/// The rules of 三(三) applied to the planned speakers of one segment.
struct SegmentCheck {
    static let maxSubjectLength = 100

    /// Refused outright: nothing may be saved that breaks them.
    var refusals: [String] = []
    /// What an agenda still being built lacks (too few booked speakers, no member among them
    /// yet): saved, so that speakers can be added one at a time, but reported as refusals
    /// until the agenda is complete.
    var incomplete: [String] = []
    var warnings: [String] = []

    init(_ speakers: [AgendaSpeaker], rule: AgendaSegmentRule, attending: [Int: AttendeeCategory]) {
        let clause = "（\(rule.clause)）"
        let speech = rule.kind.speechName

        var seen = Set<Int>()
        var repeated = Set<Int>()
        var distinct: [AgendaSpeaker] = []
        for s in speakers {
            guard seen.insert(s.personID).inserted else {
                if repeated.insert(s.personID).inserted { refusals.append("\(s.label)在\(speech)中重复安排\(clause)") }
                continue
            }
            distinct.append(s)
            if s.subject.count > Self.maxSubjectLength {
                refusals.append("\(s.label)的发言题目超过\(Self.maxSubjectLength)个字。")
            }
            guard let category = attending[s.personID] else {
                refusals.append("\(s.label)未确认出席，不能安排\(speech)\(clause)")
                continue
            }
            if !rule.speakerCategories.contains(category) {
                let who = rule.speakerCategories.map(\.speakerName).joined(separator: "、")
                refusals.append("\(s.label)是\(category.speakerName)，不能安排\(speech)，该环节由\(who)发言\(clause)")
            }
        }

        let count = distinct.count
        if let quota = rule.speakers, count > 0 {
            if count > quota.allowed.upperBound {
                refusals.append("\(speech)安排\(count)位，超过工作办法规定的\(quota.allowed.upperBound)位\(clause)")
            } else if count < quota.allowed.lowerBound {
                incomplete.append("\(speech)安排\(count)位，至少须安排\(quota.allowed.lowerBound)位\(clause)")
            } else if !quota.preferred.contains(count) {
                warnings.append("\(speech)安排\(count)位，工作办法一般为\(quota.chinese)位\(clause)")
            }
        }

        if let mainly = rule.mainly, count > 0 {
            let main = distinct.filter { (attending[$0.personID] ?? $0.category) == mainly }.count
            if main == 0 {
                incomplete.append("\(speech)以\(mainly.speakerName)为主\(clause)")
            } else if main * 2 <= count {
                warnings.append("\(speech)\(count)位中\(mainly.speakerName)\(main)位，宜以\(mainly.speakerName)为主\(clause)")
            }
        }
    }
}
