extension Regulation {
    /// The values of 安化县政协《双月协商座谈会工作办法（暂行）》(2015), clause by clause.
    public static let anhuaBimonthly = Regulation(
        name: "双月协商座谈会工作办法（暂行）",
        source: "政协安化县委员会办公室，2015年4月8日",
        cadenceMonths: 2,                         // 一.5, 二.3
        symposiaPerYear: 6,                       // 一.5, 二.2
        monthsMergedWithPlenary: [1, 2],          // 二.3
        topicCallMonth: 11,                       // 二.1
        implementationPlanLeadMonths: 2,          // 二.4
        mobilizationLeadMonths: 2,                // 三(二).1
        coordinationLeadDays: 7,                  // 三(二).3 "会前1个星期"
        invitedMembers: Quota(preferred: 6...6, allowed: 1...30),   // 三(一).1 "6位左右"
        invitedExperts: Quota(preferred: 2...3, allowed: 0...10),   // 三(一).1 "2—3位"
        attendeeCategories: AttendeeCategory.allCases,              // 三(四).5
        agenda: [
            AgendaSegmentRule(kind: .departmentBriefing, title: "有关部门介绍情况", minutesPerSpeech: 10,
                              speakers: Quota(preferred: 1...1, allowed: 1...3), clause: "三(三).1",
                              speakerCategories: [.departmentHeads]),
            AgendaSegmentRule(kind: .keynote, title: "牵头委室中心发言", minutesPerSpeech: 10,
                              speakers: Quota(preferred: 1...1, allowed: 1...1), clause: "三(三).2",
                              speakerCategories: [.committeeHeads]),
            AgendaSegmentRule(kind: .bookedSpeech, title: "委员、专家学者预约发言", minutesPerSpeech: 8,
                              speakers: Quota(preferred: 2...4, allowed: 2...4), clause: "三(三).3",
                              speakerCategories: [.members, .experts], mainly: .members),   // "委员为主"
            AgendaSegmentRule(kind: .freeSpeech, title: "其他与会人员自由发言", minutesPerSpeech: 5,
                              speakers: nil, clause: "三(三).4", speakerCategories: [.members, .experts]),
            AgendaSegmentRule(kind: .response, title: "有关部门互动回应发言", minutesPerSpeech: 5,
                              speakers: nil, clause: "三(三).5", speakerCategories: [.departmentHeads]),
            AgendaSegmentRule(kind: .leaderRemarks, title: "县委、县政府、县政协领导讲话", minutesPerSpeech: nil,
                              speakers: nil, clause: "三(三).6", speakerCategories: [.leaders]),
        ],
        speakingWarningSeconds: 60,
        outcomeDeadlineWorkingDays: 10,           // 三(五)
        outcomeForms: OutcomeForm.allCases,       // 一.6
        handling: .countyPractice,                // not in the working method: the county's practice
        materialDues: .countyPractice             // likewise
    )

    public static let `default` = anhuaBimonthly
}

extension HandlingRules {
    /// Time limits common in county CPPCC practice (提案办理、成果转化 rules of many counties);
    /// the working method sets none of them, so an office changes them freely.
    public static let countyPractice = HandlingRules(
        acknowledgeWorkingDays: 3,   // recipients confirm receipt (签收) within 3 working days of sending
        acceptWorkingDays: 5,        // a department accepts an assigned outcome, or returns it to the office, within 5 working days
        replyWorkingDays: 40,        // the department replies within 40 working days of accepting (about two months)
        rateWorkingDays: 10,         // the lead committee rates the reply (满意度测评) within 10 working days of receiving it
        reminderDaysBefore: 7,       // follow-up items are flagged for reminder 7 calendar days before they fall due
        reminderRepeatDays: 7        // and the reminder mail is repeated weekly until they are done
    )
}

extension MaterialDueRules {
    /// The office needs the materials a few working days ahead to compile and print them; a
    /// speech draft reaches the lead committee earlier still, so that it can be reviewed.
    public static let countyPractice = MaterialDueRules(
        compileLeadWorkingDays: 3,   // every material reaches the office 3 working days before the symposium
        reviewWorkingDays: 2         // a speech draft reaches the lead committee 2 working days before that
    )
}
