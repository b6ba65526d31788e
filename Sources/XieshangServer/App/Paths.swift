import Vapor

/// Every path, defined once: handlers are registered with these and links, redirects and
/// mail are built from them, so a renamed path cannot leave a dead link behind.
enum Paths {
    static let dashboard = "/"
    static let login = "/login"
    static let logout = "/logout"
    static let healthz = "/healthz"
    static let readyz = "/readyz"
    static let metrics = "/metrics"
    static let mail = "/mail"
    static let mailRetryAll = "/mail/retry"
    static func mailRetry(_ id: Int) -> String { "/mail/\(id)/retry" }

    static let people = "/people"
    static let newPerson = "/people/new"
    static let importPeople = "/people/import"
    static func person(_ id: Int) -> String { "/people/\(id)" }
    static func editPerson(_ id: Int) -> String { "/people/\(id)/edit" }

    static let organization = "/organization"
    static let committees = "/committees"
    static func committee(_ id: Int) -> String { "/committees/\(id)" }
    static let sectors = "/sectors"
    static func sector(_ id: Int) -> String { "/sectors/\(id)" }
    static let departments = "/departments"
    static func department(_ id: Int) -> String { "/departments/\(id)" }

    static let calendar = "/calendar"
    static let calendarYears = "/calendar/years"
    static let localDaysOff = "/calendar/local-days-off"
    static func deleteLocalDayOff(_ day: String) -> String { "/calendar/local-days-off/\(day)/delete" }
    /// The office pastes a holiday notice, checks what the server read, then loads it.
    static let previewNotice = "/calendar/notices/preview"
    static let calendarNotices = "/calendar/notices"
    static func calendarYear(_ year: Int) -> String { "/calendar?year=\(year)" }

    static let plans = "/plans"
    static let regulation = "/regulation"
    static let audit = "/audit"
    static let users = "/users"

    enum API {
        static let root = "/api/v1"
        static let openAPI = "/api/v1/openapi.json"
        static let me = "/api/v1/me"
        static let organization = "/api/v1/organization"
        static let committees = "/api/v1/committees"
        static let sectors = "/api/v1/sectors"
        static let departments = "/api/v1/departments"
        static let persons = "/api/v1/persons"
        static let importPersons = "/api/v1/persons/import"
        static let addWorkingDays = "/api/v1/calendar/add-working-days"
        static let calendarYears = "/api/v1/calendar/years"
        static let localDaysOff = "/api/v1/calendar/local-days-off"
        static let calendarNotices = "/api/v1/calendar/notices"
        static let parseNotice = "/api/v1/calendar/notices/parse"
        static func yearNotices(_ year: String) -> String { "/api/v1/calendar/years/\(year)/notices" }
        static let regulation = "/api/v1/regulation"
        static let audit = "/api/v1/audit"
        static let auditVerify = "/api/v1/audit/verify"
        static let users = "/api/v1/users"
    }
}

extension String {
    /// `"/people/:id"` → path components for registering a route.
    var routePath: [PathComponent] { pathComponents }
}
