import Vapor
import XieshangCore

/// The one place where errors become responses: JSON under /api, an error page elsewhere.
///
/// Domain refusals keep their Chinese message and stable code; anything unexpected is a 500,
/// logged loudly, and shows no internals.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let res = await response(for: error, on: request)
            // What the refusal says about itself (405's `Allow`).
            if let abort = error as? any AbortError {
                for (name, value) in abort.headers where name.lowercased() != "content-type" {
                    res.headers.replaceOrAdd(name: name, value: value)
                }
            }
            return res
        }
    }

    func response(for error: any Error, on req: Request) async -> Response {
        let isAPI = req.url.path.hasPrefix("/api/")
        let (status, code, message, details) = classify(error, on: req)
        if status == .forbidden || status == .notFound {
            // Who asked for what they may not see: the trail a probing account leaves.
            req.logger.event(.notice, "refused", [
                ("request_id", req.requestID), ("status", String(status.code)), ("code", code),
                ("user", req.principalIfAny?.username ?? "-"), ("client", req.clientAddress),
                ("method", req.method.rawValue), ("path", AccessLogMiddleware.loggedPath(req)),
            ])
        }
        if status == .unauthorized && !isAPI {
            let next = req.url.path == "/" ? "" : "?next=" + (req.url.string.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return req.redirect(to: Paths.login + next)
        }
        if isAPI {
            let body = APIErrorBody(error: .init(code: code, message: message, details: details.isEmpty ? nil : details))
            let res = Response(status: status)
            try? res.content.encode(body)
            if status == .unauthorized { res.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return res
        }
        do {
            let page = ErrorPage(status: Int(status.code), title: title(for: status), message: message, details: details,
                                 requestID: req.requestID)
            let res = try await req.renderPage("error", title: page.title, body: page)
            res.status = status
            return res
        } catch {
            req.logger.error("error page failed to render: \(String(reflecting: error))")
            return Response(status: status, body: .init(string: message))
        }
    }

    private func classify(_ error: any Error, on req: Request) -> (HTTPResponseStatus, String, String, [String]) {
        switch error {
        case AccessError.unauthenticated:
            return (.unauthorized, "unauthenticated", AccessError.unauthenticated.message, [])
        case let e as UnauthorizedRefusal:
            return (.unauthorized, e.code, e.message, [])
        case let e as any DomainError:
            return (e.kind.status, e.code, e.message, e.details)
        case let e as DecodingError:
            let r = invalidInput(e)
            return (.badRequest, r.code, r.message, [])
        case let e as any AbortError:
            switch e.status {
            case .notFound: return (.notFound, "not_found", "您访问的页面或对象不存在。", [])
            case .payloadTooLarge: return (.payloadTooLarge, "payload_too_large", "提交的内容过大。", [])
            case .unsupportedMediaType: return (.unsupportedMediaType, "unsupported_media_type", "不支持的内容类型。", [])
            case .methodNotAllowed: return (.methodNotAllowed, "method_not_allowed", "不支持该请求方法。", [])
            case .unprocessableEntity:
                // Vapor's answer to a body that is missing where one is decoded: bad input (400),
                // said in Chinese rather than with Vapor's English reason.
                return (.badRequest, "invalid_request", "请求内容有误：缺少请求内容。", [])
            default:
                if e.status.code < 500 {
                    return (e.status, "bad_request", "请求有误：\(e.reason)", [])
                }
                req.logger.event(.error, "server_error", [("request_id", req.requestID), ("status", String(e.status.code)),
                                                          ("path", AccessLogMiddleware.loggedPath(req)), ("reason", e.reason)])
                return (e.status, "server_error", "服务器内部错误，请联系系统管理员。", [])
            }
        default:
            req.logger.event(.error, "unexpected_error", [("request_id", req.requestID), ("method", req.method.rawValue),
                                                          ("path", AccessLogMiddleware.loggedPath(req)),
                                                          ("error", String(reflecting: error))])
            return (.internalServerError, "server_error", "服务器内部错误，请联系系统管理员。", [])
        }
    }

    private func title(for status: HTTPResponseStatus) -> String {
        switch status {
        case .forbidden: "无权访问"
        case .notFound: "未找到"
        case .conflict: "操作冲突"
        case .badRequest, .unprocessableEntity: "输入有误"
        case .tooManyRequests: "请求过于频繁"
        default: "出错了"
        }
    }
}

struct ErrorPage: Encodable {
    let status: Int
    let title: String
    let message: String
    let details: [String]
    /// Shown so that a person reporting the error can name the log lines that tell more.
    let requestID: String
}
