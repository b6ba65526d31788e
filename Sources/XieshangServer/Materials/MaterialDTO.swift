import Fluent
import Vapor
import XieshangCore

/// A material as the API returns it and the pages show it, cut to what the reader may know:
/// those who work on it (the office, the producer, the lead committee) see every version and
/// the review; a reader in the range sees only the issued version; the distribution record
/// (sent to, opened, copy numbers, downloads) is for those who set ranges and issue.
struct MaterialDTO: Content {
    struct ProducerRef: Content { let kind: String; let id: Int?; let name: String }
    struct Range: Content {
        let scope: Distribution.Scope; let scopeName: String; let roles: [Role]; let personIDs: [Int]
        let departmentIDs: [Int]; let categories: [AttendeeCategory]; let text: String
    }
    struct Version: Content {
        let number: Int; let fileName: String; let format: MaterialFormat; let formatName: String; let byteCount: Int
        let sha256: String; let uploadedBy: String; let at: Date; let atText: String; let hasText: Bool
    }
    struct ReviewStep: Content {
        let action: SpeechReview.Action; let actionName: String; let state: SpeechReview.State; let stateName: String
        let version: Int?; let comments: String; let actor: String; let at: Date; let atText: String
    }
    struct Review: Content {
        let state: SpeechReview.State; let stateName: String; let pendingComments: String?; let steps: [ReviewStep]
    }
    struct Sent: Content {
        let personID: Int; let name: String; let sentAt: Date; let sentAtText: String; let openedAt: Date?; let openedAtText: String?
    }
    struct Copy: Content { let personID: Int; let name: String; let number: String }
    /// `actor` the account, `name` whom it belongs to, as a person reads it.
    struct Download: Content { let actor: String; let name: String; let personID: Int?; let version: Int; let at: Date; let atText: String }
    struct Can: Content {
        /// Works on it (the office, the producer, the lead committee): sees drafts and what is owed.
        let work: Bool
        let upload: Bool; let submit: Bool; let review: Bool; let distribute: Bool
        /// The register of printed copies: register, hand out, retrieve, destroy, archive (the office).
        let paper: Bool
    }
    struct Delivery: Content {
        let count: Int; let numbers: String; let deliveredBy: String; let registeredBy: String; let at: Date; let atText: String
        let reviewedOnPaper: Bool
    }
    /// The printed copies of a classified material (纸质件), for the office.
    struct Paper: Content {
        let deliveries: [Delivery]
        let copies: [PaperCopyDTO]
        let inOffice: Int; let handedOut: Int; let kept: Int; let returned: Int; let disposed: Int
        /// In someone's hands (handed out or kept); back or never out, awaiting destruction or archiving.
        let held: Int; let disposable: Int
    }
    struct PaperOnly: Content { let actor: String; let at: Date; let atText: String; let filesRemoved: Bool }

    /// Where a material stands, for lists: no file yet, a speech draft's review state, or issuable.
    enum Status: String, Content {
        case awaitingFile, awaitingPaper, drafting, submitted, approved, returned, forwarded, issuable, onPaper

        var chineseName: String {
            switch self {
            case .awaitingFile: "待上传文件"
            case .awaitingPaper: "待送交纸质件"
            case .onPaper: "纸质件已登记"
            case .issuable: "可印发"
            default: SpeechReview.State(rawValue: rawValue)?.chineseName ?? rawValue
            }
        }
    }

    let id: Int
    let symposiumID: Int
    let version: Int
    let kind: MaterialKind
    let kindName: String
    let clause: String
    let title: String
    let producer: ProducerRef
    let secrecy: SecrecyLevel
    let secrecyName: String
    let secrecyPeriod: String?
    let marking: String?
    /// How minutes and outcomes cite it: by title, a classified one with marking and number.
    let citation: String
    /// How it reaches its readers on this deployment: files, or printed copies only.
    let handling: MaterialHandling
    let handlingName: String
    /// Its files may be downloaded here (never a state secret's on a non-classified system).
    let servesFile: Bool
    /// A classified file held from before on this non-classified system, awaiting the office's
    /// confirmation of paper-only handling (for those who work on it).
    let flagged: Bool
    let paperOnly: PaperOnly?
    let distribution: Range
    /// The material's own due day, or the Regulation's for its kind (`dueByRule`).
    let due: String
    let dueText: String
    let dueByRule: Bool
    let overdue: Bool
    let status: Status
    let statusName: String
    let issuable: Bool
    let currentVersion: Int?
    let versions: [Version]
    let review: Review?
    let sentTo: [Sent]
    let copies: [Copy]
    /// The printed copies, for the office; nil for everyone else and for unclassified materials.
    let paper: Paper?
    /// The reader's own printed copy, the last handed to them.
    let myCopy: PaperCopyDTO?
    let downloads: [Download]
    let can: Can
    /// With a search (`?q=`): the text around the first match.
    let snippet: String?

    /// As `Producer` encodes itself: `{"kind":"department","id":3}`.
    static func kindName(of p: Producer) -> String {
        switch p {
        case .partyCommitteeOffice: "partyCommitteeOffice"
        case .governmentOffice: "governmentOffice"
        case .cppccOffice: "cppccOffice"
        case .department: "department"
        case .leadCommittee: "leadCommittee"
        case .attendee: "attendee"
        }
    }

    static func id(of p: Producer) -> Int? {
        switch p {
        case .department(let i), .leadCommittee(let i), .attendee(personID: let i): i
        case .partyCommitteeOffice, .governmentOffice, .cppccOffice: nil
        }
    }

    static func status(of m: Material, system: SystemClassification) -> Status {
        if m.hasIssuableFile && m.servesFile(on: system) { return .issuable }
        if m.isDeliveredOnPaper { return .onPaper }
        if m.handling(on: system) == .paper { return .awaitingPaper }
        guard m.currentVersion != nil else { return .awaitingFile }
        return m.review.flatMap { Status(rawValue: $0.state.rawValue) } ?? .issuable
    }

    init(_ loaded: MaterialStore.Loaded, scope: MaterialStore.Scope, names n: MaterialNames, today: Day,
         dues: MaterialDueDays, copies paperCopies: [PaperCopyStore.Loaded] = [], downloads: [MaterialDownloadModel] = [],
         accountNames: [String: String] = [:],
         snippet: String? = nil) {
        let m = loaded.material
        let time = ChinaTime.formatter("yyyy-MM-dd HH:mm")
        let works = scope.works(on: m)
        let distributes = scope.canDistribute
        id = m.id
        symposiumID = m.symposiumID
        version = loaded.version
        kind = m.kind
        kindName = m.kind.chineseName
        clause = m.kind.clause
        title = m.title
        producer = ProducerRef(kind: Self.kindName(of: m.producer), id: Self.id(of: m.producer), name: n.producer(m.producer))
        secrecy = m.secrecy
        secrecyName = m.secrecy.chineseName
        secrecyPeriod = m.secrecyPeriod?.chinese
        marking = m.marking
        citation = m.citation
        let handling = m.handling(on: scope.system)
        self.handling = handling
        handlingName = handling.chineseName
        let serves = m.servesFile(on: scope.system)
        servesFile = serves
        flagged = works && m.needsPaperOnlyConfirmation(on: scope.system)
        paperOnly = works ? m.paperOnly.map { PaperOnly(actor: $0.actor, at: $0.at, atText: time.string(from: $0.at),
                                                        filesRemoved: $0.filesRemoved) } : nil
        let d = m.distribution
        distribution = Range(scope: d.scope, scopeName: d.scope.chineseName, roles: d.roles.sorted(),
                             personIDs: d.personIDs.sorted(), departmentIDs: d.departmentIDs.sorted(),
                             categories: AttendeeCategory.allCases.filter(d.categories.contains), text: n.text(of: d))
        let owedBy = dues.due(of: m)
        due = owedBy.iso
        dueText = SymposiumDTO.dateText(owedBy)
        dueByRule = m.due == nil
        overdue = !m.isIssuable && today > owedBy
        let status = Self.status(of: m, system: scope.system)
        self.status = status
        statusName = status.chineseName
        issuable = m.isIssuable
        // A reader in the range sees the issued version only: the drafts before it are the
        // working copies of those who produce and review it.
        let shown = works ? m.versions
            : (m.hasIssuableFile && serves ? m.currentVersion.map { [$0] } ?? [] : [])
        currentVersion = shown.last?.number
        versions = shown.reversed().map {
            Version(number: $0.number, fileName: $0.fileName, format: $0.format, formatName: $0.format.chineseName,
                    byteCount: $0.byteCount, sha256: $0.sha256, uploadedBy: $0.uploadedBy, at: $0.at, atText: time.string(from: $0.at),
                    hasText: serves && !$0.extractedText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        }
        review = works ? m.review.map { r in
            Review(state: r.state, stateName: r.state.chineseName, pendingComments: r.pendingComments,
                   steps: r.steps.map {
                       ReviewStep(action: $0.action, actionName: $0.action.chineseName, state: $0.state,
                                  stateName: $0.state.chineseName, version: $0.version, comments: $0.comments,
                                  actor: $0.actor, at: $0.at, atText: time.string(from: $0.at))
                   })
        } : nil
        sentTo = distributes ? m.sentTo.sorted { $0.key < $1.key }.map {
            Sent(personID: $0.key, name: n.person($0.key), sentAt: $0.value, sentAtText: time.string(from: $0.value),
                 openedAt: m.opened[$0.key], openedAtText: m.opened[$0.key].map(time.string(from:)))
        } : []
        copies = distributes ? m.copyNumbers.sorted { $0.value < $1.value }.map {
            Copy(personID: $0.key, name: n.person($0.key), number: CopyNumbers.format($0.value))
        } : []
        let office = scope.canCompile
        let copyDTOs = paperCopies.map { PaperCopyDTO($0, names: n, time: time) }
        paper = office && (m.secrecy.isClassified || !paperCopies.isEmpty) ? Paper(
            deliveries: m.paperDeliveries.map {
                Delivery(count: $0.numbers.count, numbers: PaperCopyDTO.range($0.numbers), deliveredBy: $0.deliveredBy,
                         registeredBy: $0.registeredBy, at: $0.at, atText: time.string(from: $0.at), reviewedOnPaper: $0.reviewedOnPaper)
            },
            copies: copyDTOs,
            inOffice: paperCopies.filter { $0.copy.state == .inOffice }.count,
            handedOut: paperCopies.filter { $0.copy.state == .handedOut }.count,
            kept: paperCopies.filter { $0.copy.state == .kept }.count,
            returned: paperCopies.filter { $0.copy.state == .returned }.count,
            disposed: paperCopies.filter { $0.copy.state == .destroyed || $0.copy.state == .archived }.count,
            held: copyDTOs.filter(\.held).count, disposable: copyDTOs.filter(\.disposable).count) : nil
        let own = scope.reader.personID.flatMap { p in
            PaperCopyLedger(material: m, copies: paperCopies.map(\.copy)).latest(for: p)
        }
        myCopy = own.flatMap { c in copyDTOs.first { $0.number == c.number } }
        self.downloads = distributes ? downloads.map {
            Download(actor: $0.actor, name: accountNames[$0.actor] ?? "已停用的账号", personID: $0.personID, version: $0.version,
                     at: $0.at, atText: time.string(from: $0.at))
        } : []
        can = Can(work: works, upload: works && serves, submit: works && m.review != nil,
                  review: scope.canReview && m.review != nil, distribute: distributes, paper: office && m.secrecy.isClassified)
        self.snippet = snippet
    }

    static func make(_ loaded: MaterialStore.Loaded, scope: MaterialStore.Scope, on req: Request) async throws -> MaterialDTO {
        let copies = try await PaperCopyStore.copies(materialID: loaded.id, on: req.db)
        let names = try await MaterialNames.load(for: [loaded.material], persons: copies.compactMap(\.copy.recipientID), on: req.db)
        let downloads = scope.canDistribute
            ? try await MaterialDownloadModel.query(on: req.db).filter(\.$materialID == loaded.id).sort(\.$id).all() : []
        let accounts = Array(Set(downloads.map(\.actor)))
        let users = accounts.isEmpty ? [] : try await UserModel.query(on: req.db).filter(\.$username ~~ accounts).all()
        return MaterialDTO(loaded, scope: scope, names: names, today: Day(req.xieshang.clock.now()),
                           dues: scope.dues(on: req), copies: copies, downloads: downloads,
                           accountNames: Dictionary(users.map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a }))
    }
}
