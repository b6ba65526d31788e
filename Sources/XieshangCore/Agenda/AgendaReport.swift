/// The agenda measured against 三(三) and the current attendance.
///
/// Attendance can change after the agenda was set (an invitee declines), so the report is
/// recomputed each time; any refusal means the agenda must be changed before the meeting.
public struct AgendaReport: Sendable, Equatable, Codable {
    /// Simplified Chinese, each naming its clause; any of them blocks the agenda.
    public var refusals: [String]
    /// Simplified Chinese, each naming its clause; shown, never blocking.
    public var warnings: [String]
    /// Σ limit × planned speakers, free speech by the attending members and experts not
    /// planned elsewhere; unlimited segments are left out (`estimateNote` names them).
    public var estimatedMinutes: Int
    /// How the estimate was made, in Chinese.
    public var estimateNote: String

    public var isAcceptable: Bool { refusals.isEmpty }

    public init(refusals: [String], warnings: [String], estimatedMinutes: Int, estimateNote: String) {
        self.refusals = refusals
        self.warnings = warnings
        self.estimatedMinutes = estimatedMinutes
        self.estimateNote = estimateNote
    }
}
