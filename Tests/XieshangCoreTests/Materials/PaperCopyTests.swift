import Foundation
import Testing
@testable import XieshangCore

/// One printed copy from hand-out to its end: signed for by its recipient or ticked by the
/// office, returned after the meeting (会后清退) or kept with a reason and approval, then
/// destroyed or archived with a record.
@Suite("A paper copy's way: hand-out, signature, retrieval, destruction or archiving")
struct PaperCopyTests {
    typealias F = MaterialFixtures

    /// Copy 000001 handed to the leader at minute 10.
    func handedOut() throws -> PaperCopy {
        var ledger = try ledger()
        try ledger.handOut(1, to: F.leader, named: "曾湘莲", leadCommitteeID: F.leadCommitteeID, actor: "办公室", at: F.at(minutes: 10))
        return try ledger.copy(1)
    }

    func ledger(copies: Int = 3) throws -> PaperCopyLedger {
        let (m, c) = try F.onPaper(copies: copies)
        return PaperCopyLedger(material: m, copies: c)
    }

    @Test("三(四).2 a copy handed out names its holder and the time; it is no longer in the office")
    func handOutRecords() throws {
        let c = try handedOut()
        #expect(c.state == .handedOut && c.holderID == F.leaderID && c.recipientID == F.leaderID)
        #expect(c.last(.handOut) == PaperCopy.Step(action: .handOut, actor: "办公室", at: F.at(minutes: 10), personID: F.leaderID, note: ""))
        #expect(c.signature == nil)
    }

    @Test("签收 the recipient signs for their copy on a tablet, with the time")
    func recipientSigns() throws {
        var c = try handedOut()
        try c.sign(as: .recipient(personID: F.leaderID), actor: "曾湘莲", at: F.at(minutes: 11))
        #expect(c.signature == PaperCopy.Signature(byRecipient: true, actor: "曾湘莲", at: F.at(minutes: 11)))
        #expect(c.last(.sign)?.personID == F.leaderID)
        #expect(throws: PaperCopyError.alreadySigned(1)) {
            try c.sign(as: .office, actor: "办公室", at: F.at(minutes: 12))
        }
    }

    @Test("签收 or the office ticks the sign-off sheet for them")
    func officeTicks() throws {
        var c = try handedOut()
        try c.sign(as: .office, actor: "刘秋菊", at: F.at(minutes: 11))
        #expect(c.signature == PaperCopy.Signature(byRecipient: false, actor: "刘秋菊", at: F.at(minutes: 11)))
        #expect(c.last(.sign)?.personID == nil)
    }

    @Test("签收 nobody signs for another's copy, and a copy not handed out is not signed for")
    func onlyTheRecipientSigns() throws {
        var c = try handedOut()
        #expect(throws: PaperCopyError.notYourCopy(1)) {
            try c.sign(as: .recipient(personID: F.speakerID), actor: "别人", at: F.at(minutes: 11))
        }
        #expect(c.signature == nil)
        #expect(PaperCopyError.notYourCopy(1).kind == .forbidden)
        var office = try ledger().copy(2)
        #expect(throws: PaperCopyError.stepOutOfOrder(2, .inOffice, .sign)) {
            try office.sign(as: .office, actor: "办公室", at: F.instant)
        }
    }

    @Test("会后清退 a returned copy is back in the office, its recipient kept on record")
    func returned() throws {
        var c = try handedOut()
        try c.returnToOffice(actor: "办公室", at: F.at(minutes: 200))
        #expect(c.state == .returned && c.holderID == nil && c.recipientID == F.leaderID)
        #expect(c.state.isAccountedFor && !c.state.isSettled)
        #expect(throws: PaperCopyError.stepOutOfOrder(1, .returned, .returnToOffice)) {
            try c.returnToOffice(actor: "办公室", at: F.at(minutes: 201))
        }
        var office = try ledger().copy(2)
        #expect(throws: PaperCopyError.stepOutOfOrder(2, .inOffice, .returnToOffice)) {
            try office.returnToOffice(actor: "办公室", at: F.instant)
        }
    }

    @Test("会后清退 a holder keeps a copy only with a reason and an approver; it may still come back later")
    func kept() throws {
        var c = try handedOut()
        #expect(throws: PaperCopyError.reasonRequired) {
            try c.keep(reason: "  ", approvedBy: "李永安", actor: "办公室", at: F.at(minutes: 200))
        }
        #expect(throws: PaperCopyError.approverRequired) {
            try c.keep(reason: "县领导工作需要", approvedBy: "", actor: "办公室", at: F.at(minutes: 200))
        }
        #expect(throws: PaperCopyError.textTooLong("说明", MaterialLimits.maxPaperNoteLength)) {
            try c.keep(reason: String(repeating: "因", count: MaterialLimits.maxPaperNoteLength + 1), approvedBy: "李永安",
                       actor: "办公室", at: F.at(minutes: 200))
        }
        #expect(c.state == .handedOut, "a refused keeping changes nothing")
        try c.keep(reason: " 县领导工作需要，会后留存 ", approvedBy: "李永安", actor: "办公室", at: F.at(minutes: 200))
        #expect(c.state == .kept && c.holderID == F.leaderID)
        #expect(c.keeping == PaperCopy.Keeping(reason: "县领导工作需要，会后留存", approvedBy: "李永安"))
        #expect(c.state.isAccountedFor && c.state.isSettled)
        try c.returnToOffice(actor: "办公室", at: F.at(minutes: 900))
        #expect(c.state == .returned && c.holderID == nil)
    }

    @Test("销毁/归档 a returned or unused copy is destroyed or archived, each with its record")
    func disposed() throws {
        var c = try handedOut()
        #expect(throws: PaperCopyError.stepOutOfOrder(1, .handedOut, .destroy)) {
            try c.dispose(.destroy, record: "销毁清单第3号", actor: "办公室", at: F.at(minutes: 300))
        }
        try c.returnToOffice(actor: "办公室", at: F.at(minutes: 200))
        #expect(throws: PaperCopyError.recordRequired(.destroy)) {
            try c.dispose(.destroy, record: "", actor: "办公室", at: F.at(minutes: 300))
        }
        try c.dispose(.destroy, record: "送县保密局销毁，销毁清单第3号", actor: "办公室", at: F.at(minutes: 300))
        #expect(c.state == .destroyed && c.state.isSettled)
        #expect(c.last(.destroy)?.note == "送县保密局销毁，销毁清单第3号")
        #expect(throws: PaperCopyError.stepOutOfOrder(1, .destroyed, .archive)) {
            try c.dispose(.archive, record: "档号", actor: "办公室", at: F.at(minutes: 301))
        }
        var unused = try ledger().copy(3)
        #expect(throws: PaperCopyError.recordRequired(.archive)) {
            try unused.dispose(.archive, record: " ", actor: "办公室", at: F.instant)
        }
        try unused.dispose(.archive, record: "归入2026年文书档案，档号WS·2026-Y-015", actor: "办公室", at: F.instant)
        #expect(unused.state == .archived && unused.recipientID == nil)
    }

    @Test("a copy's register lists every step in order")
    func registerInOrder() throws {
        var c = try handedOut()
        try c.sign(as: .recipient(personID: F.leaderID), actor: "曾湘莲", at: F.at(minutes: 11))
        try c.returnToOffice(actor: "办公室", at: F.at(minutes: 200))
        try c.dispose(.archive, record: "档号WS-15", actor: "办公室", at: F.at(minutes: 300))
        #expect(c.steps.map(\.action) == [.register, .handOut, .sign, .returnToOffice, .archive])
    }

    @Test("every refusal of the register speaks Chinese and has a stable code")
    func refusalsSpeakChinese() {
        let all: [PaperCopyError] = [
            .notClassified(.internal), .countInvalid(500), .reviewRequired(.keynote), .textTooLong("说明", 200), .noCopies,
            .copyNotFound(3), .duplicateCopy(3), .stepOutOfOrder(3, .returned, .handOut), .notAPerson, .outsideRange("黄振宇"),
            .alreadyHolds("王淑贞", 2), .notEnoughCopies(needed: 3, inOffice: 1), .alreadySigned(3), .notYourCopy(3),
            .reasonRequired, .approverRequired, .recordRequired(.destroy), .recordRequired(.archive), .paperOnlyNotNeeded,
            .alreadyConfirmed, .materialsClosed, .notHeld, .unaccounted(["王淑贞：《甲》份号000010"]), .unsettled(["x"]),
            .unconfirmedFiles(["y"]),
        ]
        var codes = Set<String>()
        for e in all {
            #expect(e.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(e.code): \(e.message)")
            #expect(e.code.allSatisfy { $0.isLowercase || $0 == "_" }, "\(e.code)")
            codes.insert(e.code)
        }
        #expect(codes.count == all.count - 1, "recordRequired shares its code; every other refusal has its own")
        #expect(PaperCopyError.unaccounted(["王淑贞：《甲》份号000010"]).message.contains("王淑贞：《甲》份号000010"))
        #expect(PaperCopyError.outsideRange("黄振宇").message.contains("黄振宇"))
    }
}
