import Foundation

/// One speech held at the symposium: who, in which segment, when, how long (pauses excluded).
public struct SpeechRecord: Sendable, Equatable, Codable, Identifiable {
    /// 1, 2, 3… in the order the speeches started.
    public var id: Int
    public var personID: Int
    public var name: String
    public var unit: String
    public var category: AttendeeCategory
    /// The planned speech's title; empty when unplanned.
    public var subject: String
    public var segment: AgendaSegmentKind
    public var startedAt: Date
    /// nil while the speech is under way.
    public var endedAt: Date?
    /// Pauses already over; a pause under way is `LiveMeeting.current.pausedSince`.
    public var pausedSeconds: Double
    /// nil: no limit (leaders' remarks).
    public var limitSeconds: Int?
    /// The speeches a department's response answers (三(三).5), by id.
    public var respondsTo: [Int]

    public init(id: Int, personID: Int, name: String, unit: String, category: AttendeeCategory, subject: String,
                segment: AgendaSegmentKind, startedAt: Date, endedAt: Date? = nil, pausedSeconds: Double = 0,
                limitSeconds: Int?, respondsTo: [Int] = []) {
        self.id = id
        self.personID = personID
        self.name = name
        self.unit = unit
        self.category = category
        self.subject = subject
        self.segment = segment
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.pausedSeconds = pausedSeconds
        self.limitSeconds = limitSeconds
        self.respondsTo = respondsTo
    }

    /// Speaking time at `now` (or at the end, once ended), pauses excluded; `pausedSince` is
    /// the pause under way, if any.
    public func elapsedSeconds(at now: Date, pausedSince: Date? = nil) -> Double {
        let until = endedAt ?? now
        let pausing = pausedSince.map { max(0, until.timeIntervalSince($0)) } ?? 0
        return max(0, until.timeIntervalSince(startedAt) - pausedSeconds - pausing)
    }

    /// Speaking time of an ended speech, pauses excluded; 0 while it is under way.
    public var durationSeconds: Double {
        guard let endedAt else { return 0 }
        return elapsedSeconds(at: endedAt)
    }

    /// How far an ended speech went past its limit; 0 within it, without a limit or while under way.
    public var overrunSeconds: Double {
        guard let limitSeconds else { return 0 }
        return max(0, durationSeconds - Double(limitSeconds))
    }
}
