import XieshangCore

/// Realistic documents of a county CPPCC office, one per format, for `xieshang document-sample`,
/// the render checks in tests/documents and anyone who wants to see the layout.
extension OfficialDocument {
    public enum Sample: String, Sendable, CaseIterable {
        /// The jointly issued annual consultation plan (R10), document format.
        case notice
        /// An invitation letter to a member (R16), letter format, personalised.
        case letter
        /// Minutes of a symposium, minutes format.
        case minutes
    }

    public static func sample(_ kind: Sample) -> OfficialDocument {
        switch kind {
        case .notice: return annualPlanNotice
        case .letter: return invitationLetter
        case .minutes: return symposiumMinutes
        }
    }

    static let cppcc = "政协安化县委员会"
    static let cppccOffice = "政协安化县委员会办公室"

    private static var annualPlanNotice: OfficialDocument {
        let organs = ["中共安化县委办公室", "安化县人民政府办公室", cppccOffice]
        let plan: [[String]] = [
            ["1", "推进安化黑茶产业高质量发展", "3—4月", "经济科技委", "县农业农村局、县茶旅产业发展服务中心"],
            ["2", "加强农村饮用水安全保障", "5—6月", "人口资源环境委", "县水利局、县卫生健康局"],
            ["3", "推动紧密型县域医共体建设", "7—8月", "教科卫体委", "县卫生健康局、县医疗保障局"],
            ["4", "促进茶旅文旅融合发展", "9—10月", "文化文史和学习委", "县文化旅游广电体育局"],
            ["5", "提升农村居家养老服务水平", "11—12月", "社会和法制委", "县民政局、县财政局"],
        ]
        return OfficialDocument(
            format: .document,
            copyNumber: "000012",
            issuingOrgans: organs,
            documentNumber: DocumentNumber(prefix: "安政协办联发", year: 2026, serial: 1).text,
            title: "关于印发《政协安化县委员会2027年度双月协商座谈会计划》的通知",
            addressee: "各乡镇党委、人民政府，县委各部委，县直机关各单位，县政协各专门委员会",
            body: [
                .paragraph("《政协安化县委员会2027年度双月协商座谈会计划》已经县政协十二届第三十次主席会议审议通过，并报经县委同意，现印发给你们，请结合实际认真抓好落实。"),
                .heading1("一、提高思想认识"),
                .paragraph("双月协商座谈会是县政协围绕县委、县人民政府中心工作开展专题协商的重要平台。各单位要把参加双月协商座谈会作为发展全过程人民民主、推进协商民主广泛多层制度化发展的具体行动，主要负责同志要亲自过问，分管负责同志要具体抓。"),
                .heading1("二、精心组织实施"),
                .heading2("（一）做好前期调研。"),
                .paragraph("牵头委室应于协商座谈会召开2个月前拟定实施方案，经分管副主席签批后报主席会议审定；有关部门要积极配合专题调研、视察和民主评议，如实提供情况和资料。"),
                .heading2("（二）精心安排发言。"),
                .paragraph("协商座谈会按照有关部门通报情况、牵头委室中心发言、委员预约发言、自由发言、部门互动回应、领导讲话的顺序进行。通报情况和中心发言一般不超过10分钟，预约发言每人不超过8分钟，自由发言和互动回应每人不超过5分钟。"),
                .heading2("（三）规范材料报送。"),
                .paragraph("有关部门提供的书面材料应标明涉密程度和发放范围，于会前5个工作日报送县政协办公室；发言材料由牵头委室审核后统一汇总印发。"),
                .heading1("三、抓好成果转化"),
                .paragraph("县政协办公室在协商座谈会结束后10个工作日内，以政协参阅件、建议案或提案形式将协商成果报送县委、县人民政府领导和有关部门。承办单位要认真研究办理，及时反馈办理情况；牵头委室要加强跟踪督办，定期汇总落实情况。"),
                .heading1("四、加强组织保障"),
                .paragraph("县政协办公室负责双月协商座谈会的统筹协调和会务保障，各专门委员会要明确专人负责，确保各项工作有序推进。执行中遇到的问题，请及时与县政协办公室联系。"),
                .attachmentNote("政协安化县委员会2027年度双月协商座谈会计划"),
            ],
            signatures: organs,
            date: Day(year: 2026, month: 12, day: 1)!,
            sealed: true,
            notes: "此件公开发布",
            attachments: [
                Attachment(title: "政协安化县委员会2027年度双月协商座谈会计划", body: [
                    .paragraph("根据《政协安化县委员会双月协商座谈会工作办法》，2027年安排双月协商座谈会5次，1—2月的协商与县政协全体会议合并进行，不再单独安排。"),
                    .table(header: ["序号", "协商议题", "时间", "牵头委室", "协办单位"], rows: plan,
                           columnWidths: [7, 22, 12, 14, 21]),
                    .paragraph("议题确需调整的，由牵头委室提出书面意见，经主席会议研究同意后报县委备案，并说明调整理由。"),
                ]),
            ],
            copyTo: ["县委各位常委", "县人大常委会主任、副主任", "副县长", "县政协主席、副主席、秘书长"],
            printer: cppccOffice,
            printDate: Day(year: 2026, month: 12, day: 1)!)
    }

    private static var invitationLetter: OfficialDocument {
        OfficialDocument(
            format: .letter,
            issuingOrgans: [cppccOffice],
            documentNumber: DocumentNumber(prefix: "安政协办函", year: 2026, serial: 17).text,
            title: "关于参加2026年第三次双月协商座谈会的邀请函",
            addressee: "李明华委员",
            body: [
                .paragraph("经县政协主席会议研究，定于2026年6月18日（星期四）上午9:00召开2026年第三次双月协商座谈会，围绕“推进安化黑茶产业高质量发展”开展专题协商。现诚挚邀请您出席会议并作预约发言。有关事项如下："),
                .heading3("1.会议地点：县政协机关四楼会议室。"),
                .heading3("2.发言要求：预约发言每人不超过8分钟，请于6月11日前将发言材料报送经济科技委。"),
                .heading3("3.联系方式：县政协办公室王晓燕，电话0737-7221234。"),
            ],
            signatures: [cppccOffice],
            date: Day(year: 2026, month: 6, day: 5)!,
            sealed: true,
            copyTo: ["县政协经济科技委"],
            recipient: "李明华")
    }

    private static var symposiumMinutes: OfficialDocument {
        OfficialDocument(
            format: .minutes,
            issuingOrgans: [cppccOffice],
            documentNumber: "第3期",
            title: "安化县政协双月协商座谈会纪要",
            body: [
                .paragraph("2026年6月18日上午，县政协召开2026年第三次双月协商座谈会，围绕“推进安化黑茶产业高质量发展”开展专题协商。县政协主席刘建国主持会议，县委常委、副县长陈志远到会听取意见并讲话。会议纪要如下："),
                .heading1("一、会议基本情况"),
                .paragraph("会前，县政协经济科技委牵头组织部分委员和专家学者，深入8个乡镇、16家茶企开展专题调研，形成了调研报告。会上，县农业农村局通报了全县黑茶产业发展情况，经济科技委作中心发言，4位委员作预约发言，6位委员作自由发言，县农业农村局、县市场监督管理局、县茶旅产业发展服务中心负责同志作互动回应。"),
                .heading1("二、主要意见建议"),
                .heading2("（一）加强茶园基地建设。"),
                .paragraph("委员们建议，加快推进高标准生态茶园建设，扩大有机茶园认证面积，完善茶园基础设施，提高茶叶品质和单产水平。"),
                .heading2("（二）做强龙头企业和区域品牌。"),
                .paragraph("委员们认为，要支持龙头企业兼并重组、做大做强，加强“安化黑茶”地理标志保护和品牌宣传，严厉打击假冒伪劣行为。"),
                .heading2("（三）推进茶旅深度融合。"),
                .paragraph("委员们提出，要依托万里茶道等文化资源，打造精品茶旅线路，发展茶文化体验、研学等新业态。"),
                .heading1("三、下一步工作"),
                .paragraph("县政协办公室将在10个工作日内将本次协商成果以政协参阅件形式报送县委、县人民政府领导和有关部门。经济科技委负责跟踪落实，定期汇总办理情况。"),
                .attendance(label: "出席", names: "刘建国　张慧敏　周立新　李明华　赵文斌　孙雪梅　黄志强　吴丽娟　陈志远　邓建军　彭小兰"),
                .attendance(label: "列席", names: "县农业农村局、县市场监督管理局、县茶旅产业发展服务中心负责同志"),
                .attendance(label: "请假", names: "谢东升"),
            ],
            date: Day(year: 2026, month: 6, day: 20)!,
            copyTo: ["县委办公室", "县人民政府办公室", "县农业农村局", "县茶旅产业发展服务中心"],
            printer: cppccOffice,
            printDate: Day(year: 2026, month: 6, day: 20)!)
    }
}
