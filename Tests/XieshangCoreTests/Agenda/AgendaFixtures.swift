import Foundation
@testable import XieshangCore

/// The cast of the agenda and live-meeting tests: one symposium's invitees, some attending.
enum AgendaFixtures {
    static let regulation = Regulation.default

    static let secretary = AgendaSpeaker(personID: 1, name: "刘书记", unit: "中共安化县委", category: .leaders)
    static let chair = AgendaSpeaker(personID: 2, name: "陈主席", unit: "县政协", category: .leaders)
    static let committeeHead = AgendaSpeaker(personID: 11, name: "周主任", unit: "县政协经济委", category: .committeeHeads)
    static let agriculture = AgendaSpeaker(personID: 21, name: "吴局长", unit: "县农业农村局", category: .departmentHeads)
    /// Invited, has not answered: not attending.
    static let transport = AgendaSpeaker(personID: 22, name: "郑局长", unit: "县交通运输局", category: .departmentHeads)
    static let teaOffice = AgendaSpeaker(personID: 23, name: "孙主任", unit: "县茶叶产业办", category: .departmentHeads)
    static let members = [
        AgendaSpeaker(personID: 31, name: "王委员", unit: "白沙溪茶厂", category: .members),
        AgendaSpeaker(personID: 32, name: "李委员", unit: "县人民医院", category: .members),
        AgendaSpeaker(personID: 33, name: "张委员", unit: "江南镇中学", category: .members),
        AgendaSpeaker(personID: 34, name: "赵委员", unit: "县农商银行", category: .members),
        AgendaSpeaker(personID: 35, name: "钱委员", unit: "梅城镇", category: .members),
        AgendaSpeaker(personID: 36, name: "冯委员", unit: "县律师协会", category: .members),
    ]
    /// Declined: not attending.
    static let absentMember = AgendaSpeaker(personID: 37, name: "何委员", unit: "小淹镇", category: .members)
    static let experts = [
        AgendaSpeaker(personID: 41, name: "黄教授", unit: "湖南农业大学", category: .experts),
        AgendaSpeaker(personID: 42, name: "林研究员", unit: "省茶叶研究所", category: .experts),
    ]

    /// Everyone attending, in the attendee list's order.
    static let attendees = [secretary, chair, committeeHead, agriculture, teaOffice] + members + experts

    /// The invitee list as the symposium holds it: confirmed, notified, one invited without an
    /// answer yet, one declined.
    static func invitees() throws -> [Invitee] {
        let t = Date(timeIntervalSince1970: 1_780_275_600)
        var list: [Invitee] = []
        for (i, a) in attendees.enumerated() {
            var inv = Invitee(personID: a.personID, category: a.category)
            try inv.preInvite(at: t)
            try inv.answer(.confirm, via: .own, note: "", at: t)
            if i.isMultiple(of: 2) { try inv.notify(at: t, mailedTo: nil) }
            list.append(inv)
        }
        var pending = Invitee(personID: transport.personID, category: .departmentHeads)
        try pending.preInvite(at: t)
        var declined = Invitee(personID: absentMember.personID, category: .members)
        try declined.preInvite(at: t)
        try declined.answer(.decline, via: .phone, note: "外出", at: t)
        return list + [pending, declined]
    }

    static let attending: [Int: AttendeeCategory] = Dictionary(
        uniqueKeysWithValues: attendees.map { ($0.personID, $0.category) })

    static func member(_ i: Int) -> AgendaSpeaker { members[i] }

    static func planned(_ s: AgendaSpeaker, _ subject: String) -> AgendaSpeaker {
        var s = s
        s.subject = subject
        return s
    }

    /// A complete agenda: one briefing, the keynote, booked speeches by three members and an
    /// expert, one department planned to respond, the chair's remarks.
    static func fullAgenda() throws -> Agenda {
        var a = Agenda.template(regulation)
        try a.setSpeakers(.departmentBriefing, [planned(agriculture, "全县茶产业发展情况")], attending: attending, regulation: regulation)
        try a.setSpeakers(.keynote, [planned(committeeHead, "关于推进黑茶产业高质量发展的调研报告")], attending: attending,
                          regulation: regulation)
        try a.setSpeakers(.bookedSpeech, [member(0), member(1), experts[0], member(2)], attending: attending, regulation: regulation)
        try a.setSpeakers(.response, [agriculture], attending: attending, regulation: regulation)
        try a.setSpeakers(.leaderRemarks, [chair], attending: attending, regulation: regulation)
        return a
    }
}
