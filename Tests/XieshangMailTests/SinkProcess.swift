import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One `python tests/support/smtp_sink.py --port 0 --dir <tmp>` process.
final class SinkProcess {
    enum TLS: String {
        /// STARTTLS offered after EHLO.
        case startTLS = "starttls"
        /// TLS from the first byte, as on port 465.
        case implicit
    }

    /// The repository, found from this file even when it is reached through a symlink.
    static let repoRoot: URL? = {
        var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("tests/support/smtp_sink.py").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }()

    /// XIESHANG_TEST_PYTHON when set (and then only it), else the repository's .venv;
    /// nil unless it can import aiosmtpd.
    static let python: String? = {
        guard let repoRoot else { return nil }
        let path = ProcessInfo.processInfo.environment["XIESHANG_TEST_PYTHON"]
            ?? repoRoot.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: path)
        check.arguments = ["-c", "import aiosmtpd"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return nil }
        check.waitUntilExit()
        return check.terminationStatus == 0 ? path : nil
    }()

    /// Whether that Python can make certificates (trustme), which the TLS sinks need.
    static let canIssueCertificates: Bool = {
        guard let python else { return false }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import trustme"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }()

    let directory: URL
    let port: Int
    private let process: Process
    private let stdin: Pipe

    /// `auth` is `USER:PASSWORD`; `port` 0 lets the sink pick a free one. With `tls`, the
    /// sink's private CA is at `caPath`.
    init(auth: String? = nil, tls: TLS? = nil, certificateNames: [String]? = nil, authMechanisms: [String]? = nil,
         rejectRecipients: [String] = [], deferRecipients: [String] = [], sizeLimit: Int? = nil,
         port requestedPort: Int = 0) throws {
        let python = try #require(SinkProcess.python)
        let script = try #require(SinkProcess.repoRoot).appendingPathComponent("tests/support/smtp_sink.py")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xieshang-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        var arguments = [script.path, "--port", String(requestedPort), "--dir", directory.path, "--exit-on-stdin-eof"]
        if let auth { arguments += ["--auth", auth] }
        if let tls { arguments += ["--tls", tls.rawValue] }
        if let certificateNames { arguments += ["--cert-names", certificateNames.joined(separator: ",")] }
        if let authMechanisms { arguments += ["--auth-mechanisms", authMechanisms.joined(separator: ",")] }
        if let sizeLimit { arguments += ["--size-limit", String(sizeLimit)] }
        arguments += rejectRecipients.flatMap { ["--reject-rcpt", $0] } + deferRecipients.flatMap { ["--defer-rcpt", $0] }
        process.arguments = arguments
        // Held open while the sink runs: if this test process dies, the sink sees EOF and exits.
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        let log = directory.appendingPathComponent("sink.log")
        try Data().write(to: log)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        port = try SinkProcess.readPort(stdout.fileHandleForReading, timeout: 15, log: log)
    }

    func stop() {
        // EOF on stdin ends the sink; SIGTERM, then SIGKILL, only if it does not.
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        while process.isRunning && Date() < deadline.addingTimeInterval(5) { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The private CA of a TLS sink, as PEM.
    var caPath: String { directory.appendingPathComponent("ca.pem").path }

    /// How message `number` came: the TLS version (nil in clear) and the user that logged in.
    func delivery(_ number: Int) throws -> Delivery {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(number).json"))
        return try JSONDecoder().decode(Delivery.self, from: data)
    }

    var storedCount: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }.count
    }

    /// Message `number`, parsed by Python's `email` package (policy.default).
    func waitForMessage(_ number: Int, timeout: TimeInterval = 10) throws -> ParsedMail {
        let file = directory.appendingPathComponent("\(number).eml")
        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: file.path) {
            try #require(Date() < deadline, "the SMTP sink stored no \(number).eml within \(timeout)s")
            Thread.sleep(forTimeInterval: 0.05)
        }
        let parser = Process()
        parser.executableURL = URL(fileURLWithPath: try #require(SinkProcess.python))
        parser.arguments = ["-c", parseScript, file.path]
        let output = Pipe()
        parser.standardOutput = output
        try parser.run()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        parser.waitUntilExit()
        try #require(parser.terminationStatus == 0, "Python could not parse \(file.path)")
        return try JSONDecoder().decode(ParsedMail.self, from: json)
    }

    private static func readPort(_ handle: FileHandle, timeout: TimeInterval, log: URL) throws -> Int {
        var collected = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 200) > 0 else { continue }
            let chunk = handle.availableData
            if chunk.isEmpty { break }  // the sink exited
            collected += chunk
            let text = String(decoding: collected, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }), text.contains("\n"),
               let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) {
                return port
            }
        }
        let errors = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        Issue.record("the SMTP sink printed no port: \(String(decoding: collected, as: UTF8.self))\n\(errors)")
        throw CancellationError()
    }
}

struct Delivery: Decodable, Equatable {
    let tls: String?
    let login: String?
}

struct ParsedMail: Decodable {
    struct Attachment: Decodable {
        let filename: String?
        let contentType: String
        let base64: String
    }

    let subject: String
    let from: [[String]]
    let to: [[String]]
    let cc: [[String]]
    let envelopeFrom: String?
    let envelopeTo: String?
    let messageID: String?
    let text: String?
    let html: String?
    let attachments: [Attachment]
    let defects: [String]
}

private let parseScript = """
import base64, email, email.policy, json, sys
msg = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
def people(name):
    header = msg[name]
    return [[a.display_name, a.addr_spec] for a in header.addresses] if header else []
def content(kind):
    part = msg.get_body((kind,))
    return part.get_content() if part else None
defects = []
for part in msg.walk():
    defects += [str(d) for d in part.defects]
    for name, value in part.items():
        defects += [f"{name}: {d}" for d in getattr(value, "defects", ())]
json.dump({
    "subject": str(msg["Subject"]),
    "from": people("From"), "to": people("To"), "cc": people("Cc"),
    "envelopeFrom": msg["X-Envelope-From"], "envelopeTo": msg["X-Envelope-To"],
    "messageID": msg["Message-ID"],
    "text": content("plain"), "html": content("html"),
    "attachments": [{"filename": p.get_filename(), "contentType": p.get_content_type(),
                     "base64": base64.b64encode(p.get_content()).decode()} for p in msg.iter_attachments()],
    "defects": defects,
}, sys.stdout)
"""

/// A port that was free a moment ago and has nothing listening on it.
func closedPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
        }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
}

/// A port on 127.0.0.1 that takes connections (the kernel completes them from its backlog)
/// and never says a word: a relay that hangs.
final class SilentListener {
    let port: Int
    private let fd: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        if !listening {
            Glibc.close(fd)
            try #require(listening, "could not listen on 127.0.0.1")
        }
    }

    func close() {
        Glibc.close(fd)
    }
}
