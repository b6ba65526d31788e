import Foundation

/// The text of a PDF material, for search and for the compiled packet.
///
/// Read with poppler's `pdftotext` when the machine has it (Debian's `poppler-utils`, which
/// scripts/test installs); without it, or when it fails or takes too long, the text is empty:
/// the PDF is stored and served all the same, it is just not found by search, and the packet
/// says that it is distributed separately. A scanned PDF has no text layer and reads as empty too.
enum PDFText {
    static let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
    static let timeout: Duration = .seconds(30)

    static var tool: String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }

    static func extract(_ data: Data) async -> String {
        guard let tool else { return "" }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xieshang-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let input = dir.appendingPathComponent("in.pdf"), output = dir.appendingPathComponent("out.txt")
            try data.write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-q", "-enc", "UTF-8", input.path, output.path]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            // Killed if it hangs (a malformed file can keep it busy for long).
            let box = ProcessBox(process: process)
            let watchdog = Task {
                try await Task.sleep(for: timeout)
                if box.process.isRunning { box.process.terminate() }
            }
            defer { watchdog.cancel() }
            let status: Int32 = try await withCheckedThrowingContinuation { continuation in
                box.process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try box.process.run() } catch {
                    box.process.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
            }
            guard status == 0 else { return "" }
            let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
            // pdftotext ends each page with a form feed.
            return text.replacingOccurrences(of: "\u{0C}", with: "\n")
        } catch {
            return ""
        }
    }
}

/// `Process` is not `Sendable`; the watchdog only asks whether it runs and stops it.
private final class ProcessBox: @unchecked Sendable {
    let process: Process
    init(process: Process) { self.process = process }
}
