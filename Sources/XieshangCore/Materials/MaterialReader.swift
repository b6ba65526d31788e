/// Who asks to see a material of one symposium: the user as the secrecy rule needs them.
public struct MaterialReader: Sendable, Hashable {
    public var personID: Int?
    public var roles: Set<Role>
    public var departmentID: Int?
    public var committeeID: Int?
    /// The reader's category on this symposium's attendee list, nil if not attending
    /// (only a confirmed or notified invitee attends).
    public var category: AttendeeCategory?
    /// For staff of 县委办 (`"partyCommittee"`) or 县政府办 (`"government"`), who write their
    /// leaders' speeches (三(四).1); nil for everyone else.
    public var officeOf: String?

    public init(personID: Int? = nil, roles: Set<Role>, departmentID: Int? = nil, committeeID: Int? = nil,
                category: AttendeeCategory? = nil, officeOf: String? = nil) {
        self.personID = personID
        self.roles = roles
        self.departmentID = departmentID
        self.committeeID = committeeID
        self.category = category
        self.officeOf = officeOf
    }

    /// The principal as a reader of `symposium`'s materials; their category is the one on
    /// the invitee list if they are confirmed or notified.
    public init(_ principal: Principal, in symposium: Symposium, officeOf: String? = nil) {
        self.init(personID: principal.personID, roles: principal.roles, departmentID: principal.departmentID,
                  committeeID: principal.committeeID,
                  category: principal.personID.flatMap { symposium.attendingCategory(of: $0) }, officeOf: officeOf)
    }

    /// The CPPCC office: compiles and issues every material (三(四) "由办公室汇总印发").
    public var isOffice: Bool { roles.contains(.office) }

    /// Staff of `committeeID` (committee or office role with that committee).
    public func isStaff(ofCommittee id: Int) -> Bool {
        committeeID == id && (roles.contains(.committee) || roles.contains(.office))
    }

    /// Whether the reader is (or works for) `producer`.
    public func isProducer(_ producer: Producer) -> Bool {
        switch producer {
        case .partyCommitteeOffice: officeOf == "partyCommittee"
        case .governmentOffice: officeOf == "government"
        case .cppccOffice: isOffice
        case .department(let d): departmentID == d && roles.contains(.department)
        case .leadCommittee(let c): isStaff(ofCommittee: c)
        case .attendee(let p): personID == p
        }
    }
}

extension Symposium {
    /// The attendee-list category of a person who attends (`attendees`).
    public func attendingCategory(of personID: Int) -> AttendeeCategory? {
        attendees.first { $0.personID == personID }?.category
    }
}
