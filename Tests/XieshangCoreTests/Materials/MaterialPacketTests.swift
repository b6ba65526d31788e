import Testing
@testable import XieshangCore

/// 三(四) "由办公室汇总印发": the compiled packet, reader by reader.
@Suite("The compiled packet (三(四))")
struct MaterialPacketTests {
    typealias F = MaterialFixtures

    func packet(_ ms: [Material], _ r: MaterialReader) -> [Material] {
        MaterialPacket.contents(ms, for: r, leadCommitteeID: F.leadCommitteeID)
    }

    @Test("三(四) the packet follows the prescribed order whatever order the materials come in")
    func prescribedOrder() throws {
        let ms = try [
            F.issuable(.attendeeList, id: 1), F.issuable(.referenceMaterial, id: 2), F.issuable(.bookedSpeech, id: 3),
            F.issuable(.keynote, id: 4), F.issuable(.departmentBriefing, id: 5), F.issuable(.leaderSpeech, id: 6),
        ]
        for input in [ms, ms.reversed(), [ms[2], ms[5], ms[0], ms[4], ms[1], ms[3]]] {
            #expect(packet(input, F.office).map(\.kind) ==
                [.leaderSpeech, .departmentBriefing, .keynote, .bookedSpeech, .referenceMaterial, .attendeeList])
        }
    }

    @Test("三(四) within a kind: by due day, undated last, then by id")
    func orderWithinKind() throws {
        let ms = try [
            F.issuable(.bookedSpeech, id: 9, producer: .attendee(personID: 59)),
            F.issuable(.bookedSpeech, id: 4, producer: .attendee(personID: 54), due: F.day("2026-06-10")),
            F.issuable(.bookedSpeech, id: 7, producer: .attendee(personID: 57), due: F.day("2026-06-08")),
            F.issuable(.bookedSpeech, id: 2, producer: .attendee(personID: 52)),
            F.issuable(.bookedSpeech, id: 3, producer: .attendee(personID: 53), due: F.day("2026-06-10")),
        ]
        #expect(packet(ms, F.office).map(\.id) == [7, 3, 4, 2, 9])
    }

    @Test("三(四).3 unreviewed drafts and materials without a file are left out, even for the office")
    func onlyIssuable() throws {
        var submitted = try F.material(.bookedSpeech, id: 1)
        try F.upload(&submitted)
        try submitted.review(.submit, actor: "发言人", at: F.instant)
        let empty = try F.material(.departmentBriefing, id: 2)
        let ready = try F.issuable(.keynote, id: 3)
        #expect(packet([submitted, empty, ready], F.office).map(\.id) == [3])
        #expect(packet([submitted, empty, ready], F.leadCommitteeStaff).map(\.id) == [3])
    }

    @Test("三(四).2 each reader's packet holds only what its range admits")
    func filteredByRange() throws {
        let ms = try [
            F.issuable(.leaderSpeech, id: 1, secrecy: .secret, distribution: Distribution(roles: [.leader])),
            F.issuable(.departmentBriefing, id: 2, secrecy: .internal, distribution: .attendingOnly),
            F.issuable(.referenceMaterial, id: 3, secrecy: .confidential, distribution: Distribution(personIDs: [F.leaderID])),
            F.issuable(.attendeeList, id: 4, secrecy: .public, distribution: .everyone),
        ]
        #expect(packet(ms, F.office).map(\.id) == [1, 2, 3, 4])
        #expect(packet(ms, F.leader).map(\.id) == [1, 2, 3, 4])
        #expect(packet(ms, F.attendingMember).map(\.id) == [2, 4])
        #expect(packet(ms, F.absentMember).map(\.id) == [4])
        #expect(packet(ms, F.admin).map(\.id) == [4])
        #expect(packet(ms, F.briefingDepartment).map(\.id) == [2, 4])
        #expect(packet(ms, F.leadCommitteeStaff).map(\.id) == [1, 2, 3, 4])
    }
}
