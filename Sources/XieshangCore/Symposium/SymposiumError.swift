/// Refusals of the symposium's preparation, each with a message the user can act on.
public enum SymposiumError: DomainError, Equatable {
    case planNotIssued(Int)
    case topicNotInPlan(Int)
    case topicMergedWithPlenary
    case topicHasNoDate
    case alreadyCreated
    case noLeadCommittee
    case hostNotEligible
    case entrustmentRequired
    case entrustmentNotByChair
    case planStepOutOfOrder(ImplementationPlan.State, ImplementationPlan.Action)
    case planIncomplete([String])
    case returnNeedsComments
    case notViceChairInCharge
    case invitationOutOfOrder(Invitee.State, String)
    case alreadyInvited(String)
    case notInvited
    case cannotRemove(Invitee.State)
    case quotaRefused([String])
    case expertIsMember(String)
    case rescheduleNeedsReason
    case nonWorkingDay(Day, String)
    case alreadyHeld
    case taskNotFound
    case invalid([String])

    public var code: String {
        switch self {
        case .planNotIssued: "plan_not_issued"
        case .topicNotInPlan: "topic_not_in_plan"
        case .topicMergedWithPlenary: "merged_with_plenary"
        case .topicHasNoDate: "topic_not_scheduled"
        case .alreadyCreated: "symposium_exists"
        case .noLeadCommittee: "lead_committee_required"
        case .hostNotEligible: "host_not_eligible"
        case .entrustmentRequired: "entrustment_required"
        case .entrustmentNotByChair: "entrustment_not_by_chair"
        case .planStepOutOfOrder: "implementation_plan_step_out_of_order"
        case .planIncomplete: "implementation_plan_incomplete"
        case .returnNeedsComments: "return_comments_required"
        case .notViceChairInCharge: "not_vice_chair_in_charge"
        case .invitationOutOfOrder: "invitation_step_out_of_order"
        case .alreadyInvited: "already_invited"
        case .notInvited: "not_invited"
        case .cannotRemove: "invitee_not_removable"
        case .quotaRefused: "invitee_quota_refused"
        case .expertIsMember: "expert_is_member"
        case .rescheduleNeedsReason: "reschedule_reason_required"
        case .nonWorkingDay: "non_working_day"
        case .alreadyHeld: "symposium_held"
        case .taskNotFound: "task_not_found"
        case .invalid: "symposium_invalid"
        }
    }

    public var message: String {
        switch self {
        case .planNotIssued(let y): "\(y)年度协商计划尚未联合发文，不能据以筹备协商座谈会。"
        case .topicNotInPlan(let y): "该议题不在\(y)年度协商计划中。"
        case .topicMergedWithPlenary: "该议题与全体会议合并进行，不另行召开协商座谈会。"
        case .topicHasNoDate: "该议题尚未安排日期，请先在年度计划中排定。"
        case .alreadyCreated: "该议题的协商座谈会已经建立。"
        case .noLeadCommittee: "该议题没有牵头委室，请先在年度计划中指定。"
        case .hostNotEligible: "主持人须为县政协主席或受主席委托的副主席（一.2）。"
        case .entrustmentRequired: "由副主席主持时，须登记主席的委托（一.2）。"
        case .entrustmentNotByChair: "委托须由县政协主席作出。"
        case .planStepOutOfOrder(let s, let a): "实施方案当前状态为“\(s.chineseName)”，不能“\(a.chineseName)”。"
        case .planIncomplete(let parts): "实施方案缺少：" + parts.joined(separator: "、") + "（二.4 规定的内容）。"
        case .returnNeedsComments: "退回修改须写明意见。"
        case .notViceChairInCharge: "实施方案由分管副主席审签。"
        case .invitationOutOfOrder(let s, let what): "该邀请当前为“\(s.chineseName)”，不能\(what)。"
        case .alreadyInvited(let name): "\(name)已在邀请名单中。"
        case .notInvited: "此人不在本次协商座谈会的邀请名单中。"
        case .cannotRemove(let s): "该邀请已“\(s.chineseName)”，不能移出名单；如不能出席，请登记答复。"
        case .quotaRefused(let p): p.joined()
        case .expertIsMember(let name): "\(name)是本届政协委员，专家学者须为本届委员以外的人士（三(一).1）。"
        case .rescheduleNeedsReason: "调整会期须说明理由。"
        case .nonWorkingDay(let d, let k): "\(d.chinese)是\(k)，不是工作日；如确需安排，请勾选确认。"
        case .alreadyHeld: "协商座谈会已经召开，不能再调整。"
        case .taskNotFound: "没有这项分工。"
        case .invalid(let p): "填写有误：" + p.joined()
        }
    }

    public var kind: DomainErrorKind {
        switch self {
        case .notViceChairInCharge: .forbidden
        case .planStepOutOfOrder, .invitationOutOfOrder, .alreadyCreated, .alreadyInvited, .cannotRemove,
             .planNotIssued, .alreadyHeld:
            .conflict
        case .notInvited, .taskNotFound: .notFound
        default: .invalid
        }
    }

    public var details: [String] {
        switch self {
        case .planIncomplete(let p): p
        case .quotaRefused(let p), .invalid(let p): p
        default: []
        }
    }
}
