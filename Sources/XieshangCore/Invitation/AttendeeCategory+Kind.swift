extension AttendeeCategory {
    /// The attendee-list section a person falls in (三(一).2, 三(四).5): what a person is to
    /// the CPPCC decides it, so the list never needs a category typed by hand.
    public init(kind: PersonKind) {
        switch kind {
        case .leader: self = .leaders
        case .committeeHead: self = .committeeHeads
        case .departmentHead: self = .departmentHeads
        case .member: self = .members
        case .expert: self = .experts
        }
    }
}
