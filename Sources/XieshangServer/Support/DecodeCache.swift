import NIOConcurrencyHelpers

/// Decoded values of JSON rows, by row id, kept while the row's text is unchanged: a live
/// meeting's every write and every screen's read used to decode the same large JSON again.
/// The key is a hash of the stored text itself, not a version number, so that a value read
/// inside a transaction that was rolled back can never stand for different text committed
/// later. Bounded: past `limit` rows it starts afresh.
final class DecodeCache<Value: Sendable>: Sendable {
    private let entries = NIOLockedValueBox<[Int: (fingerprint: Int, length: Int, value: Value)]>([:])
    private let limit: Int

    init(limit: Int = 256) { self.limit = limit }

    func value(id: Int, text: String, decode: () throws -> Value) rethrows -> Value {
        let fingerprint = Self.fingerprint(text), length = text.utf8.count
        if let hit = entries.withLockedValue({ $0[id] }), hit.fingerprint == fingerprint, hit.length == length {
            return hit.value
        }
        let value = try decode()
        remember(id: id, text: text, value: value)
        return value
    }

    /// A value just encoded to `text` for writing: the next read of that text needs no
    /// decoding. Safe if the write is rolled back: the text read then differs.
    func remember(id: Int, text: String, value: Value) {
        let fingerprint = Self.fingerprint(text), length = text.utf8.count
        entries.withLockedValue {
            if $0.count >= limit { $0.removeAll(keepingCapacity: true) }
            $0[id] = (fingerprint, length, value)
        }
    }

    /// The bytes' hash: `String.hashValue` normalizes Unicode first, which for Chinese text cost
    /// more than it saved.
    static func fingerprint(_ text: String) -> Int {
        var hasher = Hasher()
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        return hasher.finalize()
    }
}
