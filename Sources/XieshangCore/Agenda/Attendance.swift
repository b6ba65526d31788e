/// Who attends, for the agenda and the live meeting: invitees who confirmed, and those the
/// formal notice has gone to (三(一).3 "落实…出席情况后…寄送正式通知").
extension Invitee.State {
    public var attends: Bool { self == .confirmed || self == .notified }
}

extension Sequence where Element == Invitee {
    /// Person id → category of every invitee who attends: the `attending` of `Agenda`'s checks.
    public var attending: [Int: AttendeeCategory] {
        Dictionary(filter { $0.state.attends }.map { ($0.personID, $0.category) }, uniquingKeysWith: { a, _ in a })
    }
}
