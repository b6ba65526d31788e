/// Who attends a symposium (三(四).5), said once: the attendee list, the packets and their
/// order all read it from here.
extension Symposium {
    /// The CPPCC's own leaders who attend by office, not by invitation: the host (the
    /// chairman, or the vice chair entrusted) and the vice chair in charge, host first.
    public var leadersByOffice: [Int] {
        var ids = [host.personID]
        if let v = viceChairInChargeID, v != host.personID { ids.append(v) }
        return ids
    }

    /// Everyone attending: the invitees who confirmed (or were sent the formal notice), with
    /// the category they were invited in, and the leaders by office under the leaders'
    /// heading unless they were invited anyway. An invitee who declined is not attending,
    /// and neither is a leader by office who was invited and declined.
    public var attendees: [(personID: Int, category: AttendeeCategory)] {
        var out = invitees.filter(\.state.attends).map { ($0.personID, $0.category) }
        let invited = Set(invitees.map(\.personID))
        for id in leadersByOffice where !invited.contains(id) { out.append((id, .leaders)) }
        return out
    }
}
