import Fluent
import Vapor
import XieshangCore
import XieshangDocuments

/// The office compiles the meeting's materials into one packet per recipient and issues it
/// (三(四) "由办公室汇总印发"): each packet holds only what its recipient may see
/// (`MaterialPacket.contents`, which asks `MaterialAccess.canSee`), in the prescribed order,
/// and carries the recipient's name and copy number (份号) on every page.
///
/// Copy numbers are given in the office's distribution order — the attendee list (三(四).5),
/// then anyone else a packet is compiled for — once, and never reused (`CopyNumbers`): the
/// packet's own number, and each classified material's number for every recipient in its range.
enum MaterialPackets {
    struct Recipient: Content {
        let personID: Int
        let name: String
        let category: AttendeeCategory?
        let categoryName: String?
        /// 份号 of their packet, once the office has compiled one.
        let copyNumber: String?
        /// What their packet holds now: issuable materials they may see.
        let materials: Int
        let classified: Int
        let compiledAt: Date?
        let compiledBy: String?
    }

    /// The symposium's attendees (三(四).5), the packets' recipients.
    static func attending(_ s: Symposium) -> [Int] {
        s.attendees.map(\.personID)
    }

    /// The attendees in the attendee list's order: by category as the regulation lists them,
    /// then by protocol order (`AttendeeList.sections`).
    static func attendeeOrder(_ s: Symposium, persons: [Int: PersonModel], regulation: Regulation) -> [Int] {
        let entries = s.attendees.compactMap { i in
            persons[i.personID].map {
                AttendeeEntry(personID: i.personID, name: $0.name, category: i.category, protocolOrder: $0.protocolOrder,
                              unit: $0.unit, title: $0.title)
            }
        }
        return AttendeeList.sections(entries, regulation: regulation).flatMap { $0.entries.map(\.personID) }
    }

    static func persons(_ ids: [Int], on db: any Database) async throws -> [Int: PersonModel] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(try await PersonModel.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// Every attendee, and everyone a packet was compiled for, with what their packet holds.
    static func recipients(_ symposiumID: Int, on req: Request) async throws -> [Recipient] {
        let scope = try await MaterialAccessCheck.require(.compile, symposium: symposiumID, on: req)
        let rows = try await MaterialPacketModel.query(on: req.db).filter(\.$symposiumID == symposiumID).all()
        let byPerson = Dictionary(rows.map { ($0.personID, $0) }, uniquingKeysWith: { a, _ in a })
        let s = scope.symposium.symposium
        let persons = try await Self.persons(attending(s) + rows.map(\.personID), on: req.db)
        var order = attendeeOrder(s, persons: persons, regulation: req.xieshang.regulation)
        order += rows.sorted { $0.copyNumber < $1.copyNumber }.map(\.personID).filter { !order.contains($0) }
        let readers = try await MaterialReaders.recipients(Array(persons.values), in: s, on: req.db)
        let materials = try await MaterialStore.all(symposiumID: symposiumID, on: req.db).map(\.material)
        return order.compactMap { person in
            guard let reader = readers[person] else { return nil }
            let contents = MaterialPacket.contents(materials, for: reader, leadCommitteeID: s.leadCommitteeID)
            let row = byPerson[person]
            return Recipient(personID: person, name: persons[person]?.name ?? "", category: reader.category,
                             categoryName: reader.category?.chineseName, copyNumber: row.map { CopyNumbers.format($0.copyNumber) },
                             materials: contents.count, classified: contents.filter(\.secrecy.isClassified).count,
                             compiledAt: row?.compiledAt, compiledBy: row?.compiledBy)
        }
    }

    struct CompileAudit: Encodable, Sendable {
        /// `paper`: listed as a printed copy, with no content; `copyNumber` is then the printed copy's.
        struct Item: Encodable, Sendable {
            let material: Int; let version: Int; let copyNumber: String?; let paper: Bool

            init(_ e: PacketEntry, personID: Int) {
                switch e {
                case .document(let m):
                    (material, version, copyNumber, paper) = (m.id, m.currentVersion?.number ?? 0, m.copyNumber(for: personID), false)
                case .paper(let m, let n, _):
                    (material, version, copyNumber, paper) = (m.id, 0, n.map(CopyNumbers.format), true)
                }
            }
        }
        let person: Int
        let copyNumber: String
        let materials: [Item]
    }

    /// Compiles `personID`'s packet: numbers the copies, records the compilation in the audit
    /// log, and returns the DOCX. A person the office may not address is "not found".
    static func compile(_ symposiumID: Int, personID: Int, on req: Request) async throws -> Response {
        let scope = try await MaterialAccessCheck.require(.compile, symposium: symposiumID, on: req)
        let s = scope.symposium.symposium
        let persons = try await Self.persons(attending(s) + [personID], on: req.db)
        guard let person = persons[personID] else { throw NotFound.of("人员") }
        let attendees = attendeeOrder(s, persons: persons, regulation: req.xieshang.regulation)
        let order = attendees.contains(personID) ? attendees : attendees + [personID]
        let readers = try await MaterialReaders.recipients(Array(persons.values), in: s, on: req.db)
        guard let reader = readers[personID] else { throw NotFound.of("人员") }
        let lead = s.leadCommitteeID
        let now = req.xieshang.clock.now()
        let actor = scope.principal.displayName
        let system = scope.system
        let (entries, copyNumber): ([PacketEntry], Int) = try await req.change { db in
            // The packet's own number.
            let rows = try await MaterialPacketModel.query(on: db).filter(\.$symposiumID == symposiumID).all()
            let existing = Dictionary(rows.map { ($0.personID, $0.copyNumber) }, uniquingKeysWith: { a, _ in a })
            let numbers = CopyNumbers.assign(recipients: order, existing: existing)
            for (p, n) in numbers.sorted(by: { $0.value < $1.value }) where existing[p] == nil {
                let row = MaterialPacketModel()
                row.symposiumID = symposiumID
                row.personID = p
                row.copyNumber = n
                try await row.create(on: db)
            }
            if let row = try await MaterialPacketModel.query(on: db).filter(\.$symposiumID == symposiumID)
                .filter(\.$personID == personID).first() {
                row.compiledAt = now
                row.compiledBy = actor
                try await row.save(on: db)
            }
            // Each classified material's electronic copies, for the recipients in its range; a
            // state secret on a non-classified system has printed copies instead, numbered when
            // the office registers them, and none in any packet.
            var materials: [Material] = []
            for model in try await MaterialModel.query(on: db).filter(\.$symposiumID == symposiumID).all() {
                var m = try MaterialStore.decode(model).material
                if m.secrecy.isClassified && m.hasIssuableFile && m.servesFile(on: system) {
                    let inRange = order.filter { readers[$0].map { MaterialAccess.canSee(m, $0, leadCommitteeID: lead) } == true }
                    let before = m.copyNumbers
                    m.numberCopies(for: inRange)
                    if m.copyNumbers != before { try await MaterialStore.save(m, into: model, on: db) }
                }
                materials.append(m)
            }
            let copies = try await PaperCopyStore.copies(symposiumID: symposiumID, on: db).values.flatMap { $0.map(\.copy) }
            let entries = MaterialPacket.entries(materials, for: reader, personID: personID, leadCommitteeID: lead, system: system,
                                                 copies: copies)
            let number = numbers[personID]!
            let audit = CompileAudit(person: personID, copyNumber: CopyNumbers.format(number),
                                     materials: entries.map { CompileAudit.Item($0, personID: personID) })
            return ((entries, number), [AuditChange("material.packet.compile", "symposium", String(symposiumID), after: audit)])
        }
        let org = try await SymposiumDocuments.organization(on: req.db)
        let names = try await MaterialNames.load(for: entries.map(\.material), producersOnly: true, on: req.db)
        let number = CopyNumbers.format(copyNumber)
        let doc = MaterialPacketDocument.document(entries, for: person, copyNumber: number,
                                                  symposium: s, organization: org, names: names,
                                                  today: Day(now))
        // The recipient and the 份号 in the file's name too, as on every page.
        return try SymposiumDocuments.docx(doc, filename: "文稿材料-\(s.topic)-\(person.name)-份号\(number).docx")
    }
}
