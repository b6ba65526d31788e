import Foundation
import NIOConcurrencyHelpers
import XieshangCore

/// Refuses logins for a username from one address after repeated failures.
///
/// Keyed by username and address so that an attacker elsewhere cannot lock a real user out
/// of the office PC, while guessing one account's password stays slow.
final class LoginThrottle: Sendable {
    private let policy: SecurityPolicy
    private let clock: any WallClock
    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    init(policy: SecurityPolicy, clock: any WallClock) {
        self.policy = policy
        self.clock = clock
    }

    private func key(_ username: String, _ address: String) -> String {
        username.lowercased() + "|" + address
    }

    /// Seconds until another attempt is allowed, or nil when not locked.
    func lockedFor(username: String, address: String) -> TimeInterval? {
        let now = clock.now()
        return failures.withLockedValue { all in
            let recent = (all[key(username, address)] ?? []).filter { now.timeIntervalSince($0) < policy.failedLoginWindow }
            guard recent.count >= policy.maxFailedLogins, let last = recent.last else { return nil }
            let remaining = policy.lockout - now.timeIntervalSince(last)
            return remaining > 0 ? remaining : nil
        }
    }

    func recordFailure(username: String, address: String) {
        let now = clock.now()
        failures.withLockedValue { all in
            let k = key(username, address)
            var list = (all[k] ?? []).filter { now.timeIntervalSince($0) < policy.failedLoginWindow }
            list.append(now)
            all[k] = list
            // Keeps memory bounded under a spray of usernames.
            if all.count > 10_000 {
                all = all.filter { !$0.value.isEmpty && now.timeIntervalSince($0.value.last!) < policy.failedLoginWindow }
            }
        }
    }

    func recordSuccess(username: String, address: String) {
        _ = failures.withLockedValue { $0.removeValue(forKey: key(username, address)) }
    }
}
