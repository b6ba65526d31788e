/// One person planned to speak in a segment of the agenda, or attending and so able to speak.
public struct AgendaSpeaker: Sendable, Equatable, Codable {
    public var personID: Int
    public var name: String
    /// Work unit: for a department head the department ("县交通运输局").
    public var unit: String
    public var category: AttendeeCategory
    /// The speech's title; may be empty.
    public var subject: String

    public init(personID: Int, name: String, unit: String = "", category: AttendeeCategory, subject: String = "") {
        self.personID = personID
        self.name = name
        self.unit = unit
        self.category = category
        self.subject = subject
    }

    /// How messages name the speaker: a department or committee by its "负责同志" (the unit
    /// sends whom it sends), everyone else by name.
    public var label: String {
        let byUnit = category == .departmentHeads || category == .committeeHeads
        return byUnit && !unit.isEmpty ? "\(unit)负责同志" : name
    }
}
