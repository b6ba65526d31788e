/// What the office sets for its own county where the working method names no number: the time
/// limits for materials and for handling outcomes, and the points of the members' participation
/// records (委员履职积分). The Regulation in force is the working method's with these applied.
public struct CountyPractice: Sendable, Equatable, Codable {
    public var materialDues: MaterialDueRules
    public var handling: HandlingRules
    public var points: PointsRules

    public init(materialDues: MaterialDueRules = .countyPractice, handling: HandlingRules = .countyPractice,
                points: PointsRules = .standard) {
        self.materialDues = materialDues
        self.handling = handling
        self.points = points
    }

    public static let standard = CountyPractice()

    /// Every problem at once, in Chinese.
    public func problems() -> [String] {
        materialDues.problems() + handling.problems() + points.problems()
    }

    public func validate() throws {
        let p = problems()
        guard p.isEmpty else { throw OutcomeError.invalid(p) }
    }

    private enum CodingKeys: String, CodingKey { case materialDues, handling, points }

    /// A part missing from stored JSON takes its standard value.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(materialDues: try c.decodeIfPresent(MaterialDueRules.self, forKey: .materialDues) ?? .countyPractice,
                  handling: try c.decodeIfPresent(HandlingRules.self, forKey: .handling) ?? .countyPractice,
                  points: try c.decodeIfPresent(PointsRules.self, forKey: .points) ?? .standard)
    }
}

extension Regulation {
    /// This Regulation with the county's own limits in place of its defaults.
    public func applying(_ practice: CountyPractice) -> Regulation {
        var r = self
        r.materialDues = practice.materialDues
        r.handling = practice.handling
        return r
    }

    /// The county practice this Regulation carries (points are not part of it).
    public var practice: CountyPractice {
        CountyPractice(materialDues: materialDues, handling: handling)
    }
}
