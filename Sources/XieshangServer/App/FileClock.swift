import Foundation
import XieshangCore

/// The clock of an end-to-end test against a running server (`XIESHANG_CLOCK_FILE`): "now"
/// is the instant written in the file (ISO 8601) plus the real time since the file was last
/// written, so countdowns run as usual and a test jumps ahead by writing a later instant.
/// Without the variable the server uses the system clock; start-up logs when this one is used.
struct FileClock: WallClock {
    let path: String

    func now() -> Date {
        let real = Date()
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let written = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date,
              let base = ISO8601DateFormatter().date(from: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return real
        }
        return base.addingTimeInterval(max(0, real.timeIntervalSince(written)))
    }
}
