import Foundation

/// A member's or expert's wish to speak in the free speech (三(三).4), pressed on their phone
/// or entered at the console.
public struct SpeakRequest: Sendable, Equatable, Codable {
    public var personID: Int
    public var name: String
    public var category: AttendeeCategory
    public var requestedAt: Date

    public init(personID: Int, name: String, category: AttendeeCategory, requestedAt: Date) {
        self.personID = personID
        self.name = name
        self.category = category
        self.requestedAt = requestedAt
    }
}
