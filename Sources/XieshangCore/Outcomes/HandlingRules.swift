/// The county's time limits for what follows the sending of outcomes (三(五) "送交相关部门办理"
/// and "对需要落实事项进行跟踪"). The working method sets none of them; `countyPractice`
/// (Regulation+Default.swift) holds the usual values, and an office sets its own.
public struct HandlingRules: Sendable, Equatable, Codable {
    /// Recipients acknowledge receipt within this many working days of the sending.
    public var acknowledgeWorkingDays: Int
    /// An assigned department accepts the outcome, or returns it to the office, within this many working days.
    public var acceptWorkingDays: Int
    /// The department replies within this many working days of accepting (or of being asked to handle again).
    public var replyWorkingDays: Int
    /// The lead committee rates the reply within this many working days of receiving it.
    public var rateWorkingDays: Int
    /// Follow-up items are flagged for a reminder this many calendar days before they fall due.
    public var reminderDaysBefore: Int
    /// A reminder mail about an item not yet done is repeated after this many calendar days.
    public var reminderRepeatDays: Int

    public init(acknowledgeWorkingDays: Int, acceptWorkingDays: Int, replyWorkingDays: Int, rateWorkingDays: Int,
                reminderDaysBefore: Int, reminderRepeatDays: Int = 7) {
        self.acknowledgeWorkingDays = acknowledgeWorkingDays
        self.acceptWorkingDays = acceptWorkingDays
        self.replyWorkingDays = replyWorkingDays
        self.rateWorkingDays = rateWorkingDays
        self.reminderDaysBefore = reminderDaysBefore
        self.reminderRepeatDays = reminderRepeatDays
    }

    /// The county practice's values.
    public init() { self = .countyPractice }

    /// Every problem at once, in Chinese, for the regulation page.
    public func problems() -> [String] {
        let limit = WorkingCalendar.maxWorkingDays
        var p: [String] = []
        for (value, what) in [(acknowledgeWorkingDays, "签收时限"), (acceptWorkingDays, "接收办理时限"),
                              (replyWorkingDays, "答复时限"), (rateWorkingDays, "测评时限")]
        where !(0...limit).contains(value) {
            p.append("\(what)须在0到\(limit)个工作日之间。")
        }
        if !(0...366).contains(reminderDaysBefore) { p.append("落实事项提前提醒天数须在0到366天之间。") }
        if !(1...366).contains(reminderRepeatDays) { p.append("落实事项重复提醒间隔须在1到366天之间。") }
        return p
    }

    public func validate() throws {
        let p = problems()
        guard p.isEmpty else { throw OutcomeError.invalid(p) }
    }

    private enum CodingKeys: String, CodingKey {
        case acknowledgeWorkingDays, acceptWorkingDays, replyWorkingDays, rateWorkingDays, reminderDaysBefore, reminderRepeatDays
    }

    /// A field missing from stored JSON takes the county practice's value.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HandlingRules.countyPractice
        self.init(
            acknowledgeWorkingDays: try c.decodeIfPresent(Int.self, forKey: .acknowledgeWorkingDays) ?? d.acknowledgeWorkingDays,
            acceptWorkingDays: try c.decodeIfPresent(Int.self, forKey: .acceptWorkingDays) ?? d.acceptWorkingDays,
            replyWorkingDays: try c.decodeIfPresent(Int.self, forKey: .replyWorkingDays) ?? d.replyWorkingDays,
            rateWorkingDays: try c.decodeIfPresent(Int.self, forKey: .rateWorkingDays) ?? d.rateWorkingDays,
            reminderDaysBefore: try c.decodeIfPresent(Int.self, forKey: .reminderDaysBefore) ?? d.reminderDaysBefore,
            reminderRepeatDays: try c.decodeIfPresent(Int.self, forKey: .reminderRepeatDays) ?? d.reminderRepeatDays
        )
    }
}
