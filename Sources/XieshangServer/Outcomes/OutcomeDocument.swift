import Foundation
import XieshangCore
import XieshangDocuments

/// An outcome as a GB/T 9704 official document (三(五)): a 政协参阅件 or 建议案 with its
/// document number in the red head, addressed to the county leaders and sent to the
/// departments named. A 提案 is filed as a proposal, not issued as a 文件: a plain paper, as
/// is a brief or recommendation not yet numbered, which is marked 草稿.
enum OutcomeDocument {
    static func make(_ o: Outcome, names: OutcomeDTO.Names, org: OrganizationModel, today: Day) -> OfficialDocument {
        var body: [OfficialDocument.Block] = []
        for line in o.body.split(whereSeparator: \.isNewline).map({ String($0).trimmingCharacters(in: .whitespaces) })
        where !line.isEmpty {
            if let first = line.first, "一二三四五六七八九十".contains(first), line.dropFirst().first == "、" {
                body.append(.heading1(line))
            } else if line.hasPrefix("（"), line.dropFirst().prefix(3).contains("）") {
                // "（一）精深加工不足。产品以……": the heading's sentence in 楷体, the rest in 仿宋.
                if let stop = line.firstIndex(of: "。"), line.index(after: stop) < line.endIndex {
                    body.append(.headedParagraph(heading: String(line[...stop]), text: String(line[line.index(after: stop)...])))
                } else {
                    body.append(.heading2(line))
                }
            } else {
                body.append(.paragraph(line))
            }
        }
        if body.isEmpty { body = [.paragraph("（正文待起草）")] }
        let toLeaders = o.recipients.contains { $0.addressee.personID != nil }
        let departments = o.recipients.compactMap(\.addressee.departmentID).map { names.departments[$0] ?? "部门" }
        let handling = o.handlingDepartmentIDs.map { names.departments[$0] ?? "部门" }
        // Sent to county leaders, it is addressed as counties write it: to the county party
        // committee and government by name, the departments that handle it after them.
        let county = ["中共\(org.county)委、\(org.county)人民政府"]
        let addressee: String? = !toLeaders && handling.isEmpty ? nil
            : (toLeaders ? county + handling : handling).joined(separator: "，")
        let copyTo = departments.filter { !handling.contains($0) }
        let number = o.form == .proposal ? nil : o.documentNumber?.text
        return OfficialDocument(format: number == nil ? .plain : .document, issuingOrgans: [org.name], documentNumber: number,
                                title: o.title, draftMark: number == nil && o.form != .proposal ? "草稿" : nil,
                                addressee: addressee, body: body, signatures: [org.name],
                                date: o.sentOn ?? today, sealed: true,
                                copyTo: o.form == .proposal ? [] : copyTo, printer: number == nil ? nil : "\(org.name)办公室",
                                printDate: o.sentOn ?? today)
    }
}
