import Foundation

/// The source of "now". Injected everywhere so that deadlines and the live meeting's
/// countdowns can be tested at any instant; nothing in the domain calls `Date()`.
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock tests set and move by hand.
public final class ManualClock: WallClock, @unchecked Sendable {
    // @unchecked: every access to `current` is under `lock`.
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    public func set(_ date: Date) { lock.withLock { current = date } }

    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
