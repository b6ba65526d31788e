import Vapor
import XieshangCore

/// The API's error body: `{"error":{"code":…,"message":…,"details":[…]}}`.
struct APIErrorBody: Content {
    struct Inner: Content {
        let code: String
        let message: String
        let details: [String]?
    }
    let error: Inner
}

extension DomainErrorKind {
    var status: HTTPResponseStatus {
        switch self {
        case .invalid: .badRequest
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        }
    }
}

enum NotFound {
    static func of(_ what: String) -> Refusal {
        Refusal(.notFound, code: "not_found", message: "\(what)不存在，或您无权查看。")
    }
}

/// Request bodies and query strings that do not decode are the caller's mistake (400).
func invalidInput(_ error: any Error) -> Refusal {
    let detail: String
    switch error {
    case DecodingError.keyNotFound(let key, _) where key.stringValue == VersionBasis.field: return VersionBasis.missing
    case DecodingError.keyNotFound(let key, _): detail = "缺少字段 \(key.stringValue)"
    case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx),
         DecodingError.dataCorrupted(let ctx):
        let path = ctx.codingPath.map(\.stringValue).joined(separator: ".")
        detail = path.isEmpty ? "格式不正确" : "字段 \(path) 格式不正确"
    default: detail = "格式不正确"
    }
    return Refusal(.invalid, code: "invalid_request", message: "请求内容有误：\(detail)。")
}

/// Every update of an existing object names the version it was based on: two people editing
/// at once must not overwrite each other unseen (a stale version is a 409, a missing one 400).
enum VersionBasis {
    static let field = "version"
    static let missing = Refusal(.invalid, code: "version_required",
                                 message: "请求内容有误：缺少所依据的版本号（version）。请先读取最新内容，再带上其版本号提交修改，以免覆盖他人的修改。")

    static func required(_ version: Int?) throws -> Int {
        guard let version else { throw missing }
        return version
    }
}
