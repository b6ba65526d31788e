import Foundation
import Testing
@testable import XieshangCore

/// The packet on a non-classified system lists a classified material as
/// "纸质件，会上分发（份号…）" and prints none of its content; 内部 materials are printed in full.
@Suite("Packet entries: in full, or on paper")
struct PacketEntryTests {
    typealias F = MaterialFixtures

    /// An internal keynote for all attendees, and a 秘密 briefing for leaders and attending
    /// members on paper (12 copies), copy 3 handed to the leader.
    func materials() throws -> ([Material], [PaperCopy]) {
        let keynote = try F.issuable(.keynote, id: 2, distribution: .attendingOnly)
        let (briefing, copies) = try F.onPaper(copies: 12)
        var l = PaperCopyLedger(material: briefing, copies: copies)
        try l.handOut(3, to: F.leader, named: "曾湘莲", leadCommitteeID: F.leadCommitteeID, actor: "办公室", at: F.instant)
        return ([keynote, briefing], l.copies)
    }

    func entries(_ r: MaterialReader, system: SystemClassification = .nonClassified) throws -> [PacketEntry] {
        let (ms, copies) = try materials()
        return MaterialPacket.entries(ms, for: r, personID: r.personID ?? 0, leadCommitteeID: F.leadCommitteeID, system: system,
                                      copies: copies)
    }

    @Test("三(四) a classified material is a paper entry with the reader's 份号 and no content; an internal one is printed")
    func paperEntryWithNumber() throws {
        let e = try entries(F.leader)
        #expect(e.count == 2)
        guard case .paper(let m, let n, _) = e[0] else { Issue.record("the briefing is not a paper entry: \(e[0])"); return }
        #expect(m.kind == .departmentBriefing && n == 3)
        #expect(e[0].paperNote == "纸质件，会上分发（份号000003）")
        guard case .document(let k) = e[1] else { Issue.record("the keynote is not printed: \(e[1])"); return }
        #expect(k.kind == .keynote && e[1].paperNote == nil)
    }

    @Test("三(四) a reader in the range whose copy is not yet handed out sees the paper entry without a number")
    func paperEntryBeforeHandOut() throws {
        let e = try entries(F.attendingMember)
        #expect(e.first?.paperNote == "纸质件，会上分发（份号分发时登记）")
    }

    @Test("三(四).2 the range still decides: a reader outside it has no entry at all")
    func outsideRangeNoEntry() throws {
        let e = try entries(F.attendingExpert)
        #expect(e.map(\.material.kind) == [.keynote])
    }

    @Test("三(四).4 a classified reference material sent to a leader in advance is noted so; handed out at the meeting, so")
    func referenceSentInAdvance() throws {
        var ref = try F.material(.referenceMaterial, id: 4, secrecy: .secret, distribution: Distribution(categories: [.members]))
        let copies = try ref.registerPaperCopies(2, deliveredBy: "", reviewedOnPaper: false, actor: "办公室", at: F.instant)
        try ref.send(to: F.leaderID, at: F.instant)
        var l = PaperCopyLedger(material: ref, copies: copies)
        try l.handOut(1, to: F.leader, named: "曾湘莲", leadCommitteeID: F.leadCommitteeID, actor: "办公室", at: F.instant)
        try l.handOut(2, to: F.attendingMember, named: "委员", leadCommitteeID: F.leadCommitteeID, actor: "办公室", at: F.instant)
        func note(_ r: MaterialReader) -> String? {
            MaterialPacket.entries([ref], for: r, personID: r.personID ?? 0, leadCommitteeID: F.leadCommitteeID,
                                   system: .nonClassified, copies: l.copies).first?.paperNote
        }
        #expect(note(F.leader) == "纸质件，已提前送阅（份号000001）")
        #expect(note(F.attendingMember) == "纸质件，会上分发（份号000002）")
    }

    @Test("保守国家秘密法 on a classified system a classified material with a file is printed in full, as before")
    func classifiedSystemPrints() throws {
        let secret = try F.issuable(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        let e = MaterialPacket.entries([secret], for: F.leader, personID: F.leaderID, leadCommitteeID: F.leadCommitteeID,
                                       system: .classified, copies: [])
        #expect(e == [.document(secret)])
        let held = MaterialPacket.entries([secret], for: F.leader, personID: F.leaderID, leadCommitteeID: F.leadCommitteeID,
                                          system: .nonClassified, copies: [])
        #expect(held == [.paper(secret, copyNumber: nil, sentInAdvance: false)],
                "a file held from before is never printed on a non-classified system")
    }

    @Test("三(四) paper entries keep the packet's prescribed order")
    func order() throws {
        let e = try entries(F.office)
        #expect(e.map(\.material.kind) == [.departmentBriefing, .keynote])
    }
}
