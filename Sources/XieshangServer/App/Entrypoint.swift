import Logging
import Metrics
import Prometheus
import Vapor
import XieshangCore

/// What `xieshang` runs: parse the command line, configure, open the database as the command
/// needs it (`DatabaseSetup`), execute the command, and return the exit status.
///
/// Every failure ends in a message on standard error and a non-zero status (2: the command
/// line was wrong, and the usage follows; 1: the command failed), never in a crash.
public enum Entrypoint {
    public static func main() async -> Int32 {
        var arguments = CommandLine.arguments
        // `serve --demo` and `serve --no-migrate` are ours, not Vapor's: taken out before Vapor parses the rest.
        let demo = arguments.contains("--demo")
        let noMigrate = arguments.contains("--no-migrate")
        arguments.removeAll { $0 == "--demo" || $0 == "--no-migrate" }
        var env: Environment
        do {
            env = try Environment.detect(arguments: arguments)
            try LoggingSystem.bootstrap(from: &env)
        } catch {
            FileHandle.standardError.write(Data("xieshang: \(error)\n".utf8))
            return ExitStatus.usage
        }
        let command = env.arguments.dropFirst().first ?? "serve"
        let serving = command == "serve" && !env.arguments.contains("--help") && !env.arguments.contains("-h")
        let app: Application
        do {
            app = try await Application.make(env)
        } catch {
            FileHandle.standardError.write(Data("xieshang: \(error)\n".utf8))
            return ExitStatus.failure
        }
        do {
            var config = try AppConfig.fromEnvironment(loadDemo: demo)
            config.runsBackgroundTasks = serving
            var overrides = Overrides()
            if let file = config.clockFile {
                overrides.clock = FileClock(path: file)
                app.logger.warning("clock: reading the time from \(file) (XIESHANG_CLOCK_FILE, for tests)")
            }
            try await configure(app, config: config, overrides: overrides)
            if serving {
                // Libraries that report through swift-metrics land in the same registry as ours.
                MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: app.xieshang.metrics.registry))
                if noMigrate { try await DatabaseSetup.openMigrated(app) } else { try await prepare(app) }
                if demo { printDemoLogins(config: config) }
            }
            // `execute()` without its own logging of the error: reported below, once, readably.
            try await app.startup()
            try await app.running?.onStop.get()
            try await app.asyncShutdown()
            return 0
        } catch {
            let status = report(error, command: command, app: app)
            try? await app.asyncShutdown()
            return status
        }
    }

    enum ExitStatus {
        static let failure: Int32 = 1
        static let usage: Int32 = 2
    }

    /// Says what went wrong; for a mistake on the command line, also how it is used.
    static func report(_ error: any Error, command: String, app: Application) -> Int32 {
        let console = app.console
        switch error {
        case let exit as ExitCode:
            // The command already said why.
            return exit.code
        case let e as CommandError:
            let known = allCommands(app).commands[command] != nil
            let message: String = switch e {
            case .unknownCommand(let name, _):
                // ConsoleKit's own suggestions (by edit distance), one per tab-indented line.
                "未知命令“\(name)”。" + {
                    let close = "\(e)".split(separator: "\n").filter { $0.hasPrefix("\t") }.map { $0.dropFirst() }
                    return close.isEmpty ? "" : "您是不是要输入：" + close.joined(separator: "、") + "？"
                }()
            case .missingRequiredArgument(let name): "缺少参数 <\(name)>。"
            case .missingCommand: "缺少命令。"
            default: "\(e)"
            }
            console.error("xieshang: " + message)
            console.print()
            var context = CommandContext(console: console, input: CommandInput(arguments: ["xieshang"] + (known ? [command] : [])))
            try? allCommands(app).outputHelp(using: &context)
            return ExitStatus.usage
        case let e as AppConfig.Invalid:
            console.error(e.description)
            return ExitStatus.usage
        case let e as any DomainError:
            console.error("xieshang \(command): \(e.message)")
            for d in e.details { console.error("  " + d) }
            return ExitStatus.failure
        case let e as any OperatorMessage:
            console.error("xieshang \(command): \(e.description)")
            return ExitStatus.failure
        default:
            console.error("xieshang \(command) 失败：\(String(reflecting: error))")
            console.error("（xieshang --help 列出全部命令；xieshang \(command) --help 说明本命令的用法。）")
            return ExitStatus.failure
        }
    }

    /// The commands as Vapor runs them (its own and ours).
    private static func allCommands(_ app: Application) -> any AsyncCommandGroup {
        AsyncCommands(commands: app.asyncCommands.commands.merging(app.commands.commands) { $1 },
                      defaultCommand: app.asyncCommands.defaultCommand ?? app.commands.defaultCommand).group()
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

/// An error whose description is written for the person at the command line (what is wrong
/// and what to do), printed as it is.
protocol OperatorMessage: Error, CustomStringConvertible {}
