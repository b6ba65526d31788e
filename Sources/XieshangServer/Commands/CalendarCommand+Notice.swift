import Vapor
import XieshangCore

/// `xieshang calendar load --notice FILE`: the notice read as the page reads it, everything it
/// arranges and every warning printed before anything is loaded; refused, with a non-zero
/// exit, whenever the page would refuse it. `--dry-run` stops after printing.
extension CalendarCommand {
    func loadNotice(path: String, dryRun: Bool, req: Request, console: any Console) async throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Refusal(.invalid, code: "missing_file", message: "无法读取通知文件“\(path)”。")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Refusal(.invalid, code: "notice_not_utf8", message: "通知文件“\(path)”不是UTF-8编码的文本，请另存为UTF-8后重试。")
        }
        let notice = try HolidayNotice.parse(text)
        for line in Self.describe(notice) { console.print(line) }
        // As the page does: what loading would do, worked out on the calendar as stored.
        let loading = try await CalendarStore.stored(on: req.db).loading(notice)
        console.print("载入后：")
        for change in loading.changes {
            let (title, lines) = NoticeText.change(change)
            console.print("  " + title)
            for line in lines { console.print("    " + line) }
        }
        if dryRun {
            console.print("（--dry-run：只读取，未载入。）")
            return
        }
        let loaded = try await CalendarStore.loadNotice(text, basedOn: nil, on: req)
        console.print("已载入：\(loaded.loading.notice.sourceName)（记录编号\(loaded.id)）。")
    }

    /// The notice as read: what it is, each item's breaks and 调休 working days, every warning.
    static func describe(_ notice: HolidayNotice) -> [String] {
        let y = notice.year
        var lines = ["\(notice.title ?? notice.sourceName)",
                     "年度：\(y)年　类型：\(notice.kind == .annual ? "年度放假安排通知" : "补充通知")"
                         + (notice.documentNumber.map { "　文号：\($0)" } ?? "")]
        for item in notice.items {
            lines.append("  \(item.label)")
            for span in NoticeText.spans(item.daysOff, in: y) { lines.append("    放假　\(span)") }
            if let through = item.extendsThrough { lines.append("    延长至\(NoticeText.dayWithWeekday(through, in: y))") }
            for day in item.workdays { lines.append("    上班　\(NoticeText.dayWithWeekday(day, in: y))") }
        }
        if !notice.warnings.isEmpty {
            lines.append("核对提示（\(notice.warnings.count)条）：")
            for w in notice.warnings { lines.append("  " + (w.blocksLoading ? "【不能载入】" : "【请核对】") + w.message) }
        }
        return lines
    }
}
