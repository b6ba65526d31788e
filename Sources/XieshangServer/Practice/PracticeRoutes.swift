import Vapor
import XieshangCore

/// The county practice (`CountyPractice`): shown on `/regulation` under 本县工作惯例, edited
/// there by the office (`POST /regulation/practice`), and read and replaced through the API.
struct PracticeRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("regulation", "practice", use: savePage)
        routes.get("api", "v1", "practice", use: show)
        routes.put("api", "v1", "practice", use: replace)
    }

    struct PracticeDTO: Content {
        var materialDues: MaterialDueRules
        var handling: HandlingRules
        var points: PointsRules
        /// The stored version (0 until the office saves one); a PUT names the one it was based on.
        var version: Int?
    }

    func show(req: Request) async throws -> PracticeDTO {
        try req.require(.viewRegulation)
        let store = req.xieshang.practice
        let p = store.practice
        return PracticeDTO(materialDues: p.materialDues, handling: p.handling, points: p.points, version: store.version)
    }

    func replace(req: Request) async throws -> PracticeDTO {
        try req.require(.managePractice)
        let input = try SymposiumAPI.decode(PracticeDTO.self, req)
        _ = try await PracticeStore.save(CountyPractice(materialDues: input.materialDues, handling: input.handling,
                                                        points: input.points),
                                         basedOn: try VersionBasis.required(input.version), on: req)
        return try await show(req: req)
    }

    /// One number of the form: its field name, label, unit and the value shown.
    struct Field: Encodable {
        let name: String
        let label: String
        let unit: String
        let value: String
        let optional: Bool
    }

    static func fields(_ p: CountyPractice, typed: [String: String]? = nil) -> [Field] {
        func f(_ name: String, _ label: String, _ unit: String, _ value: Int?, optional: Bool = false) -> Field {
            Field(name: name, label: label, unit: unit, value: typed?[name] ?? value.map(String.init) ?? "", optional: optional)
        }
        let m = p.materialDues, h = p.handling, s = p.points
        return [
            f("compileLeadWorkingDays", "文稿材料送达办公室：会前", "个工作日", m.compileLeadWorkingDays),
            f("reviewWorkingDays", "发言稿报牵头委室把关：再提前", "个工作日", m.reviewWorkingDays),
            f("acknowledgeWorkingDays", "签收协商成果：报送后", "个工作日内", h.acknowledgeWorkingDays),
            f("acceptWorkingDays", "部门接收办理或退回：交办后", "个工作日内", h.acceptWorkingDays),
            f("replyWorkingDays", "部门答复：接收后", "个工作日内", h.replyWorkingDays),
            f("rateWorkingDays", "牵头委室测评答复：收到后", "个工作日内", h.rateWorkingDays),
            f("reminderDaysBefore", "落实事项提醒：到期前", "天", h.reminderDaysBefore),
            f("reminderRepeatDays", "落实事项提醒邮件：未落实的重发间隔", "天", h.reminderRepeatDays),
            f("perInvitation", "履职积分：每次受邀", "分", s.perInvitation),
            f("perAttendance", "履职积分：每次出席", "分", s.perAttendance),
            f("perUnexcusedAbsence", "履职积分：每次无故缺席（扣分填负数）", "分", s.perUnexcusedAbsence),
            f("perSpeech", "履职积分：每次发言", "分", s.perSpeech),
            f("perMinuteSpoken", "履职积分：每发言1分钟", "分", s.perMinuteSpoken),
            f("maxMinutePointsPerSymposium", "发言时长计分每次会议上限（不限则留空）", "分", s.maxMinutePointsPerSymposium,
              optional: true),
            f("perDraft", "履职积分：每篇预约发言稿", "分", s.perDraft),
        ]
    }

    /// Reads the form: every number must be a whole number; every problem is named at once.
    static func parse(_ form: [String: String]) -> (CountyPractice?, [String]) {
        var problems: [String] = []
        func int(_ name: String, _ label: String, optional: Bool = false) -> Int? {
            let text = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty && optional { return nil }
            guard let v = Int(text) else {
                problems.append("“\(label)”须填写整数。")
                return nil
            }
            return v
        }
        let labels = Dictionary(uniqueKeysWithValues: fields(.standard).map { ($0.name, $0.label) })
        func value(_ name: String) -> Int { int(name, labels[name] ?? name) ?? 0 }
        let practice = CountyPractice(
            materialDues: MaterialDueRules(compileLeadWorkingDays: value("compileLeadWorkingDays"),
                                           reviewWorkingDays: value("reviewWorkingDays")),
            handling: HandlingRules(acknowledgeWorkingDays: value("acknowledgeWorkingDays"),
                                    acceptWorkingDays: value("acceptWorkingDays"), replyWorkingDays: value("replyWorkingDays"),
                                    rateWorkingDays: value("rateWorkingDays"), reminderDaysBefore: value("reminderDaysBefore"),
                                    reminderRepeatDays: value("reminderRepeatDays")),
            points: PointsRules(perInvitation: value("perInvitation"), perAttendance: value("perAttendance"),
                                perUnexcusedAbsence: value("perUnexcusedAbsence"), perSpeech: value("perSpeech"),
                                perMinuteSpoken: value("perMinuteSpoken"),
                                maxMinutePointsPerSymposium: int("maxMinutePointsPerSymposium",
                                                                 labels["maxMinutePointsPerSymposium"] ?? "", optional: true),
                                perDraft: value("perDraft")))
        guard problems.isEmpty else { return (nil, problems) }
        return (practice, practice.problems())
    }

    func savePage(req: Request) async throws -> Response {
        try req.require(.managePractice)
        let form = try req.content.decode([String: String].self)
        let (practice, problems) = Self.parse(form)
        guard let practice, problems.isEmpty else {
            return try await RegulationRoutes.render(req, error: OutcomeError.invalid(problems), typed: form)
        }
        do {
            _ = try await PracticeStore.save(practice, basedOn: try VersionBasis.required(form["version"].flatMap { Int($0) }),
                                             on: req)
        } catch let e as any DomainError {
            return try await RegulationRoutes.render(req, error: e, typed: form)
        }
        req.flash("已保存本县工作惯例。")
        return req.redirect(to: Paths.regulation + "#practice")
    }
}
