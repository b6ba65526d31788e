import NIOConcurrencyHelpers
import Vapor
import XieshangCore

/// Group commit for a live meeting's writes. During free speech many phones ask to speak at
/// once; each request used to be a transaction of its own (load, encode the whole meeting,
/// save, audit, encode the message), one after another behind the write gate. Here the
/// requests that arrive while a transaction runs wait for the next one, and that one applies
/// them all in arrival order: one load, one save, one message, an audit entry per request.
///
/// Nothing is answered before its transaction committed, so a 200 still means "stored".
/// Each request is judged by the domain on the state its predecessors left: a refused one is
/// answered with its refusal and changes nothing, the others go on. If the transaction
/// fails, every request in it fails and nothing is kept.
final class LiveGroupCommit: Sendable {
    typealias Transition = @Sendable (inout LiveMeeting, inout MeetingRecord?, Date) throws -> (any Encodable & Sendable)?

    /// One request's change, waiting for its transaction.
    struct Change: Sendable {
        let action: String
        let actor: String
        let at: Date
        let loaded: SymposiumStore.Loaded
        let transition: Transition
        let answer: CheckedContinuation<ByteBuffer, any Error>
    }

    /// A symposium has a queue while its changes are being committed, and none otherwise.
    private struct Queue {
        var waiting: [Change] = []
        /// The changes in the transaction under way.
        var inTransaction = 0
    }

    private let queues = NIOLockedValueBox<[Int: Queue]>([:])

    /// Applies `transition` in the next transaction for this symposium and returns the
    /// meeting's state after that transaction, encoded as sent to every screen.
    func submit(_ loaded: SymposiumStore.Loaded, action: String, actor: String, app: Application,
                _ transition: @escaping Transition) async throws -> ByteBuffer {
        let id = loaded.id
        let clock = app.xieshang.clock
        return try await withCheckedThrowingContinuation { answer in
            let startsCommitting = queues.withLockedValue { queues -> Bool in
                let idle = queues[id] == nil
                // The time is read in the lock, so that times follow the order of application.
                queues[id, default: Queue()].waiting.append(
                    Change(action: action, actor: actor, at: clock.now(), loaded: loaded, transition: transition, answer: answer))
                return idle
            }
            if startsCommitting {
                Task { await self.commitWaiting(id, app: app) }
            }
        }
    }

    /// How many changes to this symposium are submitted and not yet answered.
    func unanswered(_ symposiumID: Int) -> Int {
        queues.withLockedValue { q in q[symposiumID].map { $0.waiting.count + $0.inTransaction } ?? 0 }
    }

    /// Commits batch after batch until nobody waits.
    private func commitWaiting(_ id: Int, app: Application) async {
        while true {
            let batch = queues.withLockedValue { queues -> [Change] in
                let waiting = queues[id]?.waiting ?? []
                if waiting.isEmpty {
                    queues[id] = nil
                } else {
                    queues[id]!.waiting = []
                    queues[id]!.inTransaction = waiting.count
                }
                return waiting
            }
            guard !batch.isEmpty else { return }
            await commit(batch, symposiumID: id, app: app)
            queues.withLockedValue { $0[id]?.inTransaction = 0 }
        }
    }

    private func commit(_ batch: [Change], symposiumID: Int, app: Application) async {
        // The newest read of the symposium: it starts the meeting and names it in the message.
        let symposium = batch[batch.count - 1].loaded.symposium
        let message: ByteBuffer?
        let outcomes: [Result<Void, any Error>]
        do {
            (message, outcomes) = try await LiveStore.apply(batch, symposiumID: symposiumID, symposium: symposium, app: app)
            app.xieshang.metrics.groupCommit(size: batch.count)
        } catch {
            for change in batch { change.answer.resume(throwing: error) }
            return
        }
        if let message {
            await app.xieshang.live.announce(symposiumID, message: message, app: app)
        }
        for (change, outcome) in zip(batch, outcomes) {
            switch outcome {
            // A change accepted means a message was made.
            case .success: change.answer.resume(returning: message ?? ByteBuffer())
            case .failure(let error): change.answer.resume(throwing: error)
            }
        }
    }
}
