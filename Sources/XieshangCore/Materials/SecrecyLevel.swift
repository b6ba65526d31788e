/// 涉密程度 of a material (三(四).2 "根据涉密程度明确发放范围").
///
/// A county symposium handles nothing above 机密, so 绝密 is not offered. `secret` and
/// `confidential` are state secrets (国家秘密): their copies carry copy numbers (份号) and
/// the marking of GB/T 9704-2012 ("秘密★1年"); their range must name its readers.
public enum SecrecyLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case `public`, `internal`, secret, confidential

    public var chineseName: String {
        switch self {
        case .public: "公开"
        case .internal: "内部"
        case .secret: "秘密"
        case .confidential: "机密"
        }
    }

    /// A state secret: copy numbers (份号) on every copy, a named range, never "everyone".
    public var isClassified: Bool { self == .secret || self == .confidential }

    /// The longest secrecy period the law allows (保守国家秘密法: 机密 ≤ 20 years, 秘密 ≤ 10 years);
    /// nil for levels that take no period.
    public var maxPeriodYears: Int? {
        switch self {
        case .secret: 10
        case .confidential: 20
        case .public, .internal: nil
        }
    }

    /// What the document prints top left under the copy number (GB/T 9704-2012 7.2.2):
    /// "秘密★1年", "机密" (no period given), "内部"; nil for a public material.
    public func marking(period: SecrecyPeriod?) -> String? {
        switch self {
        case .public: nil
        case .internal: chineseName
        case .secret, .confidential: period.map { "\(chineseName)★\($0.chinese)" } ?? chineseName
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: SecrecyLevel, b: SecrecyLevel) -> Bool { a.rank < b.rank }
}
