import Foundation

/// The implementation plan restates the symposium's own arrangements (二.4): its time, place,
/// host and topic. The form starts from them, and where a plan says otherwise the office is told,
/// since the invitation letters and the notice are made from the symposium, not from the plan.
extension ImplementationPlan.Content {
    /// The symposium's arrangements as the plan's parts.
    public static func arrangements(of s: Symposium, dateText: String, hostName: String?) -> Self {
        Self(time: [dateText, s.startTime].filter { !$0.isEmpty }.joined(separator: " "),
             place: s.place, host: hostName ?? "", topic: s.topic)
    }

    /// This content with its empty time, place, host and topic taken from `arrangements`.
    public func filled(from arrangements: Self) -> Self {
        var c = self
        func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if blank(c.time) { c.time = arrangements.time }
        if blank(c.place) { c.place = arrangements.place }
        if blank(c.host) { c.host = arrangements.host }
        if blank(c.topic) { c.topic = arrangements.topic }
        return c
    }

    /// Where the plan's stated time, place or host disagree with the symposium's, in Chinese;
    /// a part the plan leaves empty does not disagree. The time agrees when it names the day
    /// (and the start time, when one is set); the host when it names the person.
    public func disagreements(with s: Symposium, hostName: String?) -> [String] {
        var out: [String] = []
        let time = self.time.trimmingCharacters(in: .whitespacesAndNewlines)
        let start = s.startTime.trimmingCharacters(in: .whitespacesAndNewlines)
        if !time.isEmpty, !time.contains(s.date.chinese) || (!start.isEmpty && !time.contains(start)) {
            out.append("时间：方案写“\(time)”，座谈会定于\(s.date.chinese)\(start.isEmpty ? "" : " " + start)")
        }
        let place = self.place.trimmingCharacters(in: .whitespacesAndNewlines)
        if !place.isEmpty, !s.place.isEmpty, place != s.place {
            out.append("地点：方案写“\(place)”，座谈会安排在\(s.place)")
        }
        let host = self.host.trimmingCharacters(in: .whitespacesAndNewlines)
        if !host.isEmpty, let name = hostName, !name.isEmpty, !host.contains(name) {
            out.append("主持人：方案写“\(host)”，座谈会由\(name)主持")
        }
        return out
    }
}
