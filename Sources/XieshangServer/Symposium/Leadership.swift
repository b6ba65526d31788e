import Fluent
import XieshangCore

/// The CPPCC's chair, vice chairs and secretary-general, read from the persons the office
/// keeps (leaders of the CPPCC, by title): who may host (一.2), sign (二.4) and chair the
/// coordination meeting (三(二).3). Titles such as "县政协党组书记、主席" are how offices record them.
struct Leadership: Sendable {
    let chairID: Int?
    let viceChairIDs: Set<Int>
    let secretaryGeneralID: Int?

    static func load(on db: any Database) async throws -> Leadership {
        let leaders = try await PersonModel.query(on: db).filter(\.$kind == PersonKind.leader.rawValue)
            .filter(\.$leaderOf == "cppcc").sort(\.$protocolOrder).all()
        var chair: Int?, secretary: Int?
        var vice = Set<Int>()
        for p in leaders {
            if p.title.contains("副主席") { vice.insert(p.id!) }
            else if p.title.contains("主席") { chair = chair ?? p.id }
            else if p.title.contains("秘书长") { secretary = secretary ?? p.id }
        }
        return Leadership(chairID: chair, viceChairIDs: vice, secretaryGeneralID: secretary)
    }
}
