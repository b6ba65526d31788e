import Foundation
import Testing
@testable import XieshangMail
#if canImport(Glibc)
import Glibc
#endif

/// Sends through a real SMTP server: tests/support/smtp_sink.py (aiosmtpd) stores what it
/// receives, and Python's `email` package, an independent parser, reads it back.
/// Skipped (shown as skipped, with the reason) when no Python with aiosmtpd is found.
@Suite(.enabled(if: SinkProcess.python != nil,
                "needs a Python with aiosmtpd: the repository's .venv (scripts/test deps) or XIESHANG_TEST_PYTHON"))
struct SMTPRoundTripTests {
    @Test func chineseInvitationWithDocxArrivesIntact() async throws {
        let sink = try SinkProcess()
        defer { sink.stop() }
        let subject = HeaderEncodingTests.longSubject
        let filename = "关于召开2026年第一次专题协商座谈会的邀请函（县政协办公室印发）.docx"
        let text = "张委员：\n\n兹定于2026年3月25日上午9时召开专题协商座谈会。\n.以点开头的一行\n\n县政协办公室"
        let cc = try MailAddress("li@example.cn", name: "李委员")
        let message = MailMessage(
            from: invitationSender, to: [memberZhang], cc: [cc], subject: subject, textBody: text,
            htmlBody: "<p>张委员：</p><p>兹定于2026年3月25日上午9时召开专题协商座谈会。</p>",
            attachments: [MailAttachment(filename: filename, contentType: docxType, data: docxLike)])
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(sink.port)", from: invitationSender)

        try await SMTPClient.send(message, via: settings)

        let stored = try sink.waitForMessage(1)
        // The encoded-word `filename=` fallback is outside RFC 2047 by design (what older
        // clients read); Python notes that, and nothing else may be flagged.
        let knownFallbackDefects = ["encoded word inside quoted string", "missing trailing whitespace after encoded-word",
                                    "duplicate parameter name; duplicate(s) ignored"]
        #expect(stored.defects.filter { defect in
            !(["Content-Type: ", "Content-Disposition: "].contains { defect.hasPrefix($0) }
              && knownFallbackDefects.contains { defect.hasSuffix($0) })
        } == [])
        #expect(stored.envelopeFrom == "<office@zx.example.cn>")
        #expect(stored.envelopeTo == "<zhang@example.cn>, <li@example.cn>")
        #expect(stored.subject == subject)
        #expect(stored.from == [["县政协办公室", "office@zx.example.cn"]])
        #expect(stored.to == [["张委员", "zhang@example.cn"]])
        #expect(stored.cc == [["李委员", "li@example.cn"]])
        #expect(stored.messageID == "<\(message.messageID)>")
        #expect(stored.text?.replacingOccurrences(of: "\r\n", with: "\n") == text)
        #expect(stored.html?.contains("专题协商座谈会") == true)
        let attachment = try #require(stored.attachments.first)
        #expect(stored.attachments.count == 1)
        #expect(attachment.filename == filename)
        #expect(attachment.contentType == docxType)
        #expect(Data(base64Encoded: attachment.base64) == docxLike)
        // The sink's two envelope lines, then our message as sent.
        let raw = try Data(contentsOf: sink.directory.appendingPathComponent("1.eml"))
        let lines = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[2] == "Date: " + MIMEEncoding.rfc5322Date(message.date))
    }

    @Test func authPlainWhenCredentialsAreGiven() async throws {
        let sink = try SinkProcess(auth: "notice:s3cret@2026")
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://notice:s3cret%402026@127.0.0.1:\(sink.port)", from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "测试", textBody: "正文")
        try await SMTPClient.send(message, via: settings)
        #expect(try sink.waitForMessage(1).subject == "测试")
    }

    @Test func wrongPasswordIsRejectedWithoutShowingIt() async throws {
        let sink = try SinkProcess(auth: "notice:s3cret")
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://notice:wrong-secret@127.0.0.1:\(sink.port)", from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "测试", textBody: "正文")
        let error = try await #require(throws: MailError.self) { try await SMTPClient.send(message, via: settings) }
        guard case .rejected(let command, let reply) = error else {
            Issue.record("expected .rejected, got \(error)")
            return
        }
        #expect(command == "AUTH PLAIN")
        #expect(reply.hasPrefix("535"))
        #expect(!error.message.contains("wrong-secret"))
        #expect(error.code == "smtp_rejected")
    }

    @Test func credentialsWithoutAuthOnOfferAreRefused() async throws {
        let sink = try SinkProcess()
        defer { sink.stop() }
        let settings = try SMTPSettings(url: "smtp://notice:s3cret@127.0.0.1:\(sink.port)", from: invitationSender)
        let message = MailMessage(from: invitationSender, to: [memberZhang], subject: "测试", textBody: "正文")
        await #expect(throws: MailError.authNotOffered(advertised: "")) {
            try await SMTPClient.send(message, via: settings)
        }
        #expect(sink.storedCount == 0)
    }
}

/// One `python tests/support/smtp_sink.py --port 0 --dir <tmp>` process.
final class SinkProcess {
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

    let directory: URL
    let port: Int
    private let process: Process
    private let stdin: Pipe

    init(auth: String? = nil) throws {
        let python = try #require(SinkProcess.python)
        let script = try #require(SinkProcess.repoRoot).appendingPathComponent("tests/support/smtp_sink.py")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xieshang-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, "--port", "0", "--dir", directory.path, "--exit-on-stdin-eof"]
            + (auth.map { ["--auth", $0] } ?? [])
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
