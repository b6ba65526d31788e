import Foundation
import Testing
@testable import XieshangCore

/// 三(五) "对需要落实事项进行跟踪": follow-up items, their status, progress, overdue flags and reminders.
@Suite("Follow-up items (三(五) 对需要落实事项进行跟踪)")
struct FollowUpItemTests {
    typealias F = OutcomeFixtures

    func item(due: String = "2026-09-30") throws -> FollowUpItem {
        try FollowUpItem(id: 1, outcomeID: 1, title: "出台黑茶品牌保护办法", ownerDepartmentID: F.agricultureID,
                         due: F.day(due), by: "经济委", at: F.at("2026-07-06"))
    }

    @Test("三(五) an item names what, who and by when")
    func itemNeedsATitle() throws {
        #expect(throws: OutcomeError.itemTitleRequired) {
            try FollowUpItem(outcomeID: 1, title: " ", ownerDepartmentID: 21, due: F.day("2026-09-30"), by: "经济委",
                             at: F.at("2026-07-06"))
        }
        let i = try item()
        #expect(i.status == .open && i.status.chineseName == "未开始" && i.ownerDepartmentID == 21 && i.createdBy == "经济委")
    }

    @Test("三(五) an item not implemented or dropped is overdue after its due day")
    func overdue() throws {
        var i = try item()
        #expect(!i.isOverdue(today: F.day("2026-09-30")) && i.isOverdue(today: F.day("2026-10-01")))
        try i.setStatus(.inProgress, by: "农业农村局", at: F.at("2026-07-10"))
        #expect(i.isOverdue(today: F.day("2026-10-01")))
        try i.setStatus(.implemented, by: "经济委", at: F.at("2026-10-08"))
        #expect(!i.isOverdue(today: F.day("2026-10-09")) && i.implementedOn == F.day("2026-10-08"))
        var d = try item()
        try d.setStatus(.dropped, reason: "政策调整，不再实施。", by: "经济委", at: F.at("2026-08-01"))
        #expect(!d.isOverdue(today: F.day("2026-10-09")) && d.droppedReason == "政策调整，不再实施。")
    }

    @Test("三(五) a reminder is due within the Regulation's days before the due day, while not done")
    func reminder() throws {
        let r = Regulation.default   // 7 calendar days
        var i = try item()
        #expect(!i.needsReminder(today: F.day("2026-09-22"), regulation: r))   // 8 days before
        #expect(i.needsReminder(today: F.day("2026-09-23"), regulation: r))    // 7 days before
        #expect(i.needsReminder(today: F.day("2026-09-30"), regulation: r))    // the due day
        #expect(!i.needsReminder(today: F.day("2026-10-01"), regulation: r))   // overdue instead
        var three = r
        three.handling.reminderDaysBefore = 3
        #expect(!i.needsReminder(today: F.day("2026-09-26"), regulation: three))
        #expect(i.needsReminder(today: F.day("2026-09-27"), regulation: three))
        try i.setStatus(.implemented, by: "经济委", at: F.at("2026-09-24"))
        #expect(!i.needsReminder(today: F.day("2026-09-25"), regulation: r))
        #expect(i.daysUntilDue(today: F.day("2026-09-25")) == 5)
    }

    @Test("三(五) dropping and reopening need a reason; other moves out of order are refused")
    func statusRules() throws {
        var i = try item()
        #expect(throws: OutcomeError.dropNeedsReason) { try i.setStatus(.dropped, by: "经济委", at: F.at("2026-07-07")) }
        try i.setStatus(.inProgress, by: "农业农村局", at: F.at("2026-07-07"))
        #expect {
            try i.setStatus(.open, by: "农业农村局", at: F.at("2026-07-08"))
        } throws: { e in
            (e as? OutcomeError)?.message == "落实事项当前为“推进中”，不能改为“未开始”。" && (e as? OutcomeError)?.kind == .conflict
        }
        try i.setStatus(.implemented, by: "经济委", at: F.at("2026-07-20"))
        #expect(throws: OutcomeError.itemOutOfOrder(.implemented, .implemented)) {
            try i.setStatus(.implemented, by: "经济委", at: F.at("2026-07-21"))
        }
        #expect(throws: OutcomeError.reopenNeedsReason) { try i.setStatus(.inProgress, by: "经济委", at: F.at("2026-07-21")) }
        #expect(throws: OutcomeError.itemDone(.implemented)) { try i.edit(title: "新", ownerDepartmentID: 22) }
        try i.setStatus(.inProgress, reason: "配套细则尚未出台。", by: "经济委", at: F.at("2026-07-21"))
        #expect(i.status == .inProgress && i.changes.map(\.to) == [.inProgress, .implemented, .inProgress])
        #expect(i.changes.map(\.actor) == ["农业农村局", "经济委", "经济委"])
        #expect(throws: OutcomeError.timeBeforeLastStep) {
            try i.setStatus(.implemented, by: "经济委", at: F.at("2026-07-01"))
        }
    }

    @Test("三(五) the statuses offered are the allowed moves, in the order they are listed")
    func offeredStatuses() {
        #expect(FollowUpItem.Status.open.nextInOrder == [.inProgress, .implemented, .dropped])
        #expect(FollowUpItem.Status.inProgress.nextInOrder == [.implemented, .dropped])
        #expect(FollowUpItem.Status.implemented.nextInOrder == [.inProgress] && FollowUpItem.Status.dropped.nextInOrder == [.inProgress])
        for s in FollowUpItem.Status.allCases { #expect(Set(s.nextInOrder) == s.next && !s.nextInOrder.contains(s)) }
    }

    @Test("三(五) follow-up items are for sent outcomes only: a draft is the CPPCC's own")
    func itemsNeedASentOutcome() throws {
        let draft = try F.ready(.recommendation)
        #expect(!draft.acceptsFollowUpItems)
        #expect { try draft.checkAcceptsFollowUpItems() } throws: { e in
            (e as? OutcomeError) == .itemNeedsSentOutcome && (e as? OutcomeError)?.kind == .conflict
                && (e as? OutcomeError)?.code == "follow_up_outcome_not_sent"
        }
        let sent = try F.sent(.recommendation, on: "2026-06-22")
        #expect(sent.acceptsFollowUpItems)
        try sent.checkAcceptsFollowUpItems()
    }

    @Test("三(五) progress is noted with its date, text and actor")
    func progressNotes() throws {
        var i = try item()
        #expect(throws: OutcomeError.noteRequired) { try i.addNote(" ", date: F.day("2026-07-15"), by: "农业农村局", at: F.at("2026-07-16")) }
        try i.addNote("已起草办法初稿。", date: F.day("2026-07-15"), by: "农业农村局", at: F.at("2026-07-16"))
        #expect(i.notes == [FollowUpItem.ProgressNote(date: F.day("2026-07-15"), text: "已起草办法初稿。", actor: "农业农村局",
                                                      at: F.at("2026-07-16"))])
    }

    @Test("三(五) the due day moves only with a reason, kept")
    func dueChange() throws {
        var i = try item()
        #expect(throws: OutcomeError.dueChangeNeedsReason) {
            try i.changeDue(to: F.day("2026-12-31"), reason: "", by: "经济委", at: F.at("2026-09-01"))
        }
        try i.changeDue(to: F.day("2026-12-31"), reason: "需待省里政策出台。", by: "经济委", at: F.at("2026-09-01"))
        #expect(i.due == F.day("2026-12-31") && i.dueChanges.first?.from == F.day("2026-09-30"))
        #expect(!i.isOverdue(today: F.day("2026-10-01")))
    }

    @Test("三(五) the status on a past day is read from the changes")
    func statusAsOf() throws {
        var i = try item()
        try i.setStatus(.inProgress, by: "农业农村局", at: F.at("2026-07-10"))
        try i.setStatus(.implemented, by: "经济委", at: F.at("2026-08-20"))
        #expect(i.status(asOf: F.day("2026-07-09")) == .open)
        #expect(i.status(asOf: F.day("2026-07-10")) == .inProgress)
        #expect(i.status(asOf: F.day("2026-08-20")) == .implemented)
    }
}
