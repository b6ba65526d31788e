import Foundation

/// The text of a PDF material, for search and for the compiled packet.
///
/// Read with poppler's `pdftotext` when the machine has it (Debian's `poppler-utils`, which
/// scripts/test installs); without it, or when it fails or takes too long, the text is empty:
/// the PDF is stored and served all the same, it is just not found by search, and the packet
/// says that it is distributed separately. A scanned PDF has no text layer and reads as empty too.
///
/// Bounded in pages, time, bytes and the tool's memory: a 3 MB PDF of 20,000 pages once took
/// 68 s to accept and raised the server to 700 MB, its whole text read into memory. Only the
/// first pages are read, the output is streamed and cut off at a limit, and a tool that runs
/// too long is killed; the upload is answered within seconds and the server's memory stays flat.
enum PDFText {
    struct Limits: Sendable {
        /// A meeting's material is a few dozen pages; search needs no more than its beginning.
        var pages = 300
        var textBytes = 4 * 1024 * 1024
        var time: Duration = .seconds(10)
        /// The tool's address space, where `prlimit` can set it.
        var toolMemoryBytes = 1024 * 1024 * 1024
    }

    static let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
    static let prlimit = ["/usr/bin/prlimit", "/bin/prlimit"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var tool: String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }

    static func extract(_ data: Data, limits: Limits = Limits()) async -> String {
        guard let tool else { return "" }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xieshang-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let input = dir.appendingPathComponent("in.pdf")
            try data.write(to: input)
            let process = Process()
            let arguments = ["-q", "-enc", "UTF-8", "-l", String(limits.pages), input.path, "-"]
            if let prlimit {
                process.executableURL = URL(fileURLWithPath: prlimit)
                process.arguments = ["--as=\(limits.toolMemoryBytes)", "--", tool] + arguments
            } else {
                process.executableURL = URL(fileURLWithPath: tool)
                process.arguments = arguments
            }
            let output = Pipe()
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            let box = ProcessBox(process: process)
            let watchdog = Task {
                try await Task.sleep(for: limits.time)
                if box.process.isRunning { box.process.terminate() }
            }
            defer { watchdog.cancel() }
            let (text, cut, status) = try await run(box, reading: output.fileHandleForReading, upTo: limits.textBytes)
            // Cut off by us, the text read so far is good; a failure of the tool is no text.
            guard cut || status == 0 else { return "" }
            // pdftotext ends each page with a form feed.
            return String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
        } catch {
            return ""
        }
    }

    /// Runs the tool and reads its output until the end or `limit` bytes (then stops the
    /// tool), off the cooperative pool: the reads and the wait block. `cut`: the limit ended it.
    private static func run(_ box: ProcessBox, reading handle: FileHandle,
                            upTo limit: Int) async throws -> (Data, cut: Bool, status: Int32) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                do { try box.process.run() } catch {
                    continuation.resume(throwing: error)
                    return
                }
                var text = Data()
                var cut = false
                while let chunk = try? handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
                    let room = limit - text.count
                    if chunk.count >= room {
                        text.append(chunk.prefix(room))
                        cut = true
                        box.process.terminate()
                        break
                    }
                    text.append(chunk)
                }
                try? handle.close()
                box.process.waitUntilExit()
                continuation.resume(returning: (text, cut, box.process.terminationStatus))
            }
        }
    }
}

/// `Process` is not `Sendable`; the watchdog only asks whether it runs and stops it.
private final class ProcessBox: @unchecked Sendable {
    let process: Process
    init(process: Process) { self.process = process }
}
