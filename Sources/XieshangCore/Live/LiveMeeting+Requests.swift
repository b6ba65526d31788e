import Foundation

extension LiveMeeting {
    /// The free speech's place in the agenda: requests are taken until it is over.
    var freeSpeechIndex: Int? { agenda.items.firstIndex { $0.kind == .freeSpeech } }

    /// A member or expert attending (the free speech's speaker categories, 三(三).4 "其他与会
    /// 委员、专家学者") asks to speak in it: only while the meeting runs and the free speech is
    /// not over, one request at a time. The attendee list's name and
    /// category are kept, whatever the request says.
    public mutating func requestToSpeak(_ r: SpeakRequest) throws {
        try change { m in
            try m.requireRunning()
            guard let index = m.freeSpeechIndex else { throw LiveError.noFreeSpeech }
            guard m.segmentIndex <= index else { throw LiveError.freeSpeechOver }
            let item = m.agenda.items[index]
            guard let a = m.attendee(r.personID), item.speakerCategories.contains(a.category) else {
                throw LiveError.requestNotAllowed(item.speakerCategories.map(\.speakerName).joined(separator: "、"))
            }
            guard !m.requests.contains(where: { $0.personID == r.personID }) else { throw LiveError.alreadyRequested(a.name) }
            m.requests.append(SpeakRequest(personID: a.personID, name: a.name, category: a.category, requestedAt: r.requestedAt))
        }
    }

    public mutating func withdrawRequest(personID: Int) throws {
        try change { m in
            try m.requireRunning()
            guard m.requests.contains(where: { $0.personID == personID }) else { throw LiveError.noRequest }
            m.requests.removeAll { $0.personID == personID }
        }
    }

    /// The free-speech queue in the order the console should call it, 三(三).4 "尽量保证每位
    /// 与会委员都有发言机会": members who have not spoken at all yet (by request time), then
    /// experts who have not, then those who have spoken (fewest speeches first, then request time).
    public func fairQueue() -> [SpeakRequest] {
        var counts: [Int: Int] = [:]
        for s in speeches { counts[s.personID, default: 0] += 1 }
        func rank(_ r: SpeakRequest) -> (Int, Int) {
            let spoken = counts[r.personID] ?? 0
            if spoken > 0 { return (2, spoken) }
            return (r.category == .members ? 0 : 1, 0)
        }
        return requests.sorted { a, b in
            let ra = rank(a), rb = rank(b)
            if ra != rb { return ra < rb }
            if a.requestedAt != b.requestedAt { return a.requestedAt < b.requestedAt }
            return a.personID < b.personID
        }
    }

    /// Attending members who have not spoken at all yet, in the given order (the console's reminder).
    public func notYetSpoken(attending: [AgendaSpeaker]) -> [AgendaSpeaker] {
        let spoken = Set(speeches.map(\.personID))
        return attending.filter { $0.category == .members && !spoken.contains($0.personID) }
    }

    /// `notYetSpoken(attending:)` over the meeting's own attendees.
    public func notYetSpoken() -> [AgendaSpeaker] {
        notYetSpoken(attending: attendees)
    }
}
