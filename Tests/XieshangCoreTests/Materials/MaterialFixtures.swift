import Foundation
@testable import XieshangCore

/// The cast of the materials tests: symposium 7 led by committee 3; committee 4 is another;
/// department 21 briefs; person 50 is a member who books a speech; person 10 a county leader.
enum MaterialFixtures {
    static let symposiumID = 7
    static let leadCommitteeID = 3
    static let otherCommitteeID = 4
    static let departmentID = 21
    static let otherDepartmentID = 22
    static let speakerID = 50
    static let leaderID = 10

    /// 2026-06-01 09:00 China Standard Time.
    static let instant = Date(timeIntervalSince1970: 1_780_275_600)
    static func at(minutes: Int) -> Date { instant.addingTimeInterval(TimeInterval(minutes * 60)) }

    static let sha = String(repeating: "ab", count: 32)

    static func day(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else { fatalError("bad test date \(iso)") }
        return d
    }

    /// The producer the working method gives a kind in these tests.
    static func producer(for kind: MaterialKind) -> Producer {
        switch kind {
        case .leaderSpeech: .governmentOffice
        case .departmentBriefing: .department(departmentID)
        case .keynote, .referenceMaterial: .leadCommittee(leadCommitteeID)
        case .bookedSpeech: .attendee(personID: speakerID)
        case .attendeeList: .cppccOffice
        }
    }

    static func material(_ kind: MaterialKind, id: Int = 1, title: String? = nil, producer: Producer? = nil,
                         secrecy: SecrecyLevel = .internal, period: SecrecyPeriod? = nil,
                         distribution: Distribution = .attendingOnly, due: Day? = nil) throws -> Material {
        try Material(id: id, symposiumID: symposiumID, kind: kind, title: title ?? "\(kind.chineseName)\(id)",
                     producer: producer ?? self.producer(for: kind), secrecy: secrecy, secrecyPeriod: period,
                     distribution: distribution, due: due)
    }

    /// Adds a version (a DOCX of 1 KiB) at `minutes` past the instant.
    static func upload(_ m: inout Material, minutes: Int = 0, by actor: String = "上传人") throws {
        try m.addVersion(fileName: "\(m.title).docx", format: .docx, byteCount: 1024, sha256: sha, uploadedBy: actor,
                         at: at(minutes: minutes), extractedText: "正文")
    }

    /// A material ready for the packet: one version and, for a speech draft, reviewed and forwarded.
    static func issuable(_ kind: MaterialKind, id: Int = 1, producer: Producer? = nil, secrecy: SecrecyLevel = .internal,
                         distribution: Distribution = .attendingOnly, due: Day? = nil) throws -> Material {
        var m = try material(kind, id: id, producer: producer, secrecy: secrecy, distribution: distribution, due: due)
        try upload(&m)
        if kind.needsReview {
            try m.review(.submit, actor: "发言人", at: at(minutes: 1))
            try m.review(.approve, actor: "委室", at: at(minutes: 2))
            try m.review(.forward, actor: "委室", at: at(minutes: 3))
        }
        return m
    }

    /// A 秘密★1年 department briefing for the county leaders and attending members, with no
    /// file, and `copies` printed copies registered by the office at the instant.
    static func onPaper(copies: Int, distribution: Distribution = Distribution(roles: [.leader], categories: [.members]))
        throws -> (material: Material, copies: [PaperCopy]) {
        var m = try material(.departmentBriefing, secrecy: .secret, period: .years(1), distribution: distribution)
        let registered = try m.registerPaperCopies(copies, deliveredBy: "县农业农村局", reviewedOnPaper: false,
                                                   actor: "办公室", at: instant)
        return (m, registered)
    }

    // Readers.
    static let office = MaterialReader(personID: 1, roles: [.office], committeeID: 1)
    static let admin = MaterialReader(personID: 2, roles: [.admin])
    static let leadCommitteeStaff = MaterialReader(personID: 3, roles: [.committee], committeeID: leadCommitteeID)
    static let otherCommitteeStaff = MaterialReader(personID: 4, roles: [.committee], committeeID: otherCommitteeID)
    static let briefingDepartment = MaterialReader(personID: 5, roles: [.department], departmentID: departmentID,
                                                   category: .departmentHeads)
    static let otherDepartment = MaterialReader(personID: 6, roles: [.department], departmentID: otherDepartmentID)
    static let speaker = MaterialReader(personID: speakerID, roles: [.member], category: .members)
    static let attendingMember = MaterialReader(personID: 51, roles: [.member], category: .members)
    static let absentMember = MaterialReader(personID: 52, roles: [.member])
    static let attendingExpert = MaterialReader(personID: 60, roles: [.expert], category: .experts)
    static let leader = MaterialReader(personID: leaderID, roles: [.leader], category: .leaders)
    static let governmentOfficeStaff = MaterialReader(personID: 70, roles: [.department], departmentID: 30,
                                                      officeOf: "government")
}
