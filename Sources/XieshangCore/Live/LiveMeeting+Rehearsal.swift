import Foundation

/// The rehearsal (演练): offices test the projector, the phones and the console the day before.
/// On any day before the meeting the console runs the real agenda with the real attendees,
/// and every screen says "演练"; ending the rehearsal discards all of it — speeches, requests,
/// times — and the meeting is as it was before, not started, with its sequence still counting
/// so that every screen follows.
extension LiveMeeting {
    public var isRehearsal: Bool { rehearsalStartedAt != nil }

    public mutating func startRehearsal(at: Date, meetingDay: Day) throws {
        try change(at: at) { m in
            guard !m.isRehearsal else { throw LiveError.rehearsalUnderWay }
            guard m.phase == .notStarted else { throw m.phase == .running ? LiveError.alreadyStarted : LiveError.ended }
            guard !m.agenda.items.isEmpty else { throw LiveError.emptyAgenda }
            guard Day(at) < meetingDay else { throw LiveError.rehearsalOnlyBefore(meetingDay) }
            m.phase = .running
            m.segmentIndex = 0
            m.startedAt = at
            m.rehearsalStartedAt = at
        }
    }

    /// Discards the rehearsal: the meeting as it was before it, not started.
    public mutating func endRehearsal(at: Date) throws {
        try change(at: at) { m in
            guard m.isRehearsal else { throw LiveError.noRehearsal }
            var fresh = LiveMeeting(agenda: m.agenda, attendees: m.attendees)
            fresh.sequence = m.sequence
            m = fresh
        }
    }

    /// The speeches of the record: none while a rehearsal runs.
    public var heldSpeeches: [SpeechRecord] { isRehearsal ? [] : speeches }
}
