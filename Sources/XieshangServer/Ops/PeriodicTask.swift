import NIOConcurrencyHelpers
import Vapor

/// Runs `body` every `interval` while the server runs, from boot to shutdown. A failing run is
/// logged and the next one comes at its time: a database that is briefly away must not end
/// the purge for good.
final class PeriodicTask: LifecycleHandler, Sendable {
    let name: String
    let interval: Duration
    private let body: @Sendable (Application) async throws -> Void
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(_ name: String, every interval: Duration, _ body: @escaping @Sendable (Application) async throws -> Void) {
        self.name = name
        self.interval = interval
        self.body = body
    }

    func didBootAsync(_ app: Application) async throws {
        let (name, interval, body) = (self.name, self.interval, self.body)
        let started = Task {
            while !Task.isCancelled {
                do { try await body(app) } catch {
                    if Task.isCancelled { return }
                    app.logger.event(.error, "periodic_task_failed", [("task", name), ("error", String(reflecting: error))])
                }
                try? await Task.sleep(for: interval)
            }
        }
        task.withLockedValue { $0 = started }
    }

    func shutdownAsync(_ app: Application) async {
        let running = task.withLockedValue { t -> Task<Void, Never>? in
            defer { t = nil }
            return t
        }
        running?.cancel()
        await running?.value
    }
}
