import Foundation
@testable import XieshangCore

/// The demo county's names and small helpers to build import files in tests.
enum ImportFixtures {
    static let known = KnownNames(
        sectors: ["中共界", "民革界", "民盟界", "民建界", "民进界", "农工党界", "致公党界", "九三学社界",
                  "无党派人士界", "共青团和青联界", "工会界", "妇联界", "工商联界", "科技和科协界", "教育界",
                  "文化艺术界", "医药卫生界", "经济界", "农业界", "社会福利和社会保障界"],
        committees: ["办公室", "提案委员会", "经济科技委员会", "农业农村委员会", "文化文史和学习委员会", "社会和法制委员会"],
        departments: ["县发展和改革局", "县教育局", "县卫生健康局", "县农业农村局", "县财政局"])

    static let header = "姓名,性别,类别,界别,委室,部门,工作单位,职务,专长,手机,届次起,届次止,排序"

    /// A valid member row; `name` and `phone` vary it so rows do not count as duplicates.
    static func member(_ name: String = "李建华", phone: String = "13800000001", sector: String = "农业界") -> String {
        "\(name),男,委员,\(sector),农业农村委员会,,县茶叶产业协会,会长,黑茶加工,\(phone),2021-12-28,2026-12-31,1"
    }

    /// UTF-8 bytes of the lines joined with CRLF, as Excel writes them.
    static func csv(_ lines: [String]) -> Data {
        Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func validate(_ lines: [String]) -> Result<[PersonImportRow], ImportFailure> {
        PersonImport.validate(data: csv(lines), known: known)
    }

    static func rows(_ result: Result<[PersonImportRow], ImportFailure>) -> [PersonImportRow]? {
        if case .success(let rows) = result { return rows }
        return nil
    }

    static func failure(_ result: Result<[PersonImportRow], ImportFailure>) -> ImportFailure? {
        if case .failure(let failure) = result { return failure }
        return nil
    }

    /// The line errors' ready-to-show messages, or [] for a success.
    static func messages(_ result: Result<[PersonImportRow], ImportFailure>) -> [String] {
        failure(result)?.details ?? []
    }

    static var samplesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Import
            .deletingLastPathComponent()  // XieshangCoreTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("samples")
    }
}
