import Vapor
import Foundation
import ZIPFoundation

/// The one file `xieshang backup` writes and `xieshang restore` reads: a ZIP (stored, not
/// compressed: material files are already compressed, and a gigabyte should not cost minutes)
/// holding the database as its engine writes it (an SQLite file, or a `pg_dump` archive) and
/// `manifest.json`, which says what was in it: the row count of every table and the audit
/// chain's length and last hash, read in the same snapshot as the copy. Restoring checks the
/// restored database against it.
struct BackupManifest: Codable, Sendable, Equatable {
    static let formatName = "xieshang-backup"
    static let currentVersion = 1
    static let entryName = "manifest.json"

    enum Engine: String, Codable, Sendable {
        case sqlite, postgresql

        var chineseName: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
        var databaseEntry: String { self == .sqlite ? "xieshang.sqlite" : "xieshang.pgdump" }
    }

    struct Audit: Codable, Sendable, Equatable {
        let entries: Int
        let lastHash: String?
    }

    var format = BackupManifest.formatName
    var version = BackupManifest.currentVersion
    let engine: Engine
    let createdAt: Date
    /// The database entry's size and SHA-256.
    let bytes: Int64
    let sha256: String
    let tables: [String: Int]
    let audit: Audit
    /// The migrations applied, so that a restore into a newer version knows what it had.
    let migrations: [String]
}

enum BackupArchive {
    struct Invalid: OperatorMessage {
        let reason: String
        var description: String { "备份文件无效：\(reason)" }
    }

    static func write(_ manifest: BackupManifest, database: URL, to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let json = try encoder.encode(manifest)
        let archive = try Archive(url: file, accessMode: .create)
        try archive.addEntry(with: BackupManifest.entryName, type: .file, uncompressedSize: Int64(json.count),
                             provider: { position, size in json.subdata(in: Data.Index(position)..<Int(position) + size) })
        try archive.addEntry(with: manifest.engine.databaseEntry, fileURL: database, compressionMethod: .none)
    }

    static func manifest(of file: URL) throws -> BackupManifest {
        let archive: Archive
        do { archive = try Archive(url: file, accessMode: .read) } catch { throw Invalid(reason: "不是 xieshang backup 生成的备份（无法作为 ZIP 读取）") }
        guard let entry = archive[BackupManifest.entryName] else { throw Invalid(reason: "缺少 \(BackupManifest.entryName)") }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let manifest: BackupManifest
        do { manifest = try decoder.decode(BackupManifest.self, from: data) } catch {
            throw Invalid(reason: "\(BackupManifest.entryName) 无法读取（\(error)）")
        }
        guard manifest.format == BackupManifest.formatName else { throw Invalid(reason: "格式“\(manifest.format)”不是 \(BackupManifest.formatName)") }
        guard manifest.version <= BackupManifest.currentVersion else {
            throw Invalid(reason: "由更新版本的程序生成（格式版本 \(manifest.version)），请用相同或更新版本恢复")
        }
        return manifest
    }

    /// Extracts the database entry to `destination` and checks it against the manifest's hash.
    static func extractDatabase(of file: URL, manifest: BackupManifest, to destination: URL) throws {
        let archive = try Archive(url: file, accessMode: .read)
        guard let entry = archive[manifest.engine.databaseEntry] else { throw Invalid(reason: "缺少 \(manifest.engine.databaseEntry)") }
        _ = try archive.extract(entry, to: destination, skipCRC32: true)
        let hash = try sha256(of: destination)
        guard hash == manifest.sha256 else {
            try? FileManager.default.removeItem(at: destination)
            throw Invalid(reason: "数据库内容的校验值不符（文件已损坏或被改动）")
        }
    }

    /// Streams the file through SHA-256 a megabyte at a time.
    static func sha256(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().hex
    }

    static func size(of file: URL) throws -> Int64 {
        (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value ?? 0
    }
}
