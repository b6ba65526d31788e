/// Refusals of the agenda's planning (三(二).4, 三(三)).
public enum AgendaError: DomainError, Equatable {
    /// Every rule the planned speakers break, each naming its clause.
    case refused([String])
    case noSuchSegment(AgendaSegmentKind)

    public var code: String {
        switch self {
        case .refused: "agenda_refused"
        case .noSuchSegment: "agenda_segment_not_found"
        }
    }

    public var message: String {
        switch self {
        case .refused(let p): "发言安排不符合工作办法：" + p.joined(separator: "；")
        case .noSuchSegment(let k): "议程中没有“\(k.speechName)”环节。"
        }
    }

    public var kind: DomainErrorKind {
        switch self {
        case .refused: .invalid
        case .noSuchSegment: .notFound
        }
    }

    public var details: [String] {
        switch self {
        case .refused(let p): p
        case .noSuchSegment: []
        }
    }
}
