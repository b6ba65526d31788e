/// A FIFO lock for async code.
///
/// SQLite allows one writer; two deferred transactions that both read and then write make
/// the second fail with SQLITE_BUSY. Serializing writes in the process avoids that, and
/// keeps the audit chain's "read last hash, append" step atomic.
actor AsyncMutex {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// How many wait for the lock (for /metrics).
    var waiting: Int { waiters.count }

    func lock() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    nonisolated func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await lock()
        do {
            let value = try await body()
            await unlock()
            return value
        } catch {
            await unlock()
            throw error
        }
    }
}
