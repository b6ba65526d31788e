/// Who is asking: the authenticated user as the domain sees it.
public struct Principal: Sendable, Equatable {
    public let userID: Int
    public let username: String
    public let displayName: String
    public let roles: Set<Role>
    public let personID: Int?
    public let committeeID: Int?
    public let departmentID: Int?

    public init(userID: Int, username: String, displayName: String, roles: Set<Role>,
                personID: Int? = nil, committeeID: Int? = nil, departmentID: Int? = nil) {
        self.userID = userID
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.personID = personID
        self.committeeID = committeeID
        self.departmentID = departmentID
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// The office and the administrator run the system; most management rights are theirs.
    public var isStaff: Bool { has(.office) || has(.admin) }

    /// CPPCC-side people who work on symposia (not the invited outside world).
    public var isCPPCCSide: Bool {
        isStaff || has(.committee) || has(.chair) || has(.viceChair) || has(.secretaryGeneral)
    }
}
