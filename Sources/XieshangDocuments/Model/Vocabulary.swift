/// Words a title line may not break inside (GB/T 9704 §7.3.3: "标题回行时，要做到词意完整").
/// The glossary of DESIGN.md, the kinds of document the office issues, and the words that
/// recur in consultation topics, so that "双月协商座谈会", "建议案" or "高质量发展" stay whole
/// on one line. The issuing organs of a document are added to these when its title is broken.
public enum Vocabulary {
    /// DESIGN.md's glossary, as the office writes it.
    public static let glossary: [String] = [
        "县政协", "政协", "双月协商座谈会", "协商座谈会", "座谈会", "年度协商计划", "议题建议", "议题", "委室", "牵头委室",
        "分管副主席", "副主席", "主席", "秘书长", "主席会议", "党组", "委员", "专家学者", "界别", "有关部门",
        "实施方案", "部署动员会", "工作协调会", "专题调研", "视察", "民主评议", "实地考察", "预约邀请", "正式通知",
        "邀请函", "出席人员名单", "议程", "发言", "中心发言", "预约发言", "自由发言", "互动回应", "文稿材料",
        "参阅资料", "涉密程度", "发放范围", "协商成果", "政协参阅件", "参阅件", "建议案", "提案", "办理", "答复",
        "落实事项", "跟踪", "工作日", "调休", "放假安排通知", "补充通知", "换届", "演练", "签到", "请假", "缺席",
        "座次表", "桌签", "站内通知", "全体会议",
    ]

    /// The names of what the office issues and of the bodies that issue them.
    public static let documents: [String] = [
        "通知", "调整通知", "计划", "纪要", "会议纪要", "报告", "工作情况报告", "情况报告", "成果汇总", "汇总", "请示",
        "意见", "函", "邀请函", "名单", "方案", "委员会", "专门委员会", "人民政府", "办公室", "常委会", "人大常委会",
        "县委", "中共", "年度",
    ]

    /// Words that recur in county consultation topics.
    public static let topics: [String] = [
        "高质量发展", "全产业链", "产业链", "乡村振兴", "巩固拓展", "脱贫攻坚", "营商环境", "基层治理", "生态环境",
        "饮用水", "医共体", "紧密型", "县域", "居家养老", "养老服务", "文旅融合", "茶旅融合", "产业", "发展", "建设",
        "服务", "工作", "管理", "体系", "机制", "水平", "能力", "保障", "推进", "推动", "加强", "加快", "促进", "提升",
        "提高", "完善", "优化", "深化", "全面", "农村", "城乡", "生态", "文化", "旅游", "教育", "医疗", "养老", "就业",
        "民生", "安全", "黑茶",
    ]

    /// Every word above, longest first.
    public static let all: [String] = Array(Set(glossary + documents + topics)).sorted {
        $0.count != $1.count ? $0.count > $1.count : $0 < $1
    }
}
