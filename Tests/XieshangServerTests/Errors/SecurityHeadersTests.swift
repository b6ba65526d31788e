import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Every response, error pages included, forbids framing, sniffing and scripts from elsewhere;
/// the pages themselves hold no inline script, so the policy can forbid it.
@Suite("Security headers")
struct SecurityHeadersTests {
    static let expected: [(String, String)] = [
        ("X-Frame-Options", "DENY"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
    ]

    static func check(_ res: TestingHTTPResponse, _ what: String) {
        for (name, value) in expected {
            #expect(res.headers.first(name: name) == value, "\(what) (\(res.status)): \(name) = \(res.headers.first(name: name) ?? "none")")
        }
        let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
        #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"),
                "\(what): CSP \(csp)")
    }

    @Test("pages, the API, files and every error answer carry the headers")
    func everyResponseCarriesTheHeaders() async throws {
        try await TestApp.run { app in
            let anonymous = TestClient(app)
            Self.check(try await anonymous.send(.GET, Paths.login), "login page")
            Self.check(try await anonymous.send(.GET, "/css/app.css"), "a static file")
            Self.check(try await anonymous.send(.GET, "/no/such/page"), "404 page")
            Self.check(try await anonymous.send(.GET, Paths.people), "redirect to sign in")
            Self.check(try await anonymous.send(.GET, "/api/v1/persons"), "401 API")
            Self.check(try await anonymous.send(.GET, "/api/v1/nothing"), "404 API")
            Self.check(try await anonymous.send(.POST, Paths.sectors), "403 CSRF refusal")
            let member = try await TestClient.signedIn(app, as: "member")
            Self.check(try await member.send(.GET, Paths.users), "403 page")
            Self.check(try await member.send(.GET, Paths.dashboard), "a page")
        }
    }

    @Test("no template holds an inline script or event handler")
    func templatesHoldNoInlineScript() throws {
        // The sources, not the bundle: what a developer edits is what must hold.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let views = root.appendingPathComponent("Sources/XieshangServer/Resources/Views")
        let files = try FileManager.default.contentsOfDirectory(at: views, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "leaf" }
        #expect(files.count > 20)
        let handler = try Regex(#"\son[a-z]+\s*="#)
        let inlineScript = try Regex(#"<script(?![^>]*\ssrc=)[^>]*>"#)
        let javascriptURL = try Regex(#"(?i)href\s*=\s*"javascript:"#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.firstMatch(of: handler) == nil, "\(file.lastPathComponent) has an inline event handler")
            #expect(text.firstMatch(of: inlineScript) == nil, "\(file.lastPathComponent) has an inline script")
            #expect(text.firstMatch(of: javascriptURL) == nil, "\(file.lastPathComponent) has a javascript: link")
        }
    }
}
