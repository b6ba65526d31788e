/// What an outcome draws on: speeches held at its symposium (`SpeechRecord.id`), its
/// materials (`Material.id`) and its preparatory research (`ResearchActivity.id`), so that the
/// record of who said what is one click away. Ids are kept sorted and unique.
public struct OutcomeLinks: Sendable, Equatable, Codable {
    public private(set) var speechIDs: [Int]
    public private(set) var materialIDs: [Int]
    public private(set) var researchIDs: [Int]

    public init(speechIDs: [Int] = [], materialIDs: [Int] = [], researchIDs: [Int] = []) {
        self.speechIDs = Array(Set(speechIDs)).sorted()
        self.materialIDs = Array(Set(materialIDs)).sorted()
        self.researchIDs = Array(Set(researchIDs)).sorted()
    }

    public var isEmpty: Bool { speechIDs.isEmpty && materialIDs.isEmpty && researchIDs.isEmpty }

    /// The links that do not belong to the symposium whose speeches, materials and research are given.
    public func problems(symposiumID: Int, speeches: [SpeechRecord], materials: [Material],
                         research: [ResearchActivity]) -> [String] {
        let speechIDs = Set(speeches.map(\.id))
        let materialIDs = Set(materials.filter { $0.symposiumID == symposiumID }.map(\.id))
        let researchIDs = Set(research.map(\.id))
        return self.speechIDs.filter { !speechIDs.contains($0) }.map { "第\($0)号发言不是本次协商座谈会的发言记录。" }
            + self.materialIDs.filter { !materialIDs.contains($0) }.map { "材料（编号\($0)）不是本次协商座谈会的文稿材料。" }
            + self.researchIDs.filter { !researchIDs.contains($0) }.map { "调研活动（编号\($0)）不是本次协商座谈会的前期调研。" }
    }

    private enum CodingKeys: String, CodingKey { case speechIDs, materialIDs, researchIDs }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(speechIDs: try c.decodeIfPresent([Int].self, forKey: .speechIDs) ?? [],
                  materialIDs: try c.decodeIfPresent([Int].self, forKey: .materialIDs) ?? [],
                  researchIDs: try c.decodeIfPresent([Int].self, forKey: .researchIDs) ?? [])
    }
}
