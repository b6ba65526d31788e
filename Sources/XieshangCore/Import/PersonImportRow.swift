/// One person read from an import file, every value checked and trimmed; names of sectors,
/// committees and departments are spelled exactly as the database knows them.
public struct PersonImportRow: Sendable, Equatable {
    public enum Gender: String, Sendable, Codable, CaseIterable {
        case male, female

        public var chineseName: String { self == .male ? "男" : "女" }
    }

    /// The Excel row it came from, so a later failure (e.g. a clash with a stored person)
    /// can still point the user at the right line.
    public var line: Int
    public var name: String
    public var gender: Gender?
    public var kind: PersonKind
    public var sectorName: String?
    public var committeeName: String?
    public var departmentName: String?
    public var unit: String?
    public var title: String?
    /// Distinct tags in the order written.
    public var expertise: [String]
    /// A mobile as 11 digits, or a landline as `区号-号码[-分机]`.
    public var phone: String?
    /// The domain lower-cased, as `PersonDraft` stores it.
    public var email: String?
    public var termStart: Day?
    public var termEnd: Day?
    public var protocolOrder: Int?

    public init(line: Int, name: String, gender: Gender? = nil, kind: PersonKind,
                sectorName: String? = nil, committeeName: String? = nil, departmentName: String? = nil,
                unit: String? = nil, title: String? = nil, expertise: [String] = [], phone: String? = nil,
                email: String? = nil, termStart: Day? = nil, termEnd: Day? = nil, protocolOrder: Int? = nil) {
        self.line = line
        self.name = name
        self.gender = gender
        self.kind = kind
        self.sectorName = sectorName
        self.committeeName = committeeName
        self.departmentName = departmentName
        self.unit = unit
        self.title = title
        self.expertise = expertise
        self.phone = phone
        self.email = email
        self.termStart = termStart
        self.termEnd = termEnd
        self.protocolOrder = protocolOrder
    }
}
