/// Refusals of the paper-copy register (纸质件登记、分发、清退), each with a message the office can act on.
public enum PaperCopyError: DomainError, Equatable {
    case notClassified(SecrecyLevel)
    case countInvalid(Int)
    case reviewRequired(MaterialKind)
    case textTooLong(String, Int)
    case noCopies
    case copyNotFound(Int)
    case duplicateCopy(Int)
    case stepOutOfOrder(Int, PaperCopy.State, PaperCopy.Action)
    case notAPerson
    case outsideRange(String)
    case alreadyHolds(String, Int)
    case notEnoughCopies(needed: Int, inOffice: Int)
    case alreadySigned(Int)
    case notYourCopy(Int)
    case reasonRequired
    case approverRequired
    case recordRequired(PaperCopy.Disposal)
    case paperOnlyNotNeeded
    case alreadyConfirmed
    case materialsClosed
    case notHeld
    case unaccounted([String])
    case unsettled([String])
    case unconfirmedFiles([String])

    public var code: String {
        switch self {
        case .notClassified: "paper_copies_not_classified"
        case .countInvalid: "paper_copy_count_invalid"
        case .reviewRequired: "paper_copies_need_review"
        case .textTooLong: "paper_copy_text_too_long"
        case .noCopies: "paper_copies_required"
        case .copyNotFound: "paper_copy_not_found"
        case .duplicateCopy: "paper_copy_duplicate"
        case .stepOutOfOrder: "paper_copy_step_out_of_order"
        case .notAPerson: "paper_copy_recipient_required"
        case .outsideRange: "paper_copy_outside_range"
        case .alreadyHolds: "paper_copy_already_held"
        case .notEnoughCopies: "paper_copies_not_enough"
        case .alreadySigned: "paper_copy_already_signed"
        case .notYourCopy: "paper_copy_not_yours"
        case .reasonRequired: "paper_copy_reason_required"
        case .approverRequired: "paper_copy_approver_required"
        case .recordRequired: "paper_copy_record_required"
        case .paperOnlyNotNeeded: "paper_only_not_needed"
        case .alreadyConfirmed: "paper_only_already_confirmed"
        case .materialsClosed: "materials_closed"
        case .notHeld: "symposium_not_held"
        case .unaccounted: "paper_copies_unaccounted"
        case .unsettled: "paper_copies_unsettled"
        case .unconfirmedFiles: "classified_files_unconfirmed"
        }
    }

    public var message: String {
        switch self {
        case .notClassified(let level):
            "“\(level.chineseName)”材料不登记纸质件：只有秘密、机密材料以纸质件登记、分发、清退，内部和公开材料走电子文件。"
        case .countInvalid(let max):
            "纸质件份数须为1到\(max)之间的整数。"
        case .reviewRequired(let kind):
            "\(kind.chineseName)须经牵头委室把关后才能印发（三(四).3）。请确认送来的纸质稿已经牵头委室审核，再登记。"
        case .textTooLong(let what, let max):
            "\(what)不超过\(max)个字。"
        case .noCopies:
            "请选择纸质件。"
        case .copyNotFound(let n):
            "没有份号为\(CopyNumbers.format(n))的纸质件。"
        case .duplicateCopy(let n):
            "份号\(CopyNumbers.format(n))在一次操作中出现了两次。"
        case .stepOutOfOrder(let n, let state, let action):
            "份号\(CopyNumbers.format(n))的纸质件当前为“\(state.chineseName)”，不能\(action.chineseName)。"
        case .notAPerson:
            "纸质件须分发给具体人员。"
        case .outsideRange(let name):
            "\(name)不在本材料的发放范围内，不能向其分发纸质件（三(四).2“根据涉密程度明确发放范围”）。如确需分发，请先调整发放范围。"
        case .alreadyHolds(let name, let n):
            "\(name)已领取本材料份号\(CopyNumbers.format(n))的纸质件，每人只领一份。"
        case .notEnoughCopies(let needed, let inOffice):
            "办公室现有未分发的纸质件\(inOffice)份，不够分发\(needed)份。请提供单位补送纸质件后先登记。"
        case .alreadySigned(let n):
            "份号\(CopyNumbers.format(n))的纸质件已经签收。"
        case .notYourCopy(let n):
            "份号\(CopyNumbers.format(n))的纸质件不是分发给您的，不能签收。"
        case .reasonRequired:
            "留存纸质件须写明理由（如“县领导工作需要，会后留存”）。"
        case .approverRequired:
            "留存纸质件须写明批准人。"
        case .recordRequired(let d):
            d == .destroy ? "销毁纸质件须写明销毁记录（如销毁清单编号、监销人）。" : "归档纸质件须写明档号或归档记录。"
        case .paperOnlyNotNeeded:
            "只有非涉密信息系统中存有电子文件的秘密、机密材料，才需要确认改按纸质件处理。"
        case .alreadyConfirmed:
            "已确认这份材料按纸质件处理。"
        case .materialsClosed:
            "本次会议的文稿材料已清退归档，不能再登记或分发纸质件。"
        case .notHeld:
            "会议尚未召开，不能清退归档文稿材料。"
        case .unaccounted(let lines):
            "尚有纸质件未清退，也未记录留存理由，不能清退归档：" + lines.joined(separator: "；")
                + "。请收回这些纸质件，或记录持有人留存的理由和批准人。"
        case .unsettled(let lines):
            "尚有纸质件未销毁或归档，不能清退归档：" + lines.joined(separator: "；") + "。"
        case .unconfirmedFiles(let lines):
            "尚有秘密、机密材料的电子文件存于本系统（非涉密信息系统），须先由办公室确认按纸质件处理："
                + lines.joined(separator: "；") + "。"
        }
    }

    public var kind: DomainErrorKind {
        switch self {
        case .copyNotFound: .notFound
        case .notYourCopy: .forbidden
        case .stepOutOfOrder, .alreadyHolds, .notEnoughCopies, .alreadySigned, .alreadyConfirmed, .materialsClosed, .notHeld,
             .unaccounted, .unsettled, .unconfirmedFiles, .paperOnlyNotNeeded:
            .conflict
        case .notClassified, .countInvalid, .reviewRequired, .textTooLong, .noCopies, .duplicateCopy, .notAPerson, .outsideRange,
             .reasonRequired, .approverRequired, .recordRequired:
            .invalid
        }
    }
}
