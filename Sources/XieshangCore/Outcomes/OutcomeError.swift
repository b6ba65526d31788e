/// Refusals of the outcomes, handling, follow-up and participation domain (一.6, 三(五)),
/// each with a message the user can act on.
public enum OutcomeError: DomainError, Equatable {
    case formNotAllowed(OutcomeForm)
    case titleRequired
    case tooLong(String, Int)
    case unknownLinks([String])
    case duplicateRecipient(OutcomeRecipient.Addressee)
    case handlerNotRecipient(departmentID: Int)
    case alreadySent
    case notReadyToSend(OutcomeForm, [String])
    case timeBeforeLastStep
    case notSent
    case notRecipient
    case alreadyAcknowledged
    case alreadyHandling(departmentID: Int)
    case handlingNotFound
    case followUpItemNotFound
    case handlingOutOfOrder(Handling.State, Handling.Action)
    case returnNeedsReason
    case replyRequired
    case unsatisfiedNeedsComments
    case rehandleNeedsUnsatisfied
    case itemTitleRequired
    case itemNeedsSentOutcome
    case itemDone(FollowUpItem.Status)
    case itemOutOfOrder(FollowUpItem.Status, FollowUpItem.Status)
    case dropNeedsReason
    case reopenNeedsReason
    case noteRequired
    case dueChangeNeedsReason
    case invalidPeriod
    case invalid([String])

    public var code: String {
        switch self {
        case .formNotAllowed: "outcome_form_not_allowed"
        case .titleRequired: "outcome_title_required"
        case .tooLong: "outcome_text_too_long"
        case .unknownLinks: "outcome_links_unknown"
        case .duplicateRecipient: "outcome_recipient_duplicate"
        case .handlerNotRecipient: "outcome_handler_not_recipient"
        case .alreadySent: "outcome_already_sent"
        case .notReadyToSend: "outcome_not_ready_to_send"
        case .timeBeforeLastStep: "outcome_time_before_last_step"
        case .notSent: "outcome_not_sent"
        case .notRecipient: "outcome_not_recipient"
        case .alreadyAcknowledged: "outcome_already_acknowledged"
        case .alreadyHandling: "outcome_already_handling"
        case .handlingNotFound: "handling_not_found"
        case .followUpItemNotFound: "not_found"
        case .handlingOutOfOrder: "handling_step_out_of_order"
        case .returnNeedsReason: "handling_return_reason_required"
        case .replyRequired: "handling_reply_required"
        case .unsatisfiedNeedsComments: "handling_unsatisfied_comments_required"
        case .rehandleNeedsUnsatisfied: "handling_rehandle_needs_unsatisfied"
        case .itemTitleRequired: "follow_up_title_required"
        case .itemNeedsSentOutcome: "follow_up_outcome_not_sent"
        case .itemDone: "follow_up_done"
        case .itemOutOfOrder: "follow_up_status_out_of_order"
        case .dropNeedsReason: "follow_up_drop_reason_required"
        case .reopenNeedsReason: "follow_up_reopen_reason_required"
        case .noteRequired: "follow_up_note_required"
        case .dueChangeNeedsReason: "follow_up_due_change_reason_required"
        case .invalidPeriod: "report_period_invalid"
        case .invalid: "outcome_rules_invalid"
        }
    }

    public var message: String {
        switch self {
        case .formNotAllowed(let f): "本单位的工作办法未规定以“\(f.chineseName)”形式报送协商成果（一.6）。"
        case .titleRequired: "请填写协商成果标题。"
        case .tooLong(let what, let n): "\(what)不超过\(n)个字。"
        case .unknownLinks(let p): "关联内容有误：" + p.joined()
        case .duplicateRecipient(let a): "同一\(a.chineseKind)不能重复列为报送对象。"
        case .handlerNotRecipient: "承办部门须先列为送交对象。"
        case .alreadySent: "协商成果已报送，不能再修改。"
        case .notReadyToSend(let f, let p): "\(f.chineseName)尚不能报送：" + p.joined()
        case .timeBeforeLastStep: "时间早于上一步骤，请核对。"
        case .notSent: "协商成果尚未报送。"
        case .notRecipient: "您不是这份协商成果的报送对象。"
        case .alreadyAcknowledged: "已经签收，无需重复签收。"
        case .alreadyHandling: "该部门正在办理这份协商成果，不能重复交办。"
        case .handlingNotFound: "没有这项办理。"
        case .followUpItemNotFound: "落实事项不存在，或您无权查看。"
        case .handlingOutOfOrder(let s, let a): "办理当前为“\(s.chineseName)”，不能“\(a.chineseName)”。"
        case .returnNeedsReason: "退回办公室须写明理由。"
        case .replyRequired: "请填写答复内容或答复文件名称。"
        case .unsatisfiedNeedsComments: "测评为“不满意”时须写明意见。"
        case .rehandleNeedsUnsatisfied: "只有测评为“不满意”的答复才能要求重新办理。"
        case .itemTitleRequired: "请填写落实事项。"
        case .itemNeedsSentOutcome: "协商成果尚未报送，不能添加落实事项：草稿仅供县政协内部起草，报送后再交由有关部门落实。"
        case .itemDone(let s): "落实事项已“\(s.chineseName)”，不能再修改；如需继续跟踪，请先恢复跟踪。"
        case .itemOutOfOrder(let from, let to): "落实事项当前为“\(from.chineseName)”，不能改为“\(to.chineseName)”。"
        case .dropNeedsReason: "改为“不再落实”须写明理由。"
        case .reopenNeedsReason: "恢复跟踪须写明理由。"
        case .noteRequired: "请填写进展情况。"
        case .dueChangeNeedsReason: "调整完成时限须写明理由。"
        case .invalidPeriod: "汇总期间无效：季度须为1至4，年份须为四位数。"
        case .invalid(let p): "设置有误：" + p.joined()
        }
    }

    public var kind: DomainErrorKind {
        switch self {
        case .alreadySent, .notSent, .alreadyAcknowledged, .alreadyHandling, .handlingOutOfOrder,
             .rehandleNeedsUnsatisfied, .itemDone, .itemOutOfOrder, .itemNeedsSentOutcome:
            .conflict
        case .notRecipient: .forbidden
        case .handlingNotFound, .followUpItemNotFound: .notFound
        default: .invalid
        }
    }

    public var details: [String] {
        switch self {
        case .unknownLinks(let p), .notReadyToSend(_, let p), .invalid(let p): p
        default: []
        }
    }
}
