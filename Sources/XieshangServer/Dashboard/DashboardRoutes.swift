import Fluent
import Vapor
import XieshangCore

/// The dashboard: who is signed in, what today is in the working calendar, the counts that
/// tell the office its data is complete, and the working-day calculator.
struct DashboardRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: show)
        routes.get(Paths.healthz.routePath, use: healthz)
        routes.get(Paths.API.me.routePath, use: me)
    }

    struct Count: Encodable { let label: String; let value: Int; let href: String }
    /// A year the office must load before planning can go on, and why.
    struct CalendarReminder: Encodable { let year: Int; let message: String; let href: String }
    struct Body: Encodable {
        let today: String
        let todayKind: String
        let nextWorkingDay: String?
        let outcomeDeadlineDays: Int
        let outcomeDeadlineExample: String?
        let counts: [Count]
        let organization: String?
        let term: String?
        let todo: [ToDoDTO]
        let overdue: Int
        let calendarReminders: [CalendarReminder]
        /// The office's: printed copies of classified materials not yet returned, by person,
        /// from the day after each meeting (会后清退).
        let paperOutstanding: [PaperRetrievalDTO]
        /// The office's: classified files held on this non-classified system awaiting its
        /// confirmation of paper-only handling (保守国家秘密法).
        let classifiedFiles: [FlaggedFileDTO]
    }

    func show(req: Request) async throws -> Response {
        let p = try req.principal
        let cal = req.xieshang.calendar.calendar
        let today = Day(req.xieshang.clock.now())
        let kind = try? cal.kind(of: today)
        let days = req.xieshang.regulation.outcomeDeadlineWorkingDays
        var counts: [Count] = []
        if p.may(.viewPersons) {
            let db = req.db
            async let members = PersonModel.query(on: db).filter(\.$kind == PersonKind.member.rawValue).count()
            async let experts = PersonModel.query(on: db).filter(\.$kind == PersonKind.expert.rawValue).count()
            async let departments = DepartmentModel.query(on: db).count()
            async let sectors = SectorModel.query(on: db).count()
            counts = try await [
                Count(label: "本届委员", value: members, href: Paths.people + "?kind=member"),
                Count(label: "专家学者", value: experts, href: Paths.people + "?kind=expert"),
                Count(label: "界别", value: sectors, href: Paths.organization + "#sectors"),
                Count(label: "有关部门", value: departments, href: Paths.organization + "#departments"),
            ]
        }
        let org = try await OrganizationModel.query(on: req.db).first()
        let todo = try await ToDoDTO.all(for: p, on: req)
        let office = p.roles.contains(.office)
        let paperOutstanding = office ? try await PaperRetrievalDTO.chased(on: req) : []
        let classifiedFiles = office ? try await FlaggedFileDTO.all(on: req) : []
        let body = Body(today: "\(today.chinese) \(today.chineseWeekday)",
                        todayKind: kind?.chinese ?? "不在已载入的日历范围内",
                        nextWorkingDay: (try? cal.addingWorkingDays(1, to: today))?.chinese,
                        outcomeDeadlineDays: days,
                        outcomeDeadlineExample: (try? cal.addingWorkingDays(days, to: today))?.iso,
                        counts: counts, organization: org?.name, term: org.map { "\($0.termName)（\($0.termStart) 至 \($0.termEnd)）" },
                        todo: todo, overdue: todo.filter(\.overdue).count,
                        calendarReminders: p.may(.manageCalendar) ? Self.calendarReminders(cal, today: today, req.xieshang.regulation) : [],
                        paperOutstanding: paperOutstanding, classifiedFiles: classifiedFiles)
        return try await req.renderPage("dashboard", title: "工作台", body: body)
    }

    static func calendarReminders(_ cal: WorkingCalendar, today: Day, _ regulation: Regulation) -> [CalendarReminder] {
        cal.yearsToLoad(today: today, regulation: regulation).map { y in
            CalendarReminder(year: y, message: "\(y)年的节假日安排尚未载入。国务院办公厅公布《关于\(y)年部分节假日安排的通知》后，"
                                 + "请到工作日历粘贴通知全文载入；载入前不能按规则安排\(y)年的座谈会日期，也不能计算落在\(y)年的期限。",
                             href: Paths.calendar + "?year=\(y)#load-notice")
        }
    }

    struct Health: Content { let status: String }

    func healthz(req: Request) async throws -> Health { Health(status: "ok") }

    struct Me: Content {
        let id: Int; let username: String; let displayName: String; let roles: [Role]
        let personID: Int?; let committeeID: Int?; let departmentID: Int?
    }

    func me(req: Request) async throws -> Me {
        let p = try req.principal
        return Me(id: p.userID, username: p.username, displayName: p.displayName, roles: p.roles.sorted(),
                  personID: p.personID, committeeID: p.committeeID, departmentID: p.departmentID)
    }
}
