import Leaf
import Vapor
import XieshangCore

/// What every page shows around its body: title, who is signed in, the navigation that
/// this principal may follow, and the CSRF token its forms carry.
struct Layout: Encodable {
    struct NavItem: Encodable {
        let href: String
        let label: String
        let current: Bool
    }
    let title: String
    let userName: String?
    let roleNames: String?
    let nav: [NavItem]
    let csrf: String
    let flash: String?
}

struct Page<Body: Encodable>: Encodable {
    let layout: Layout
    let body: Body
}

enum Navigation {
    /// `today` (the injected clock's) picks the summary the entry opens: the current quarter's.
    static func items(for p: Principal?, currentPath: String, today: Day) -> [Layout.NavItem] {
        guard let p else { return [] }
        var items: [(String, String)] = [(Paths.dashboard, "工作台"), (Paths.plans, "年度计划"), ("/symposia", "协商座谈会")]
        if p.maySeeOutcomeSummaries {
            items.append(("/summaries/\(ReportPeriod.quarter(containing: today).text)", "成果汇总"))
        }
        if p.personID != nil { items.append(("/invitations", "我的邀请")) }
        items.append((Paths.people, "人员"))
        if p.may(.viewMasterData) { items.append((Paths.organization, "组织机构")) }
        items.append((Paths.calendar, "工作日历"))
        if p.may(.viewRegulation) { items.append((Paths.regulation, "工作规则")) }
        if p.may(.viewAuditLog) { items.append((Paths.audit, "审计日志")) }
        if p.may(.actForOffice) { items.append((Paths.mail, "邮件发送")) }
        if p.may(.manageUsers) { items.append((Paths.users, "账号")) }
        return items.map { href, label in
            // Every summary (another quarter, the year) belongs to the one entry.
            let section = href.hasPrefix("/summaries/") ? "/summaries/" : href
            let current = href == "/" ? currentPath == "/" : currentPath.hasPrefix(section)
            return Layout.NavItem(href: href, label: label, current: current)
        }
    }
}

extension Request {
    private struct FlashKey: StorageKey { typealias Value = String }

    func layout(title: String) -> Layout {
        let p = principalIfAny
        return Layout(title: title, userName: p?.displayName,
                      roleNames: p.map { $0.roles.sorted().map(\.chineseName).joined(separator: "、") },
                      nav: Navigation.items(for: p, currentPath: url.path, today: Day(xieshang.clock.now())),
                      csrf: csrfToken(),
                      flash: takeFlash())
    }

    /// A one-time message shown on the next page (after a redirect).
    func flash(_ message: String) { session.data["flash"] = message }

    private func takeFlash() -> String? {
        guard hasSession, let m = session.data["flash"] else { return nil }
        session.data["flash"] = nil
        return m
    }

    func renderPage<B: Encodable>(_ template: String, title: String, body: B) async throws -> Response {
        let view = try await self.view.render(template, Page(layout: layout(title: title), body: body))
        let res = try await view.encodeResponse(for: self)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        attachNewCSRFCookie(to: res)
        return res
    }
}
