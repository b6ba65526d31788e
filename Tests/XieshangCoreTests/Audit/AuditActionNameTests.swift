import Testing
@testable import XieshangCore

@Suite("The audit log in words")
struct AuditActionNameTests {
    @Test("an action reads as its area and what was done, with the domain's own names")
    func codesReadAsWords() {
        #expect(AuditActionName.chinese("live.end-speech") == "会议进行：结束发言")
        #expect(AuditActionName.chinese("annual_plan.issue") == "年度协商计划：\(AnnualPlan.Action.issue.chineseName)")
        #expect(AuditActionName.chinese("handling.reply") == "部门办理：\(Handling.Action.reply.chineseName)")
        #expect(AuditActionName.chinese("agenda.keynote") == "议程：安排“牵头委室中心发言”发言人")
        #expect(AuditActionName.chinese("meeting.mobilization.schedule").hasPrefix("动员会与协调会：\(PreparatoryMeeting.Kind.mobilization.chineseName)"))
        #expect(AuditActionName.chinese("material.paper.sign") == "文稿材料：纸质件\(PaperCopy.Action.sign.chineseName)")
        #expect(AuditActionName.object("symposium", id: "3") == "协商座谈会（3）")
    }

    @Test("a code not known still reads in Chinese, never as the code")
    func unknownCodesStayChinese() {
        for code in ["live.teleport", "nonsense", "", "outcome.x.y"] {
            let name = AuditActionName.chinese(code)
            #expect(!name.contains { $0.isASCII && $0.isLetter }, "\(code) → \(name)")
            #expect(name.hasSuffix("其他操作"))
        }
        #expect(AuditActionName.object("wormhole", id: "1") == "对象（1）")
    }
}
