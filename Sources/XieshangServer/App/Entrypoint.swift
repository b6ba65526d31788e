import Logging
import Vapor
import XieshangCore

/// What `xieshang` runs: parse the command line, configure, migrate, execute the command.
public enum Entrypoint {
    public static func main() async throws {
        var arguments = CommandLine.arguments
        // `serve --demo` is ours, not Vapor's: take it out before Vapor parses the rest.
        let demo = arguments.contains("--demo")
        arguments.removeAll { $0 == "--demo" }
        var env = try Environment.detect(arguments: arguments)
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            let config = try AppConfig.fromEnvironment(loadDemo: demo)
            var overrides = Overrides()
            if let file = config.clockFile {
                overrides.clock = FileClock(path: file)
                app.logger.warning("clock: reading the time from \(file) (XIESHANG_CLOCK_FILE, for tests)")
            }
            try await configure(app, config: config, overrides: overrides)
            try await prepare(app)
            if demo, env.arguments.dropFirst().first ?? "serve" == "serve" {
                printDemoLogins(config: config)
            }
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func printDemoLogins(config: AppConfig) {
        guard let users = try? DemoCounty.users() else { return }
        var lines = ["", "演示账号（密码均为 \(config.demoPassword)）:"]
        for u in users {
            lines.append("  " + u.username.padding(toLength: 12, withPad: " ", startingAt: 0) + u.roles)
        }
        lines.append("")
        print(lines.joined(separator: "\n"))
    }
}
