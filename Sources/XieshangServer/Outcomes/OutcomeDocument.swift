import Foundation
import XieshangCore
import XieshangDocuments

/// An outcome as a GB/T 9704 official document (三(五)): a 政协参阅件 or 建议案 with its
/// document number, addressed to the county leaders and sent to the departments named; a
/// proposal in the same layout, for the record.
enum OutcomeDocument {
    static func make(_ o: Outcome, names: OutcomeDTO.Names, org: OrganizationModel, today: Day) -> OfficialDocument {
        var body: [OfficialDocument.Block] = []
        for line in o.body.split(whereSeparator: \.isNewline).map({ String($0).trimmingCharacters(in: .whitespaces) })
        where !line.isEmpty {
            if let first = line.first, "一二三四五六七八九十".contains(first), line.dropFirst().first == "、" {
                body.append(.heading1(line))
            } else if line.hasPrefix("（"), line.dropFirst().prefix(3).contains("）") {
                body.append(.heading2(line))
            } else {
                body.append(.paragraph(line))
            }
        }
        if body.isEmpty { body = [.paragraph("（正文待起草）")] }
        let leaders = o.recipients.compactMap(\.addressee.personID).map { names.persons[$0] ?? "县领导" }
        let departments = o.recipients.compactMap(\.addressee.departmentID).map { names.departments[$0] ?? "部门" }
        let handling = o.handlingDepartmentIDs.map { names.departments[$0] ?? "部门" }
        let addressee: String? = leaders.isEmpty && handling.isEmpty ? nil
            : (leaders.isEmpty ? handling : ["县委、县人民政府有关领导"] + handling).joined(separator: "，")
        let copyTo = departments.filter { !handling.contains($0) }
        let kind = o.form.chineseName
        return OfficialDocument(format: .document, issuingOrgans: [org.name], documentNumber: o.documentNumber?.text,
                                title: o.title, addressee: addressee, body: body, signatures: [org.name],
                                date: o.sentOn ?? today, sealPlaceholder: true,
                                notes: "（\(kind)：“\(names.topics[o.symposiumID] ?? "")”双月协商座谈会成果）",
                                copyTo: copyTo, printer: "\(org.name)办公室", printDate: o.sentOn ?? today)
    }
}
