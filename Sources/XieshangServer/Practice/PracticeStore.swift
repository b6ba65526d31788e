import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor
import XieshangCore

final class CountyPracticeModel: Model, @unchecked Sendable {
    static let schema = "county_practice"
    @ID(custom: .id, generatedBy: .user) var id: Int?
    @Field(key: "body") var body: String
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

/// The county practice in force, read on every request that computes a due day or points, so
/// kept in memory and reloaded after each write (here, or in another process: `ChangeWatcher`).
/// Until the office saves one, it is the base Regulation's limits and the standard points.
final class PracticeStore: Sendable {
    private static let rowID = 1
    let base: CountyPractice
    private let current: NIOLockedValueBox<(practice: CountyPractice, version: Int)>

    init(base: Regulation) {
        self.base = base.practice
        current = NIOLockedValueBox((base.practice, 0))
    }

    var practice: CountyPractice { current.withLockedValue { $0.practice } }
    /// 0 until saved; the optimistic check of a save names it.
    var version: Int { current.withLockedValue { $0.version } }

    func reload(from db: any Database) async throws {
        let loaded: (CountyPractice, Int)
        if let m = try await CountyPracticeModel.find(Self.rowID, on: db) {
            loaded = (try StoredJSON.value(CountyPractice.self, from: m.body, row: "county_practice#\(m.id ?? 0)"), m.version)
        } else {
            loaded = (base, 0)
        }
        current.withLockedValue { $0 = loaded }
    }

    /// Validates, stores and audits the office's practice. `version` must be the stored one, so
    /// that two offices editing at once do not overwrite each other unseen.
    static func save(_ practice: CountyPractice, basedOn expectedVersion: Int, on req: Request) async throws -> Int {
        try req.require(.managePractice)
        try practice.validate()
        let now = req.xieshang.clock.now()
        let version: Int = try await req.change { db in
            let existing = try await CountyPracticeModel.find(rowID, on: db)
            let stored = existing?.version ?? 0
            if expectedVersion != stored {
                throw Refusal(.conflict, code: "version_conflict", message: "工作惯例已被他人修改，请刷新页面后重新填写。")
            }
            let before = try existing.map { try StoredJSON.value(CountyPractice.self, from: $0.body, row: "county_practice#\($0.id ?? 0)") }
                ?? req.xieshang.practice.base
            let m = existing ?? CountyPracticeModel()
            m.id = rowID
            m.body = try StoredJSON.text(practice)
            m.version = stored + 1
            m.updatedAt = now
            try await m.save(on: db)
            return (m.version, [AuditChange("practice.update", "county_practice", String(rowID), before: before, after: practice)])
        }
        try await req.xieshang.practice.reload(from: req.db)
        return version
    }
}
