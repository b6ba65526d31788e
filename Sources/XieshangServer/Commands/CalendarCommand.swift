import Vapor
import XieshangCore

/// `xieshang calendar load --notice FILE` (the State Council's notice as published; see
/// `CalendarCommand+Notice.swift`), `xieshang calendar load --file FILE --year Y --source S`
/// (text `日期 名称 休|班` per line, or a `YearArrangement` JSON file),
/// `xieshang calendar day-off --date D --reason R` and `xieshang calendar show --year Y`.
struct CalendarCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "load | day-off | show")
        var action: String
        @Option(name: "notice", short: "n", help: "The State Council's holiday notice as published, UTF-8 text (load)")
        var notice: String?
        @Flag(name: "dry-run", help: "Read the notice and print what loading it would do, without loading it (load --notice)")
        var dryRun: Bool
        @Option(name: "file", short: "f", help: "Arrangement file, one day a line or JSON (load)")
        var file: String?
        @Option(name: "year", help: "Year (load text files, show)")
        var year: Int?
        @Option(name: "source", help: "The notice the arrangement comes from (load text files)")
        var source: String?
        @Option(name: "date", help: "YYYY-MM-DD (day-off)")
        var date: String?
        @Option(name: "reason", help: "Why the county rests that day (day-off)")
        var reason: String?
    }
    var help: String { "Loads a year's holiday arrangement or adds a local day off." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard ["load", "day-off", "show"].contains(s.action) else {
            context.console.error("未知操作“\(s.action)”：可用 load、day-off、show")
            throw ExitCode(2)
        }
        if s.action == "show" { try await DatabaseSetup.openReadOnly(app) } else { try await DatabaseSetup.openForWriting(app) }
        let req = Request(application: app, on: app.eventLoopGroup.next())
        req.setPrincipal(Principal(userID: 0, username: commandActor(), displayName: "命令行", roles: [.admin]), viaToken: true)
        do {
            switch s.action {
            case "load" where s.notice != nil:
                try await loadNotice(path: s.notice ?? "", dryRun: s.dryRun, req: req, console: context.console)
            case "load":
                guard let path = s.file, let data = FileManager.default.contents(atPath: path) else {
                    throw Refusal(.invalid, code: "missing_file",
                                  message: "请用 --notice 指定国务院放假安排通知的文本文件，或用 --file 指定可读取的逐日安排文件。")
                }
                let arrangement: YearArrangement
                if let json = try? JSONDecoder().decode(YearArrangement.self, from: data) {
                    arrangement = json
                } else {
                    guard let year = s.year else {
                        throw Refusal(.invalid, code: "missing_option", message: "文本格式的安排须用 --year 指定年份。")
                    }
                    arrangement = try YearArrangement.parse(year: year, source: s.source ?? "",
                                                            text: String(decoding: data, as: UTF8.self))
                }
                try await CalendarStore.load(arrangement, on: req)
                context.console.print("已载入\(arrangement.year)年节假日安排（放假\(arrangement.daysOff.count)天，调休上班\(arrangement.adjustedWorkdays.count)天）。")
            case "day-off":
                guard let d = s.date.flatMap(Day.init(iso:)) else {
                    throw Refusal(.invalid, code: "invalid_date", message: "请用 --date 指定日期（YYYY-MM-DD）。")
                }
                _ = try await CalendarStore.addLocalDayOff(LocalDayOff(day: d, reason: s.reason ?? ""), on: req)
                context.console.print("已添加地方休息日：\(d.chinese)。")
            case "show":
                let y = s.year ?? Day(app.xieshang.clock.now()).year
                let dto = try CalendarView.year(y, in: app.xieshang.calendar.calendar)
                context.console.print("\(y)年：工作日\(dto.workingDays)天。\(dto.source)")
                for e in dto.specialDays { context.console.print("  \(e.date) \(e.kind.chinese)") }
            default:
                throw Refusal(.invalid, code: "unknown_action", message: "未知操作“\(s.action)”：可用 load、day-off、show")
            }
        } catch let e as any DomainError {
            context.console.error(e.message)
            for d in e.details { context.console.error("  " + d) }
            throw ExitCode(2)
        }
    }
}
