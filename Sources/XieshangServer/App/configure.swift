import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import Vapor
import XieshangCore

/// Things tests replace.
public struct Overrides: Sendable {
    public var clock: any WallClock
    public var regulation: Regulation

    public init(clock: any WallClock = SystemClock(), regulation: Regulation = .default) {
        self.clock = clock
        self.regulation = regulation
    }
}

/// The composition root: database, sessions, middleware, migrations, commands and routes.
public func configure(_ app: Application, config: AppConfig, overrides: Overrides = .init()) async throws {
    let isPostgres: Bool
    switch config.database {
    case .sqliteFile(let path):
        // Nothing is created or written here: see DatabaseSetup.
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        isPostgres = false
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
        isPostgres = false
    case .postgres(let url):
        app.databases.use(try .postgres(url: url), as: .psql)
        isPostgres = true
    }

    app.xieshang = XieshangServices(config: config, clock: overrides.clock, regulation: overrides.regulation,
                            calendar: CalendarStore(), isPostgres: isPostgres)
    app.passwordHashing = PasswordHashing(cost: config.security.bcryptCost)
    app.lifecycle.use(PasswordHashingShutdown())

    // Sessions are remembered only where this process is their one writer (see QuietSessions).
    let sessionMemory = app.xieshang.sessionMemory
    let sessionWrites = isPostgres ? nil : app.xieshang.writeGate
    app.sessions.use { app in
        QuietSessions(base: app.fluent.sessions.driver(), memory: sessionMemory, writes: sessionWrites)
    }
    app.sessions.configuration.cookieName = "xieshang_session"
    let secure = config.security.secureCookies
    let lifetime = config.security.sessionLifetime
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, maxAge: Int(lifetime), path: "/", isSecure: secure,
                          isHTTPOnly: true, sameSite: .lax)
    }

    let resources = Bundle.module.url(forResource: "Resources", withExtension: nil)!
    // Not `.leaf`: Leaf's own provider switches its template cache off in the development
    // environment (what `serve` runs in without --env), so every page re-read and re-parsed
    // its templates from disk on every request.
    app.views.use { app in
        var userInfo = app.leaf.userInfo
        userInfo["application"] = app
        return LeafRenderer(configuration: app.leaf.configuration, tags: app.leaf.tags, cache: app.leaf.cache,
                            sources: app.leaf.sources, eventLoop: app.eventLoopGroup.next(), userInfo: userInfo)
    }
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                  sandboxDirectory: resources.path + "/",
                                                  viewDirectory: resources.appendingPathComponent("Views").path + "/"))
    app.leaf.cache.isEnabled = true
    app.routes.defaultMaxBodySize = "4mb"

    // Order matters: the security headers go on every response, error pages included, so
    // they wrap the errors; errors wrap the rest; sessions before the principal; CSRF after it.
    app.middleware = .init()
    // First who is asking (behind a trusted proxy, the client it forwarded for), then the access
    // log, which sees every response, error pages included.
    app.middleware.use(ForwardedHeadersMiddleware(proxies: config.trustedProxies))
    var accessLogger = Logger(label: "xieshang.access")
    accessLogger.logLevel = app.logger.logLevel
    app.middleware.use(AccessLogMiddleware(logger: accessLogger, metrics: app.xieshang.metrics))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware(routes: app.routes))
    app.middleware.use(FileMiddleware(publicDirectory: resources.appendingPathComponent("Public").path + "/",
                                      defaultFile: nil, advancedETagComparison: true))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(PrincipalMiddleware())
    app.middleware.use(CSRFMiddleware())

    LiveMessage.wire(app)
    if config.runsBackgroundTasks {
        app.lifecycle.use(ChangeWatcher())
        if case .postgres(let url) = config.database { app.lifecycle.use(LiveListener(url: url)) }
        app.lifecycle.use(PeriodicTask("session_purge", every: config.security.sessionPurgeInterval) { app in
            try await SessionPurge.run(app: app)
        })
        app.lifecycle.use(MailOutboxSender())
    }
    Migrations.register(on: app)
    Commands.register(on: app)
    try routes(app)
}

/// Brings the database up to date, loads the demo county when asked, and reads the
/// calendar in force. Separate from `configure` so commands that must not migrate don't.
public func prepare(_ app: Application) async throws {
    try await DatabaseSetup.openForWriting(app)
}

func routes(_ app: Application) throws {
    try app.register(collection: DashboardRoutes())
    try app.register(collection: LoginRoutes())
    try app.register(collection: PeoplePages())
    try app.register(collection: PeopleAPI())
    try app.register(collection: OrganizationPage())
    try app.register(collection: MasterDataAPI())
    try app.register(collection: CalendarPages())
    try app.register(collection: CalendarAPI())
    try app.register(collection: RegulationRoutes())
    try app.register(collection: PracticeRoutes())
    try app.register(collection: AnnualReport())
    try app.register(collection: ReminderRoutes())
    try app.register(collection: AuditRoutes())
    try app.register(collection: UserRoutes())
    try app.register(collection: PlanningPages())
    try app.register(collection: PlanningAPI())
    try app.register(collection: CalendarFeeds())
    try app.register(collection: PlanNotice())
    try app.register(collection: SymposiumAPI())
    try app.register(collection: SymposiumPages())
    try app.register(collection: AgendaRoutes())
    try app.register(collection: LiveRoutes())
    try app.register(collection: MaterialAPI())
    try app.register(collection: MaterialPages())
    try app.register(collection: PaperCopyAPI())
    try app.register(collection: PaperCopyPages())
    try app.register(collection: RecordRoutes())
    try app.register(collection: OutcomeAPI())
    try app.register(collection: OutcomePages())
    try app.register(collection: TopicTrace())
    try app.register(collection: ParticipationRoutes())
    try app.register(collection: OutcomeSummaryRoutes())
    try app.register(collection: OpenAPIRoutes())
    try app.register(collection: HealthRoutes())
    try app.register(collection: MailOutboxPage())
}

/// Pages may not be framed (clickjacking) and scripts come only from this server.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        res.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        res.headers.replaceOrAdd(name: "Content-Security-Policy",
                                 value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
        return res
    }
}
