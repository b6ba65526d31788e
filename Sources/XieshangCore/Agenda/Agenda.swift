import Foundation

/// A symposium's agenda (三(二).4 "议程"): the segments of 三(三) in the Regulation's order,
/// each with its planned speakers.
public struct Agenda: Sendable, Equatable, Codable {
    public var items: [AgendaItem]

    public init(items: [AgendaItem]) {
        self.items = items
    }

    /// The segments of the Regulation in its order, no speakers yet.
    public static func template(_ regulation: Regulation) -> Agenda {
        Agenda(items: regulation.agenda.map(AgendaItem.init))
    }

    public func item(_ kind: AgendaSegmentKind) -> AgendaItem? {
        items.first { $0.kind == kind }
    }

    /// Sets the planned speakers of one segment (order = speaking order), checked against the
    /// attendees (`attending`: person id → category of every invitee confirmed or notified).
    ///
    /// An empty list clears the segment (not planned yet; the report warns). The category
    /// stored is the attendee's, whatever the caller sent. Throws `AgendaError.refused` with
    /// every refusal at once and changes nothing then; warnings never throw (see `report`).
    public mutating func setSpeakers(_ kind: AgendaSegmentKind, _ speakers: [AgendaSpeaker],
                                     attending: [Int: AttendeeCategory], regulation: Regulation) throws {
        guard let index = items.firstIndex(where: { $0.kind == kind }) else { throw AgendaError.noSuchSegment(kind) }
        let planned = speakers.map { s -> AgendaSpeaker in
            var s = s
            s.name = s.name.trimmingCharacters(in: .whitespacesAndNewlines)
            s.unit = s.unit.trimmingCharacters(in: .whitespacesAndNewlines)
            s.subject = s.subject.trimmingCharacters(in: .whitespacesAndNewlines)
            if let c = attending[s.personID] { s.category = c }
            return s
        }
        let check = SegmentCheck(planned, rule: rule(for: items[index], in: regulation), attending: attending)
        guard check.refusals.isEmpty else { throw AgendaError.refused(check.refusals) }
        items[index].speakers = planned
    }

    /// The Regulation's rule for an item; an item the profile no longer has keeps its own.
    func rule(for item: AgendaItem, in regulation: Regulation) -> AgendaSegmentRule {
        regulation.segment(item.kind) ?? AgendaSegmentRule(
            kind: item.kind, title: item.title, minutesPerSpeech: item.minutesPerSpeech, speakers: nil,
            clause: item.clause, speakerCategories: item.speakerCategories,
            mainly: AgendaSegmentRule.defaultMainly(for: item.kind))
    }
}
