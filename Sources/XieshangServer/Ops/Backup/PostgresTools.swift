import Foundation

/// `pg_dump` and `pg_restore`, the PostgreSQL client programs backups are made with: from
/// `PATH`, else the newest under Debian's `/usr/lib/postgresql/*/bin` (package
/// `postgresql-client`; its major version must be at least the server's).
enum PostgresTools {
    struct Missing: OperatorMessage {
        let program: String
        var description: String {
            "找不到 \(program)：PostgreSQL 数据库的备份和恢复需要 PostgreSQL 客户端程序（Debian/Ubuntu：apt-get install postgresql-client，版本不低于服务器）。"
        }
    }

    struct Failed: OperatorMessage {
        let program: String
        let status: Int32
        let output: String
        var description: String { "\(program) 失败（退出码 \(status)）：\(output)" }
    }

    static func locate(_ program: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(program)
            // Debian's /usr/bin/pg_dump is a wrapper that needs a cluster configured; the real
            // programs are under /usr/lib/postgresql. A wrapper on PATH still works when set up.
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .compactMap { Int($0) }.sorted(by: >)
        for v in versions {
            let candidate = root.appendingPathComponent("\(v)/bin/\(program)")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(program: program)
    }

    /// The connection URL without its password, and the password for `PGPASSWORD`: a password on
    /// the command line would show in `ps` to every user of the machine.
    static func split(_ url: String) -> (url: String, password: String?) {
        guard var components = URLComponents(string: url), let password = components.password else { return (url, nil) }
        components.password = nil
        return (components.string ?? url, password.removingPercentEncoding ?? password)
    }

    /// Runs `program` with `arguments` against `url`; throws `Failed` with its error output.
    static func run(_ program: String, _ arguments: [String], url: String) throws {
        let executable = try locate(program)
        let (bare, password) = split(url)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--dbname", bare]
        var env = ProcessInfo.processInfo.environment
        if let password { env["PGPASSWORD"] = password }
        process.environment = env
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(program: program, status: process.terminationStatus,
                         output: String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
