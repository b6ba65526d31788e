/// Who is responsible for producing a material (三(四).1–5).
///
/// Encoded flat and stable for the database and the API: `{"kind":"governmentOffice"}`,
/// `{"kind":"department","id":3}`, `{"kind":"attendee","id":57}` (a person's id).
public enum Producer: Sendable, Hashable {
    /// 县委办: a county party committee leader's speech (三(四).1).
    case partyCommitteeOffice
    /// 县政府办: a county government leader's speech (三(四).1).
    case governmentOffice
    /// 县政协办: a CPPCC leader's speech (三(四).1) and the attendee list (三(四).5).
    case cppccOffice
    /// A county department: its briefing, "具体由牵头委室商有关部门确定" (三(四).2).
    case department(Int)
    /// The symposium's lead committee: the keynote and the reference materials (三(四).3, 三(四).4).
    case leadCommittee(Int)
    /// An attendee: their booked speech's draft (三(四).3 与会人员发言稿).
    case attendee(personID: Int)

    public var chineseName: String {
        switch self {
        case .partyCommitteeOffice: "县委办"
        case .governmentOffice: "县政府办"
        case .cppccOffice: "县政协办"
        case .department: "有关部门"
        case .leadCommittee: "牵头委室"
        case .attendee: "发言人"
        }
    }

    /// The producer the working method makes responsible for a material of `kind`.
    ///
    /// - Parameters:
    ///   - leaderOf: for a leader's speech, whose leader: `"partyCommittee"`, `"government"` or
    ///     `"cppcc"` (the keys of `PersonDraft.leaderOfValues`).
    ///   - departmentID: for a department briefing, the department.
    ///   - personID: for a booked speech, the speaker.
    ///   - leadCommitteeID: the symposium's lead committee.
    public static func responsible(for kind: MaterialKind, leaderOf: String?, departmentID: Int?, personID: Int?,
                                   leadCommitteeID: Int) throws -> Producer {
        switch kind {
        case .leaderSpeech:
            switch leaderOf {
            case "partyCommittee": return .partyCommitteeOffice
            case "government": return .governmentOffice
            case "cppcc": return .cppccOffice
            case nil: throw MaterialError.leaderBodyRequired
            case let other?: throw MaterialError.unknownLeaderBody(other)
            }
        case .departmentBriefing:
            guard let departmentID else { throw MaterialError.departmentRequired }
            return .department(departmentID)
        case .keynote, .referenceMaterial:
            return .leadCommittee(leadCommitteeID)
        case .bookedSpeech:
            guard let personID else { throw MaterialError.speakerRequired }
            return .attendee(personID: personID)
        case .attendeeList:
            return .cppccOffice
        }
    }

    /// Whether this producer is one the working method allows for `kind`.
    public func fits(_ kind: MaterialKind) -> Bool {
        switch (kind, self) {
        case (.leaderSpeech, .partyCommitteeOffice), (.leaderSpeech, .governmentOffice), (.leaderSpeech, .cppccOffice),
             (.departmentBriefing, .department), (.keynote, .leadCommittee), (.referenceMaterial, .leadCommittee),
             (.bookedSpeech, .attendee), (.attendeeList, .cppccOffice):
            true
        default:
            false
        }
    }
}

extension Producer: Codable {
    private enum CodingKeys: String, CodingKey { case kind, id }

    private var kindName: String {
        switch self {
        case .partyCommitteeOffice: "partyCommitteeOffice"
        case .governmentOffice: "governmentOffice"
        case .cppccOffice: "cppccOffice"
        case .department: "department"
        case .leadCommittee: "leadCommittee"
        case .attendee: "attendee"
        }
    }

    private var id: Int? {
        switch self {
        case .department(let id), .leadCommittee(let id), .attendee(personID: let id): id
        case .partyCommitteeOffice, .governmentOffice, .cppccOffice: nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        switch kind {
        case "partyCommitteeOffice": self = .partyCommitteeOffice
        case "governmentOffice": self = .governmentOffice
        case "cppccOffice": self = .cppccOffice
        case "department": self = .department(try c.decode(Int.self, forKey: .id))
        case "leadCommittee": self = .leadCommittee(try c.decode(Int.self, forKey: .id))
        case "attendee": self = .attendee(personID: try c.decode(Int.self, forKey: .id))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown producer kind \(kind)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kindName, forKey: .kind)
        try c.encodeIfPresent(id, forKey: .id)
    }
}
