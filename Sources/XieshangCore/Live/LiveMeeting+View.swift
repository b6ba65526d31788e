import Foundation

extension LiveMeeting {
    /// What every screen shows at `now`: the segment, the speaker's countdown (pauses
    /// excluded; `warning` within the Regulation's `speakingWarningSeconds` of the limit),
    /// the planned speakers still to come, the fair queue and the sequence.
    public func view(at now: Date, regulation: Regulation) -> LiveView {
        let item = segment
        let next = phase == .running && segmentIndex + 1 < agenda.items.count ? agenda.items[segmentIndex + 1].title : nil
        return LiveView(
            at: now, phase: phase, segmentIndex: segmentIndex, segmentCount: agenda.items.count, segment: item,
            nextSegmentTitle: next, current: countdown(at: now, warningSeconds: regulation.speakingWarningSeconds),
            upcoming: item.map { upcoming(in: $0) } ?? [], queue: phase == .running ? fairQueue() : [],
            notYetSpoken: notYetSpoken(), sequence: sequence, rehearsal: isRehearsal)
    }

    func countdown(at now: Date, warningSeconds: Int) -> LiveView.Speech? {
        guard let c = current, let s = currentSpeech else { return nil }
        let elapsed = s.elapsedSeconds(at: now, pausedSince: c.pausedSince)
        let remaining = s.limitSeconds.map { max(0, Double($0) - elapsed) }
        let overrun = s.limitSeconds.map { max(0, elapsed - Double($0)) } ?? 0
        return LiveView.Speech(
            speechID: s.id, personID: s.personID, name: s.name, unit: s.unit, category: s.category, subject: s.subject,
            startedAt: s.startedAt, paused: c.pausedSince != nil, elapsedSeconds: elapsed, limitSeconds: s.limitSeconds,
            remainingSeconds: remaining, warning: remaining.map { $0 <= Double(warningSeconds) } ?? false,
            overrunSeconds: overrun)
    }
}
