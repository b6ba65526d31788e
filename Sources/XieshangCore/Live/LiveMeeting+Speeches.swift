import Foundation

extension LiveMeeting {
    /// The segments whose speeches raise the questions a department's response answers (三(三).5).
    public static let questionSegments: [AgendaSegmentKind] = [.keynote, .bookedSpeech, .freeSpeech]

    /// Gives the floor to a person in the current segment: a planned speaker of it, or, in an
    /// open segment (free speech, responses, leaders' remarks), anyone attending who may speak
    /// there. In the free speech it serves their request. `respondsTo` (responses only) names
    /// the speeches answered.
    public mutating func startSpeech(personID: Int, at: Date, respondsTo: [Int] = []) throws {
        try change(at: at) { m in
            try m.requireRunning()
            if let s = m.currentSpeech { throw LiveError.speechUnderWay(s.name) }
            guard let item = m.segment else { throw LiveError.notStarted }
            let speaker = try m.speaker(personID, in: item)
            try m.checkResponse(respondsTo, in: item)
            let id = (m.speeches.map(\.id).max() ?? 0) + 1
            m.speeches.append(SpeechRecord(
                id: id, personID: speaker.personID, name: speaker.name, unit: speaker.unit, category: speaker.category,
                subject: speaker.subject, segment: item.kind, startedAt: at, limitSeconds: item.limitSeconds,
                respondsTo: respondsTo))
            m.current = Current(speechID: id)
            if item.kind == .freeSpeech { m.requests.removeAll { $0.personID == personID } }
        }
    }

    /// Starts the next planned speaker of the segment not yet heard in it, or, in the free
    /// speech once they are all heard, the head of `fairQueue()`. Returns the person's id.
    @discardableResult
    public mutating func next(at: Date) throws -> Int {
        try requireRunning()
        if let s = currentSpeech { throw LiveError.speechUnderWay(s.name) }
        guard let item = segment else { throw LiveError.notStarted }
        guard let personID = upcoming(in: item).first?.personID
            ?? (item.kind == .freeSpeech ? fairQueue().first?.personID : nil)
        else { throw LiveError.nobodyNext(item.title) }
        try startSpeech(personID: personID, at: at)
        return personID
    }

    public mutating func pause(at: Date) throws {
        try change(at: at) { m in
            try m.requireRunning()
            guard let c = m.current else { throw LiveError.noSpeechUnderWay }
            guard c.pausedSince == nil else { throw LiveError.alreadyPaused }
            m.current?.pausedSince = at
        }
    }

    public mutating func resume(at: Date) throws {
        try change(at: at) { m in
            try m.requireRunning()
            guard let c = m.current else { throw LiveError.noSpeechUnderWay }
            guard let since = c.pausedSince, let i = m.speeches.firstIndex(where: { $0.id == c.speechID }) else {
                throw LiveError.notPaused
            }
            m.speeches[i].pausedSeconds += at.timeIntervalSince(since)
            m.current?.pausedSince = nil
        }
    }

    public mutating func endSpeech(at: Date) throws {
        try change(at: at) { m in
            try m.requireRunning()
            guard m.current != nil else { throw LiveError.noSpeechUnderWay }
            m.closeCurrent(at: at)
        }
    }

    /// The planned speakers of a segment not yet heard in it, in speaking order.
    public func upcoming(in item: AgendaItem) -> [AgendaSpeaker] {
        let heard = Set(speeches.filter { $0.segment == item.kind }.map(\.personID))
        return item.speakers.filter { !heard.contains($0.personID) }
    }

    /// Who speaks: the planned speaker (with their subject), or an attendee in an open segment.
    func speaker(_ personID: Int, in item: AgendaItem) throws -> AgendaSpeaker {
        if let planned = item.speakers.first(where: { $0.personID == personID }) { return planned }
        guard let a = attendee(personID) else {
            if item.open { throw LiveError.notAttending(personID) }
            throw LiveError.notAllowedInSegment("此人", item.title, item.clause)
        }
        guard item.open, item.speakerCategories.contains(a.category) else {
            throw LiveError.notAllowedInSegment(a.name, item.title, item.clause)
        }
        return AgendaSpeaker(personID: a.personID, name: a.name, unit: a.unit, category: a.category)
    }

    /// A response names only speeches already held in the keynote, booked or free speeches.
    func checkResponse(_ ids: [Int], in item: AgendaItem) throws {
        guard !ids.isEmpty else { return }
        guard item.kind == .response else {
            throw LiveError.invalidResponse(["只有互动回应发言可以注明所回应的发言（三(三).5）。"])
        }
        var problems: [String] = []
        if Set(ids).count != ids.count { problems.append("同一发言重复注明。") }
        for id in ids {
            guard let s = speeches.first(where: { $0.id == id }) else {
                problems.append("没有第\(id)号发言。")
                continue
            }
            if !Self.questionSegments.contains(s.segment) {
                problems.append("第\(id)号发言（\(s.name)，\(s.segment.speechName)）不是委员、专家学者或中心发言，不能作为回应对象。")
            }
        }
        if !problems.isEmpty { throw LiveError.invalidResponse(problems) }
    }
}
