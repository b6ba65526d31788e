import Vapor
import XieshangCore
import NIOConcurrencyHelpers

/// The application's long-lived collaborators, created once in `configure`.
final class XieshangServices: Sendable {
    let config: AppConfig
    let clock: any WallClock
    /// The working method's Regulation as configured; `regulation` has the county practice applied.
    let baseRegulation: Regulation
    let practice: PracticeStore
    let calendar: CalendarStore
    let writeGate: AsyncMutex
    let loginThrottle: LoginThrottle
    let principals: PrincipalCache
    let people: PeopleDirectory
    let isPostgres: Bool
    /// The live meeting's screens connected to this process, and the bus between instances.
    let liveHub = LiveHub()
    let live = LiveBus()
    let liveWrites = LiveGroupCommit()
    /// What /metrics shows.
    let metrics = OpsMetrics()
    /// Mails waiting for the relay: the sender is woken when a change has queued some.
    let outbox = MailOutboxSignal()
    /// Sessions this process read or wrote (SQLite only: it is then their one writer).
    let sessionMemory: SessionMemory?

    init(config: AppConfig, clock: any WallClock, regulation: Regulation, calendar: CalendarStore, isPostgres: Bool) {
        self.config = config
        self.clock = clock
        self.baseRegulation = regulation
        self.practice = PracticeStore(base: regulation)
        self.calendar = calendar
        self.writeGate = AsyncMutex()
        self.loginThrottle = LoginThrottle(policy: config.security, clock: clock)
        // The caches are cleared by writes in this process only. On PostgreSQL several
        // instances may share the database, and one instance's cache would outlive another's
        // write (a revoked token still accepted), so they stay off there until instances
        // tell each other about changes (LISTEN/NOTIFY).
        self.principals = PrincipalCache(enabled: !isPostgres)
        self.people = PeopleDirectory(caching: !isPostgres)
        self.isPostgres = isPostgres
        self.sessionMemory = isPostgres ? nil : SessionMemory()
    }
}

extension XieshangServices {
    /// The Regulation in force: the working method's numbers with the office's county practice.
    var regulation: Regulation { baseRegulation.applying(practice.practice) }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = XieshangServices }

    var xieshang: XieshangServices {
        get {
            guard let s = storage[ServicesKey.self] else { fatalError("configure(_:) did not run") }
            return s
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var xieshang: XieshangServices { application.xieshang }
}
