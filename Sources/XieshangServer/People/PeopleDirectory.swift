import Fluent
import SQLKit
import Vapor
import XieshangCore

/// Filters of the people list, as they come in a query string.
struct PeopleQuery: Content, Hashable, Sendable {
    var q: String?
    var kind: String?
    var sector: Int?
    var committee: Int?
    var department: Int?
    var page: Int?

    static let perPage = 50

    /// Normalized: blanks dropped, page ≥ 1, unknown kinds refused.
    func validated() throws -> PeopleQuery {
        var v = self
        v.q = q?.trimmingCharacters(in: .whitespaces)
        if v.q?.isEmpty == true { v.q = nil }
        if let q = v.q, q.count > 50 {
            throw Refusal(.invalid, code: "query_too_long", message: "搜索词不能超过50个字。")
        }
        if kind?.isEmpty == true { v.kind = nil }
        if let k = v.kind, PersonKind(rawValue: k) == nil {
            throw Refusal(.invalid, code: "unknown_kind", message: "未知的人员类别“\(k)”。")
        }
        v.page = max(1, min(page ?? 1, 100_000))
        return v
    }
}

/// The people list: one joined query for rows with sector, committee and department names,
/// and a cache of recent pages cleared on every state change (correct because every write
/// goes through `Application.change`).
final class PeopleDirectory: Sendable {
    private let pages: GenerationCache<PeopleQuery, PeoplePageDTO>
    private let lookupCache: GenerationCache<Int, MasterDataLookups>
    /// Rendered HTML of the people page's body, by query and what the reader may see.
    let fragments: GenerationCache<PeopleFragmentKey, String>

    init(caching: Bool = true) {
        pages = GenerationCache(capacity: 256, enabled: caching)
        lookupCache = GenerationCache(capacity: 1, enabled: caching)
        fragments = GenerationCache(capacity: 256, enabled: caching)
        bodies = GenerationCache(capacity: 256, enabled: caching)
    }

    /// Encoded JSON of `/api/v1/persons` pages, by query and by whose contacts the reader sees.
    struct BodyKey: Hashable, Sendable { let query: PeopleQuery; let contacts: String }
    let bodies: GenerationCache<BodyKey, ByteBuffer>

    func invalidate() {
        bodies.invalidate()
        pages.invalidate()
        lookupCache.invalidate()
        fragments.invalidate()
    }

    func page(_ query: PeopleQuery, on db: any Database) async throws -> PeoplePageDTO {
        let query = try query.validated()
        return try await pages.value(for: query) { try await load(query, on: db) }
    }

    /// Committees, sectors and departments for forms and filters.
    func lookups(on db: any Database) async throws -> MasterDataLookups {
        try await lookupCache.value(for: 0) { try await MasterDataLookups.load(on: db) }
    }

    static let selectList: SQLQueryString = """
        SELECT p.id, p.name, p.gender, p.kind, p.sector_id, s.name AS sector_name, p.committee_id,
               c.name AS committee_name, p.department_id, d.name AS department_name, p.leader_of,
               p.unit, p.title, p.expertise, p.phone, p.email, p.term_start, p.term_end, p.protocol_order, p.version
        FROM persons p
        LEFT JOIN sectors s ON s.id = p.sector_id
        LEFT JOIN committees c ON c.id = p.committee_id
        LEFT JOIN departments d ON d.id = p.department_id
        """

    private func load(_ q: PeopleQuery, on db: any Database) async throws -> PeoplePageDTO {
        let sql = db as! any SQLDatabase
        var conditions: [SQLQueryString] = []
        if let text = q.q {
            let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            conditions.append("(p.name LIKE \(bind: pattern) ESCAPE '\\' OR p.unit LIKE \(bind: pattern) ESCAPE '\\' OR p.title LIKE \(bind: pattern) ESCAPE '\\' OR p.expertise LIKE \(bind: pattern) ESCAPE '\\')")
        }
        if let k = q.kind { conditions.append("p.kind = \(bind: k)") }
        if let s = q.sector { conditions.append("p.sector_id = \(bind: s)") }
        if let c = q.committee { conditions.append("p.committee_id = \(bind: c)") }
        if let d = q.department { conditions.append("p.department_id = \(bind: d)") }
        let whereClause: SQLQueryString = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let page = q.page ?? 1
        let offset = (page - 1) * PeopleQuery.perPage

        let countRow = try await sql.raw("SELECT COUNT(*) AS n FROM persons p" + whereClause).first()
        let total = try countRow?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw(Self.selectList + whereClause
            + " ORDER BY p.protocol_order, p.id LIMIT \(literal: PeopleQuery.perPage) OFFSET \(literal: offset)").all()
        let items = try rows.map(Self.person(from:))
        return PeoplePageDTO(items: items, total: total, page: page, perPage: PeopleQuery.perPage,
                             pageCount: max(1, (total + PeopleQuery.perPage - 1) / PeopleQuery.perPage))
    }

    static func person(id: Int, on db: any Database) async throws -> PersonDTO? {
        let sql = db as! any SQLDatabase
        return try await sql.raw(selectList + " WHERE p.id = \(bind: id)").first().map(person(from:))
    }

    private struct Row: Decodable {
        var id: Int
        var name: String
        var gender: String?
        var kind: String
        var sectorId: Int?
        var sectorName: String?
        var committeeId: Int?
        var committeeName: String?
        var departmentId: Int?
        var departmentName: String?
        var leaderOf: String?
        var unit: String
        var title: String
        var expertise: String
        var phone: String?
        var email: String?
        var termStart: String?
        var termEnd: String?
        var protocolOrder: Int
        var version: Int
    }

    static func person(from row: any SQLRow) throws -> PersonDTO {
        let r = try row.decode(model: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return PersonDTO(id: r.id, name: r.name, gender: r.gender, kind: r.kind, kindName: PersonKind.named(r.kind),
                         sectorID: r.sectorId, sectorName: r.sectorName, committeeID: r.committeeId,
                         committeeName: r.committeeName, departmentID: r.departmentId,
                         departmentName: r.departmentName, leaderOf: r.leaderOf, unit: r.unit, title: r.title,
                         expertise: Expertise.split(r.expertise), phone: r.phone, email: r.email,
                         termStart: r.termStart,
                         termEnd: r.termEnd, protocolOrder: r.protocolOrder, version: r.version)
    }
}

/// What makes two readers see the same people page body.
struct PeopleFragmentKey: Hashable, Sendable {
    let query: PeopleQuery
    let showPhone: Bool
    let canCreate: Bool
    let canImport: Bool
}
