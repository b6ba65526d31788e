import Fluent
import Vapor
import XieshangCore
import XieshangDocuments

/// The joint issuance notice of the annual plan (二.1 "由县委办、县政府办、县政协办联合发文实施"),
/// with the plan table as its attachment, as a GB/T 9704 DOCX: the joint red head with the
/// document number once the plan is issued, before that a plain draft marked 草稿.
///
/// What was issued does not change: the notice of an issued plan is made from the plan as
/// issued (`AnnualPlan.asIssued`), dated the day of issuance, so it is the same file however
/// the plan is adjusted later. Adjustments (二.2) have a notice of their own, the 调整通知,
/// which cites the original by its title and number.
struct PlanNotice: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plans", ":year", "notice.docx", use: download)
        routes.get("plans", ":year", "adjustment-notice.docx", use: downloadAdjustments)
    }

    static func organs(_ org: OrganizationModel) -> [String] {
        ["中共\(org.county)委办公室", "\(org.county)人民政府办公室", "\(org.name)办公室"]
    }

    static func planTitle(_ year: Int, _ org: OrganizationModel) -> String { "\(org.name)\(year)年度双月协商座谈会计划" }

    static let addressee = "各乡镇党委、人民政府，县直各单位，县政协各委室"
    static let copyTo = ["县委各常委，县人大常委会、县人民政府、县政协各位领导"]

    /// The plan as a table: number, topic, time, lead committee.
    static func table(_ plan: AnnualPlan, committees: [Int: String], regulation: Regulation) -> OfficialDocument.Block {
        let rows = plan.topics.enumerated().map { i, t -> [String] in
            [String(i + 1), t.title, time(t, regulation), t.leadCommitteeID.flatMap { committees[$0] } ?? ""]
        }
        return .table(header: ["序号", "协商议题", "时间", "牵头委室"], rows: rows, columnWidths: [3, 12, 8, 7])
    }

    static func time(_ t: PlannedTopic, _ regulation: Regulation) -> String {
        t.isMergedWithPlenary(regulation) ? "\(t.month)月（与县政协全体会议合并进行）"
            : (t.date.map { "\($0.month)月\($0.day)日" } ?? "\(t.month)月")
    }

    static func document(_ current: AnnualPlan, organization org: OrganizationModel, committees: [Int: String],
                         regulation: Regulation, today: Day) -> OfficialDocument {
        let plan = current.asIssued ?? current
        let organs = Self.organs(org)
        let planTitle = Self.planTitle(plan.year, org)
        let issued = plan.steps.first { $0.action == .issue }
        let consented = plan.state >= .consented
        let body: [OfficialDocument.Block] = [
            .paragraph("《\(planTitle)》" + (consented ? "已经县委同意，" : "（草案）") + "现印发给你们，请结合实际认真贯彻落实。"),
            .paragraph("双月协商座谈会由县政协办公室统筹协调，各牵头委室具体负责。各牵头委室要在每次座谈会召开\(regulation.implementationPlanLeadMonths)个月前拟定实施方案，报分管主席审签；有关部门、单位要积极支持配合，认真做好情况介绍和互动回应等工作。"),
            .paragraph("本计划执行中如需调整，由县政协办公室商有关方面后另行通知。"),
            .attachmentNote("\(plan.year)年度双月协商座谈会计划"),
        ]
        let rows = Self.table(plan, committees: committees, regulation: regulation)
        let number = issued.map(\.reference).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        return OfficialDocument(
            format: number == nil ? .plain : .document, issuingOrgans: organs, documentNumber: number,
            title: "关于印发《\(planTitle)》的通知", draftMark: number == nil ? "草稿" : nil,
            addressee: Self.addressee, body: body, signatures: organs, date: issued?.date ?? today, sealed: true,
            attachments: [.init(label: "附件", title: "\(plan.year)年度双月协商座谈会计划", body: [rows])],
            copyTo: Self.copyTo, printer: number == nil ? nil : organs[2], printDate: issued?.date)
    }

    /// 调整通知 (二.2): what changed in each adjusted topic and why, citing the issued notice,
    /// with the adjusted plan attached. It is a draft (草稿) for the office to number and issue
    /// as the original was; nil while nothing has been adjusted.
    static func adjustmentNotice(_ plan: AnnualPlan, organization org: OrganizationModel, committees: [Int: String],
                                 regulation: Regulation) -> OfficialDocument? {
        guard let last = plan.adjustments.last, let issuedOn = plan.issuedOn else { return nil }
        let organs = Self.organs(org)
        let planTitle = Self.planTitle(plan.year, org)
        let original = "《关于印发〈\(planTitle)〉的通知》（\(plan.documentNumber ?? "")）"
        var body: [OfficialDocument.Block] = [
            .paragraph("\(issuedOn.chinese)印发的\(original)执行以来，根据工作需要，经研究，对部分协商议题作如下调整："),
        ]
        for (i, a) in plan.adjustments.enumerated() {
            var changes: [String] = []
            if a.after.title != a.before.title { changes.append("议题调整为“\(a.after.title)”") }
            if Self.time(a.after, regulation) != Self.time(a.before, regulation) {
                changes.append("时间调整为\(Self.time(a.after, regulation))")
            }
            if a.after.leadCommitteeID != a.before.leadCommitteeID {
                changes.append("牵头委室调整为\(a.after.leadCommitteeID.flatMap { committees[$0] } ?? "另行确定")")
            }
            let reason = a.reason.hasSuffix("。") ? a.reason : a.reason + "。"
            body.append(.paragraph("\(MaterialPacketDocument.numeral(i + 1))、原定\(Self.time(a.before, regulation))的“\(a.before.title)”，"
                + (changes.isEmpty ? "安排不变" : changes.joined(separator: "，")) + "。调整理由：\(reason)"))
        }
        body.append(.paragraph("其他议题和安排不变。"))
        body.append(.attachmentNote("调整后的\(plan.year)年度双月协商座谈会计划"))
        return OfficialDocument(
            format: .plain, issuingOrgans: organs, title: "关于调整《\(planTitle)》部分议题的通知", draftMark: "草稿",
            addressee: Self.addressee, body: body, signatures: organs, date: last.date, sealed: true,
            attachments: [.init(label: "附件", title: "调整后的\(plan.year)年度双月协商座谈会计划",
                                body: [Self.table(plan, committees: committees, regulation: regulation)])],
            copyTo: Self.copyTo)
    }

    func download(req: Request) async throws -> Response {
        let year = try PlanningAPI.year(req)
        let (plan, _) = try await PlanningStore.visiblePlan(year: year, for: req.principal, on: req.db)
        guard let org = try await OrganizationModel.query(on: req.db).first() else { throw NotFound.of("组织") }
        let doc = Self.document(plan, organization: org, committees: try await PlanningStore.committeeNames(on: req.db),
                                regulation: req.xieshang.regulation, today: Day(req.xieshang.clock.now()))
        return try Self.response(doc, ascii: "plan-\(year).docx", name: "\(year)年度双月协商座谈会计划通知.docx")
    }

    func downloadAdjustments(req: Request) async throws -> Response {
        let year = try PlanningAPI.year(req)
        let (plan, _) = try await PlanningStore.visiblePlan(year: year, for: req.principal, on: req.db)
        guard let org = try await OrganizationModel.query(on: req.db).first() else { throw NotFound.of("组织") }
        guard let doc = Self.adjustmentNotice(plan, organization: org, committees: try await PlanningStore.committeeNames(on: req.db),
                                              regulation: req.xieshang.regulation) else {
            throw NotFound.of("年度计划的调整")
        }
        return try Self.response(doc, ascii: "plan-\(year)-adjustments.docx", name: "\(year)年度双月协商座谈会计划调整通知.docx")
    }

    static func response(_ doc: OfficialDocument, ascii: String, name: String) throws -> Response {
        let res = Response(status: .ok, body: .init(data: try DocxWriter.data(for: doc)))
        res.headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        res.headers.replaceOrAdd(name: .contentDisposition,
                                 value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        return res
    }
}
