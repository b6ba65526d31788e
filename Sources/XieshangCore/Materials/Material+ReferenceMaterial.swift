import Foundation

/// 参阅资料 (三(四).4 "由相关委室收集整理，提前送有关领导同志参阅"): sent in advance to named
/// leaders, who are thereby in its range; their opening it is recorded.
extension Material {
    /// Sends the reference material to a person: they join the range by name, and the time is
    /// recorded. Sending again records the new time and clears an earlier opening (they are to
    /// read it again). Refused for other kinds and before a file is uploaded.
    public mutating func send(to personID: Int, at: Date) throws {
        guard kind == .referenceMaterial else { throw MaterialError.notReferenceMaterial(kind) }
        guard isIssuable else { throw MaterialError.notIssuable }
        var range = distribution
        range.personIDs.insert(personID)
        try classify(secrecy, period: secrecyPeriod, distribution: range)
        sentTo[personID] = at
        opened[personID] = nil
    }

    /// Records that a person it was sent to opened it; the first opening after sending counts.
    public mutating func markOpened(by personID: Int, at: Date) throws {
        guard kind == .referenceMaterial else { throw MaterialError.notReferenceMaterial(kind) }
        guard sentTo[personID] != nil else { throw MaterialError.notSentTo }
        if opened[personID] == nil { opened[personID] = at }
    }

    /// Those it was sent to who have not opened it yet, in id order (for a reminder).
    public var unopened: [Int] { sentTo.keys.filter { opened[$0] == nil }.sorted() }
}
