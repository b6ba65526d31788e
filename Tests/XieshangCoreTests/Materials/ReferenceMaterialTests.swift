import Testing
@testable import XieshangCore

/// 三(四).4 "参阅资料……由相关委室收集整理，提前送有关领导同志参阅".
@Suite("Reference materials sent to leaders in advance (三(四).4)")
struct ReferenceMaterialTests {
    typealias F = MaterialFixtures

    func reference(secrecy: SecrecyLevel = .internal, distribution: Distribution = .none) throws -> Material {
        try F.issuable(.referenceMaterial, secrecy: secrecy, distribution: distribution)
    }

    @Test("三(四).4 sending to a leader records when, and puts the leader in the range by name")
    func sendRecords() throws {
        var m = try reference(secrecy: .secret, distribution: .none)
        let leaderOutside = MaterialReader(personID: F.leaderID, roles: [.leader])
        #expect(!MaterialAccess.canSee(m, leaderOutside, leadCommitteeID: F.leadCommitteeID))
        try m.send(to: F.leaderID, at: F.at(minutes: 30))
        #expect(m.sentTo == [F.leaderID: F.at(minutes: 30)])
        #expect(m.distribution.personIDs == [F.leaderID] && m.secrecy == .secret)
        #expect(MaterialAccess.canSee(m, leaderOutside, leadCommitteeID: F.leadCommitteeID))
        #expect(m.unopened == [F.leaderID])
    }

    @Test("三(四).4 only someone it was sent to marks it opened; the first opening counts")
    func markOpened() throws {
        var m = try reference()
        try m.send(to: 10, at: F.at(minutes: 30))
        try m.send(to: 11, at: F.at(minutes: 31))
        #expect(throws: MaterialError.notSentTo) { try m.markOpened(by: 12, at: F.at(minutes: 40)) }
        try m.markOpened(by: 10, at: F.at(minutes: 40))
        try m.markOpened(by: 10, at: F.at(minutes: 50))
        #expect(m.opened == [10: F.at(minutes: 40)])
        #expect(m.unopened == [11])
        #expect(MaterialError.notSentTo.kind == .forbidden)
    }

    @Test("三(四).4 sending again records the new time and asks for a new reading")
    func resend() throws {
        var m = try reference()
        try m.send(to: 10, at: F.at(minutes: 30))
        try m.markOpened(by: 10, at: F.at(minutes: 40))
        try m.send(to: 10, at: F.at(minutes: 60))
        #expect(m.sentTo[10] == F.at(minutes: 60) && m.opened[10] == nil)
    }

    @Test("三(四).4 only reference materials are sent in advance, and only once they have a file")
    func onlyReferenceWithFile() throws {
        var keynote = try F.issuable(.keynote)
        #expect(throws: MaterialError.notReferenceMaterial(.keynote)) { try keynote.send(to: 10, at: F.instant) }
        #expect(throws: MaterialError.notReferenceMaterial(.keynote)) { try keynote.markOpened(by: 10, at: F.instant) }
        var empty = try F.material(.referenceMaterial)
        #expect(throws: MaterialError.notIssuable) { try empty.send(to: 10, at: F.instant) }
        #expect(empty.sentTo.isEmpty)
    }
}
