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

    static func value<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
