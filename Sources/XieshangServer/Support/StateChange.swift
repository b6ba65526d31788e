import Fluent
import Vapor
import XieshangCore

extension Application {
    /// Runs a state change: one transaction, its audit entries appended inside it, writes
    /// serialized (see AsyncMutex), caches invalidated after commit. On SQLite the
    /// transaction holds the write lock from its start (`ImmediateTransaction`), so that a
    /// write by another process waits instead of failing the change. On PostgreSQL the
    /// instances sharing the database take turns too: each transaction first takes the same
    /// advisory lock, so that what it reads was committed by everyone before it and no
    /// instance writes over another's change (the live queue read on A, written on B).
    /// `invalidatingCaches`: false for writes that change nothing the caches hold (people,
    /// accounts, lookups), such as the live meeting's many small steps.
    func change<T: Sendable>(by actor: String, invalidatingCaches: Bool = true,
                             _ body: @escaping @Sendable (any Database) async throws -> (T, [AuditChange])) async throws -> T {
        let services = xieshang
        let db = self.db
        let value = try await services.writeGate.withLock {
            let transaction: @Sendable (any Database) async throws -> T = { tx in
                if services.isPostgres { try await AuditLog.takeTurn(on: tx) }
                let (value, changes) = try await body(tx)
                try await AuditLog.append(changes, actor: actor, at: services.clock.now(), on: tx,
                                          isPostgres: services.isPostgres)
                return value
            }
            return services.isPostgres ? try await db.transaction(transaction)
                                       : try await ImmediateTransaction.run(on: db, transaction)
        }
        if invalidatingCaches {
            services.people.invalidate()
            services.principals.invalidate()
        }
        return value
    }
}

extension Request {
    /// A state change made by the signed-in principal.
    func change<T: Sendable>(invalidatingCaches: Bool = true,
                             _ body: @escaping @Sendable (any Database) async throws -> (T, [AuditChange])) async throws -> T {
        let actor = try principal.username
        return try await application.change(by: actor, invalidatingCaches: invalidatingCaches, body)
    }
}
