import NIOConcurrencyHelpers
import XieshangCore

/// Principals by user id and API-token hash, so that an authenticated request costs no
/// query; cleared on every state change (users, roles and tokens change rarely).
final class PrincipalCache: Sendable {
    private struct State {
        var byUser: [Int: Principal] = [:]
        var userByToken: [String: Int] = [:]
        /// Bumped by every invalidation: a principal loaded before a revocation committed
        /// must not be stored after it, or a revoked token would keep working.
        var generation = 0
    }
    private let state = NIOLockedValueBox(State())
    private let enabled: Bool

    init(enabled: Bool = true) { self.enabled = enabled }

    func principal(userID: Int) -> Principal? { enabled ? state.withLockedValue { $0.byUser[userID] } : nil }
    func userID(tokenHash: String) -> Int? { enabled ? state.withLockedValue { $0.userByToken[tokenHash] } : nil }

    /// Take this before loading from the database, and hand it back to `store`.
    var generation: Int { state.withLockedValue { $0.generation } }

    func store(_ p: Principal, tokenHash: String? = nil, loadedAt generation: Int) {
        state.withLockedValue { s in
            guard s.generation == generation else { return }
            s.byUser[p.userID] = p
            if let t = tokenHash { s.userByToken[t] = p.userID }
        }
    }

    func invalidate() {
        state.withLockedValue { s in
            s = State(generation: s.generation + 1)
        }
    }
}
