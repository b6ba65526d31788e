import Vapor

/// Who is really asking, and under which address the server is seen, decided once per
/// request before anything else runs: behind a trusted reverse proxy (`TrustedProxies`) from
/// its `X-Forwarded-For/-Proto/-Host` and `X-Request-Id`; from anyone else, the connection's
/// own peer, and a request id of our own.
struct ForwardedHeadersMiddleware: AsyncMiddleware {
    let proxies: TrustedProxies

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let context = ClientContext.resolve(req, proxies: proxies)
        req.storage[ClientContext.Key.self] = context
        req.logger[metadataKey: "request-id"] = .string(context.requestID)
        let res = try await next.respond(to: req)
        res.headers.replaceOrAdd(name: "X-Request-Id", value: context.requestID)
        return res
    }
}

struct ClientContext: Sendable {
    struct Key: StorageKey { typealias Value = ClientContext }

    /// The client's address: the peer's, or behind a trusted proxy the nearest untrusted one
    /// it forwarded for. "unknown" when there is no peer (in-process tests).
    let address: String
    /// `http` or `https` as a trusted proxy says the client used it; nil when not behind one.
    let scheme: String?
    /// The Host the client asked for, when it said one we accept.
    let host: String?
    let requestID: String
    let viaTrustedProxy: Bool

    static func resolve(_ req: Request, proxies: TrustedProxies) -> ClientContext {
        let peer = req.remoteAddress?.ipAddress ?? "unknown"
        let ownHost = req.headers.first(name: .host).flatMap(validHost)
        guard proxies.contains(peer) else {
            return ClientContext(address: peer, scheme: nil, host: ownHost, requestID: newRequestID(), viaTrustedProxy: false)
        }
        // Each proxy appends the address it got the request from: the rightmost address that is
        // not one of ours is the client; what lies left of it the client may have made up.
        let chain = req.headers[.xForwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { IPAddress.bytes($0) != nil }
        let client = chain.reversed().first { !proxies.contains($0) } ?? chain.first ?? peer
        let proto = req.headers.first(name: .xForwardedProto)?.split(separator: ",").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let host = req.headers.first(name: .xForwardedHost)?.split(separator: ",").first
            .map { $0.trimmingCharacters(in: .whitespaces) }.flatMap(validHost)
        let id = req.headers.first(name: .xRequestId).flatMap { isValidRequestID($0) ? $0 : nil } ?? newRequestID()
        return ClientContext(address: IPAddress.bytes(client).map(IPAddress.canonical) ?? client,
                             scheme: proto == "https" || proto == "http" ? proto : nil, host: host ?? ownHost,
                             requestID: id, viaTrustedProxy: true)
    }

    /// A name or address with an optional port, nothing that could break a URL or a log line.
    static func validHost(_ host: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        return !host.isEmpty && host.count <= 255 && host.allSatisfy(allowed.contains) ? host : nil
    }

    static func isValidRequestID(_ id: String) -> Bool {
        (1...64).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    /// 16 hex digits: short enough to read out over the phone from an error page.
    static func newRequestID() -> String {
        String(UInt64.random(in: .min ... .max), radix: 16).leftPadded(to: 16)
    }
}

extension IPAddress {
    static func canonical(_ bytes: [UInt8]) -> String { text(bytes) }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

extension Request {
    private var clientContext: ClientContext {
        storage[ClientContext.Key.self]
            ?? ClientContext(address: remoteAddress?.ipAddress ?? "unknown", scheme: nil,
                             host: headers.first(name: .host).flatMap(ClientContext.validHost),
                             requestID: id, viaTrustedProxy: false)
    }

    /// The client's address, what the sign-in throttle keys on and the logs show.
    var clientAddress: String { clientContext.address }
    /// The id in the access log, the error page and the `X-Request-Id` header.
    var requestID: String { clientContext.requestID }
    /// `scheme://host` as the client reached this server, for links that leave the page
    /// (calendar feeds); nil when the client named no acceptable host. `fallbackScheme` when
    /// no trusted proxy said which one the client used.
    func publicOrigin(fallbackScheme: String) -> String? {
        let c = clientContext
        return c.host.map { "\(c.scheme ?? fallbackScheme)://\($0)" }
    }
}
