import Foundation
import Testing
@testable import XieshangCore

/// 会后清退 and 文稿材料清退归档: copies not returned are chased, person by person, from the day
/// after the meeting; the materials close only when every copy is accounted for and settled.
@Suite("Retrieval after the meeting and the closing of the materials")
struct PaperRetrievalTests {
    typealias F = MaterialFixtures
    static let heldOn = F.day("2026-12-17")

    /// Twelve copies; ten handed to members 100…109; nine returned; the tenth (person 109) still out.
    func afterTheMeeting() throws -> PaperCopyLedger {
        let (m, c) = try F.onPaper(copies: 12)
        var l = PaperCopyLedger(material: m, copies: c)
        for i in 0..<10 {
            try l.handOut(i + 1, to: MaterialReader(personID: 100 + i, roles: [.member], category: .members), named: "委员\(i)",
                          leadCommitteeID: F.leadCommitteeID, actor: "办公室", at: F.at(minutes: i))
        }
        for n in 1...9 { try l.update(n) { try $0.returnToOffice(actor: "办公室", at: F.at(minutes: 300)) } }
        return l
    }

    func name(_ id: Int) -> String { id == 109 ? "王淑贞" : "委员\(id - 100)" }

    func close(_ l: PaperCopyLedger, heldOn: Day? = heldOn, materials: [Material]? = nil) throws -> MaterialsClosure {
        try MaterialsClosure.close(heldOn: heldOn, materials: materials ?? [l.material], copies: l.copies, system: .nonClassified,
                                   personName: name, note: "", actor: "办公室", at: F.at(minutes: 2000))
    }

    @Test("会后清退 copies not returned are chased from the day after the meeting, not before")
    func chasedFromTheDayAfter() {
        #expect(PaperRetrieval.chasedFrom(meeting: Self.heldOn) == F.day("2026-12-18"))
        #expect(!PaperRetrieval.isChased(meeting: Self.heldOn, today: Self.heldOn))
        #expect(PaperRetrieval.isChased(meeting: Self.heldOn, today: F.day("2026-12-18")))
        #expect(PaperRetrieval.isChased(meeting: Self.heldOn, today: F.day("2027-01-05")))
    }

    @Test("会后清退 the copies not returned are listed by holder: the tenth holder until the return is recorded")
    func outstandingByHolder() throws {
        var l = try afterTheMeeting()
        let out = PaperRetrieval.outstanding(l.copies)
        #expect(out.map(\.personID) == [109] && out.first?.copies.map(\.number) == [10])
        try l.update(10) { try $0.returnToOffice(actor: "办公室", at: F.at(minutes: 3000)) }
        #expect(PaperRetrieval.outstanding(l.copies).isEmpty)
    }

    @Test("会后清退 a copy kept with a recorded reason is accounted for; one merely handed out is not")
    func keptIsAccounted() throws {
        var l = try afterTheMeeting()
        try l.update(10) { try $0.keep(reason: "县领导工作需要", approvedBy: "李永安", actor: "办公室", at: F.at(minutes: 400)) }
        #expect(PaperRetrieval.outstanding(l.copies).isEmpty)
    }

    @Test("会后清退 a holder of copies of two materials is listed once, with both")
    func oneLinePerHolder() throws {
        let (a, ca) = try F.onPaper(copies: 2)
        var b = try F.material(.departmentBriefing, id: 2, secrecy: .confidential, distribution: Distribution(roles: [.leader]))
        let cb = try b.registerPaperCopies(1, deliveredBy: "", reviewedOnPaper: false, actor: "办公室", at: F.instant)
        var la = PaperCopyLedger(material: a, copies: ca), lb = PaperCopyLedger(material: b, copies: cb)
        try la.handOut(2, to: F.leader, named: "曾湘莲", leadCommitteeID: F.leadCommitteeID, actor: "办公室", at: F.instant)
        try lb.handOut(1, to: F.leader, named: "曾湘莲", leadCommitteeID: F.leadCommitteeID, actor: "办公室", at: F.instant)
        let out = PaperRetrieval.outstanding(lb.copies + la.copies)
        #expect(out.count == 1 && out[0].personID == F.leaderID)
        #expect(out[0].copies.map { [$0.materialID, $0.number] } == [[1, 2], [2, 1]])
    }

    @Test("清退归档 the materials are not closed while a copy is unaccounted for; the refusal names holder, title and 份号")
    func refusedWhileUnaccounted() throws {
        let l = try afterTheMeeting()
        do {
            _ = try close(l)
            Issue.record("closed with a copy out")
        } catch let e as PaperCopyError {
            #expect(e == .unaccounted(["王淑贞：《有关部门情况介绍1》份号000010"]))
            #expect(e.kind == .conflict && e.message.contains("王淑贞：《有关部门情况介绍1》份号000010"))
        }
    }

    @Test("清退归档 nor while a returned or unused copy is neither destroyed nor archived")
    func refusedWhileUnsettled() throws {
        var l = try afterTheMeeting()
        try l.update(10) { try $0.returnToOffice(actor: "办公室", at: F.at(minutes: 3000)) }
        #expect(throws: PaperCopyError.self) { try close(l) }
        for n in 1...10 { try l.update(n) { try $0.dispose(.destroy, record: "销毁清单第3号", actor: "办公室", at: F.at(minutes: 3100)) } }
        do {
            _ = try close(l)
            Issue.record("closed with two unused copies in the office")
        } catch let e as PaperCopyError {
            #expect(e == .unsettled(["《有关部门情况介绍1》份号000011（在办公室）", "《有关部门情况介绍1》份号000012（在办公室）"]))
        }
        for n in 11...12 { try l.update(n) { try $0.dispose(.archive, record: "档号WS-15", actor: "办公室", at: F.at(minutes: 3100)) } }
        let closure = try close(l)
        #expect(closure.destroyed == 10 && closure.archived == 2 && closure.kept == 0)
        #expect(closure.actor == "办公室" && closure.at == F.at(minutes: 2000))
    }

    @Test("清退归档 a copy kept with approval does not hold up the closing, and is counted")
    func keptCopyCloses() throws {
        var l = try afterTheMeeting()
        try l.update(10) { try $0.keep(reason: "县领导工作需要", approvedBy: "李永安", actor: "办公室", at: F.at(minutes: 400)) }
        for n in 1...9 { try l.update(n) { try $0.dispose(.destroy, record: "销毁清单第3号", actor: "办公室", at: F.at(minutes: 500)) } }
        for n in 11...12 { try l.update(n) { try $0.dispose(.destroy, record: "销毁清单第3号", actor: "办公室", at: F.at(minutes: 500)) } }
        #expect(try close(l).kept == 1)
    }

    @Test("清退归档 only after the meeting is held")
    func onlyAfterTheMeeting() throws {
        let (m, _) = try F.onPaper(copies: 1)
        #expect(throws: PaperCopyError.notHeld) {
            try MaterialsClosure.close(heldOn: nil, materials: [m], copies: [], system: .nonClassified, personName: name,
                                       note: "", actor: "办公室", at: F.instant)
        }
    }

    @Test("保守国家秘密法 nor while a classified file held from before awaits the office's confirmation")
    func refusedWhileFilesUnconfirmed() throws {
        var held = try F.issuable(.departmentBriefing, id: 5, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        #expect(throws: PaperCopyError.unconfirmedFiles([held.citation])) {
            try MaterialsClosure.close(heldOn: Self.heldOn, materials: [held], copies: [], system: .nonClassified,
                                       personName: name, note: "", actor: "办公室", at: F.instant)
        }
        _ = try MaterialsClosure.close(heldOn: Self.heldOn, materials: [held], copies: [], system: .classified,
                                       personName: name, note: "", actor: "办公室", at: F.instant)
        try held.confirmPaperOnly(removeFiles: true, on: .nonClassified, actor: "办公室", at: F.instant)
        _ = try MaterialsClosure.close(heldOn: Self.heldOn, materials: [held], copies: [], system: .nonClassified,
                                       personName: name, note: "", actor: "办公室", at: F.instant)
    }

    @Test("清退归档 once closed, no copy is registered or handed out any more")
    func closedRefusesMore() throws {
        try MaterialsClosure.requireOpen(nil)
        let closure = MaterialsClosure(actor: "办公室", at: F.instant, note: "", destroyed: 0, archived: 0, kept: 0)
        #expect(throws: PaperCopyError.materialsClosed) { try MaterialsClosure.requireOpen(closure) }
        #expect(throws: PaperCopyError.textTooLong("说明", MaterialLimits.maxPaperNoteLength)) {
            try MaterialsClosure.close(heldOn: Self.heldOn, materials: [], copies: [], system: .nonClassified, personName: name,
                                       note: String(repeating: "注", count: MaterialLimits.maxPaperNoteLength + 1),
                                       actor: "办公室", at: F.instant)
        }
    }
}
