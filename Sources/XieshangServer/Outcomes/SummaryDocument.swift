import Foundation
import XieshangCore
import XieshangDocuments

/// 定期整理汇总 (三(五)) as a working paper in the GB/T 9704 layout: the period's outcomes, the
/// departments' handling and the follow-up items, each with its chart (a bar table, which Word and
/// LibreOffice both draw) and the lists behind the numbers.
enum SummaryDocument {
    static func make(_ s: OutcomeSummary, outcomes: [OutcomeStore.Loaded], names: OutcomeDTO.Names,
                     org: OrganizationModel, today: Day) -> OfficialDocument {
        OfficialDocument(format: .plain, issuingOrgans: [org.name], title: "\(s.period.chineseName)双月协商座谈会成果汇总",
                         body: body(s, outcomes: outcomes, names: names), signatures: ["\(org.name)办公室"],
                         date: min(today, s.through))
    }

    /// `firstSection` and `firstFigure` (0-based section, 1-based figure) let the annual report
    /// carry on its own numbering.
    static func body(_ s: OutcomeSummary, outcomes: [OutcomeStore.Loaded], names: OutcomeDTO.Names,
                     firstSection: Int = 0, firstFigure: Int = 1) -> [OfficialDocument.Block] {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        func section(_ n: Int, _ title: String) -> OfficialDocument.Block { .heading1("\(numerals[firstSection + n])、\(title)") }
        func figure(_ n: Int, _ title: String) -> String { "图\(firstFigure + n)　\(title)" }
        func bars(_ counts: [OutcomeSummary.Count]) -> [OfficialDocument.Bar] {
            counts.map { OfficialDocument.Bar(label: $0.label, value: $0.count) }
        }
        let period = s.period.chineseName
        /// "11月29日" inside the period's year, the year added otherwise: the tables stay narrow.
        func short(_ d: Day) -> String { (d.year == s.period.year ? "" : "\(d.year)年") + "\(d.month)月\(d.day)日" }
        let inPeriod = outcomes.filter { s.period.contains($0.outcome.symposiumDay) }
            .sorted { ($0.outcome.symposiumDay, $0.id) < ($1.outcome.symposiumDay, $1.id) }
        let symposia = Set(inPeriod.map(\.outcome.symposiumID)).count
        var b: [OfficialDocument.Block] = []

        b.append(section(0, "协商成果总体情况"))
        let forms = s.byForm.map { "\($0.label)\($0.count)件" }.joined(separator: "、")
        b.append(.paragraph("\(period)（统计至\(s.asOf.chinese)），\(symposia)次双月协商座谈会共形成协商成果\(s.outcomes)件，其中\(forms)。"
            + "到期应报送\(s.sending.due)件，按时报送\(s.sending.onTime)件，逾期报送\(s.sending.late)件，按时报送率\(s.sending.percentText)"
            + (s.overdueDrafts > 0 ? "；另有\(s.overdueDrafts)件已过报送期限尚未报送" : "") + "。"))
        b.append(.barChart(caption: figure(0, "协商成果（按形式）"), bars: bars(s.byForm)))
        b.append(.barChart(caption: figure(1, "协商成果（按状态）"), bars: bars(s.byState)))
        if !inPeriod.isEmpty {
            b.append(.paragraph("各项成果如下："))
            b.append(.table(header: ["序号", "成果", "形式", "协商议题", "报送日期", "报送情况"],
                            rows: inPeriod.enumerated().map { i, l in
                                let o = l.outcome
                                let sending = o.sentOnTime.map { $0 ? "按时" : "逾期" } ?? (s.asOf > o.due.day ? "逾期未报" : "待报送")
                                return ["\(i + 1)", o.title, o.form.chineseName, names.topics[o.symposiumID] ?? "",
                                        o.sentOn.map(short) ?? "—", sending]
                            },
                            columnWidths: [2, 8, 3, 8, 5, 3]))
        }

        b.append(section(1, "部门办理和答复情况"))
        let handled = s.handlingsByState.filter { $0.count > 0 }.map { "\($0.label)\($0.count)件" }.joined(separator: "、")
        b.append(.paragraph("交有关部门办理\(s.handlings)件次" + (handled.isEmpty ? "" : "（\(handled)）") + "。"
            + "期内到期应答复\(s.replies.due)件，按时答复\(s.replies.onTime)件，逾期答复\(s.replies.late)件，按时答复率\(s.replies.percentText)。"))
        b.append(.barChart(caption: figure(2, "部门办理（按状态）"), bars: bars(s.handlingsByState)))
        let results = s.results.filter { $0.count > 0 }
        let ratings = s.satisfaction.filter { $0.count > 0 }
        if !results.isEmpty || !ratings.isEmpty {
            b.append(.paragraph("期内答复的办理结果："
                + (results.isEmpty ? "无" : results.map { "\($0.label)\($0.count)件" }.joined(separator: "、"))
                + "；牵头委室测评："
                + (ratings.isEmpty ? "尚无" : ratings.map { "\($0.label)\($0.count)件" }.joined(separator: "、")) + "。"))
        }

        b.append(section(2, "落实事项跟踪情况"))
        let i = s.items
        b.append(.paragraph("期内到期的落实事项\(i.total)项，已落实\(i.implemented)项，正在落实\(i.inProgress)项，未开始\(i.open)项，"
            + "不再落实\(i.dropped)项；逾期未落实\(i.overdue)项"
            + (i.total > 0 ? "，落实率\(i.implementedPercentText)" : "")
            + "。"))
        b.append(.barChart(caption: figure(3, "落实事项（按状态）"), bars: bars(i.byStatus)))
        let overdue = outcomes.flatMap(\.items).filter { s.period.contains($0.due) && $0.isOverdue(today: s.asOf) }
            .sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        if !overdue.isEmpty {
            b.append(.paragraph("逾期未落实的事项如下，请责任部门抓紧落实："))
            b.append(.table(header: ["序号", "落实事项", "责任部门", "期限", "状态"],
                            rows: overdue.enumerated().map { n, item in
                                ["\(n + 1)", item.title, names.departments[item.ownerDepartmentID] ?? "", short(item.due),
                                 item.status.chineseName]
                            },
                            columnWidths: [2, 10, 5, 5, 3]))
        }
        return b
    }
}
