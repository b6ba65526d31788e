import Foundation

/// The JSON text of a domain value kept whole in a row (a plan, a symposium, a live meeting,
/// a material, an outcome, the county practice). Keys are sorted, so the same value is
/// always the same text: `DecodeCache` keys on the text, and audit entries compare it.
enum StoredJSON {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `row` names the row (`symposia#12`) for the error: a row that no longer decodes is a
    /// bug to be found and fixed (a model change without a migration), never a row skipped
    /// in silence. Only stores decode.
    static func value<T: Decodable>(_ type: T.Type, from text: String, row: @autoclosure () -> String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw UndecodableRow(row: row(), type: String(describing: T.self), underlying: error)
        }
    }
}

/// A stored row that does not decode: a 500, logged with the row and the decoder's reason.
struct UndecodableRow: Error, CustomDebugStringConvertible {
    let row: String
    let type: String
    let underlying: any Error

    var debugDescription: String { "stored row \(row) does not decode as \(type): \(String(reflecting: underlying))" }
}
