import NIOConcurrencyHelpers
import XieshangCore

/// Principals by user id and API-token hash, so that an authenticated request costs no
/// query; cleared on every state change (users, roles and tokens change rarely).
final class PrincipalCache: Sendable {
    private struct State {
        var byUser: [Int: Principal] = [:]
        var userByToken: [String: Int] = [:]
    }
    private let state = NIOLockedValueBox(State())

    func principal(userID: Int) -> Principal? { state.withLockedValue { $0.byUser[userID] } }
    func userID(tokenHash: String) -> Int? { state.withLockedValue { $0.userByToken[tokenHash] } }

    func store(_ p: Principal, tokenHash: String? = nil) {
        state.withLockedValue { s in
            s.byUser[p.userID] = p
            if let t = tokenHash { s.userByToken[t] = p.userID }
        }
    }

    func invalidate() { state.withLockedValue { $0 = State() } }
}
