import Foundation
import XieshangCore
import XieshangDocuments

/// One recipient's compiled packet in the GB/T 9704 type area: a cover (the meeting, the
/// recipient, the copy number), the contents, then every material in the packet's order with
/// its title as a heading and its text as paragraphs. The writer prints the recipient and the
/// copy number in every page's header, and the page numbers. A packet is not a 文件: no red
/// head, no signature and date at its end, no 版记. A material the deployment holds on paper
/// only is listed by title with "纸质件，会上分发（份号…）" and none of its content.
enum MaterialPacketDocument {
    static func document(_ entries: [PacketEntry], for person: PersonModel, copyNumber: String, symposium s: Symposium,
                         organization org: OrganizationModel, names: MaterialNames, today: Day) -> OfficialDocument {
        let office = "\(org.name)办公室"
        let contents = entries.map(\.material)
        let printed = entries.compactMap { if case .document(let m) = $0 { m } else { nil } }
        let classified = printed.contains { $0.secrecy.isClassified }
        let onPaper = entries.contains { $0.paperNote != nil }
        var body: [OfficialDocument.Block] = [
            .paragraph("会议名称：\(org.name)“\(s.topic)”双月协商座谈会"),
            .paragraph("会议时间：\(SymposiumDTO.dateText(s.date))\(s.startTime)"),
        ]
        if !s.place.isEmpty { body.append(.paragraph("会议地点：\(s.place)")) }
        let position = AttendeeListDTO.position(unit: person.unit, title: person.title)
        body.append(.paragraph("分发对象：\(person.name)" + (position.isEmpty ? "" : "（\(position)）")))
        body.append(.paragraph("份　　号：\(copyNumber)"))
        body.append(.paragraph("本册收录会议文稿材料\(contents.count)份，由\(office)汇总印发。"
            + (classified ? "内含涉密材料，仅限分发对象本人阅存，请勿复制、转借，会后按规定清退。" : "请妥善保管。")
            + (onPaper ? "涉密材料以纸质件会上分发、签收，会后清退，本册只列标题。" : "")))

        body.append(.pageBreak)
        body.append(.heading1("目　　录"))
        if contents.isEmpty { body.append(.paragraph("（没有发给您的材料。）")) }
        for (i, e) in entries.enumerated() {
            let m = e.material
            body.append(.paragraph("\(numeral(i + 1))、\(m.title)（\(m.kind.chineseName)\(e.paperNote == nil ? "" : "，纸质件")）"))
        }

        for (i, e) in entries.enumerated() {
            let m = e.material
            body.append(.pageBreak)
            if let note = e.paperNote {
                body.append(.heading1("\(numeral(i + 1))、\(m.title)"))
                body.append(.paragraph("（\(m.kind.chineseName)，\(names.producer(m.producer))提供）"))
                body.append(.paragraph(note))
                continue
            }
            var marks: [String] = []
            if let n = m.copyNumber(for: person.id ?? 0) { marks.append("份号：\(n)") }
            if let marking = m.marking { marks.append(marking) }
            if !marks.isEmpty { body.append(.paragraph(marks.joined(separator: "　"))) }
            body.append(.heading1("\(numeral(i + 1))、\(m.title)"))
            body.append(.paragraph("（\(m.kind.chineseName)，\(names.producer(m.producer))提供）"))
            let text = m.currentVersion?.extractedText ?? ""
            let paragraphs = Self.paragraphs(text)
            if paragraphs.isEmpty {
                body.append(.paragraph(m.currentVersion?.format == .pdf
                    ? "（本材料为PDF文件，未能提取文字，另行印发。）" : "（本材料没有可排印的文字，另行印发。）"))
            } else {
                body += paragraphs
            }
        }

        return OfficialDocument(format: .plain, copyNumber: copyNumber, secrecy: marking(of: printed),
                                issuingOrgans: [office], title: "“\(s.topic)”双月协商座谈会文稿材料", body: body,
                                date: today, signsOff: false, recipient: person.name)
    }

    /// The packet's marking: the highest level among the materials it prints, with the longest
    /// period given at that level ("秘密★1年"); nil when all are public. A material listed as
    /// paper adds nothing: the packet holds none of it.
    static func marking(of contents: [Material]) -> String? {
        guard let level = contents.map(\.secrecy).max() else { return nil }
        let period = contents.filter { $0.secrecy == level }.compactMap(\.secrecyPeriod)
            .max { ($0.unit == .year ? $0.amount * 12 : $0.amount) < ($1.unit == .year ? $1.amount * 12 : $1.amount) }
        return level.marking(period: period)
    }

    /// The text's non-empty lines, trimmed, as body paragraphs (Foundation's splitting: a
    /// packet holds some 60 pages).
    static func paragraphs(_ text: String) -> [OfficialDocument.Block] {
        text.components(separatedBy: .newlines).compactMap { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : .paragraph(t)
        }
    }

    /// 一, 二, … 九十九.
    static func numeral(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0 && n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10]
    }
}
