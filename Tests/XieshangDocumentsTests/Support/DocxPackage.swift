import Foundation
import XieshangDocuments
import ZIPFoundation

/// A .docx read back with ZIPFoundation, the way Word opens it: entries by path, XML parsed.
struct DocxPackage {
    let entryPaths: [String]
    let parts: [String: Data]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var paths: [String] = []
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            paths.append(entry.path)
            parts[entry.path] = bytes
        }
        self.entryPaths = paths
        self.parts = parts
    }

    init(_ document: OfficialDocument, layout: Layout = .gbt9704) throws {
        try self.init(DocxWriter.data(for: document, layout: layout))
    }

    func xml(_ path: String) throws -> Element {
        guard let data = parts[path] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return try Element.parse(data)
    }

    var document: Element { get throws { try xml("word/document.xml") } }
    var sectionProperties: Element { get throws { try document.first("w:sectPr")! } }

    /// Body paragraphs (not those inside tables or text boxes) whose text contains `text`.
    func paragraphs(containing text: String) throws -> [Element] {
        try document.all("w:p").filter { $0.wordText.contains(text) }
    }

    /// The part a header or footer reference of `type` points to.
    func part(referencedBy kind: String, type: String) throws -> Element? {
        guard let ref = try sectionProperties.all("w:\(kind)Reference").first(where: { $0["w:type"] == type }),
              let id = ref["r:id"] else { return nil }
        let rels = try xml("word/_rels/document.xml.rels").all("Relationship")
        guard let target = rels.first(where: { $0["Id"] == id })?["Target"] else { return nil }
        return try xml("word/" + target)
    }
}

extension Element {
    /// `w:val` of the first descendant named `name`.
    func value(_ name: String) -> String? { first(name)?["w:val"] }
    func int(_ name: String, _ attribute: String) -> Int? { first(name)?[attribute].flatMap { Int($0) } }
}

/// Twentieths of a point to millimetres.
func mm(twips: Int) -> Double { Double(twips) / 1440 * 25.4 }
func mm(emu: Int) -> Double { Double(emu) / 36_000 }
