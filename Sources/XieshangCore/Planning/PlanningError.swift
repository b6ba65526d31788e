/// Refusals of the annual-plan workflow, each with a message the office can act on.
public enum PlanningError: DomainError, Equatable {
    case callYear(Int)
    case deadlinePassed(Day)
    case deadlineTooLate(Day, Int)
    case callClosed(deadline: Day)
    case notYourCommittee
    case outOfOrder(from: AnnualPlan.State, action: AnnualPlan.Action)
    case notEditable(AnnualPlan.State)
    case adjustmentNeedsReason
    case adjustmentOnlyAfterIssuance
    case invalidTopic([String])
    case invalidStep([String])
    case nonWorkingDayNeedsConfirmation(Day, String)
    case mergedMonthHasNoDate(Int)
    /// The year's holidays are not loaded, so no date can be placed by the rules (二.3).
    case calendarNotLoaded(Int)

    public var code: String {
        switch self {
        case .callYear: "invalid_call_year"
        case .deadlinePassed: "deadline_passed"
        case .deadlineTooLate: "deadline_too_late"
        case .callClosed: "call_closed"
        case .notYourCommittee: "not_your_committee"
        case .outOfOrder: "plan_step_out_of_order"
        case .notEditable: "plan_not_editable"
        case .adjustmentNeedsReason: "adjustment_reason_required"
        case .adjustmentOnlyAfterIssuance: "adjustment_before_issuance"
        case .invalidTopic: "topic_invalid"
        case .invalidStep: "plan_step_invalid"
        case .nonWorkingDayNeedsConfirmation: "non_working_day_unconfirmed"
        case .mergedMonthHasNoDate: "merged_month_has_no_date"
        case .calendarNotLoaded: "plan_calendar_not_loaded"
        }
    }

    public var message: String {
        switch self {
        case .callYear(let y): "只能为今年或下一年度征集议题（收到\(y)年）。"
        case .deadlinePassed(let d): "截止日期\(d.chinese)已过。"
        case .deadlineTooLate(let d, let y): "截止日期\(d.chinese)晚于\(y)年，议题须在年度开始前征集。"
        case .callClosed(let d): "议题征集已于\(d.chinese)截止，不能再提交或修改。"
        case .notYourCommittee: "只能查看和修改本委室提交的议题建议。"
        case .outOfOrder(let from, let action): "当前状态为“\(from.chineseName)”，不能执行“\(action.chineseName)”：须先\(from.nextStepHint)。"
        case .notEditable(let s): "年度计划已“\(s.chineseName)”，不能直接修改；发文后的变动请使用“调整”并说明理由。"
        case .adjustmentNeedsReason: "调整年度计划须说明理由。"
        case .adjustmentOnlyAfterIssuance: "年度计划联合发文前可直接修改，无需调整。"
        case .invalidTopic(let p): "议题有误：" + p.joined()
        case .invalidStep(let p): "填写有误：" + p.joined()
        case .nonWorkingDayNeedsConfirmation(let d, let kind): "\(d.chinese)是\(kind)，不是工作日；如确需安排，请勾选确认。"
        case .mergedMonthHasNoDate(let m): "\(m)月的协商座谈会与全体会议合并进行，不另行安排日期。"
        case .calendarNotLoaded(let y):
            "\(y)年的节假日安排尚未载入，还不能按规则建议日期：座谈会要安排在工作日、避开节假日前后，须依据国务院办公厅公布的\(y)年放假安排。"
                + "请办公室在“工作日历”中粘贴《国务院办公厅关于\(y)年部分节假日安排的通知》全文载入后，再按规则建议日期。"
        }
    }

    public var kind: DomainErrorKind {
        switch self {
        case .notYourCommittee: .forbidden
        case .outOfOrder, .notEditable, .callClosed, .adjustmentOnlyAfterIssuance, .calendarNotLoaded: .conflict
        default: .invalid
        }
    }

    public var details: [String] {
        switch self {
        case .invalidTopic(let p), .invalidStep(let p): p
        default: []
        }
    }
}
