import NIOSSL

extension SMTPSettings {
    /// The client TLS context these settings ask for; nil for `.plain`.
    func makeTLSContext() throws -> NIOSSLContext? {
        guard security != .plain else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch certificateVerification {
        case .systemTrustStore:
            break
        case .privateCA(let path):
            configuration.trustRoots = .file(path)
        case .insecureNoVerification:
            configuration.certificateVerification = .none
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            let reason = switch certificateVerification {
            case .privateCA(let path): "无法载入CA证书文件 \(path)（\(error)）"
            case .systemTrustStore, .insecureNoVerification: "无法建立TLS环境（\(error)）"
            }
            throw MailError.tlsFailed(host: host, port: port, reason: reason)
        }
    }
}
