import Foundation
import Testing
@testable import XieshangCore

/// 一.6 "通过政协参阅件、建议案、提案等方式报送有关领导同志和相关部门" and 三(五) "报送县委、县政府领导
/// 参阅并送交相关部门办理": drafting, the rules of sending per form, acknowledgement.
@Suite("Outcomes: forms, sending and acknowledgement (一.6, 三(五))")
struct OutcomeSendingTests {
    typealias F = OutcomeFixtures
    let calendar = WorkingCalendar.builtIn
    let regulation = Regulation.default

    @Test("一.6 an outcome takes one of the forms the Regulation allows")
    func formsOfTheRegulation() throws {
        #expect(OutcomeForm.allCases.map(\.chineseName) == ["政协参阅件", "建议案", "提案"])
        var r = regulation
        r.outcomeForms = [.referenceBrief, .recommendation]
        #expect(throws: OutcomeError.formNotAllowed(.proposal)) { try F.draft(.proposal, regulation: r) }
        var o = try F.draft(.referenceBrief, regulation: r)
        #expect(throws: OutcomeError.formNotAllowed(.proposal)) { try o.setForm(.proposal, regulation: r) }
        try o.setForm(.recommendation, regulation: r)
        #expect(o.form == .recommendation && o.state == .drafting)
    }

    @Test("一.6 a draft needs a title of reasonable length")
    func titleRequired() throws {
        #expect(throws: OutcomeError.titleRequired) {
            try Outcome(symposiumID: 7, symposiumDay: F.symposiumDay, form: .proposal, title: "  ", draftedBy: "办公室",
                        at: F.at("2026-06-22"), calendar: calendar, regulation: regulation)
        }
        var o = try F.draft(.proposal)
        #expect(throws: OutcomeError.tooLong("标题", 100)) { try o.edit(title: String(repeating: "茶", count: 101), body: "") }
        try o.edit(title: " 关于黑茶品牌建设的提案 ", body: "正文")
        #expect(o.title == "关于黑茶品牌建设的提案" && o.body == "正文")
    }

    @Test("三(五) a reference brief is sent only with a document number and at least one recipient; every problem is named")
    func referenceBriefNeedsNumberAndRecipient() throws {
        var o = try F.draft(.referenceBrief)
        let before = o
        #expect {
            try o.send(by: "办公室", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        } throws: { e in
            (e as? OutcomeError)?.details == ["请至少选择一位报送的县领导或一个送交的部门。",
                                              "政协参阅件须编发文字号（如“安政协参〔2026〕3号”）后报送。"]
                && (e as? OutcomeError)?.kind == .invalid
        }
        #expect(o == before)
        try o.setRecipients([.leader(personID: F.leaderID), .leader(personID: F.otherLeaderID)])
        try o.setDocumentNumber(DocumentNumber(parsing: "安政协参〔2026〕3号"))
        try o.send(by: "办公室", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        #expect(o.state == .sent && o.sentBy == "办公室" && o.sentAt == F.at("2026-06-23"))
        #expect(o.documentNumber?.text == "安政协参〔2026〕3号")
        #expect(o.recipients.allSatisfy { $0.sentAt == F.at("2026-06-23") && !$0.isAcknowledged })
        #expect(o.handlings.isEmpty)
    }

    @Test("三(五) a recommendation needs a document number; only the departments named to handle it get a handling")
    func recommendationNumberAndHandlers() throws {
        var o = try F.draft(.recommendation)
        try o.setRecipients([.leader(personID: F.leaderID), .department(F.agricultureID), .department(F.transportID)],
                            handlingDepartments: [F.transportID])
        #expect(throws: OutcomeError.notReadyToSend(.recommendation, ["建议案须编发文字号（如“安政协建〔2026〕1号”）后报送。"])) {
            try o.send(by: "办公室", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        }
        #expect(o.handlingDepartmentIDs == [F.transportID])
        try o.setDocumentNumber(DocumentNumber(prefix: "安政协建", year: 2026, serial: 1))
        try o.send(by: "办公室", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        #expect(o.handlings.map(\.departmentID) == [F.transportID])
        #expect(o.recipients.map(\.handles) == [false, false, true])
    }

    @Test("三(五) a proposal needs no document number but a department; every department of it enters handling")
    func proposalEntersHandling() throws {
        var o = try F.draft(.proposal)
        try o.setRecipients([.leader(personID: F.leaderID)])
        #expect(throws: OutcomeError.notReadyToSend(.proposal, ["提案须至少送交一个承办部门办理。"])) {
            try o.send(by: "办公室", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        }
        try o.setRecipients([.leader(personID: F.leaderID), .department(F.agricultureID), .department(F.teaOfficeID)])
        #expect(o.handlingDepartmentIDs == [F.agricultureID, F.teaOfficeID])
        try o.send(by: "办公室", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        #expect(o.documentNumber == nil)
        #expect(o.handlings.map(\.departmentID) == [F.agricultureID, F.teaOfficeID])
        #expect(o.handlings.map(\.id) == [1, 2])
        #expect(o.handlings.allSatisfy { $0.state == .assigned && $0.steps.first?.actor == "办公室" })
        #expect(o.recipients.map(\.handles) == [false, true, true])
    }

    @Test("三(五) an outcome without text is not sent")
    func bodyRequired() throws {
        var o = try F.ready(.proposal)
        try o.edit(title: o.title, body: " \n")
        #expect(throws: OutcomeError.notReadyToSend(.proposal, ["请填写协商成果正文。"])) {
            try o.send(by: "办公室", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation)
        }
    }

    @Test("三(五) recipients are named once each, and only recipient departments handle")
    func recipientRules() throws {
        var o = try F.draft(.recommendation)
        #expect(throws: OutcomeError.duplicateRecipient(.department(21))) {
            try o.setRecipients([.department(21), .leader(personID: 10), .department(21)])
        }
        #expect(throws: OutcomeError.handlerNotRecipient(departmentID: 22)) {
            try o.setRecipients([.department(21)], handlingDepartments: [22])
        }
        #expect(o.recipients.isEmpty)
    }

    @Test("三(五) once sent, the outcome is fixed and is not sent twice")
    func sentIsFixed() throws {
        var o = try F.sent(.referenceBrief, on: "2026-06-23")
        #expect(throws: OutcomeError.alreadySent) { try o.edit(title: "新标题", body: "") }
        #expect(throws: OutcomeError.alreadySent) { try o.setRecipients([]) }
        #expect(throws: OutcomeError.alreadySent) { try o.setDocumentNumber(nil) }
        #expect(throws: OutcomeError.alreadySent) {
            try o.send(by: "办公室", at: F.at("2026-06-24"), calendar: calendar, regulation: regulation)
        }
        #expect(OutcomeError.alreadySent.kind == .conflict && OutcomeError.alreadySent.message == "协商成果已报送，不能再修改。")
    }

    @Test("一.6 the links point at this symposium's speeches, materials and research")
    func linksBelongToTheSymposium() throws {
        var o = try F.draft(.recommendation)
        let speech = SpeechRecord(id: 3, personID: 31, name: "王委员", unit: "白沙溪茶厂", category: .members, subject: "",
                                  segment: .bookedSpeech, startedAt: F.at("2026-06-18"), limitSeconds: 480)
        let material = try Material(id: 12, symposiumID: F.symposiumID, kind: .bookedSpeech, title: "发言稿",
                                    producer: .attendee(personID: 31))
        let other = try Material(id: 13, symposiumID: 8, kind: .bookedSpeech, title: "别的会", producer: .attendee(personID: 31))
        let research = ResearchActivity(id: 2, kind: .research, title: "茶园调研", date: F.day("2026-05-12"), place: "江南镇",
                                        participants: "", findings: "")
        #expect {
            try o.setLinks(OutcomeLinks(speechIDs: [3, 9], materialIDs: [12, 13], researchIDs: [2]),
                           speeches: [speech], materials: [material, other], research: [research])
        } throws: { e in
            (e as? OutcomeError)?.details == ["第9号发言不是本次协商座谈会的发言记录。", "材料（编号13）不是本次协商座谈会的文稿材料。"]
        }
        try o.setLinks(OutcomeLinks(speechIDs: [3, 3], materialIDs: [12], researchIDs: [2]),
                       speeches: [speech], materials: [material], research: [research])
        #expect(o.links == OutcomeLinks(speechIDs: [3], materialIDs: [12], researchIDs: [2]))
    }

    @Test("三(五) each recipient acknowledges once, within the county's working days, after the sending")
    func acknowledgement() throws {
        var draft = try F.ready(.referenceBrief)
        #expect(throws: OutcomeError.notSent) {
            try draft.acknowledge(.leader(personID: F.leaderID), by: "县长秘书", at: F.at("2026-06-23"))
        }
        // Sent Monday 06-22: acknowledgement due 3 working days later, 06-25.
        var o = try F.sent(.referenceBrief, on: "2026-06-22")
        #expect(o.recipients.allSatisfy { $0.acknowledgeDue?.day == F.day("2026-06-25") })
        #expect(throws: OutcomeError.notRecipient) {
            try o.acknowledge(.department(99), by: "某部门", at: F.at("2026-06-23"))
        }
        try o.acknowledge(.department(F.agricultureID), by: "农业农村局收文员", at: F.at("2026-06-23"))
        #expect(throws: OutcomeError.alreadyAcknowledged) {
            try o.acknowledge(.department(F.agricultureID), by: "农业农村局收文员", at: F.at("2026-06-24"))
        }
        let r = try #require(o.recipient(.department(F.agricultureID)))
        #expect(r.acknowledgedBy == "农业农村局收文员" && r.acknowledgedAt == F.at("2026-06-23"))
        #expect(o.unacknowledged(today: F.day("2026-06-25")).isEmpty)
        #expect(o.unacknowledged(today: F.day("2026-06-26")).map(\.addressee) == [.leader(personID: F.leaderID), .department(F.transportID)])
    }

    @Test("三(五) after sending the office may assign another department; one open handling per department")
    func assignAnotherDepartment() throws {
        var o = try F.sent(.proposal, on: "2026-06-22")
        #expect(throws: OutcomeError.alreadyHandling(departmentID: F.agricultureID)) {
            try o.assignHandling(departmentID: F.agricultureID, by: "办公室", at: F.at("2026-06-23"), calendar: calendar,
                                 regulation: regulation)
        }
        let h = try o.assignHandling(departmentID: F.teaOfficeID, by: "办公室", at: F.at("2026-06-23"), calendar: calendar,
                                     regulation: regulation)
        #expect(h.id == 3 && o.handlings.count == 3)
        let r = try #require(o.recipient(.department(F.teaOfficeID)))
        #expect(r.handles && r.sentAt == F.at("2026-06-23"))
    }

    @Test("三(五) an outcome round-trips through JSON")
    func coding() throws {
        var o = try F.sent(.proposal, on: "2026-06-22")
        try o.updateHandling(1) { try $0.accept(by: "农业农村局", at: F.at("2026-06-23"), calendar: calendar, regulation: regulation) }
        let data = try JSONEncoder().encode(o)
        #expect(try JSONDecoder().decode(Outcome.self, from: data) == o)
        let json = String(decoding: try JSONEncoder().encode(OutcomeRecipient.Addressee.department(21)), as: UTF8.self)
        #expect(json.contains(#""kind":"department""#) && json.contains(#""id":21"#))
    }
}
