import Foundation
import XieshangCore
import XieshangDocuments

/// The 纪要 of a symposium in the minutes format (GB/T 9704 §10.3): "安化县政协双月协商座谈会纪要"
/// in red, the issue number, the text of the record without its clock times, then one
/// "出席：" line for the CPPCC's side and the invited members and experts in the order of the
/// attendee list (三(四).5) and one "列席：" line for the departments. Until the office issues
/// it, it is marked 征求意见稿 and carries no issue number.
enum MinutesDocument {
    static func make(record: RecordRoutes.RecordDTO, attendees: AttendeeListDTO, org: OrganizationModel,
                     today: Day) -> OfficialDocument {
        var body: [OfficialDocument.Block] = []
        for line in MeetingRecord.minutesText(record.text).split(separator: "\n", omittingEmptySubsequences: true) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if let first = t.first, "一二三四五六七八九十".contains(first), t.dropFirst().first == "、" {
                body.append(.heading1(t))
            } else if !t.isEmpty {
                body.append(.paragraph(t))
            }
        }
        let present = attendees.sections.filter { $0.category != .departmentHeads }.flatMap(\.entries).map(\.name)
        let departments = attendees.sections.filter { $0.category == .departmentHeads }.flatMap(\.entries).map(\.name)
        if !present.isEmpty { body.append(.attendance(label: "出席", names: present.joined(separator: "、"))) }
        if !departments.isEmpty { body.append(.attendance(label: "列席", names: departments.joined(separator: "、"))) }
        let issued = record.state == .issued
        let day = record.issuedAt.map { Day($0) } ?? today
        let office = "\(org.name)办公室"
        return OfficialDocument(format: .minutes, issuingOrgans: [office],
                                documentNumber: issued ? record.issueNumber : nil,
                                title: "\(org.county)政协双月协商座谈会纪要", draftMark: issued ? nil : "征求意见稿",
                                body: body, date: day,
                                copyTo: ["县委、县人民政府有关领导，有关部门"], printer: issued ? office : nil,
                                printDate: issued ? day : nil)
    }
}
