import Foundation
import Testing
@testable import XieshangCore

/// The secrecy rule, reader by reader (三(四).2 "根据涉密程度明确发放范围"; DESIGN.md "Roles").
@Suite("Who may see a material (MaterialAccess.canSee)")
struct MaterialAccessTests {
    typealias F = MaterialFixtures
    let lead = F.leadCommitteeID

    func sees(_ m: Material, _ r: MaterialReader) -> Bool { MaterialAccess.canSee(m, r, leadCommitteeID: lead) }

    /// A secret department briefing for the leaders only, uploaded (issuable).
    func secretBriefing() throws -> Material {
        try F.issuable(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
    }

    @Test("三(四) the office compiles and issues: it always sees every material, classified or not yet issuable")
    func officeSeesEverything() throws {
        #expect(sees(try secretBriefing(), F.office))
        #expect(sees(try F.material(.bookedSpeech, secrecy: .confidential, distribution: .none), F.office))
    }

    @Test("DESIGN Roles admin is a technical role: no exemption from secrecy")
    func adminHasNoExemption() throws {
        #expect(!sees(try secretBriefing(), F.admin))
        #expect(!sees(try F.issuable(.departmentBriefing, secrecy: .internal, distribution: .attendingOnly), F.admin))
        #expect(sees(try F.issuable(.departmentBriefing, secrecy: .public, distribution: .everyone), F.admin))
        #expect(!MaterialAccess.canUpload(try secretBriefing(), F.admin, leadCommitteeID: lead))
        #expect(!MaterialAccess.canReview(F.admin, leadCommitteeID: lead))
        #expect(!MaterialAccess.canDistribute(F.admin, leadCommitteeID: lead))
    }

    @Test("三(四).2 the producer always sees its own material, even outside the range")
    func producerSeesOwn() throws {
        let briefing = try F.material(.departmentBriefing, secrecy: .secret, distribution: .none)
        #expect(sees(briefing, F.briefingDepartment))
        #expect(!sees(briefing, F.otherDepartment))
        let draft = try F.material(.bookedSpeech, secrecy: .internal, distribution: .none)
        #expect(sees(draft, F.speaker))
        #expect(!sees(draft, F.attendingMember))
        let speech = try F.material(.leaderSpeech, producer: .governmentOffice, secrecy: .secret, distribution: .none)
        #expect(sees(speech, F.governmentOfficeStaff))
        var partyStaff = F.governmentOfficeStaff
        partyStaff.officeOf = "partyCommittee"
        #expect(!sees(speech, partyStaff))
    }

    @Test("三(四).2 a department contact is the producer only with the department role")
    func departmentProducerNeedsRole() throws {
        let briefing = try F.material(.departmentBriefing, secrecy: .secret, distribution: .none)
        let member = MaterialReader(personID: 80, roles: [.member], departmentID: F.departmentID)
        #expect(!sees(briefing, member))
    }

    @Test("三(四).2 the lead committee sees every material of its symposium; another committee only if in range")
    func leadCommitteeSeesAll() throws {
        let secret = try secretBriefing()
        #expect(sees(secret, F.leadCommitteeStaff))
        #expect(!sees(secret, F.otherCommitteeStaff))
        let draft = try F.material(.bookedSpeech, distribution: .none)
        #expect(sees(draft, F.leadCommitteeStaff))
        // A member of the lead committee's special committee is not its staff.
        let committeeMember = MaterialReader(personID: 81, roles: [.member], committeeID: lead)
        #expect(!sees(secret, committeeMember))
        var forCommittees = secret
        try forCommittees.classify(.secret, period: nil, distribution: Distribution(roles: [.committee]))
        #expect(sees(forCommittees, F.otherCommitteeStaff))
    }

    @Test("三(四).2 a department sees only materials in whose range it is")
    func departmentOnlyInRange() throws {
        let m = try F.issuable(.keynote, secrecy: .internal, distribution: Distribution(departmentIDs: [F.otherDepartmentID]))
        #expect(sees(m, F.otherDepartment))
        #expect(!sees(m, F.briefingDepartment))
        #expect(!sees(m, MaterialReader(personID: 82, roles: [.member], departmentID: F.otherDepartmentID)))
    }

    @Test("三(四).2 'attending only' admits attendees of every category and no one absent")
    func attendingOnly() throws {
        let m = try F.issuable(.referenceMaterial, secrecy: .secret, distribution: .attendingOnly)
        for r in [F.attendingMember, F.attendingExpert, F.leader, F.briefingDepartment] { #expect(sees(m, r)) }
        for r in [F.absentMember, F.otherDepartment, F.otherCommitteeStaff, F.admin] { #expect(!sees(m, r)) }
    }

    @Test("三(四).2 a range admits by role, by person, by department and by attendee category")
    func rangeEntries() throws {
        func material(_ d: Distribution) throws -> Material { try F.issuable(.keynote, secrecy: .confidential, distribution: d) }
        #expect(sees(try material(Distribution(roles: [.leader])), F.leader))
        #expect(!sees(try material(Distribution(roles: [.leader])), F.attendingMember))
        #expect(sees(try material(Distribution(personIDs: [52])), F.absentMember))
        #expect(sees(try material(Distribution(departmentIDs: [F.departmentID])), F.briefingDepartment))
        let experts = try material(Distribution(categories: [.experts]))
        #expect(sees(experts, F.attendingExpert))
        #expect(!sees(experts, MaterialReader(personID: 61, roles: [.expert])))
        #expect(!sees(experts, F.attendingMember))
        #expect(!sees(try material(.none), F.leader))
    }

    @Test("三(四).3 a draft is not shown to its range before it may be issued")
    func draftNotShownToRange() throws {
        var m = try F.material(.bookedSpeech, secrecy: .public, distribution: .everyone)
        #expect(!sees(m, F.attendingMember))
        try F.upload(&m)
        try m.review(.submit, actor: "发言人", at: F.at(minutes: 1))
        try m.review(.approve, actor: "委室", at: F.at(minutes: 2))
        #expect(!sees(m, F.attendingMember))
        try m.review(.forward, actor: "委室", at: F.at(minutes: 3))
        #expect(sees(m, F.attendingMember))
    }

    @Test("DESIGN Roles uploading: the producer, the lead committee or the office; review and range: lead committee and office")
    func actingRights() throws {
        let m = try F.material(.departmentBriefing)
        #expect(MaterialAccess.canUpload(m, F.briefingDepartment, leadCommitteeID: lead))
        #expect(MaterialAccess.canUpload(m, F.leadCommitteeStaff, leadCommitteeID: lead))
        #expect(MaterialAccess.canUpload(m, F.office, leadCommitteeID: lead))
        #expect(!MaterialAccess.canUpload(m, F.otherDepartment, leadCommitteeID: lead))
        #expect(!MaterialAccess.canUpload(m, F.leader, leadCommitteeID: lead))
        for r in [F.leadCommitteeStaff, F.office] {
            #expect(MaterialAccess.canReview(r, leadCommitteeID: lead) && MaterialAccess.canDistribute(r, leadCommitteeID: lead))
        }
        for r in [F.otherCommitteeStaff, F.speaker, F.leader, F.briefingDepartment] {
            #expect(!MaterialAccess.canReview(r, leadCommitteeID: lead) && !MaterialAccess.canDistribute(r, leadCommitteeID: lead))
        }
    }

    @Test("三(四).2 a reader outside the range is told the material does not exist")
    func outsideIsNotFound() throws {
        let m = try secretBriefing()
        #expect(throws: MaterialError.notFound) { try MaterialAccess.requireSee(m, F.attendingMember, leadCommitteeID: lead) }
        try MaterialAccess.requireSee(m, F.leader, leadCommitteeID: lead)
        #expect(MaterialError.notFound.kind == .notFound)
    }

    @Test("三(四).5 a principal attends in its invitee category only when confirmed or notified")
    func readerFromPrincipal() throws {
        var s = Symposium(year: 2026, topicID: 2, topic: "黑茶产业", rationale: "", leadCommitteeID: lead,
                          viceChairInChargeID: 20, host: SymposiumHost(personID: 10), date: F.day("2026-06-18"))
        try s.addInvitee(personID: 50, name: "王委员", category: .members, reason: "", isCurrentMember: true)
        let p = Principal(userID: 9, username: "wang", displayName: "王委员", roles: [.member], personID: 50)
        #expect(MaterialReader(p, in: s).category == nil)
        try s.invitees[0].preInvite(at: F.instant)
        #expect(MaterialReader(p, in: s).category == nil)
        try s.invitees[0].answer(.confirm, via: .own, note: "", at: F.at(minutes: 5))
        #expect(MaterialReader(p, in: s).category == .members)
        try s.invitees[0].notify(at: F.at(minutes: 10), mailedTo: nil)
        let r = MaterialReader(p, in: s)
        #expect(r.category == .members && r.personID == 50 && r.roles == [.member])
    }

    @Test("三(四).2 a range is stored as sorted, stable JSON; missing parts read as empty")
    func distributionJSON() throws {
        let d = Distribution(scope: .listed, roles: [.leader, .chair], personIDs: [9, 3], departmentIDs: [22, 21],
                             categories: [.experts, .leaders])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(d), as: UTF8.self)
        #expect(json == #"{"categories":["leaders","experts"],"departmentIDs":[21,22],"personIDs":[3,9],"roles":["chair","leader"],"scope":"listed"}"#)
        #expect(try JSONDecoder().decode(Distribution.self, from: Data(json.utf8)) == d)
        #expect(try JSONDecoder().decode(Distribution.self, from: Data(#"{"scope":"attendingOnly"}"#.utf8)) == .attendingOnly)
    }

    @Test("三(四).2 widening a range keeps everyone it admitted: union and isWithin")
    func unionWidens() {
        let a = Distribution(roles: [.leader], personIDs: [1]), b = Distribution(scope: .attendingOnly, categories: [.experts])
        let u = a.union(b)
        #expect(a.isWithin(u) && b.isWithin(u))
        #expect(!u.isWithin(a))
        #expect(Distribution(categories: [.members]).isWithin(.attendingOnly))
        #expect(Distribution.attendingOnly.isWithin(.everyone) && !Distribution.everyone.isWithin(.attendingOnly))
    }
}
