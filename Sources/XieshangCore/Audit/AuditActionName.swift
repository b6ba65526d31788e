/// The audit log's action codes as the office reads them. The codes stay in the record (they
/// are what the chain hashes and what a query filters on); the page shows these names. A code
/// is "area.verb" or "area.sub.verb": the area says what was changed, the verb what was done,
/// and the domain's own names are used where it has them (a plan's step, a handling's action).
public enum AuditActionName {
    /// "live.end-speech" → "会议进行：结束发言". A code not known here still reads in Chinese:
    /// its area's name and "其他操作", never the code.
    public static func chinese(_ code: String, regulation: Regulation = .default) -> String {
        let parts = code.split(separator: ".").map(String.init)
        guard let first = parts.first else { return "其他操作" }
        let rest = Array(parts.dropFirst())
        let area = areas[first] ?? "系统"
        return "\(area)：\(verb(area: first, rest, regulation: regulation) ?? "其他操作")"
    }

    /// "symposium", "3" → "协商座谈会（编号3）"; a type not known here reads "对象（编号3）".
    public static func object(_ type: String, id: String) -> String {
        let name = objects[type] ?? areas[type] ?? "对象"
        return id.isEmpty ? name : "\(name)（\(id)）"
    }

    static let objects: [String: String] = [
        "annual_plan": "年度协商计划", "calendar_year": "年度日历", "committee": "专门委员会", "county_practice": "本县工作惯例",
        "department": "部门", "follow_up_item": "落实事项", "live_meeting": "会议进行", "local_day_off": "本地放假日",
        "mail_outbox": "待发邮件", "material": "文稿材料", "organization": "组织机构", "outcome": "协商成果",
        "person": "人员", "sector": "界别", "symposium": "协商座谈会", "topic_call": "议题征集",
        "topic_suggestion": "议题建议", "user": "账号",
    ]

    static func verb(area: String, _ rest: [String], regulation: Regulation) -> String? {
        guard let last = rest.last else { return nil }
        switch area {
        case "annual_plan":
            return AnnualPlan.Action(rawValue: last)?.chineseName ?? specific["annual_plan.\(last)"] ?? common[last]
        case "implementation_plan":
            return ImplementationPlan.Action(rawValue: last)?.chineseName
        case "handling":
            return Handling.Action(rawValue: last)?.chineseName
        case "agenda":
            let kind = AgendaSegmentKind(rawValue: last)
            let title = regulation.agenda.first { $0.kind == kind }?.title
            return title.map { "安排“\($0)”发言人" }
        case "meeting":
            // meeting.<kind>.schedule | record | task
            guard rest.count == 2, let kind = PreparatoryMeeting.Kind(rawValue: rest[0]) else { return nil }
            let what = ["schedule": "安排", "record": "记录召开情况", "task": "布置任务"][rest[1]] ?? "修改"
            return "\(kind.chineseName)\(what)"
        case "material" where rest.first == "review":
            return SpeechReview.Action(rawValue: last).map { "发言稿\($0.chineseName)" }
        case "material" where rest.first == "paper":
            if last == "confirm" { return "确认仅以纸质件处理" }
            return PaperCopy.Action(rawValue: last).map { "纸质件\($0.chineseName)" }
        case "live":
            return live[last]
        default:
            return specific["\(area).\(rest.joined(separator: "."))"] ?? common[last]
        }
    }

    static let areas: [String: String] = [
        "annual_plan": "年度协商计划", "api_token": "接口令牌", "calendar": "工作日历", "calendar_feed": "日历订阅",
        "committee": "专门委员会", "demo": "演示数据", "department": "部门", "follow_up": "落实事项",
        "follow_up_item": "落实事项", "handling": "部门办理", "implementation_plan": "实施方案", "invitee": "邀请名单",
        "invitee_list": "邀请名单", "live": "会议进行", "mail": "邮件", "material": "文稿材料", "materials": "文稿材料",
        "meeting": "动员会与协调会", "organization": "组织机构", "outcome": "协商成果", "person": "人员",
        "practice": "本县工作惯例", "record": "会议纪要", "research": "前期调研", "sector": "界别",
        "symposium": "协商座谈会", "task": "工作任务", "topic_call": "议题征集", "topic_suggestion": "议题建议",
        "user": "账号", "agenda": "议程",
    ]

    static let live: [String: String] = [
        "start": "开始会议", "next": "请下一位发言", "pause": "暂停发言", "resume": "继续发言", "end-speech": "结束发言",
        "advance": "进入下一环节", "end": "结束会议", "rehearse": "开始演练", "end-rehearsal": "结束演练",
        "request": "申请自由发言", "speech": "指定发言人", "withdraw": "撤回发言申请",
    ]

    /// Codes whose verb alone would be ambiguous.
    static let specific: [String: String] = [
        "annual_plan.blocked_dates": "设置不安排座谈会的日期", "annual_plan.date_override": "调整座谈会日期",
        "annual_plan.schedule": "排定日期", "annual_plan.topics": "修改议题", "annual_plan.adjust": "调整计划",
        "calendar.local_day_off.add": "添加本地放假日", "calendar.local_day_off.remove": "删除本地放假日",
        "calendar.notice.load": "载入国务院放假通知", "calendar.notice.amend": "按补充通知调整",
        "calendar.year.load": "载入年度安排", "calendar.year.replace": "替换年度安排",
        "calendar_feed.issue": "生成订阅地址", "api_token.create": "签发", "api_token.revoke_all": "全部吊销",
        "demo.load": "载入", "follow_up.note": "填写进展", "follow_up.status": "更新状态",
        "follow_up_item.remind": "发送提醒", "invitee.answer": "登记答复", "invitee.formal_notice": "发送正式通知",
        "invitee.pre_invite": "预邀请", "invitee.remind": "提醒未答复者", "invitee_list.comment": "提出意见",
        "mail.retry": "重新发送", "material.classify": "定密", "material.download": "下载",
        "material.opened": "首次阅看", "material.packet.compile": "编印会议材料", "material.send": "提前送阅",
        "material.upload": "上传新版本", "materials.close": "清退归档", "outcome.acknowledge": "领导阅知",
        "outcome.assign": "交办", "outcome.send": "报送", "person.import": "批量导入", "record.issue": "印发",
        "research.add": "添加调研活动", "research.findings": "填写调研成果", "symposium.arrangements": "安排时间地点主持人",
        "symposium.reschedule": "调整会议日期", "task.done": "完成", "task.reopen": "重新打开",
        "topic_call.open": "发布征集通知", "topic_call.close": "截止征集", "topic_call.extend": "延长征集",
        "topic_suggestion.submit": "提交", "user.password": "修改密码",
    ]

    static let common: [String: String] = [
        "create": "新建", "update": "修改", "edit": "修改", "add": "添加", "remove": "移除", "import": "导入",
    ]
}
