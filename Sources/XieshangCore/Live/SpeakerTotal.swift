/// One person's speaking at the symposium, for their participation record (履职记录).
public struct SpeakerTotal: Sendable, Equatable, Codable {
    public var personID: Int
    public var name: String
    public var unit: String
    public var category: AttendeeCategory
    public var speeches: Int
    /// Ended speeches only, pauses excluded.
    public var totalSeconds: Double

    public init(personID: Int, name: String, unit: String, category: AttendeeCategory, speeches: Int, totalSeconds: Double) {
        self.personID = personID
        self.name = name
        self.unit = unit
        self.category = category
        self.speeches = speeches
        self.totalSeconds = totalSeconds
    }
}
