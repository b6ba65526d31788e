import Vapor
import XieshangCore

/// The person form as posted by the page: all strings, turned into a `PersonDraft` with
/// a field error for anything that is not even of the right shape.
struct PersonForm: Content {
    var name: String?
    var gender: String?
    var kind: String?
    var sectorID: String?
    var committeeID: String?
    var departmentID: String?
    var leaderOf: String?
    var unit: String?
    var title: String?
    var expertise: String?
    var phone: String?
    var email: String?
    var termStart: String?
    var termEnd: String?
    var protocolOrder: String?
    var version: String?

    init(_ p: PersonDTO? = nil) {
        guard let p else { return }
        name = p.name; gender = p.gender; kind = p.kind
        sectorID = p.sectorID.map(String.init); committeeID = p.committeeID.map(String.init)
        departmentID = p.departmentID.map(String.init); leaderOf = p.leaderOf
        unit = p.unit; title = p.title; expertise = Expertise.join(p.expertise); phone = p.phone
        email = p.email
        termStart = p.termStart; termEnd = p.termEnd; protocolOrder = String(p.protocolOrder)
        version = String(p.version)
    }

    func draft() -> Result<PersonDraft, PersonStore.Invalid> {
        var errors: [PersonDraft.FieldError] = []
        func id(_ s: String?, _ field: String) -> Int? {
            guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
            guard let v = Int(s) else { errors.append(.init(field: field, message: "选择项无效。")); return nil }
            return v
        }
        func day(_ s: String?, _ field: String) -> Day? {
            guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
            guard let d = Day(iso: s) else { errors.append(.init(field: field, message: "日期格式应为“年-月-日”，如2027-03-18。")); return nil }
            return d
        }
        guard let kind = kind.flatMap(PersonKind.init(rawValue:)) else {
            return .failure(.init(errors: [.init(field: "kind", message: "请选择人员类别。")]))
        }
        var order = 1000
        if let o = protocolOrder?.trimmingCharacters(in: .whitespaces), !o.isEmpty {
            if let v = Int(o) { order = v } else { errors.append(.init(field: "protocolOrder", message: "排序须为整数。")) }
        }
        let tags = (expertise ?? "").split(whereSeparator: { "、，,;；| ".contains($0) }).map(String.init)
        let d = PersonDraft(name: name ?? "", gender: gender, kind: kind, sectorID: id(sectorID, "sectorID"),
                            committeeID: id(committeeID, "committeeID"), departmentID: id(departmentID, "departmentID"),
                            leaderOf: leaderOf, unit: unit ?? "", title: title ?? "", expertise: tags, phone: phone,
                            email: email, termStart: day(termStart, "termStart"), termEnd: day(termEnd, "termEnd"),
                            protocolOrder: order)
        return errors.isEmpty ? .success(d) : .failure(.init(errors: errors))
    }
}
