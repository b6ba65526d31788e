import Foundation

/// The materials list as CSV for Excel/WPS (UTF-8 with a BOM), holding only the materials the
/// reader may see: it is made from the same filtered list as the page.
enum MaterialExport {
    static let header = ["序号", "类别", "标题", "提供单位", "密级", "保密期限", "发放范围", "完成时限", "状态", "当前版本", "文件名", "上传时间", "上传人"]

    static func csv(_ materials: [MaterialDTO]) -> String {
        let time = ChinaTime.formatter("yyyy-MM-dd HH:mm")
        var table = CSVTable(header: header)
        for (i, m) in materials.enumerated() {
            let v = m.versions.first
            let row = [String(i + 1), m.kindName, m.title, m.producer.name, m.secrecyName, m.secrecyPeriod ?? "",
                       m.distribution.text, m.due, m.statusName, m.currentVersion.map { "第\($0)版" } ?? "",
                       v?.fileName ?? "", v.map { time.string(from: $0.at) } ?? "", v?.uploadedBy ?? ""]
            table.append(row)
        }
        return table.text
    }
}
