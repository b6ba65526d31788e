import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Vapor

/// bcrypt on threads of its own.
///
/// A bcrypt check takes a quarter of a second of one core. On the application's thread pool it
/// competed with SQLite, whose every call blocks a thread of that pool: at a meeting's start,
/// with phones signing in, requests to speak fell from 571 to 9 a second. Here hashing has at
/// most half the cores, so the database always has the rest; sign-ins wait their turn instead.
///
/// Every check does the same work whether the account exists or not (a decoy hash of the
/// same cost), so that the time of an answer does not tell which names are accounts.
final class PasswordHashing: Sendable {
    private let pool: NIOThreadPool
    private let cost: Int
    private let decoy = NIOLockedValueBox<String?>(nil)

    init(cost: Int, threads: Int = max(1, System.coreCount / 2)) {
        self.cost = cost
        self.pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    func shutdown() async {
        try? await pool.shutdownGracefully()
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await pool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// `hash` nil: no such account; the same work is done against the decoy.
    func verify(_ password: String, against hash: String?) async throws -> Bool {
        guard let hash else {
            // The first unknown name makes the decoy: hashing costs what checking costs, so that
            // answer is not slower than the others either.
            if let known = decoy.withLockedValue({ $0 }) {
                _ = try await pool.runIfActive { try Bcrypt.verify(password, created: known) }
            } else {
                _ = try await decoyHash()
            }
            return false
        }
        return try await pool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }

    func decoyHash() async throws -> String {
        if let known = decoy.withLockedValue({ $0 }) { return known }
        let made = try await hash([UInt8].random(count: 16).base64URLEncoded)
        return decoy.withLockedValue { current in
            if let current { return current }
            current = made
            return made
        }
    }
}

extension Application {
    private struct PasswordHashingKey: StorageKey { typealias Value = PasswordHashing }

    var passwordHashing: PasswordHashing {
        get {
            guard let h = storage[PasswordHashingKey.self] else { fatalError("configure(_:) did not run") }
            return h
        }
        set { storage[PasswordHashingKey.self] = newValue }
    }
}

/// Stops the hashing threads with the application.
struct PasswordHashingShutdown: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.passwordHashing.shutdown()
    }
}
