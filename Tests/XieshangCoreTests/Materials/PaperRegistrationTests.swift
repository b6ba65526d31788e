import Foundation
import Testing
@testable import XieshangCore

/// 纸质件登记: the producer delivers N printed copies of a 秘密 or 机密 material; the office
/// registers them, each with a 份号 from the material's one counter, never reused.
@Suite("Paper copies are registered with 份号 from the one counter")
struct PaperRegistrationTests {
    typealias F = MaterialFixtures

    @Test("三(四).2 registering 12 copies numbers them 000001 to 000012, in the office")
    func twelveCopies() throws {
        let (m, copies) = try F.onPaper(copies: 12)
        #expect(copies.map(\.number) == Array(1...12))
        #expect(copies.allSatisfy { $0.state == .inOffice && $0.holderID == nil && $0.materialID == m.id })
        #expect(copies.first?.formattedNumber == "000001" && copies.last?.formattedNumber == "000012")
        #expect(m.paperCopyNumbers == Array(1...12))
        #expect(m.paperDeliveries == [PaperDelivery(numbers: Array(1...12), deliveredBy: "县农业农村局", registeredBy: "办公室",
                                                    at: F.instant, reviewedOnPaper: false)])
        #expect(copies[0].steps == [PaperCopy.Step(action: .register, actor: "办公室", at: F.instant, personID: nil, note: "")])
    }

    @Test("GB/T 9704 份号 a second delivery continues the count; no number is given twice")
    func secondDeliveryContinues() throws {
        var (m, _) = try F.onPaper(copies: 3)
        let more = try m.registerPaperCopies(2, deliveredBy: "", reviewedOnPaper: false, actor: "办公室", at: F.at(minutes: 9))
        #expect(more.map(\.number) == [4, 5])
        #expect(m.paperCopyNumbers == [1, 2, 3, 4, 5] && m.paperDeliveries.count == 2)
    }

    @Test("GB/T 9704 份号 printed copies and packet copies share one counter in both directions")
    func oneCounterForPaperAndPackets() throws {
        // On a classified system the packet numbered copies 1–2 first; paper follows with 3.
        var m = try F.issuable(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        m.numberCopies(for: [10, 11])
        let paper = try m.registerPaperCopies(2, deliveredBy: "", reviewedOnPaper: false, actor: "办公室", at: F.instant)
        #expect(paper.map(\.number) == [3, 4])
        // A packet compiled after that goes on after the printed copies.
        m.numberCopies(for: [10, 11, 12])
        #expect(m.copyNumbers == [10: 1, 11: 2, 12: 5])
    }

    @Test("三(四).2 only 秘密 and 机密 materials are registered on paper; 内部 and 公开 stay electronic")
    func onlyClassified() throws {
        for level in [SecrecyLevel.internal, .public] {
            var m = try F.material(.departmentBriefing, secrecy: level)
            #expect(throws: PaperCopyError.notClassified(level)) {
                try m.registerPaperCopies(5, deliveredBy: "", reviewedOnPaper: false, actor: "办公室", at: F.instant)
            }
            #expect(m.paperDeliveries.isEmpty)
        }
        var confidential = try F.material(.departmentBriefing, secrecy: .confidential, distribution: Distribution(roles: [.leader]))
        #expect(try confidential.registerPaperCopies(1, deliveredBy: "", reviewedOnPaper: false, actor: "办公室", at: F.instant).count == 1)
    }

    @Test("纸质件登记 the number of copies is at least 1 and at most the limit")
    func countBounds() throws {
        var m = try F.material(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        for bad in [0, -3, MaterialLimits.maxPaperCopies + 1] {
            #expect(throws: PaperCopyError.countInvalid(MaterialLimits.maxPaperCopies)) {
                try m.registerPaperCopies(bad, deliveredBy: "", reviewedOnPaper: false, actor: "办公室", at: F.instant)
            }
        }
        #expect(m.paperDeliveries.isEmpty)
        #expect(try m.registerPaperCopies(MaterialLimits.maxPaperCopies, deliveredBy: "", reviewedOnPaper: false, actor: "办公室",
                                          at: F.instant).count == MaterialLimits.maxPaperCopies)
    }

    @Test("纸质件登记 who delivered is recorded trimmed, and within its limit")
    func deliveredBy() throws {
        var m = try F.material(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        #expect(throws: PaperCopyError.textTooLong("送交人", MaterialLimits.maxPaperNameLength)) {
            try m.registerPaperCopies(1, deliveredBy: String(repeating: "王", count: MaterialLimits.maxPaperNameLength + 1),
                                      reviewedOnPaper: false, actor: "办公室", at: F.instant)
        }
        _ = try m.registerPaperCopies(1, deliveredBy: "  县农业农村局 姜茂林 ", reviewedOnPaper: false, actor: "办公室", at: F.instant)
        #expect(m.paperDeliveries.last?.deliveredBy == "县农业农村局 姜茂林")
    }

    @Test("三(四).3 a classified speech draft on paper is registered only once its review is confirmed")
    func speechDraftNeedsReview() throws {
        var keynote = try F.material(.keynote, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        #expect(throws: PaperCopyError.reviewRequired(.keynote)) {
            try keynote.registerPaperCopies(4, deliveredBy: "", reviewedOnPaper: false, actor: "办公室", at: F.instant)
        }
        #expect(!keynote.isIssuable)
        _ = try keynote.registerPaperCopies(4, deliveredBy: "", reviewedOnPaper: true, actor: "办公室", at: F.instant)
        #expect(keynote.isIssuable && keynote.paperDeliveries.last?.reviewedOnPaper == true)
        // Forwarded electronically (a classified system): no paper confirmation needed.
        var forwarded = try F.issuable(.keynote, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        _ = try forwarded.registerPaperCopies(2, deliveredBy: "", reviewedOnPaper: false, actor: "办公室", at: F.instant)
        #expect(forwarded.paperDeliveries.last?.reviewedOnPaper == false, "reviewedOnPaper is recorded only for drafts")
    }

    @Test("三(四).2 registered copies make the material issuable: readers in the range see it, others do not")
    func registrationIssues() throws {
        let blank = try F.material(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        #expect(!blank.isIssuable && !MaterialAccess.canSee(blank, F.leader, leadCommitteeID: F.leadCommitteeID))
        let (m, _) = try F.onPaper(copies: 2, distribution: Distribution(roles: [.leader]))
        #expect(m.isIssuable && m.isDeliveredOnPaper && !m.hasIssuableFile)
        #expect(MaterialAccess.canSee(m, F.leader, leadCommitteeID: F.leadCommitteeID))
        #expect(!MaterialAccess.canSee(m, F.attendingMember, leadCommitteeID: F.leadCommitteeID))
    }

    @Test("a material stored before paper copies existed decodes with none, and paper copies survive a round trip")
    func storedShapes() throws {
        let old = try F.issuable(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(old)) as? [String: Any])
        #expect(object["paperDeliveries"] != nil)
        object.removeValue(forKey: "paperDeliveries")
        object.removeValue(forKey: "paperOnly")
        let decoded = try JSONDecoder().decode(Material.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(decoded == old && decoded.paperDeliveries.isEmpty && decoded.paperOnly == nil)

        let (m, copies) = try F.onPaper(copies: 2)
        #expect(try JSONDecoder().decode(Material.self, from: try JSONEncoder().encode(m)) == m)
        var flagged = try F.issuable(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        try flagged.confirmPaperOnly(removeFiles: true, on: .nonClassified, actor: "办公室", at: F.instant)
        #expect(try JSONDecoder().decode(Material.self, from: try JSONEncoder().encode(flagged)) == flagged)
        #expect(try JSONDecoder().decode([PaperCopy].self, from: try JSONEncoder().encode(copies)) == copies)
    }

    @Test("minutes and outcomes cite a classified material by title, marking and number only")
    func citation() throws {
        let secret = try F.material(.departmentBriefing, id: 12, title: "全县黑茶产业发展情况介绍", secrecy: .secret,
                                    period: .years(1), distribution: Distribution(roles: [.leader]))
        #expect(secret.citation == "《全县黑茶产业发展情况介绍》（秘密★1年，材料编号12）")
        let open = try F.material(.keynote, id: 13, title: "关于打造区域公用品牌的发言")
        #expect(open.citation == "《关于打造区域公用品牌的发言》")
    }
}
