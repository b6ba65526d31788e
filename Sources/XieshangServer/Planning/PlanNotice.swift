import Fluent
import Vapor
import XieshangCore
import XieshangDocuments

/// The joint issuance notice of the annual plan (二.1 "由县委办、县政府办、县政协办联合发文实施"),
/// with the plan table as its attachment, as a GB/T 9704 DOCX: the joint red head with the
/// document number once the plan is issued, before that a plain draft marked 草稿.
struct PlanNotice: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plans", ":year", "notice.docx", use: download)
    }

    static func document(_ plan: AnnualPlan, organization org: OrganizationModel, committees: [Int: String],
                         regulation: Regulation, today: Day) -> OfficialDocument {
        let organs = ["中共\(org.county)委办公室", "\(org.county)人民政府办公室", "\(org.name)办公室"]
        let planTitle = "\(org.name)\(plan.year)年度双月协商座谈会计划"
        let issued = plan.steps.first { $0.action == .issue }
        let consented = plan.state >= .consented
        let rows = plan.topics.enumerated().map { i, t -> [String] in
            let time = t.isMergedWithPlenary(regulation) ? "\(t.month)月（与县政协全体会议合并进行）"
                : (t.date.map { "\($0.month)月\($0.day)日" } ?? "\(t.month)月")
            return [String(i + 1), t.title, time, t.leadCommitteeID.flatMap { committees[$0] } ?? ""]
        }
        var body: [OfficialDocument.Block] = [
            .paragraph("《\(planTitle)》" + (consented ? "已经县委同意，" : "（草案）") + "现印发给你们，请结合实际认真贯彻落实。"),
            .paragraph("双月协商座谈会由县政协办公室统筹协调，各牵头委室具体负责。各牵头委室要在每次座谈会召开\(regulation.implementationPlanLeadMonths)个月前拟定实施方案，报分管主席审签；有关部门、单位要积极支持配合，认真做好情况介绍和互动回应等工作。"),
        ]
        if !plan.adjustments.isEmpty {
            body.append(.paragraph("本计划执行中如需调整，由县政协办公室商有关方面后另行通知。"))
        }
        body.append(.attachmentNote("\(plan.year)年度双月协商座谈会计划"))
        let number = issued.map(\.reference).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        return OfficialDocument(
            format: number == nil ? .plain : .document, issuingOrgans: organs, documentNumber: number,
            title: "关于印发《\(planTitle)》的通知", draftMark: number == nil ? "草稿" : nil,
            addressee: "各乡镇党委、人民政府，县直各单位，县政协各委室",
            body: body, signatures: organs, date: issued?.date ?? today, sealed: true,
            attachments: [.init(label: "附件", title: "\(plan.year)年度双月协商座谈会计划",
                                body: [.table(header: ["序号", "协商议题", "时间", "牵头委室"], rows: rows, columnWidths: [3, 12, 8, 7])])],
            copyTo: ["县委各常委，县人大常委会、县人民政府、县政协各位领导"],
            printer: number == nil ? nil : organs[2], printDate: issued?.date)
    }

    func download(req: Request) async throws -> Response {
        let year = try PlanningAPI.year(req)
        let (plan, _) = try await PlanningStore.visiblePlan(year: year, for: req.principal, on: req.db)
        guard let org = try await OrganizationModel.query(on: req.db).first() else { throw NotFound.of("组织") }
        let doc = Self.document(plan, organization: org, committees: try await PlanningStore.committeeNames(on: req.db),
                                regulation: req.xieshang.regulation, today: Day(req.xieshang.clock.now()))
        let data = try DocxWriter.data(for: doc)
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        let name = "\(year)年度双月协商座谈会计划通知.docx"
        res.headers.replaceOrAdd(name: .contentDisposition,
                                 value: "attachment; filename=\"plan-\(year).docx\"; filename*=UTF-8''\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        return res
    }
}
