import Fluent
import Vapor
import XieshangCore

/// Sign-in and sign-out with a password and a session cookie.
struct LoginRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.login.routePath, use: form)
        routes.post(Paths.login.routePath, use: login)
        routes.post(Paths.logout.routePath, use: logout)
    }

    struct LoginPage: Encodable {
        var username: String
        var next: String
        var error: String?
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    func form(req: Request) async throws -> Response {
        if req.principalIfAny != nil { return req.redirect(to: Paths.dashboard) }
        let next = safeNext(try? req.query.get(String.self, at: "next"))
        return try await req.renderPage("login", title: "登录", body: LoginPage(username: "", next: next, error: nil))
    }

    func login(req: Request) async throws -> Response {
        let input = (try? req.content.decode(LoginForm.self)) ?? LoginForm()
        let username = (input.username ?? "").trimmingCharacters(in: .whitespaces)
        let password = input.password ?? ""
        let next = safeNext(input.next)
        // Behind a trusted proxy the client it forwarded for, not the proxy: one address for
        // every user would lock them all out together.
        let address = req.clientAddress
        let throttle = req.xieshang.loginThrottle

        func refuse(_ message: String, lockedOut: Bool = false) async throws -> Response {
            req.logger.event(.notice, lockedOut ? "sign_in_locked_out" : "sign_in_failed",
                             [("request_id", req.requestID), ("username", username), ("client", address)])
            req.xieshang.metrics.signInFailed(lockedOut: lockedOut)
            if !lockedOut, throttle.lockedFor(username: username, address: address) != nil {
                req.logger.event(.warning, "sign_in_lockout_started",
                                 [("request_id", req.requestID), ("username", username), ("client", address)])
            }
            let res = try await req.renderPage("login", title: "登录",
                                               body: LoginPage(username: username, next: next, error: message))
            res.status = .unauthorized
            return res
        }

        if let wait = throttle.lockedFor(username: username, address: address) {
            return try await refuse("尝试次数过多，请\(Int((wait / 60).rounded(.up)))分钟后再试。", lockedOut: true)
        }
        guard !username.isEmpty, !password.isEmpty, password.utf8.count <= 128 else {
            throttle.recordFailure(username: username, address: address)
            return try await refuse("用户名或密码错误。")
        }
        // Checked even when there is no such account, so that the time taken says nothing.
        let account = try await UserModel.query(on: req.db).filter(\.$username == username).first()
        let matches = try await req.application.passwordHashing.verify(password, against: account?.passwordHash)
        guard let user = account, user.active, matches else {
            throttle.recordFailure(username: username, address: address)
            return try await refuse("用户名或密码错误。")
        }
        throttle.recordSuccess(username: username, address: address)
        req.logger.event(.info, "signed_in", [("request_id", req.requestID), ("username", username), ("client", address)])
        // A fresh session id after sign-in defeats session fixation.
        if let old = req.session.id {
            _ = try? await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data[SessionKeys.userID] = String(user.id!)
        req.session.data[SessionKeys.signedInAt] = String(req.xieshang.clock.now().timeIntervalSince1970)
        req.session.data[SessionKeys.csrf] = [UInt8].random(count: 32).base64URLEncoded
        return req.redirect(to: next)
    }

    func logout(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: Paths.login)
    }

    /// Only local paths: an attacker's link must not bounce a user off to another site.
    private func safeNext(_ next: String?) -> String {
        LocalRedirect.path(next, otherwise: Paths.dashboard)
    }
}
