import Vapor

struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Loads the demo county (安化县) into an empty database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await DatabaseSetup.openForWriting(context.application)
        if try await DemoCounty.loadIfEmpty(app: context.application) {
            context.console.print("已载入演示数据。")
            Entrypoint.printDemoLogins(config: context.application.xieshang.config)
        } else {
            context.console.print("数据库中已有组织数据，未载入演示数据。")
        }
    }
}
