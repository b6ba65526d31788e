import Foundation

/// 保密期限 of a classified material: "1年", "6个月", printed after the level as "秘密★1年".
public struct SecrecyPeriod: Sendable, Hashable, Codable {
    public enum Unit: String, Sendable, Codable, CaseIterable {
        case year, month

        public var chineseName: String { self == .year ? "年" : "个月" }
    }

    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    public static func years(_ n: Int) -> SecrecyPeriod { SecrecyPeriod(amount: n, unit: .year) }
    public static func months(_ n: Int) -> SecrecyPeriod { SecrecyPeriod(amount: n, unit: .month) }

    /// Arabic numerals, as GB/T 9704 prints them: "1年", "6个月".
    public var chinese: String { "\(amount)\(unit.chineseName)" }

    /// Parses what a form field holds: "1年", "10年", "6个月" (surrounding spaces allowed).
    public init?(chinese: String) {
        let s = chinese.trimmingCharacters(in: .whitespaces)
        for unit in Unit.allCases where s.hasSuffix(unit.chineseName) {
            let digits = s.dropLast(unit.chineseName.count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
            self.init(amount: n, unit: unit)
            return
        }
        return nil
    }

    var months: Int { unit == .year ? amount * 12 : amount }

    /// A period is only for a classified level, at least one unit, within the legal maximum.
    public func check(for level: SecrecyLevel) throws {
        guard let maxYears = level.maxPeriodYears else { throw MaterialError.periodWithoutClassification(level) }
        guard amount >= 1 else { throw MaterialError.periodInvalid }
        guard months <= maxYears * 12 else { throw MaterialError.periodTooLong(level, maxYears) }
    }
}
