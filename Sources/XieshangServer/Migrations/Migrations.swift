import Fluent
import Vapor

/// The changelog, in order. Append only; a landed migration is never edited.
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(M001_CreateMasterData())
        app.migrations.add(M002_CreateAccounts())
        app.migrations.add(M003_CreateAuditLog())
        app.migrations.add(M004_CreateCalendar())
        app.migrations.add(SessionRecord.migration)
        app.migrations.add(M005_CreatePlanning())
        app.migrations.add(M006_CreateSymposia())
        app.migrations.add(M007_CreateLiveMeetings())
        app.migrations.add(M008_CreateMaterials())
        app.migrations.add(M009_CreateOutcomes())
        app.migrations.add(M010_CreateCountyPractice())
        app.migrations.add(M011_MasterDataVersions())
        app.migrations.add(M012_CreateCalendarNotices())
        app.migrations.add(M013_CreateMailOutbox())
        app.migrations.add(M014_CreatePaperCopies())
    }
}
