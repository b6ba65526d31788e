import Fluent
import Vapor
import XieshangCore

/// What the pages and the API can do to materials, once: parse nothing, authorize, call the
/// domain through `MaterialStore`.
enum MaterialActions {
    // MARK: creation (三(四).1–5: the kind decides who produces it)

    struct CreateInput: Content, Sendable {
        var kind: MaterialKind
        var title: String
        /// A leader's speech: the leader who speaks; their body (县委, 县政府, 县政协) decides
        /// which office writes it (三(四).1). `leaderOf` names the body without a person.
        var leaderID: Int?
        var leaderOf: String?
        /// A department briefing: the department (三(四).2).
        var departmentID: Int?
        /// A booked speech: the speaker (三(四).3).
        var speakerID: Int?
        /// YYYY-MM-DD: when the producer owes it.
        var due: String?
        var secrecy: SecrecyLevel?
        /// "1年", "6个月"; only for 秘密 and 机密.
        var secrecyPeriod: String?
        var distribution: Distribution?
    }

    static func create(_ symposiumID: Int, _ input: CreateInput, on req: Request) async throws -> MaterialStore.Loaded {
        let scope = try await MaterialAccessCheck.require(.distribute, symposium: symposiumID, on: req)
        var leaderOf = input.leaderOf.flatMap { $0.isEmpty ? nil : $0 }
        if input.kind == .leaderSpeech, let id = input.leaderID {
            guard let leader = try await PersonModel.find(id, on: req.db), leader.kind == PersonKind.leader.rawValue else {
                throw Refusal(.invalid, code: "leader_not_found", message: "请选择作讲话的县委、县政府或县政协领导。")
            }
            leaderOf = leader.leaderOf
        }
        let department = input.kind == .departmentBriefing ? input.departmentID : nil
        if let department, try await DepartmentModel.find(department, on: req.db) == nil {
            throw Refusal(.invalid, code: "department_not_found", message: "没有这个部门。")
        }
        let speaker = input.kind == .bookedSpeech ? input.speakerID : nil
        if let speaker, try await PersonModel.find(speaker, on: req.db) == nil {
            throw Refusal(.invalid, code: "speaker_not_found", message: "没有这位发言人。")
        }
        let producer = try Producer.responsible(for: input.kind, leaderOf: input.kind == .leaderSpeech ? leaderOf : nil,
                                                departmentID: department, personID: speaker,
                                                leadCommitteeID: scope.leadCommitteeID)
        let material = try Material(symposiumID: symposiumID, kind: input.kind, title: input.title, producer: producer,
                                    secrecy: input.secrecy ?? .internal, secrecyPeriod: try period(input.secrecyPeriod),
                                    distribution: try await checked(input.distribution ?? .attendingOnly, on: req.db),
                                    due: try day(input.due))
        return try await MaterialStore.create(material, on: req)
    }

    static func day(_ text: String?) throws -> Day? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let d = Day(iso: text) else { throw Refusal(.invalid, code: "invalid_date", message: "日期格式应为 YYYY-MM-DD。") }
        return d
    }

    static func period(_ text: String?) throws -> SecrecyPeriod? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let p = SecrecyPeriod(chinese: text) else { throw MaterialError.periodInvalid }
        return p
    }

    /// A range naming persons or departments that do not exist is refused, not stored.
    static func checked(_ d: Distribution, on db: any Database) async throws -> Distribution {
        let persons = d.personIDs.isEmpty ? 0 : try await PersonModel.query(on: db).filter(\.$id ~~ Array(d.personIDs)).count()
        let departments = d.departmentIDs.isEmpty ? 0
            : try await DepartmentModel.query(on: db).filter(\.$id ~~ Array(d.departmentIDs)).count()
        guard persons == d.personIDs.count, departments == d.departmentIDs.count else {
            throw Refusal(.invalid, code: "distribution_unknown", message: "发放范围中有不存在的人员或部门，请重新选择。")
        }
        return d
    }

    // MARK: upload (every version kept)

    struct UploadAudit: Encodable, Sendable {
        let version: Int; let fileName: String; let format: MaterialFormat; let bytes: Int; let sha256: String
    }

    /// Checks the file by content and extracts its text before anything is stored; then the
    /// new version and its bytes are saved in one transaction. A state secret's file is refused
    /// on a non-classified system before its content is even read (保守国家秘密法).
    static func upload(_ id: Int, fileName: String, data: Data, on req: Request) async throws -> MaterialStore.Loaded {
        let (loaded, scope) = try await MaterialStore.visible(id, on: req)
        if scope.works(on: loaded.material) { try loaded.material.checkUploadAllowed(on: scope.system) }
        let file = try await CheckedUpload.check(fileName: fileName, data: data)
        return try await MaterialStore.mutate(id, action: "material.upload", on: req, authorize: { m, scope in
            guard scope.works(on: m) else { throw AccessError.forbidden }
            try m.checkUploadAllowed(on: scope.system)
        }, alsoSave: { m, db in
            let row = MaterialFileModel()
            row.materialID = id
            row.number = m.currentVersion!.number
            row.format = file.format.rawValue
            row.bytes = file.data
            row.sha256 = file.sha256
            row.text = file.text
            try await row.create(on: db)
        }) { m, ctx in
            let v = try m.addVersion(fileName: file.fileName, format: file.format, byteCount: file.data.count, sha256: file.sha256,
                                     uploadedBy: ctx.actor, at: ctx.now, extractedText: file.text)
            return UploadAudit(version: v.number, fileName: v.fileName, format: v.format, bytes: v.byteCount, sha256: v.sha256)
        }
    }

    // MARK: review of speech drafts (三(四).3)

    struct ReviewInput: Content, Sendable {
        var version: Int
        var action: SpeechReview.Action
        var comments: String?
    }

    static func review(_ id: Int, _ input: ReviewInput, on req: Request) async throws -> MaterialStore.Loaded {
        guard input.action != .revise else {
            throw Refusal(.invalid, code: "review_action_invalid", message: "修改发言稿请上传新版本。")
        }
        return try await MaterialStore.mutate(id, expectedVersion: input.version, action: "material.review.\(input.action.rawValue)",
                                              on: req, authorize: { m, scope in
            // Submitting is the producer's; approving, returning and forwarding the lead committee's.
            let allowed = input.action == .submit ? scope.works(on: m) : scope.canReview
            guard allowed else { throw AccessError.forbidden }
        }) { m, ctx in
            try m.review(input.action, comments: input.comments ?? "", actor: ctx.actor, at: ctx.now)
            return ["action": input.action.rawValue, "state": m.review?.state.rawValue ?? "",
                    "version": m.currentVersion.map { String($0.number) } ?? "", "comments": input.comments ?? ""]
        }
    }

    // MARK: secrecy and range (三(四).2)

    struct ClassifyInput: Content, Sendable {
        var version: Int
        var secrecy: SecrecyLevel
        var secrecyPeriod: String?
        var distribution: Distribution
    }

    struct ClassifyAudit: Encodable, Sendable { let from: MaterialStore.AuditSummary; let to: MaterialStore.AuditSummary }

    static func classify(_ id: Int, _ input: ClassifyInput, on req: Request) async throws -> MaterialStore.Loaded {
        let period = try period(input.secrecyPeriod)
        let range = try await checked(input.distribution, on: req.db)
        return try await MaterialStore.mutate(id, expectedVersion: input.version, action: "material.classify", on: req,
                                              authorize: distributor) { m, _ in
            let before = MaterialStore.AuditSummary(m)
            try m.classify(input.secrecy, period: period, distribution: range)
            return ClassifyAudit(from: before, to: MaterialStore.AuditSummary(m))
        }
    }

    @Sendable static func distributor(_ m: Material, _ scope: MaterialStore.Scope) throws {
        guard scope.canDistribute else { throw AccessError.forbidden }
    }

    // MARK: reference materials in advance (三(四).4)

    struct SendInput: Content, Sendable { var personIDs: [Int] }

    static func send(_ id: Int, _ input: SendInput, on req: Request) async throws -> MaterialStore.Loaded {
        let persons = Array(Set(input.personIDs)).sorted()
        guard !persons.isEmpty else {
            throw Refusal(.invalid, code: "recipients_required", message: "请选择提前送阅的领导同志。")
        }
        guard try await PersonModel.query(on: req.db).filter(\.$id ~~ persons).count() == persons.count else {
            throw Refusal(.invalid, code: "person_not_found", message: "送阅对象中有不存在的人员。")
        }
        // A classified one on a non-classified system goes as a printed copy, signed for (三(四).4).
        let (loaded, scope) = try await MaterialStore.visible(id, on: req)
        if loaded.material.handling(on: scope.system) == .paper {
            return try await PaperCopyActions.sendOnPaper(id, persons: persons, on: req)
        }
        return try await MaterialStore.mutate(id, action: "material.send", on: req, authorize: distributor) { m, ctx in
            for p in persons { try m.send(to: p, at: ctx.now) }
            return ["persons": persons]
        }
    }

    // MARK: download (every one audited; a reference material's first opening recorded)

    struct DownloadAudit: Encodable, Sendable { let version: Int; let fileName: String; let person: Int? }

    static func download(_ id: Int, number: Int, symposium: Int? = nil, on req: Request) async throws -> Response {
        let (loaded, scope) = try await MaterialStore.visible(id, symposiumID: symposium, on: req)
        let m = loaded.material
        // Never a state secret's file on a non-classified system, to anyone (保守国家秘密法).
        guard m.servesFile(on: scope.system) else { throw MaterialError.fileWithheld(m.secrecy) }
        // A reader in the range gets the issued version; the drafts are the producers' and reviewers'.
        guard let version = m.versions.first(where: { $0.number == number }),
              scope.works(on: m) || (m.hasIssuableFile && number == m.currentVersion?.number),
              let file = try await MaterialFileModel.query(on: req.db).filter(\.$materialID == id)
                  .filter(\.$number == number).first() else {
            throw NotFound.of("文稿材料的这一版本")
        }
        let p = scope.principal
        let person = scope.reader.personID
        let now = req.xieshang.clock.now()
        let copyNumber = try await person.asyncMap { try await MaterialPacketModel.query(on: req.db)
            .filter(\.$symposiumID == m.symposiumID).filter(\.$personID == $0).first()?.copyNumber }
        try await req.change { db in
            let row = MaterialDownloadModel()
            row.materialID = id
            row.version = number
            row.userID = p.userID
            row.actor = p.username
            row.personID = person
            row.at = now
            try await row.create(on: db)
            var changes = [AuditChange("material.download", "material", String(id),
                                       after: DownloadAudit(version: number, fileName: version.fileName, person: person))]
            if m.kind == .referenceMaterial, let person, m.sentTo[person] != nil, m.opened[person] == nil,
               let model = try await MaterialModel.find(id, on: db) {
                var current = try MaterialStore.decode(model).material
                if current.sentTo[person] != nil, current.opened[person] == nil {
                    try current.markOpened(by: person, at: now)
                    try await MaterialStore.save(current, into: model, on: db)
                    changes.append(AuditChange("material.opened", "material", String(id), after: ["person": person]))
                }
            }
            return ((), changes)
        }
        let recipient = person == nil || m.secrecy == .public ? nil
            : DownloadRecipient(name: p.displayName, copyNumber: (copyNumber ?? nil).map(CopyNumbers.format))
        return fileResponse(file.bytes, format: version.format,
                            fileName: downloadName(version, title: m.title, recipient: recipient))
    }

    /// Whose copy a download of a non-public material is: the name, and the 份号 of their packet.
    struct DownloadRecipient: Sendable { let name: String; let copyNumber: String? }

    /// The uploaded name when its extension fits the content, else the title with the right one.
    /// A non-public material downloaded by a person carries their name and packet 份号 instead,
    /// as the packet prints them on every page: "情况介绍（王淑贞，份号000003）.docx".
    static func downloadName(_ v: MaterialVersion, title: String, recipient: DownloadRecipient? = nil) -> String {
        if let recipient {
            let mark = recipient.copyNumber.map { "\(recipient.name)，份号\($0)" } ?? recipient.name
            return "\(title)（\(mark)）.\(v.format.fileExtension)"
        }
        return MaterialFormat(fileExtension: FileSniffer.fileExtension(of: v.fileName)) == v.format
            ? v.fileName : "\(title).\(v.format.fileExtension)"
    }

    static func fileResponse(_ data: Data, format: MaterialFormat, fileName: String) -> Response {
        let res = Response(status: .ok, body: .init(data: data))
        var type = format.mimeType
        if format == .text {
            // The bytes as uploaded: UTF-8, UTF-16 with a BOM, or GB18030.
            if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { type += "; charset=utf-16" }
            else if String(data: data, encoding: .utf8) != nil { type += "; charset=utf-8" }
            else { type += "; charset=gb18030" }
        }
        res.headers.replaceOrAdd(name: .contentType, value: type)
        let ascii = "material.\(format.fileExtension)"
        res.headers.replaceOrAdd(name: .contentDisposition,
                                 value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii)")
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    // MARK: list and search

    struct Found: Sendable {
        let loaded: MaterialStore.Loaded
        let snippet: String?
    }

    /// The visible materials, those matching `query` in their title or their current version's
    /// text when one is given (search results obey the range like every other path).
    static func search(_ symposiumID: Int, query: String?, on req: Request) async throws -> (MaterialStore.Scope, [Found]) {
        let (scope, visible) = try await MaterialAccessCheck.view(symposium: symposiumID, on: req)
        let q = (query ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !q.isEmpty else { return (scope, visible.map { Found(loaded: $0, snippet: nil) }) }
        let found = visible.compactMap { l -> Found? in
            // A state secret's text is never searched or shown on a non-classified system.
            let text = l.material.servesFile(on: scope.system) ? l.material.currentVersion?.extractedText ?? "" : ""
            if let r = text.range(of: q, options: .caseInsensitive) { return Found(loaded: l, snippet: snippet(text, around: r)) }
            if l.material.title.range(of: q, options: .caseInsensitive) != nil { return Found(loaded: l, snippet: nil) }
            return nil
        }
        return (scope, found)
    }

    /// About 20 characters before and 40 after the match, on one line.
    static func snippet(_ text: String, around r: Range<String.Index>) -> String {
        let start = text.index(r.lowerBound, offsetBy: -20, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(r.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
        let line = text[start..<end].split(whereSeparator: \.isNewline).joined(separator: " ")
        return (start > text.startIndex ? "…" : "") + line + (end < text.endIndex ? "…" : "")
    }

    static func dtos(_ found: [Found], scope: MaterialStore.Scope, on req: Request) async throws -> [MaterialDTO] {
        let copies = try await PaperCopyStore.copies(symposiumID: scope.symposiumID, on: req.db)
        let names = try await MaterialNames.load(for: found.map(\.loaded.material),
                                                 persons: copies.values.flatMap { $0.compactMap(\.copy.recipientID) }, on: req.db)
        let today = Day(req.xieshang.clock.now())
        let dues = scope.dues(on: req)
        return found.map {
            MaterialDTO($0.loaded, scope: scope, names: names, today: today, dues: dues, copies: copies[$0.loaded.id] ?? [],
                        snippet: $0.snippet)
        }
    }
}
