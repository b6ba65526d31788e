import NIOConcurrencyHelpers

/// A read-through cache cleared as a whole on every state change.
///
/// Every write goes through `Application.change`, which clears the caches after commit, so a
/// hit is never older than the last write. A value loaded while a write committed is
/// returned but not kept: its generation no longer matches.
final class GenerationCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State {
        var entries: [Key: Value] = [:]
        var generation = 0
    }
    private let state = NIOLockedValueBox(State())
    private let capacity: Int
    private let enabled: Bool

    init(capacity: Int, enabled: Bool = true) {
        self.capacity = capacity
        self.enabled = enabled
    }

    func invalidate() {
        state.withLockedValue { s in
            s.entries.removeAll()
            s.generation += 1
        }
    }

    func value(for key: Key, load: () async throws -> Value) async throws -> Value {
        guard enabled else { return try await load() }
        let (hit, generation) = state.withLockedValue { ($0.entries[key], $0.generation) }
        if let hit { return hit }
        let value = try await load()
        state.withLockedValue { s in
            guard s.generation == generation else { return }
            if s.entries.count >= capacity { s.entries.removeAll() }
            s.entries[key] = value
        }
        return value
    }
}
