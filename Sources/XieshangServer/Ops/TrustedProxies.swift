import Foundation

/// The reverse proxies whose `X-Forwarded-*` headers are believed (`XIESHANG_TRUSTED_PROXIES`,
/// addresses or CIDR ranges). From anyone else those headers are ignored: a client that could
/// name its own address would escape the sign-in throttle, or lock another user out.
struct TrustedProxies: Sendable, Equatable {
    /// One address or range, as bytes (4 for IPv4, 16 for IPv6) and a prefix length.
    struct Range: Sendable, Equatable, CustomStringConvertible {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var left = prefix
            for (a, b) in zip(address, bytes) where left > 0 {
                let bits = min(8, left)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if a & mask != b & mask { return false }
                left -= bits
            }
            return true
        }

        var description: String {
            let text = bytes.count == 4 ? bytes.map(String.init).joined(separator: ".") : IPAddress.text(bytes)
            return prefix == bytes.count * 8 ? text : "\(text)/\(prefix)"
        }
    }

    let ranges: [Range]

    static let none = TrustedProxies(ranges: [])

    /// `"127.0.0.1, 10.0.0.0/8, ::1"`; every entry that does not parse is listed.
    static func parse(_ list: String) throws(Invalid) -> TrustedProxies {
        var ranges: [Range] = []
        var bad: [String] = []
        for raw in list.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) where !raw.isEmpty {
            let parts = raw.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = IPAddress.bytes(parts[0]) else { bad.append(raw); continue }
            let bits = bytes.count * 8
            if parts.count == 2 {
                guard let prefix = Int(parts[1]), (0...bits).contains(prefix) else { bad.append(raw); continue }
                ranges.append(Range(bytes: bytes, prefix: prefix))
            } else {
                ranges.append(Range(bytes: bytes, prefix: bits))
            }
        }
        guard bad.isEmpty else { throw Invalid(entries: bad) }
        return TrustedProxies(ranges: ranges)
    }

    struct Invalid: Error { let entries: [String] }

    func contains(_ address: String) -> Bool {
        guard let bytes = IPAddress.bytes(address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }
}

/// IPv4 and IPv6 addresses as bytes; an IPv4 address mapped into IPv6 (`::ffff:10.0.0.1`,
/// how a dual-stack socket reports an IPv4 peer) is read as the IPv4 address it carries.
enum IPAddress {
    static func bytes(_ text: String) -> [UInt8]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let unbracketed = trimmed.hasPrefix("[") && trimmed.hasSuffix("]") ? String(trimmed.dropFirst().dropLast()) : trimmed
        var v4 = in_addr()
        if inet_pton(AF_INET, unbracketed, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, unbracketed, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return Array(bytes[12...])
        }
        return bytes
    }

    static func text(_ bytes: [UInt8]) -> String {
        guard bytes.count == 16 else { return bytes.map(String.init).joined(separator: ".") }
        var v6 = in6_addr()
        withUnsafeMutableBytes(of: &v6) { $0.copyBytes(from: bytes) }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &v6, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func isLoopback(_ text: String) -> Bool {
        guard let b = bytes(text) else { return false }
        return b.count == 4 ? b[0] == 127 : b == Array(repeating: 0, count: 15) + [1]
    }
}
