import Fluent
import Vapor
import XieshangCore
import XieshangDocuments

/// 年度协商工作报告 (issue 7): the year's consultation work generated from the data — the plan
/// and its carrying out, the symposia held and who took part, the outcomes and their handling
/// and follow-up — as a GB/T 9704 working paper for the office to complete and submit.
struct AnnualReport: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", ":year", "annual.docx", use: docx)
    }

    static func review(_ req: Request) async throws -> YearInReview {
        let p = try req.principal
        guard p.maySeeOutcomeSummaries else { throw AccessError.forbidden }
        guard let year = req.parameters.get("year", as: Int.self), let days = ReportPeriod.year(year).days else {
            throw NotFound.of("年度")
        }
        let today = Day(req.xieshang.clock.now())
        let outcomes = try await OutcomeStore.all(for: p, on: req.db)
        let summary = try OutcomeSummary(period: .year(year), outcomes: outcomes.map(\.outcome),
                                         items: outcomes.flatMap(\.items), asOf: min(today, days.upperBound))
        let plan = try await PlanningStore.plan(year: year, on: req.db)?.0
        return YearInReview(year: year, plan: plan.flatMap { p.may(.viewPlan(issued: $0.state == .issued)) ? $0 : nil },
                            held: try await ParticipationRoutes.heldSymposia(on: req.db), outcomes: summary,
                            regulation: req.xieshang.regulation)
    }

    func docx(req: Request) async throws -> Response {
        let r = try await Self.review(req)
        let p = try req.principal
        let outcomes = try await OutcomeStore.all(for: p, on: req.db)
        let org = try await SymposiumDocuments.organization(on: req.db)
        let doc = Self.document(r, outcomes: outcomes, names: try await OutcomeDTO.Names.load(on: req.db),
                                committees: try await PlanningStore.committeeNames(on: req.db), org: org,
                                today: Day(req.xieshang.clock.now()))
        return try SymposiumDocuments.docx(doc, filename: "\(r.year)年度双月协商座谈会工作情况报告.docx")
    }

    static func document(_ r: YearInReview, outcomes: [OutcomeStore.Loaded], names: OutcomeDTO.Names,
                         committees: [Int: String], org: OrganizationModel, today: Day) -> OfficialDocument {
        var b: [OfficialDocument.Block] = []
        b.append(.paragraph("现将\(org.name)\(r.year)年度双月协商座谈会工作情况报告如下（数据由系统根据年度协商计划、会议记录和协商成果办理情况生成，"
            + "统计截至\(r.outcomes.asOf.chinese)）。"))

        b.append(.heading1("一、年度协商计划制定和执行情况"))
        if let state = r.planState {
            let issued = r.planIssuedOn.map { "，于\($0.chinese)由县委办、县政府办、县政协办联合发文实施" } ?? "，目前处于“\(state.chineseName)”阶段"
            b.append(.paragraph("\(r.year)年度协商计划确定协商议题\(r.plannedTopics)个\(issued)"
                + (r.planNumber.map { "（\($0)）" } ?? "") + "。全年召开双月协商座谈会\(r.held.count)次。"))
        } else {
            b.append(.paragraph("\(r.year)年度协商计划尚未录入本系统。全年召开双月协商座谈会\(r.held.count)次。"))
        }
        if !r.held.isEmpty {
            b.append(.table(header: ["序号", "日期", "协商议题", "牵头委室", "出席委员", "专家学者", "发言人次"],
                            rows: r.held.enumerated().map { i, h in
                                ["\(i + 1)", "\(h.day.month)月\(h.day.day)日", h.topic, committees[h.leadCommitteeID] ?? "",
                                 "\(h.membersAttending)", "\(h.expertsAttending)", "\(h.speeches)"]
                            },
                            columnWidths: [2, 5, 9, 5, 3, 3, 3]))
        }
        let merged = r.notHeld.filter(\.mergedWithPlenary)
        let pending = r.notHeld.filter { !$0.mergedWithPlenary }
        if !merged.isEmpty {
            b.append(.paragraph("“" + merged.map(\.title).joined(separator: "”“") + "”与全体会议合并进行，不另行安排座谈会。"))
        }
        if !pending.isEmpty {
            b.append(.paragraph("尚未召开的议题：" + pending.map { t in t.title + (t.date.map { "（计划\($0.chinese)）" } ?? "") }
                .joined(separator: "；") + "。"))
        }

        b.append(.heading1("二、委员和专家学者参与情况"))
        b.append(.paragraph("全年共有\(r.membersAttending)位委员、\(r.expertsAttending)位专家学者应邀出席座谈会，会上发言\(r.speeches)人次，"
            + "其中委员发言\(r.memberSpeeches)人次、涉及委员\(r.membersWhoSpoke)人；提交预约发言稿\(r.drafts)篇。"
            + "每次会议的发言情况见各次会议纪要，委员个人履职情况见委员履职档案。"))
        b.append(.barChart(caption: "图1　各次座谈会发言人次",
                           bars: r.held.map { OfficialDocument.Bar(label: "\($0.day.month)月\($0.day.day)日", value: $0.speeches) }))

        // The outcomes' year, numbered on from the sections above, figures from 图2.
        b += SummaryDocument.body(r.outcomes, outcomes: outcomes, names: names, firstSection: 2, firstFigure: 2)
        // The year's report goes to the county party committee, which the CPPCC reports to.
        return OfficialDocument(format: .plain, issuingOrgans: [org.name],
                                title: "\(org.name)\(r.year)年度双月协商座谈会工作情况报告",
                                addressee: "中共\(org.county)委", body: b,
                                signatures: ["\(org.name)办公室"], date: min(today, ReportPeriod.year(r.year).days?.upperBound ?? today))
    }
}
