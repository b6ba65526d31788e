/// A speech that raised questions and the departments' responses to it (三(三).5).
public struct ResponsePair: Sendable, Equatable, Codable {
    public var question: SpeechRecord
    /// In the order they were given.
    public var responses: [SpeechRecord]

    public init(question: SpeechRecord, responses: [SpeechRecord]) {
        self.question = question
        self.responses = responses
    }
}
