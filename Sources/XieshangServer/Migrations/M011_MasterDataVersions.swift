import Fluent
import SQLKit

/// The organization, committees, sectors and departments get a version, like every other
/// object edited in the application: an edit names the version it started from.
struct M011_MasterDataVersions: AsyncMigration {
    static let tables = ["organizations", "committees", "sectors", "departments"]

    func prepare(on db: any Database) async throws {
        for table in Self.tables {
            try await db.schema(table).field("version", .int, .required, .sql(.default(1))).update()
        }
    }

    func revert(on db: any Database) async throws {
        for table in Self.tables {
            try await db.schema(table).deleteField("version").update()
        }
    }
}
