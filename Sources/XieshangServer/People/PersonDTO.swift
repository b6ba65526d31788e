import Vapor
import XieshangCore

/// A person as pages and the API show it; contact fields are removed for readers who may
/// not see them (`redacted(for:)`).
struct PersonDTO: Content, Sendable, Equatable {
    var id: Int
    var name: String
    var gender: String?
    var kind: String
    var kindName: String
    var sectorID: Int?
    var sectorName: String?
    var committeeID: Int?
    var committeeName: String?
    var departmentID: Int?
    var departmentName: String?
    var leaderOf: String?
    var unit: String
    var title: String
    var expertise: [String]
    var phone: String?
    /// Contact data like the phone: removed exactly when the phone is.
    var email: String?
    var termStart: String?
    var termEnd: String?
    var protocolOrder: Int
    var version: Int

    func redacted(for p: Principal) -> PersonDTO {
        guard !p.may(.viewContactOf(personID: id)) else { return self }
        var copy = self
        copy.phone = nil
        copy.email = nil
        return copy
    }
}

/// One page of the people list.
struct PeoplePageDTO: Content, Sendable {
    var items: [PersonDTO]
    var total: Int
    var page: Int
    var perPage: Int
    var pageCount: Int
}

extension PersonKind {
    static func named(_ raw: String) -> String { PersonKind(rawValue: raw)?.chineseName ?? raw }
}

enum Expertise {
    static let separator = "、"
    static func split(_ s: String) -> [String] {
        s.split(separator: Character(separator)).map(String.init).filter { !$0.isEmpty }
    }
    static func join(_ tags: [String]) -> String { tags.joined(separator: separator) }
}
