import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting
@testable import XieshangServer

/// Behind a reverse proxy (issue 19, item 5): `X-Forwarded-*` believed only from the proxies
/// the configuration names, so that a client can neither escape the sign-in throttle nor lock
/// someone else out by naming an address.
@Suite("Trusted proxies")
struct TrustedProxyTests {
    @Test("addresses and CIDR ranges parse, and an IPv4 peer on a dual-stack socket is itself")
    func parsesAddressesAndRanges() throws {
        let proxies = try TrustedProxies.parse("127.0.0.1, 10.0.0.0/8 ::1,fd00::/8")
        #expect(proxies.contains("127.0.0.1"))
        #expect(proxies.contains("10.20.30.40"))
        #expect(proxies.contains("::ffff:10.1.2.3"))
        #expect(proxies.contains("::1"))
        #expect(proxies.contains("fd12:3456::7"))
        #expect(!proxies.contains("11.0.0.1"))
        #expect(!proxies.contains("192.168.1.1"))
        #expect(!proxies.contains("unknown"))
        #expect(try TrustedProxies.parse("192.168.1.0/23").contains("192.168.1.255"))
        #expect(try !TrustedProxies.parse("192.168.2.0/24").contains("192.168.3.1"))
    }

    @Test("every entry that is not an address or range is named")
    func badEntriesAreListed() {
        #expect(throws: TrustedProxies.Invalid.self) { try TrustedProxies.parse("127.0.0.1,nginx,10.0.0.0/33") }
        do {
            _ = try TrustedProxies.parse("127.0.0.1,nginx,10.0.0.0/33")
        } catch {
            #expect(error.entries == ["nginx", "10.0.0.0/33"])
        }
        #expect(throws: AppConfig.Invalid.self) {
            try AppConfig.fromEnvironment(["XIESHANG_TRUSTED_PROXIES": "proxy.local"], loadDemo: false)
        }
    }

    private func request(from peer: String, _ headers: [(String, String)], on app: Application) throws -> Request {
        Request(application: app, method: .GET, url: "/", headers: HTTPHeaders(headers),
                remoteAddress: try SocketAddress(ipAddress: peer, port: 40000), on: app.eventLoopGroup.next())
    }

    @Test("from a client that is not a trusted proxy the forwarded headers are ignored")
    func untrustedPeerIsTheClient() async throws {
        try await TestApp.run(demo: false) { app async throws in
            let proxies = try TrustedProxies.parse("10.0.0.5")
            let req = try request(from: "198.51.100.7", [("X-Forwarded-For", "203.0.113.9"), ("X-Forwarded-Proto", "https"),
                                                         ("X-Forwarded-Host", "evil.example"), ("Host", "zx.example.cn"),
                                                         ("X-Request-Id", "chosen-by-client")], on: app)
            let c = ClientContext.resolve(req, proxies: proxies)
            #expect(c.address == "198.51.100.7")
            #expect(c.scheme == nil)
            #expect(c.host == "zx.example.cn")
            #expect(c.requestID != "chosen-by-client")
            #expect(!c.viaTrustedProxy)
        }
    }

    @Test("behind trusted proxies the client is the rightmost address that is not one of them")
    func trustedChainNamesTheClient() async throws {
        try await TestApp.run(demo: false) { app async throws in
            let proxies = try TrustedProxies.parse("10.0.0.0/8")
            // The client wrote 1.2.3.4 itself; the outer proxy 10.0.0.9 saw 203.0.113.9.
            let req = try request(from: "10.0.0.5", [("X-Forwarded-For", "1.2.3.4, 203.0.113.9, 10.0.0.9"),
                                                     ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "zx.example.cn"),
                                                     ("X-Request-Id", "abc-123")], on: app)
            let c = ClientContext.resolve(req, proxies: proxies)
            #expect(c.address == "203.0.113.9")
            #expect(c.scheme == "https")
            #expect(c.host == "zx.example.cn")
            #expect(c.requestID == "abc-123")
            #expect(c.viaTrustedProxy)
            let bad = try request(from: "10.0.0.5", [("X-Forwarded-Host", "a b/c"), ("X-Request-Id", "line\u{1}break")], on: app)
            let d = ClientContext.resolve(bad, proxies: proxies)
            #expect(d.host == nil && d.requestID != "line\u{1}break" && d.address == "10.0.0.5")
        }
    }

    @Test("the calendar feed's address uses the forwarded host only from a trusted proxy")
    func feedAddressFollowsTheTrustedProxy() async throws {
        try await TestApp.run(demo: false, settings: { $0.trustedProxies = try! TrustedProxies.parse("127.0.0.1") }) { app async throws in
            let trusted = try request(from: "127.0.0.1", [("Host", "127.0.0.1:8080"), ("X-Forwarded-Host", "zx.anhua.gov.cn"),
                                                          ("X-Forwarded-Proto", "https")], on: app)
            trusted.storage[ClientContext.Key.self] = ClientContext.resolve(trusted, proxies: app.xieshang.config.trustedProxies)
            #expect(CalendarFeeds.absolute("/ical/t.ics", trusted) == "https://zx.anhua.gov.cn/ical/t.ics")
            let direct = try request(from: "192.0.2.1", [("Host", "10.1.1.1:8080"), ("X-Forwarded-Host", "evil.example"),
                                                         ("X-Forwarded-Proto", "https")], on: app)
            direct.storage[ClientContext.Key.self] = ClientContext.resolve(direct, proxies: app.xieshang.config.trustedProxies)
            #expect(CalendarFeeds.absolute("/ical/t.ics", direct) == "http://10.1.1.1:8080/ical/t.ics")
        }
    }
}
