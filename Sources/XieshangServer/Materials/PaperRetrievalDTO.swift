import Fluent
import Vapor
import XieshangCore

/// 会后清退 of one symposium, for the office: who still holds which printed copy (person by
/// person, chased from the day after the meeting), what became of the others, and whether the
/// materials are closed (文稿材料清退归档).
struct PaperRetrievalDTO: Content {
    struct Copy: Content {
        let materialID: Int; let title: String; let citation: String; let number: Int; let copyNumber: String; let version: Int
        let handedOutAtText: String?; let signed: Bool; let href: String
    }
    struct Holder: Content { let personID: Int; let name: String; let copies: [Copy] }
    struct Closure: Content {
        let actor: String; let at: Date; let atText: String; let note: String; let destroyed: Int; let archived: Int; let kept: Int
    }

    let symposiumID: Int
    let topic: String
    let system: SystemClassification
    let systemName: String
    /// The meeting's day: held on, or planned.
    let meetingDay: String
    let held: Bool
    /// From this day copies not returned are chased (the day after the meeting).
    let chasedFrom: String
    let chasedFromText: String
    let chased: Bool
    /// Copies handed out and neither returned nor kept with a reason, by holder.
    let outstanding: [Holder]
    let copies: Int
    let inOffice: Int
    let handedOut: Int
    let kept: Int
    let returned: Int
    let disposed: Int
    let closure: Closure?
    /// The office may try to close: the meeting is held and the materials are not closed yet.
    let canClose: Bool

    static func make(_ l: SymposiumStore.Loaded, on req: Request) async throws -> PaperRetrievalDTO {
        let db = req.db
        let materials = try await MaterialStore.all(symposiumID: l.id, on: db).map(\.material)
        let loaded = try await PaperCopyStore.copies(symposiumID: l.id, on: db).values.flatMap { $0 }
        let closure = try await PaperCopyStore.closure(symposiumID: l.id, on: db)
        return try await make(l, materials: materials, copies: loaded, closure: closure, on: req)
    }

    static func make(_ l: SymposiumStore.Loaded, materials: [Material], copies loaded: [PaperCopyStore.Loaded],
                     closure: MaterialsClosure?, on req: Request) async throws -> PaperRetrievalDTO {
        let s = l.symposium
        let time = ChinaTime.formatter("yyyy-MM-dd HH:mm")
        let byMaterial = Dictionary(materials.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let versions = Dictionary(loaded.map { ("\($0.copy.materialID)-\($0.number)", $0.version) }, uniquingKeysWith: { a, _ in a })
        let copies = loaded.map(\.copy)
        let holders = PaperRetrieval.outstanding(copies)
        let persons = holders.isEmpty ? []
            : try await PersonModel.query(on: req.db).filter(\.$id ~~ holders.map(\.personID)).all()
        let names = Dictionary(persons.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let meeting = s.heldOn ?? s.date
        let from = PaperRetrieval.chasedFrom(meeting: meeting)
        let today = Day(req.xieshang.clock.now())
        func count(_ states: PaperCopy.State...) -> Int { copies.filter { states.contains($0.state) }.count }
        return PaperRetrievalDTO(
            symposiumID: l.id, topic: s.topic, system: req.xieshang.config.systemClassification,
            systemName: req.xieshang.config.systemClassification.chineseName, meetingDay: meeting.iso, held: s.heldOn != nil,
            chasedFrom: from.iso, chasedFromText: SymposiumDTO.dateText(from),
            chased: PaperRetrieval.isChased(meeting: meeting, today: today),
            outstanding: holders.map { h in
                Holder(personID: h.personID, name: names[h.personID] ?? "（已删除的人员）", copies: h.copies.map { c in
                    let m = byMaterial[c.materialID]
                    return Copy(materialID: c.materialID, title: m?.title ?? "", citation: m?.citation ?? "", number: c.number,
                                copyNumber: c.formattedNumber, version: versions["\(c.materialID)-\(c.number)"] ?? 0,
                                handedOutAtText: c.last(.handOut).map { time.string(from: $0.at) }, signed: c.signature != nil,
                                href: MaterialPages.detailPath(l.id, c.materialID) + "#paper")
                })
            },
            copies: copies.count, inOffice: count(.inOffice), handedOut: count(.handedOut), kept: count(.kept),
            returned: count(.returned), disposed: count(.destroyed, .archived),
            closure: closure.map {
                Closure(actor: $0.actor, at: $0.at, atText: time.string(from: $0.at), note: $0.note, destroyed: $0.destroyed,
                        archived: $0.archived, kept: $0.kept)
            },
            canClose: s.heldOn != nil && closure == nil)
    }

    /// Every symposium with printed copies still out, person by person; `chased` tells whether
    /// its meeting day is past (the API's list).
    static func outstanding(on req: Request) async throws -> [PaperRetrievalDTO] {
        let out = try await PaperCopyStore.outstanding(on: req.db)
        var result: [PaperRetrievalDTO] = []
        for id in Array(Set(out.map(\.symposiumID))).sorted() {
            guard let l = try await SymposiumStore.load(id, on: req.db) else { continue }
            let dto = try await make(l, on: req)
            if !dto.outstanding.isEmpty { result.append(dto) }
        }
        return result
    }

    /// The office's chase list (工作台): those whose meeting day is past.
    static func chased(on req: Request) async throws -> [PaperRetrievalDTO] {
        try await outstanding(on: req).filter(\.chased)
    }
}

/// A classified material holding files on this non-classified system that the office has not
/// yet confirmed to handle on paper (保守国家秘密法): listed to the office until it does.
struct FlaggedFileDTO: Content {
    let materialID: Int
    let symposiumID: Int
    let topic: String
    let title: String
    let citation: String
    let secrecyName: String
    let versions: Int
    let href: String

    static func all(on req: Request) async throws -> [FlaggedFileDTO] {
        let system = req.xieshang.config.systemClassification
        guard system == .nonClassified else { return [] }
        let rows = try await MaterialModel.query(on: req.db).sort(\.$id).all()
        let flagged = try rows.map { try MaterialStore.decode($0).material }.filter { $0.needsPaperOnlyConfirmation(on: system) }
        var topics: [Int: String] = [:]
        for id in Set(flagged.map(\.symposiumID)) { topics[id] = try await SymposiumStore.load(id, on: req.db)?.symposium.topic }
        return flagged.map {
            FlaggedFileDTO(materialID: $0.id, symposiumID: $0.symposiumID, topic: topics[$0.symposiumID] ?? "", title: $0.title,
                           citation: $0.citation, secrecyName: $0.secrecy.chineseName, versions: $0.versions.count,
                           href: MaterialPages.detailPath($0.symposiumID, $0.id) + "#paper-only")
        }
    }
}
