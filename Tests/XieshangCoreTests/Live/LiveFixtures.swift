import Foundation
@testable import XieshangCore

/// The symposium of `AgendaFixtures` held from 2026-06-18 09:00 China time; every `Date` is
/// an offset in seconds from it.
enum LiveFixtures {
    static let regulation = Regulation.default
    static let opening = Date(timeIntervalSince1970: 1_781_744_400)

    static func at(_ seconds: Double) -> Date { opening.addingTimeInterval(seconds) }
    /// The day the symposium is set for.
    static let meetingDay = Day(opening)

    static func meeting() throws -> LiveMeeting {
        LiveMeeting(agenda: try AgendaFixtures.fullAgenda(), attendees: AgendaFixtures.attendees)
    }

    /// Started at `at(0)`.
    static func started() throws -> LiveMeeting {
        var m = try meeting()
        try m.start(at: at(0), meetingDay: meetingDay)
        return m
    }

    static func request(_ s: AgendaSpeaker, at seconds: Double) -> SpeakRequest {
        SpeakRequest(personID: s.personID, name: s.name, category: s.category, requestedAt: at(seconds))
    }
}

extension LiveMeeting {
    /// Advances (without anyone speaking) until the segment of `kind` is held.
    mutating func skip(to kind: AgendaSegmentKind, at time: Date) throws {
        while segment?.kind != kind { try advance(at: time) }
    }

    /// One whole speech of `person` in the current segment.
    mutating func speech(_ personID: Int, from start: Double, to end: Double, respondsTo: [Int] = []) throws {
        try startSpeech(personID: personID, at: LiveFixtures.at(start), respondsTo: respondsTo)
        try endSpeech(at: LiveFixtures.at(end))
    }
}
