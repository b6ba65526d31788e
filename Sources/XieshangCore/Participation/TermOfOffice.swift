/// 届次: a term of the CPPCC (e.g. 第十一届, 2021-12-28 to 2026-12-27), the span of a
/// member's participation record. The organization's term is `termName`, `termStart`, `termEnd`.
public struct TermOfOffice: Sendable, Equatable, Codable {
    public var name: String
    public var start: Day
    public var end: Day

    public init(name: String, start: Day, end: Day) {
        self.name = name
        self.start = start
        self.end = end
    }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }
}
