import Foundation
import Testing
@testable import XieshangServer

/// A PDF is read for search within bounds: its first pages, up to a size of text, within a
/// time; a 20,000-page file once took 68 s to accept and 600 MB more memory.
@Suite("PDF text is read within bounds", .enabled(if: PDFText.tool != nil, "pdftotext (poppler-utils) is not installed"))
struct PDFBoundsTests {
    /// A valid PDF of `pages` pages, page n reading "PAGE n END".
    static func pdf(pages: Int) -> Data {
        var objects: [String] = []
        let kids = (0..<pages).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Count \(pages) /Kids [\(kids)] >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for n in 1...pages {
            let stream = "BT /F1 12 Tf 72 720 Td (PAGE \(n) END) Tj ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                           + "/Contents \(5 + 2 * (n - 1)) 0 R >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    @Test("only the first pages are read: a 20,000-page PDF gives the text of its first 300")
    func onlyTheFirstPagesAreRead() async throws {
        let data = Self.pdf(pages: 20_000)
        let text = await PDFText.extract(data)
        #expect(text.contains("PAGE 1 END"))
        #expect(text.contains("PAGE \(PDFText.Limits().pages) END"))
        #expect(!text.contains("PAGE \(PDFText.Limits().pages + 1) END"))
    }

    @Test("the text kept is cut at its limit, the tool stopped")
    func theTextIsCutAtItsLimit() async throws {
        var limits = PDFText.Limits()
        limits.textBytes = 2_000
        let text = await PDFText.extract(Self.pdf(pages: 1_000), limits: limits)
        #expect(text.utf8.count <= 2_000)
        #expect(text.contains("PAGE 1 END"))
    }

    @Test("a small PDF is read whole")
    func aSmallPDFIsReadWhole() async throws {
        let text = await PDFText.extract(Self.pdf(pages: 3))
        #expect(["PAGE 1 END", "PAGE 2 END", "PAGE 3 END"].allSatisfy(text.contains))
    }
}
