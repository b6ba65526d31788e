/// Refusals of the materials domain (三(四)), each with a message the user can act on.
public enum MaterialError: DomainError, Equatable {
    case leaderBodyRequired
    case unknownLeaderBody(String)
    case departmentRequired
    case speakerRequired
    case producerMismatch(MaterialKind, Producer)
    case titleRequired
    case titleTooLong(Int)
    case periodWithoutClassification(SecrecyLevel)
    case periodInvalid
    case periodTooLong(SecrecyLevel, Int)
    case classifiedToEveryone(SecrecyLevel)
    case emptyFile
    case fileTooLarge(Int)
    case unknownContent
    case legacyWordFile
    case unsupportedExtension(String)
    case extensionMismatch(String, MaterialFormat)
    case fileNameInvalid
    case checksumInvalid
    case reviewNotRequired(MaterialKind)
    case reviewStepOutOfOrder(SpeechReview.State, SpeechReview.Action)
    case returnNeedsComments
    case commentsTooLong(Int)
    case noDraftUploaded
    case notRevised
    case notReferenceMaterial(MaterialKind)
    case notIssuable
    case notSentTo
    case notFound
    case classifiedFileRefused(SecrecyLevel)
    case fileWithheld(SecrecyLevel)

    public var code: String {
        switch self {
        case .leaderBodyRequired: "leader_body_required"
        case .unknownLeaderBody: "unknown_leader_body"
        case .departmentRequired: "department_required"
        case .speakerRequired: "speaker_required"
        case .producerMismatch: "producer_mismatch"
        case .titleRequired: "material_title_required"
        case .titleTooLong: "material_title_too_long"
        case .periodWithoutClassification: "secrecy_period_without_classification"
        case .periodInvalid: "secrecy_period_invalid"
        case .periodTooLong: "secrecy_period_too_long"
        case .classifiedToEveryone: "classified_distribution_to_everyone"
        case .emptyFile: "empty_file"
        case .fileTooLarge: "file_too_large"
        case .unknownContent: "unknown_file_content"
        case .legacyWordFile: "legacy_word_file"
        case .unsupportedExtension: "unsupported_file_extension"
        case .extensionMismatch: "file_extension_mismatch"
        case .fileNameInvalid: "file_name_invalid"
        case .checksumInvalid: "checksum_invalid"
        case .reviewNotRequired: "review_not_required"
        case .reviewStepOutOfOrder: "review_step_out_of_order"
        case .returnNeedsComments: "review_return_comments_required"
        case .commentsTooLong: "review_comments_too_long"
        case .noDraftUploaded: "no_draft_uploaded"
        case .notRevised: "draft_not_revised"
        case .notReferenceMaterial: "not_reference_material"
        case .notIssuable: "material_not_issuable"
        case .notSentTo: "material_not_sent_to_reader"
        case .notFound: "material_not_found"
        case .classifiedFileRefused: "classified_file_refused"
        case .fileWithheld: "classified_file_withheld"
        }
    }

    public var message: String {
        switch self {
        case .leaderBodyRequired:
            "领导讲话须指明是县委、县政府还是县政协领导的讲话，以确定由县委办、县政府办或县政协办负责（三(四).1）。"
        case .unknownLeaderBody(let v):
            "领导所属“\(v)”无效，只能是县委、县政府或县政协（三(四).1）。"
        case .departmentRequired:
            "有关部门情况介绍须指明提供材料的部门（三(四).2）。"
        case .speakerRequired:
            "预约发言稿须指明发言人（三(四).3）。"
        case .producerMismatch(let kind, let producer):
            "\(kind.chineseName)不由\(producer.chineseName)负责（\(kind.clause)）。"
        case .titleRequired:
            "请填写材料标题。"
        case .titleTooLong(let n):
            "材料标题不超过\(n)个字。"
        case .periodWithoutClassification(let level):
            "“\(level.chineseName)”材料不标保密期限；只有秘密、机密材料标注保密期限。"
        case .periodInvalid:
            "保密期限须为正整数年或月，如“1年”“6个月”。"
        case .periodTooLong(let level, let years):
            "\(level.chineseName)级材料的保密期限不能超过\(years)年。"
        case .classifiedToEveryone(let level):
            "\(level.chineseName)级材料须明确发放范围，不能发给全体用户（三(四).2“根据涉密程度明确发放范围”）。"
        case .emptyFile:
            "文件是空的，请选择要上传的文件。"
        case .fileTooLarge(let max):
            "文件超过\(Self.size(max))的上限，请压缩图片或拆分后再上传。"
        case .unknownContent:
            "无法识别文件内容。文稿材料只能上传Word文档（.docx）、PDF文件或纯文本文件（.txt，UTF-8或GBK编码）。"
        case .legacyWordFile:
            "这是旧版Word/WPS文档（.doc/.wps）。请在Word或WPS中“另存为”Word文档（.docx）后再上传。"
        case .unsupportedExtension(let ext):
            "不支持.\(ext)文件。文稿材料只能上传Word文档（.docx）、PDF文件或纯文本文件（.txt）。"
        case .extensionMismatch(let ext, let format):
            "文件扩展名为.\(ext)，但内容是\(format.chineseName)。请确认是否选错了文件；如文件无误，请将扩展名改为.\(format.fileExtension)后再上传。"
        case .fileNameInvalid:
            "文件名无效或过长（不超过\(MaterialLimits.maxFileNameLength)个字）。"
        case .checksumInvalid:
            "文件校验值无效。"
        case .reviewNotRequired(let kind):
            "\(kind.chineseName)不需要委室把关；只有中心发言和预约发言稿由牵头委室把关（三(四).3）。"
        case .reviewStepOutOfOrder(let state, let action):
            "发言稿当前为“\(state.chineseName)”，不能“\(action.chineseName)”。"
        case .returnNeedsComments:
            "退回修改须写明意见。"
        case .commentsTooLong(let n):
            "意见不超过\(n)个字。"
        case .noDraftUploaded:
            "请先上传发言稿，再报送委室把关。"
        case .notRevised:
            "发言稿已被退回修改，请先上传修改后的稿件，再重新报送。"
        case .notReferenceMaterial(let kind):
            "\(kind.chineseName)不是参阅资料，不能提前送阅（三(四).4）。"
        case .notIssuable:
            "材料尚无可印发的文件，不能送阅。"
        case .notSentTo:
            "这份参阅资料没有送给您。"
        case .notFound:
            "没有这份材料，或您不在其发放范围内。"
        case .classifiedFileRefused(let level):
            "本系统是非涉密信息系统，\(level.chineseName)级材料不能上传电子文件。《中华人民共和国保守国家秘密法》规定，"
                + "国家秘密只能在涉密信息系统中存储、处理，不得使用非涉密计算机、非涉密存储设备存储、处理国家秘密。"
                + "请提供单位按所需份数印制纸质件，送县政协办公室登记份号，会上分发、会后清退。"
        case .fileWithheld(let level):
            "\(level.chineseName)级材料在本系统（非涉密信息系统）中只以纸质件分发，不提供电子文件"
                + "（《中华人民共和国保守国家秘密法》）。请向县政协办公室领取纸质件。"
        }
    }

    public var kind: DomainErrorKind {
        switch self {
        case .reviewStepOutOfOrder, .noDraftUploaded, .notRevised, .notIssuable: .conflict
        case .notSentTo, .fileWithheld: .forbidden
        case .notFound: .notFound
        default: .invalid
        }
    }

    /// "20MB", "512KB", "100字节".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024))MB" }
        if bytes >= 1024 && bytes % 1024 == 0 { return "\(bytes / 1024)KB" }
        return "\(bytes)字节"
    }
}
