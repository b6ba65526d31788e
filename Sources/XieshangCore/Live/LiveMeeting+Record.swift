extension LiveMeeting {
    /// Per person, in the order they first spoke: how many speeches and how long (ended
    /// speeches only, pauses excluded).
    public func totals() -> [SpeakerTotal] {
        var totals: [SpeakerTotal] = []
        var index: [Int: Int] = [:]
        for s in speeches {
            if let i = index[s.personID] {
                totals[i].speeches += 1
                totals[i].totalSeconds += s.durationSeconds
            } else {
                index[s.personID] = totals.count
                totals.append(SpeakerTotal(personID: s.personID, name: s.name, unit: s.unit, category: s.category,
                                           speeches: 1, totalSeconds: s.durationSeconds))
            }
        }
        return totals
    }

    /// Every speech answered by at least one response, in speaking order, with its responses.
    public func responsePairs() -> [ResponsePair] {
        speeches.compactMap { question in
            let responses = speeches.filter { $0.respondsTo.contains(question.id) }
            return responses.isEmpty ? nil : ResponsePair(question: question, responses: responses)
        }
    }
}
