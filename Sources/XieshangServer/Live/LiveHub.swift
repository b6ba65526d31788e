import NIOConcurrencyHelpers
import Vapor

/// The WebSocket viewers of each live symposium connected to this process. A change is
/// encoded once and the same bytes go to every viewer, so pushing to a thousand phones costs
/// one encoding and a thousand writes.
final class LiveHub: Sendable {
    private let viewers = NIOLockedValueBox<[Int: [ObjectIdentifier: WebSocket]]>([:])

    func add(_ ws: WebSocket, to symposiumID: Int) {
        viewers.withLockedValue { $0[symposiumID, default: [:]][ObjectIdentifier(ws)] = ws }
    }

    func remove(_ ws: WebSocket, from symposiumID: Int) {
        viewers.withLockedValue { all in
            all[symposiumID]?[ObjectIdentifier(ws)] = nil
            if all[symposiumID]?.isEmpty == true { all[symposiumID] = nil }
        }
    }

    func count(_ symposiumID: Int) -> Int {
        viewers.withLockedValue { $0[symposiumID]?.count ?? 0 }
    }

    func isWatched(_ symposiumID: Int) -> Bool { count(symposiumID) > 0 }

    /// For /metrics: symposia with a screen connected here, and the screens.
    func counts() -> (meetings: Int, screens: Int) {
        viewers.withLockedValue { all in (all.count, all.values.reduce(0) { $0 + $1.count }) }
    }

    func publish(_ message: ByteBuffer, to symposiumID: Int) {
        let targets = viewers.withLockedValue { Array(($0[symposiumID] ?? [:]).values) }
        for ws in targets where !ws.isClosed {
            ws.send(raw: message.readableBytesView, opcode: .text)
        }
    }
}
