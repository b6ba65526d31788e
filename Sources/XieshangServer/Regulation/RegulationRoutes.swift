import Vapor
import XieshangCore

/// The Regulation in force: every number of the working method with its clause, read-only, and
/// the county practice, which the office edits here (`PracticeRoutes`).
struct RegulationRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.regulation.routePath, use: page)
        routes.get(Paths.API.regulation.routePath, use: api)
    }

    func api(req: Request) async throws -> Regulation {
        try req.require(.viewRegulation)
        return req.xieshang.regulation
    }

    struct Row: Encodable { let clause: String; let rule: String; let value: String }
    struct Segment: Encodable { let order: Int; let title: String; let limit: String; let speakers: String; let clause: String }
    struct Body: Encodable {
        let name: String
        let source: String
        let rows: [Row]
        let practice: [Row]
        let points: [Row]
        let canManage: Bool
        let fields: [PracticeRoutes.Field]
        let version: Int
        let error: String?
        let errorDetails: [String]
        let agenda: [Segment]
        let categories: [String]
        let forms: [String]
    }

    func page(req: Request) async throws -> Response { try await Self.render(req) }

    static func render(_ req: Request, error: (any DomainError)? = nil, typed: [String: String]? = nil) async throws -> Response {
        try req.require(.viewRegulation)
        let r = req.xieshang.regulation
        let points = req.xieshang.practice.practice.points
        let months = r.monthsMergedWithPlenary.map { "\($0)月" }.joined(separator: "、")
        let rows = [
            Row(clause: "一.5、二.3", rule: "举行周期", value: "每\(r.cadenceMonths)个月一次"),
            Row(clause: "一.5、二.2", rule: "每年议题数", value: "\(r.symposiaPerYear)个左右"),
            Row(clause: "二.3", rule: "与全体会议合并的月份", value: months.isEmpty ? "无" : months + "（不另作安排）"),
            Row(clause: "二.1", rule: "征集下一年度议题", value: "每年\(r.topicCallMonth)月"),
            Row(clause: "二.4", rule: "实施方案报批", value: "会前\(r.implementationPlanLeadMonths)个月"),
            Row(clause: "三(二).1", rule: "部署动员会", value: "会前\(r.mobilizationLeadMonths)个月"),
            Row(clause: "三(二).3", rule: "工作协调会", value: "会前\(r.coordinationLeadDays)天（遇非工作日提前至上一个工作日）"),
            Row(clause: "三(一).1", rule: "邀请委员", value: "\(r.invitedMembers.chinese)位左右"),
            Row(clause: "三(一).1", rule: "邀请专家学者（本届委员以外）", value: "\(r.invitedExperts.chinese)位"),
            Row(clause: "三(三)", rule: "发言计时提醒", value: "剩余\(r.speakingWarningSeconds)秒时提醒"),
            Row(clause: "三(五)", rule: "报送协商成果", value: "会后\(r.outcomeDeadlineWorkingDays)个工作日内"),
        ]
        // The county's practice: the working method sets no number for these.
        let h = r.handling, m = r.materialDues
        let practice = [
            Row(clause: "三(四)", rule: "文稿材料送达办公室", value: "会前\(m.compileLeadWorkingDays)个工作日（单独设定的完成时限优先）"),
            Row(clause: "三(四).3", rule: "发言稿报牵头委室把关", value: "再提前\(m.reviewWorkingDays)个工作日"),
            Row(clause: "三(五)", rule: "签收协商成果", value: "报送后\(h.acknowledgeWorkingDays)个工作日内"),
            Row(clause: "三(五)", rule: "部门接收办理或退回", value: "交办后\(h.acceptWorkingDays)个工作日内"),
            Row(clause: "三(五)", rule: "部门答复", value: "接收后\(h.replyWorkingDays)个工作日内"),
            Row(clause: "三(五)", rule: "牵头委室测评答复", value: "收到答复后\(h.rateWorkingDays)个工作日内"),
            Row(clause: "三(五)", rule: "落实事项提醒", value: "到期前\(h.reminderDaysBefore)天，未落实的每\(h.reminderRepeatDays)天重发提醒邮件"),
        ]
        let agenda = r.agenda.enumerated().map { i, s in
            Segment(order: i + 1, title: s.title, limit: s.minutesPerSpeech.map { "每人不超过\($0)分钟" } ?? "不限",
                    speakers: s.speakers.map { "\($0.chinese)人" } ?? "按实际", clause: s.clause)
        }
        let pointRows = [
            Row(clause: "", rule: "每次受邀", value: "\(points.perInvitation)分"),
            Row(clause: "", rule: "每次出席", value: "\(points.perAttendance)分"),
            Row(clause: "", rule: "每次无故缺席", value: "\(points.perUnexcusedAbsence)分"),
            Row(clause: "", rule: "每次发言", value: "\(points.perSpeech)分"),
            Row(clause: "", rule: "每发言1分钟", value: "\(points.perMinuteSpoken)分"
                + (points.maxMinutePointsPerSymposium.map { "（每次会议至多\($0)分）" } ?? "")),
            Row(clause: "三(四).3", rule: "每篇预约发言稿", value: "\(points.perDraft)分"),
        ]
        let p = try req.principal
        let body = Body(name: r.name, source: r.source, rows: rows, practice: practice, points: pointRows,
                        canManage: p.may(.managePractice),
                        fields: PracticeRoutes.fields(req.xieshang.practice.practice, typed: typed),
                        version: req.xieshang.practice.version, error: error?.message, errorDetails: error?.details ?? [],
                        agenda: agenda,
                        categories: r.attendeeCategories.map(\.chineseName), forms: r.outcomeForms.map(\.chineseName))
        let res = try await req.renderPage("regulation", title: "工作规则", body: body)
        if let error { res.status = error.kind.status }
        return res
    }
}

extension Regulation: Content {}
