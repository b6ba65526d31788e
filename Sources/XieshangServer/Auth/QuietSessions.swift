import NIOConcurrencyHelpers
import Vapor

/// Wraps the database session driver so that a request that did not change its session
/// does not write it back: Vapor's middleware updates the session on every response, which
/// would turn every page view into a database write. With `memory` (one SQLite process, the
/// only writer of its sessions) a session once read or written is not read again: every
/// signed-in request used to cost a query, the largest share of a phone's request to speak.
///
/// With `writes` (SQLite) a session is written in turn with the state changes, behind the
/// same gate: written from the other event loop's connection while a change ran, it made
/// that change fail with "database is locked" as phones signed in at a meeting's start.
struct QuietSessions: SessionDriver {
    let base: any SessionDriver
    let memory: SessionMemory?
    let writes: AsyncMutex?

    /// `memory` must be the one instance of the process: Vapor makes a driver on every use.
    init(base: any SessionDriver, memory: SessionMemory?, writes: AsyncMutex?) {
        self.base = base
        self.memory = memory
        self.writes = writes
    }

    private func inTurn<T: Sendable>(_ request: Request, _ write: @escaping @Sendable () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard let writes else { return write() }
        return request.eventLoop.makeFutureWithTask { try await writes.withLock { try await write().get() } }
    }

    private struct ReadKey: StorageKey { typealias Value = [String: String] }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        inTurn(request) { base.createSession(data, for: request) }.map { id in
            memory?.store(data, for: id, readAt: nil)
            return id
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        if let known = memory?.data(for: sessionID) {
            request.storage[ReadKey.self] = known.snapshot
            return request.eventLoop.makeSucceededFuture(known)
        }
        let generation = memory?.generation
        return base.readSession(sessionID, for: request).map { data in
            if let data {
                request.storage[ReadKey.self] = data.snapshot
                memory?.store(data, for: sessionID, readAt: generation)
            }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[ReadKey.self] == data.snapshot {
            return request.eventLoop.makeSucceededFuture(sessionID)
        }
        memory?.forget(sessionID)
        return inTurn(request) { base.updateSession(sessionID, to: data, for: request) }.map { id in
            memory?.store(data, for: id, readAt: nil)
            return id
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        memory?.forget(sessionID)
        return inTurn(request) { base.deleteSession(sessionID, for: request) }
    }
}

/// The sessions this process read or wrote, by id. A read that began before a change to any
/// session is not kept (its data may be the old one); bounded, it starts afresh when full.
final class SessionMemory: Sendable {
    private struct State {
        var sessions: [String: SessionData] = [:]
        var generation = 0
    }
    private let state = NIOLockedValueBox(State())
    private let limit: Int

    init(limit: Int = 20_000) { self.limit = limit }

    var generation: Int { state.withLockedValue { $0.generation } }

    func data(for id: SessionID) -> SessionData? { state.withLockedValue { $0.sessions[id.string] } }

    /// `readAt`: the generation taken before a read; nil for what this process just wrote.
    func store(_ data: SessionData, for id: SessionID, readAt generation: Int?) {
        state.withLockedValue { s in
            if let generation, generation != s.generation { return }
            if s.sessions.count >= limit { s.sessions.removeAll(keepingCapacity: true) }
            s.sessions[id.string] = data
        }
    }

    func forget(_ id: SessionID) {
        state.withLockedValue { s in
            s.sessions[id.string] = nil
            s.generation += 1
        }
    }
}
