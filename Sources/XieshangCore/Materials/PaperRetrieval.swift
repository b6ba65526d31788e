/// 会后清退: after the meeting every printed copy handed out comes back to the office, or its
/// holder keeps it with a recorded reason and approval. From the day after the meeting the
/// office is shown, person by person, who still holds a copy.
public enum PaperRetrieval {
    /// A person still holding copies nobody has accounted for.
    public struct Holder: Sendable, Equatable {
        public var personID: Int
        /// Their copies, by material id then 份号.
        public var copies: [PaperCopy]
    }

    /// The first day copies not yet returned are chased: the day after the meeting.
    public static func chasedFrom(meeting day: Day) -> Day { day.adding(days: 1) }

    /// Whether the office is chasing copies of a meeting held (or due) on `meeting` by `today`.
    public static func isChased(meeting: Day, today: Day) -> Bool { today >= chasedFrom(meeting: meeting) }

    /// Copies handed out and neither returned nor kept with a reason, by holder (in person id order).
    public static func outstanding(_ copies: [PaperCopy]) -> [Holder] {
        let out = copies.filter { !$0.state.isAccountedFor }
        return Dictionary(grouping: out) { $0.recipientID ?? 0 }
            .map { Holder(personID: $0.key, copies: $0.value.sorted { ($0.materialID, $0.number) < ($1.materialID, $1.number) }) }
            .sorted { $0.personID < $1.personID }
    }
}
