/// What one held symposium says about participation: who was invited and how they answered,
/// who was present, who spoke and for how long, and who submitted a speech draft.
public struct ParticipationSource: Sendable, Equatable {
    public var symposiumID: Int
    /// The day it was held.
    public var day: Day
    public var topic: String
    public var invitees: [Invitee]
    /// The live meeting's speeches (`LiveMeeting.speeches`).
    public var speeches: [SpeechRecord]
    /// The symposium's materials; booked-speech drafts count for their speakers.
    public var materials: [Material]
    /// Who the office recorded as present; nil when not recorded: then those who confirmed or
    /// were formally notified count as attending.
    public var present: Set<Int>?

    public init(symposiumID: Int, day: Day, topic: String, invitees: [Invitee], speeches: [SpeechRecord],
                materials: [Material], present: Set<Int>? = nil) {
        self.symposiumID = symposiumID
        self.day = day
        self.topic = topic
        self.invitees = invitees
        self.speeches = speeches
        self.materials = materials
        self.present = present
    }

    /// From a symposium: its day held (or its date), topic and invitees.
    public init(symposiumID: Int, symposium s: Symposium, speeches: [SpeechRecord], materials: [Material],
                present: Set<Int>? = nil) {
        self.init(symposiumID: symposiumID, day: s.heldOn ?? s.date, topic: s.topic, invitees: s.invitees,
                  speeches: speeches, materials: materials, present: present)
    }

    /// Invited: asked at least by pre-invitation (a name only proposed is not), or present.
    public func wasInvited(_ personID: Int) -> Bool {
        invitees.contains { $0.personID == personID && $0.state != .proposed } || attended(personID)
    }

    /// Declined beforehand (请假).
    public func declined(_ personID: Int) -> Bool {
        invitees.contains { $0.personID == personID && $0.state == .declined }
    }

    /// Present when recorded, else confirmed or notified; anyone who spoke was there.
    public func attended(_ personID: Int) -> Bool {
        if speeches.contains(where: { $0.personID == personID }) { return true }
        if let present { return present.contains(personID) }
        return invitees.contains { $0.personID == personID && $0.state.attends }
    }

    /// Expected (confirmed or notified), recorded as absent: only known where presence was recorded.
    public func absentWithoutLeave(_ personID: Int) -> Bool {
        guard present != nil else { return false }
        return invitees.contains { $0.personID == personID && $0.state.attends } && !attended(personID)
    }

    /// The person's speeches.
    public func speeches(of personID: Int) -> [SpeechRecord] {
        speeches.filter { $0.personID == personID }
    }

    /// Booked-speech drafts by the person submitted to the lead committee at least once.
    public func drafts(of personID: Int) -> [Material] {
        materials.filter { m in
            m.kind == .bookedSpeech && m.symposiumID == symposiumID && m.producer == .attendee(personID: personID)
                && (m.review?.steps.contains { $0.action == .submit } ?? !m.versions.isEmpty)
        }
    }
}
