import Fluent
import Vapor
import XieshangCore
import XieshangDocuments

/// The preparation's documents in the GB/T 9704 layout: the implementation plan (二.4), the
/// personal invitation letter (三(一).3) and the attendee list (三(四).5).
enum SymposiumDocuments {
    static func organization(on db: any Database) async throws -> OrganizationModel {
        guard let org = try await OrganizationModel.query(on: db).first() else { throw NotFound.of("组织") }
        return org
    }

    static func lines(_ text: String) -> [OfficialDocument.Block] {
        text.split(whereSeparator: \.isNewline).map { .paragraph(String($0).trimmingCharacters(in: .whitespaces)) }
            .filter { if case .paragraph(let p) = $0 { !p.isEmpty } else { true } }
    }

    static func implementationPlan(_ dto: SymposiumDTO, org: OrganizationModel, today: Day) -> OfficialDocument {
        let c = dto.implementationPlan.content
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八"]
        var body: [OfficialDocument.Block] = [
            .paragraph("根据《\(org.name)\(dto.year)年度双月协商座谈会计划》安排，经研究，拟于\(dto.dateText)召开“\(dto.topic)”双月协商座谈会。为做好会议筹备工作，特制定本方案。"),
        ]
        for (i, part) in ImplementationPlan.Content.parts.enumerated() {
            body.append(.heading1("\(numerals[i])、\(part.name)"))
            body += lines(c.value(of: part.key))
        }
        let adopted = dto.implementationPlan.adoptedBy.map { "（经\($0)审议通过）" }
        // A committee's working paper for the vice chair's signature, not a red-head 文件.
        return OfficialDocument(format: .plain, issuingOrgans: ["\(org.name)\(dto.leadCommittee.name)"],
                                title: "“\(dto.topic)”双月协商座谈会实施方案", body: body,
                                signatures: ["\(org.name)\(dto.leadCommittee.name)"],
                                date: dto.implementationPlan.adoptedOn.flatMap(Day.init(iso:)) ?? today,
                                notes: adopted, printer: "\(org.name)办公室", printDate: today)
    }

    /// 邀请函 in the letter format, addressed to one invitee.
    /// `sealed`: printed letters leave room for the seal; mailed ones carry none.
    static func invitationLetter(_ dto: SymposiumDTO, invitee i: SymposiumDTO.Invitation, org: OrganizationModel,
                                 contact: String, today: Day, sealed: Bool = true) -> OfficialDocument {
        let honorific: String
        switch i.category {
        case .members: honorific = "\(i.name)委员"
        // An expert by the first of their titles ("黄振宇教授", not "黄振宇教授、博士生导师").
        case .experts:
            let first = i.title.split(whereSeparator: { "、，,；; ".contains($0) }).first.map(String.init) ?? ""
            honorific = "\(i.name)\(first.isEmpty ? "同志" : first)"
        default: honorific = "\(i.name)同志"
        }
        let at = dto.place.isEmpty ? "召开双月协商座谈会（地点另行通知）" : "在\(dto.place)召开双月协商座谈会"
        let body: [OfficialDocument.Block] = [
            .paragraph("经研究，定于\(dto.dateText)\(dto.startTime)\(at)，围绕“\(dto.topic)”开展协商。会议由\(dto.host.map { "\($0.name)同志" } ?? "县政协领导")主持，县委、县政府有关领导同志，有关部门负责同志，部分政协委员和专家学者参加。"),
            .paragraph("诚挚邀请您出席会议。请围绕协商议题提前做好准备，书面发言材料请于会前送\(dto.leadCommittee.name)。"),
            .paragraph("联系人：\(contact)"),
        ]
        return OfficialDocument(format: .letter, issuingOrgans: ["\(org.name)办公室"], title: "邀请函",
                                addressee: "尊敬的\(honorific)", body: body, signatures: ["\(org.name)办公室"],
                                date: i.notifiedAt.map { Day($0) } ?? today, sealed: sealed)
    }

    static func attendeeList(_ list: AttendeeListDTO, org: OrganizationModel, today: Day) -> OfficialDocument {
        var body: [OfficialDocument.Block] = []
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八"]
        for (i, section) in list.sections.enumerated() {
            body.append(.heading1("\(numerals[min(i, numerals.count - 1)])、\(section.title)"))
            body.append(.table(header: ["姓名", "单位及职务"], rows: section.entries.map { [$0.name, $0.position] },
                               columnWidths: [2, 7]))
        }
        return OfficialDocument(format: .plain, issuingOrgans: ["\(org.name)办公室"],
                                title: "“\(list.topic)”双月协商座谈会出席人员名单", body: body, signatures: ["\(org.name)办公室"], date: today,
                                printer: "\(org.name)办公室", printDate: today)
    }

    /// 联系人: the lead committee's head (the first by protocol order) with a phone, as letters give it.
    static func contact(committeeID: Int, committeeName: String, org: OrganizationModel, on db: any Database) async throws -> String {
        let head = try await PersonModel.query(on: db).filter(\.$committeeID == committeeID)
            .filter(\.$kind == PersonKind.committeeHead.rawValue).sort(\.$protocolOrder).first()
        guard let head else { return "\(org.name)\(committeeName)" }
        return "\(org.name)\(committeeName)　\(head.name)" + (head.phone.map { "，电话\($0)" } ?? "")
    }

    static func docx(_ doc: OfficialDocument, filename: String) throws -> Response {
        let res = Response(status: .ok, body: .init(data: try DocxWriter.data(for: doc)))
        res.headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        res.headers.replaceOrAdd(name: .contentDisposition,
                                 value: "attachment; filename=\"document.docx\"; filename*=UTF-8''\(filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}

/// 出席人员名单 (三(四).5): the confirmed attendees in the five categories, in order.
struct AttendeeListDTO: Content {
    struct Entry: Content { let personID: Int; let name: String; let position: String }
    struct Section: Content { let category: AttendeeCategory; let title: String; let entries: [Entry] }
    let symposiumID: Int
    let topic: String
    let date: String
    let dateText: String
    let sections: [Section]

    static func make(_ id: Int, on req: Request) async throws -> AttendeeListDTO {
        let loaded = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        let s = loaded.symposium
        let attending = s.attendees
        let persons = attending.isEmpty ? [] : try await PersonModel.query(on: req.db).filter(\.$id ~~ attending.map(\.personID)).all()
        let byID = Dictionary(persons.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let entries = attending.compactMap { i -> AttendeeEntry? in
            guard let p = byID[i.personID] else { return nil }
            return AttendeeEntry(personID: i.personID, name: p.name, category: i.category, protocolOrder: p.protocolOrder,
                                 unit: p.unit, title: p.title)
        }
        let sections = AttendeeList.sections(entries, regulation: req.xieshang.regulation).map { sec in
            Section(category: sec.category, title: sec.title, entries: sec.entries.map {
                Entry(personID: $0.personID, name: $0.name, position: position(unit: $0.unit, title: $0.title))
            })
        }
        return AttendeeListDTO(symposiumID: id, topic: s.topic, date: s.date.iso, dateText: SymposiumDTO.dateText(s.date),
                               sections: sections)
    }

    /// "县农业农村局党组成员、副局长"; a title that already names the unit is not doubled.
    static func position(unit: String, title: String) -> String {
        if unit.isEmpty || title.hasPrefix(unit) || title.hasPrefix("县") { return title }
        return unit + title
    }
}
